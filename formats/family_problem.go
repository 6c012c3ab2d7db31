package formats

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// problemMembers are the members RFC 9457 section 3.1 defines.
var problemMembers = []string{"type", "title", "status", "detail", "instance"}

// problemFieldLists are extension members that carry field errors in
// published problem+json APIs: errors[] of {name, reason} or {detail,
// pointer} (RFC 9457 section 3, Hanger Selector), invalid-params[] (RFC
// 7807 section 3), violations[] (Zalando problem), and ASP.NET's
// ValidationProblemDetails errors{field: [messages]}.
var problemFieldLists = []string{"errors", "invalid-params", "invalid_params", "violations", "fieldErrors"}

// fillProblem recognizes RFC 9457 / RFC 7807 Problem Details: declared by
// application/problem+json, or an object with a string type or title plus
// a status code, detail or instance. The status must look like an HTTP
// status (RFC 9457, 3.1.2): ordinary resources often have a title and a
// "status": "listed" and are not problems.
func fillProblem(s *scan, m map[string]any, d *Diagnosis) bool {
	typ, title := str(m, "type"), str(m, "title")
	declared := strings.Contains(s.ctype, "problem+")
	if !declared && typ == "" && title == "" {
		return false
	}
	if !declared && title == "" && !strings.ContainsAny(typ, ":/") {
		// {"type": "error", "status": 400, "message": ...} classifies
		// an error with a word; a problem type is a URI reference.
		return false
	}
	detail := str(m, "detail")
	// A title alone with a detail is any API's pair of texts: a problem
	// also has a type, a status or an instance.
	status := problemStatus(m["status"])
	shaped := typ != "" && (status || detail != "" || has(m, "instance")) ||
		title != "" && (status || has(m, "instance") || detail != "" && isReasonPhrase(title)) ||
		strings.Contains(typ, "://") && title != "" // RFC 9457 section 3's own example has neither
	if !declared && !shaped {
		return false
	}
	d.Type, d.Title, d.Instance = typ, title, text(m, "instance")
	d.Message = detail
	if d.Message == "" {
		d.Message = title
	}
	d.Code, _ = firstText(m, "code", "error_code", "errorCode")
	if d.Code == "" {
		d.Code = problemTypeCode(typ)
	}
	if d.Code == "" && isToken(title) && !isReasonPhrase(title) && strings.ContainsAny(title, "_ABCDEFGHIJKLMNOPQRSTUVWXYZ") && !isUpperWord(title) {
		// A title that is an identifier names the problem type
		// (GovWay's "title": "InvalidRequestContent").
		d.Code = title
	}
	var buf [16]string // members used, kept off the heap
	consumed := append(buf[:0], problemMembers...)
	if d.Code != "" {
		consumed = append(consumed, "code", "error_code", "errorCode")
	}
	for _, k := range problemFieldLists {
		v, ok := m[k]
		if !ok {
			continue
		}
		if o, ok := asObj(v); ok && appendFieldMap(d, o) > 0 {
			consumed = append(consumed, k)
		} else if appendFieldList(d, v) > 0 {
			consumed = append(consumed, k)
		}
	}
	d.Extra = s.extra(m, consumed...)
	return true
}

// problemTypeCode derives a short code from a problem type URI: its last
// path segment ("https://api.occuspace.io/problems/not-found" gives
// "not-found"). about:blank and links into specifications (RFC sections,
// MDN) name no API-specific problem, so they give "".
func problemTypeCode(typ string) string {
	if typ == "" || typ == "about:blank" {
		return ""
	}
	if !strings.Contains(typ, "/") && !strings.Contains(typ, ":") {
		return typ
	}
	for _, spec := range []string{"ietf.org", "rfc-editor.org", "developer.mozilla.org", "w3.org", "httpstatuses", "iana.org"} {
		if strings.Contains(typ, spec) {
			return ""
		}
	}
	if i := strings.IndexAny(typ, "?#"); i >= 0 {
		typ = typ[:i]
	}
	typ = strings.TrimRight(typ, "/")
	if i := strings.Index(typ, "://"); i >= 0 && !strings.Contains(typ[i+3:], "/") {
		return "" // a bare host names no problem
	}
	i := strings.LastIndexAny(typ, "/:")
	seg := typ[i+1:]
	switch strings.ToLower(seg) {
	case "errors", "error", "problems", "problem", "docs", "types":
		return "" // a documentation index, not a problem name
	}
	if !isToken(seg) || strings.Contains(seg, ".") && strings.HasSuffix(seg, "html") {
		return ""
	}
	return seg
}

// isUpperWord reports a capitalized word such as "Error": a title,
// not an identifier.
func isUpperWord(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// isReasonPhrase reports whether t is the reason phrase of some HTTP
// status, as the title of an about:blank problem is (RFC 9457, 4.2.1).
func isReasonPhrase(t string) bool {
	for code := 100; code < 600; code++ {
		if p := http.StatusText(code); p != "" && strings.EqualFold(p, t) {
			return true
		}
	}
	return false
}

// problemStatus reports whether v can be a problem's status member: a
// number, or (a common mistake) a string of three digits, in 100-599.
func problemStatus(v any) bool {
	var t string
	switch x := v.(type) {
	case json.Number:
		t = x.String()
	case string:
		t = x
	default:
		return false
	}
	n, err := strconv.Atoi(t)
	return err == nil && n >= 100 && n <= 599
}
