package cli

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/openapi"
	"github.com/apierr/apierr/ui/specdiag"
)

// pastedRequest is the request a pasted response answered, given to
// explain with --request 'METHOD URL', --request-header and
// --request-body-file, so that it can be checked against the API's
// OpenAPI document.
type pastedRequest struct {
	line     string
	headers  []string
	bodyFile string
	// always checks the request whatever the status (--check-request).
	always bool
}

// given tells whether any request flag was used.
func (p pastedRequest) given() bool {
	return p.line != "" || len(p.headers) > 0 || p.bodyFile != ""
}

// request builds the request; one line of error names what is wrong.
func (p pastedRequest) request(env *Env) (exchange.Request, error) {
	if p.line == "" {
		return exchange.Request{}, fmt.Errorf("--request-header and --request-body-file describe the request given with --request 'METHOD URL'")
	}
	method, rawURL, ok := strings.Cut(strings.TrimSpace(p.line), " ")
	rawURL = strings.TrimSpace(rawURL)
	if !ok || method == "" || rawURL == "" {
		return exchange.Request{}, fmt.Errorf("--request %q: write it as 'METHOD URL', e.g. --request 'GET https://api.example.com/v1/items?limit=5'", p.line)
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		return exchange.Request{}, fmt.Errorf("--request %q: the URL must be absolute, e.g. https://api.example.com/v1/items", p.line)
	}
	req := exchange.Request{Method: strings.ToUpper(method), URL: rawURL, Headers: http.Header{}}
	for _, h := range p.headers {
		k, v, ok := strings.Cut(h, ":")
		if !ok || strings.TrimSpace(k) == "" {
			return exchange.Request{}, fmt.Errorf("--request-header %q has no colon: write it as 'Name: value'", h)
		}
		req.Headers.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	if p.bodyFile != "" {
		in, done, err := openExplainInput(env, p.bodyFile)
		if err != nil {
			return exchange.Request{}, err
		}
		defer done()
		body, err := io.ReadAll(io.LimitReader(in, explainBodyCap))
		if err != nil {
			return exchange.Request{}, fmt.Errorf("cannot read %s: %v", explainInputName(p.bodyFile), unwrapPathError(err))
		}
		req.Body = string(body)
	}
	return req, nil
}

// host is the request's host, for matching a profile by host.
func hostOf(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil {
		return u.Hostname()
	}
	return ""
}

// applySpec adds the matched profile's OpenAPI operations to d (send and
// explain both call it): the operation, its words for the status and,
// for a 4xx or with always, the request's violations.
func applySpec(env *Env, reg *formats.Registry, d *formats.Diagnosis, req exchange.Request, always bool) {
	if req.Method == "" || req.URL == "" {
		return
	}
	specdiag.Shared(env.ProfilesDir()).ApplyDiagnosis(reg, d, specdiag.RequestOf(req), openapi.ApplyOptions{CheckAlways: always})
}
