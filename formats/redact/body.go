package redact

import (
	"encoding/json"
	"strings"
)

// Body returns body with credential-like members and secret shapes
// redacted: string values of JSON members with a credential-like name at
// any depth (and the strings of arrays under such a member), the fields of
// a urlencoded form, then known secret shapes anywhere.
func (r *Redactor) Body(body string) string {
	t := strings.TrimLeft(body, " \t\r\n\ufeff")
	switch {
	case t == "":
		return body
	case t[0] == '{' || t[0] == '[':
		body = r.jsonMembers(body)
	case looksLikeForm(body):
		body = r.pairs(body)
	}
	return r.Text(body)
}

// jsonMembers walks JSON text without parsing it into values, so bytes
// outside secrets stay exactly as sent, and malformed JSON is handled as
// far as it goes.
func (r *Redactor) jsonMembers(s string) string {
	var b strings.Builder
	last := 0
	// stack holds, per open container, whether strings directly inside
	// it are secrets (an array under a secret member).
	stack := make([]bool, 0, 8)
	secretNext := false // the previous tokens were `"secret-name" :`
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			end := stringEnd(s, i)
			j := end
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n') {
				j++
			}
			if j < len(s) && s[j] == ':' {
				secretNext = r.secretName(unquote(s[i:end]))
				i = j
				continue
			}
			inSecretArray := len(stack) > 0 && stack[len(stack)-1]
			if secretNext || inSecretArray {
				closing := end - 1 // the closing quote, or len(s) when unterminated
				if end == len(s) && (end-1 == i || s[end-1] != '"') {
					closing = end
				}
				raw := s[i+1 : closing]
				if raw != "" && !IsMarker(raw) {
					b.WriteString(s[last : i+1])
					b.WriteString(Marker(unquote(s[i:end])))
					last = closing
				}
			}
			secretNext = false
			i = end - 1
		case '[':
			stack = append(stack, secretNext || (len(stack) > 0 && stack[len(stack)-1]))
			secretNext = false
		case '{':
			stack = append(stack, false)
			secretNext = false
		case ']', '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			secretNext = false
		case ',':
			secretNext = false
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// stringEnd returns the index just past the closing quote of the JSON
// string starting at s[i], or len(s) when it is unterminated.
func stringEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(s)
}

func unquote(q string) string {
	if len(q) >= 2 && q[0] == '"' && q[len(q)-1] == '"' && !strings.Contains(q, `\`) {
		return q[1 : len(q)-1] // the common case, without a decoder
	}
	var v string
	if err := json.Unmarshal([]byte(q), &v); err != nil {
		return strings.Trim(q, `"`)
	}
	return v
}
