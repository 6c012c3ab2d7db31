package formats

import (
	"encoding/json"
	"sort"
	"strings"
)

// Helpers over a JSON value decoded into any (with UseNumber). Every
// family reads the same parsed value through these, so a member of the
// wrong type ("status": "404", "message": 42) degrades to "absent" or to
// its text instead of a panic.

// asObj returns v as a JSON object.
func asObj(v any) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	return m, ok
}

// asArr returns v as a JSON array.
func asArr(v any) ([]any, bool) {
	a, ok := v.([]any)
	return a, ok
}

// obj returns member key of m when it is an object.
func obj(m map[string]any, key string) map[string]any {
	o, _ := m[key].(map[string]any)
	return o
}

// arr returns member key of m when it is an array.
func arr(m map[string]any, key string) []any {
	a, _ := m[key].([]any)
	return a
}

// str returns member key of m when it is a JSON string.
func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// scalar returns the text of a string or number value, "" otherwise.
func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	return ""
}

// text returns member key of m as text when it is a string or a number.
func text(m map[string]any, key string) string {
	return scalar(m[key])
}

// firstText returns the first of keys whose member is non-empty text,
// and that key.
func firstText(m map[string]any, keys ...string) (string, string) {
	for _, k := range keys {
		if s := text(m, k); s != "" {
			return s, k
		}
	}
	return "", ""
}

// has reports whether m has member key, whatever its type.
func has(m map[string]any, key string) bool {
	_, ok := m[key]
	return ok
}

// intMember returns member key as an integer, from a number or from a
// string of digits (some servers send "status": "404").
func intMember(m map[string]any, key string) (int64, bool) {
	var s string
	switch x := m[key].(type) {
	case json.Number:
		s = x.String()
	case string:
		s = strings.TrimSpace(x)
	default:
		return 0, false
	}
	if s == "" || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// textList joins a string, or an array of strings, into one message.
func textList(v any) string {
	if s := scalar(v); s != "" {
		return s
	}
	a, ok := asArr(v)
	if !ok {
		return ""
	}
	parts := make([]string, 0, len(a))
	for _, e := range a {
		if s := scalar(e); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

// extraMembers copies the members of m whose keys are not in known, as
// sent. It returns nil when nothing is left.
func extraMembers(m map[string]any, known ...string) map[string]any {
	return extraMembersBut(m, "", known)
}

// extra is extraMembers of the top-level object m, less the member that
// findRequestID will take as the request id (which it would drop from
// Extra again): a body like {"error": "...", "request_id": "..."} then
// needs no Extra map at all. Only for families that leave RequestID to
// findRequestID.
func (s *scan) extra(m map[string]any, known ...string) map[string]any {
	return extraMembersBut(m, s.rid, known)
}

// extraMembersBut is extraMembers also leaving out rid, unless it is "".
func extraMembersBut(m map[string]any, rid string, known []string) map[string]any {
	var out map[string]any
outer:
	for k, v := range m {
		if rid != "" && k == rid {
			continue
		}
		for _, kk := range known {
			if k == kk {
				continue outer
			}
		}
		if out == nil {
			out = make(map[string]any, len(m))
		}
		out[k] = v
	}
	return out
}

// mergeExtra adds src's members to d.Extra without overwriting.
func mergeExtra(d *Diagnosis, src map[string]any) {
	if len(src) == 0 {
		return
	}
	if d.Extra == nil {
		d.Extra = src
		return
	}
	for k, v := range src {
		if _, ok := d.Extra[k]; !ok {
			d.Extra[k] = v
		}
	}
}

// sortedKeys returns m's keys in order, so that field errors read from an
// object come out the same every time (JSON objects carry no order once
// decoded).
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// isToken reports whether s looks like a machine code (INVALID_GRANT,
// invalid_grant, not-found, Request_ResourceNotFound, a PHP class name
// Sabre\DAV\Exception\NotFound) rather than a sentence.
func isToken(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '_' || c == '-' || c == '.' || c == ':' || c == '#' || c == '/' || c == '\\':
		default:
			return false
		}
	}
	return true
}
