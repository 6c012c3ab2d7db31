package openapi

import (
	"net/url"
	"strings"
)

// security reports the operation's security requirements the request
// meets none of. One violation names what the simplest alternative needs.
func (c *checker) security(op *Operation, req Request, query url.Values, cookies map[string]string) {
	if len(op.Security) == 0 {
		return
	}
	var firstMissing []string
	for _, alt := range op.Security {
		var missing []string
		for _, name := range alt {
			if !c.meets(name, req, query, cookies) {
				missing = append(missing, name)
			}
		}
		if len(missing) == 0 {
			return
		}
		if firstMissing == nil {
			firstMissing = missing
		}
	}
	for _, name := range firstMissing {
		in, what, value := c.needs(name, req, query, cookies)
		c.add("security", what, value, in+" (security scheme "+name+")")
	}
}

// meets tells whether the request carries the credentials scheme name asks for.
func (c *checker) meets(name string, req Request, query url.Values, cookies map[string]string) bool {
	s, ok := c.ix.Security[name]
	if !ok {
		return true // undefined scheme: nothing to check against
	}
	switch s.Type {
	case "apiKey":
		switch s.In {
		case "header":
			return req.Header.Get(s.Name) != ""
		case "query":
			return query.Get(s.Name) != ""
		case "cookie":
			return cookies[s.Name] != ""
		}
		return true
	case "http":
		scheme, _, _ := strings.Cut(req.Header.Get("Authorization"), " ")
		if s.Scheme == "" {
			return scheme != ""
		}
		return strings.EqualFold(scheme, s.Scheme)
	case "oauth2", "openIdConnect":
		scheme, _, _ := strings.Cut(req.Header.Get("Authorization"), " ")
		return strings.EqualFold(scheme, "bearer")
	}
	return true // mutualTLS and unknown types cannot be seen in a request
}

// needs words what scheme name requires, the name of the place, and what
// the request sent there instead.
func (c *checker) needs(name string, req Request, query url.Values, cookies map[string]string) (rule, place, sent string) {
	s := c.ix.Security[name]
	auth := req.Header.Get("Authorization")
	switch s.Type {
	case "apiKey":
		switch s.In {
		case "query":
			return "send the API key in query parameter " + s.Name, s.Name, ""
		case "cookie":
			return "send the API key in cookie " + s.Name, s.Name, ""
		}
		return "send the API key in header " + s.Name, s.Name, ""
	case "http":
		scheme := s.Scheme
		if scheme == "" {
			return "send an Authorization header", "Authorization", auth
		}
		word, what := strings.ToUpper(scheme[:1])+scheme[1:], "<credentials>"
		if scheme == "bearer" {
			what = "<token>"
		}
		return "send Authorization: " + word + " " + what, "Authorization", auth
	}
	return "send Authorization: Bearer <access token> (" + s.Type + ")", "Authorization", auth
}
