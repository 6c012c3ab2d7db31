package formats

import (
	"strconv"
)

// The members JSON:API allows in an error document and in an error
// object (JSON:API 1.1, sections 7.1 and 11.2): other members mean
// another format that happens to use "errors".
var (
	jsonapiTopMembers   = []string{"errors", "jsonapi", "meta", "links"}
	jsonapiErrorMembers = []string{"id", "links", "status", "code", "title", "detail", "source", "meta"}
)

// onlyMembers reports whether every member of m is in allowed.
func onlyMembers(m map[string]any, allowed []string) bool {
	for k := range m {
		if !contains(allowed, k) {
			return false
		}
	}
	return true
}

// fillJSONAPI recognizes a JSON:API error document
// (https://jsonapi.org/format/#error-objects): {"errors": [{"status",
// "code", "title", "detail", "source": {"pointer"|"parameter"}}]}. Items
// with a source are field errors; the first item gives code and message.
func fillJSONAPI(s *scan, m map[string]any, d *Diagnosis) bool {
	list := arr(m, "errors")
	if len(list) == 0 {
		return false
	}
	first, ok := asObj(list[0])
	if !ok || !onlyMembers(m, jsonapiTopMembers) || !onlyMembers(first, jsonapiErrorMembers) {
		return false
	}
	if !has(first, "detail") && !has(first, "title") && !has(first, "source") && !has(first, "code") {
		return false
	}
	d.Code = text(first, "code")
	d.Title = str(first, "title")
	d.Message = str(first, "detail")
	if d.Message == "" {
		d.Message = d.Title
	}
	for _, item := range list {
		if len(d.FieldErrors) >= maxFieldErrors {
			break
		}
		im, ok := asObj(item)
		src := obj(im, "source")
		if !ok || src == nil {
			continue
		}
		field, _ := firstText(src, "pointer", "parameter", "header")
		if field == "" {
			continue
		}
		msg := str(im, "detail")
		if msg == "" {
			msg = str(im, "title")
		}
		d.FieldErrors = append(d.FieldErrors, FieldError{Field: field, Message: msg, Code: text(im, "code")})
	}
	if len(list) > 1 {
		d.Notes = append(d.Notes, "The body carries "+plural(len(list), "error")+"; the first one is shown.")
	}
	d.Extra = s.extra(m, "errors")
	return true
}

// fillGraphQL recognizes a GraphQL response with errors (GraphQL over
// HTTP, and the GraphQL spec section 7.1.2): {"errors": [{"message",
// "locations", "path", "extensions": {"code"}}], "data": ...}. Servers
// often send it with HTTP 200, which a note points out.
func fillGraphQL(s *scan, m map[string]any, d *Diagnosis) bool {
	list := arr(m, "errors")
	if len(list) == 0 {
		return false
	}
	first, ok := asObj(list[0])
	if !ok || str(first, "message") == "" {
		return false
	}
	// A GraphQL path is a list of names and indexes; a string path is
	// some other list's field (express-openapi-validator's "/body/x").
	if !has(m, "data") && !has(first, "locations") && arr(first, "path") == nil && !has(first, "extensions") {
		return false
	}
	d.Message = str(first, "message")
	if ext := obj(first, "extensions"); ext != nil {
		d.Code, _ = firstText(ext, "code", "errorCode", "classification")
	}
	if d.Code == "" {
		d.Code = text(first, "type") // GitHub's GraphQL API: "type": "NOT_FOUND"
	}
	for _, item := range list {
		if len(d.FieldErrors) >= maxFieldErrors {
			break
		}
		im, ok := asObj(item)
		if !ok {
			continue
		}
		if p := fieldName(im["path"]); p != "" {
			code := ""
			if ext := obj(im, "extensions"); ext != nil {
				code = text(ext, "code")
			}
			d.FieldErrors = append(d.FieldErrors, FieldError{Field: p, Message: str(im, "message"), Code: code})
		}
	}
	if s.status >= 200 && s.status < 300 {
		d.Notes = append(d.Notes, "The HTTP status is "+strconv.Itoa(s.status)+" but the body carries "+plural(len(list), "GraphQL error")+": the request failed at least in part.")
	} else if len(list) > 1 {
		d.Notes = append(d.Notes, "The body carries "+plural(len(list), "GraphQL error")+"; the first one is shown.")
	}
	d.Extra = s.extra(m, "errors", "data")
	return true
}

// plural says "1 thing" or "3 things".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}
