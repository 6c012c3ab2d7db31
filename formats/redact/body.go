package redact

import (
	"encoding/json"
	"mime"
	"mime/multipart"
	"strings"
)

// body redacts a body: JSON members by name, urlencoded and multipart
// fields by name, then secret shapes anywhere. contentType may be "".
func (p *pass) body(body, contentType string) string {
	t := strings.TrimLeft(body, " \t\r\n\ufeff")
	mt, params, _ := mime.ParseMediaType(contentType)
	switch {
	case t == "":
		return body
	case strings.HasPrefix(mt, "multipart/") && params["boundary"] != "":
		body = p.multipart(body, params["boundary"])
	case t[0] == '{' || t[0] == '[':
		body = p.jsonMembers(body)
	case mt == "application/x-www-form-urlencoded" || looksLikeForm(body):
		body = p.pairs(body)
	}
	return p.text(body)
}

// multipart redacts the fields of a multipart body whose names look like
// credentials, and redacts each other text field as a body of its own
// (a JSON part with a password member). mime/multipart reads the parts'
// names; the values are then replaced where they stand, part by part in
// the same order, so the framing is kept byte for byte.
func (p *pass) multipart(body, boundary string) string {
	type field struct {
		secret bool
		ctype  string
	}
	var fields []field
	mr := multipart.NewReader(strings.NewReader(body), boundary)
	for {
		part, err := mr.NextRawPart()
		if err != nil {
			break
		}
		fields = append(fields, field{
			secret: p.secretName(part.FormName()),
			ctype:  part.Header.Get("Content-Type"),
		})
		if part.FileName() != "" && !fields[len(fields)-1].secret {
			fields[len(fields)-1].ctype = "file"
		}
	}
	delim := "--" + boundary
	segs := strings.Split(body, delim)
	// segs[0] is the preamble; each next one is "\r\nheaders\r\n\r\ncontent\r\n".
	for i := 1; i < len(segs) && i-1 < len(fields); i++ {
		f := fields[i-1]
		if f.ctype == "file" {
			continue
		}
		seg := segs[i]
		h := strings.Index(seg, "\r\n\r\n")
		sep := 4
		if h < 0 {
			h, sep = strings.Index(seg, "\n\n"), 2
		}
		if h < 0 {
			continue
		}
		start := h + sep
		end := len(seg)
		if strings.HasSuffix(seg, "\r\n") {
			end -= 2
		} else if strings.HasSuffix(seg, "\n") {
			end--
		}
		if end <= start {
			continue
		}
		v := seg[start:end]
		if f.secret {
			v = p.mark(v)
		} else {
			v = p.body(v, f.ctype)
		}
		segs[i] = seg[:start] + v + seg[end:]
	}
	return strings.Join(segs, delim)
}

// jsonMembers walks JSON text without parsing it into values, so bytes
// outside secrets stay exactly as sent, and malformed JSON is handled as
// far as it goes. The value of a member with a credential-like name is
// redacted whatever its type: a string, a number, or every string and
// number inside an object or array.
func (p *pass) jsonMembers(s string) string {
	var b strings.Builder
	last := 0
	// stack holds, per open container, whether the values inside it are
	// secrets (a container under a secret member).
	stack := make([]bool, 0, 8)
	secretNext := false // the previous tokens were `"secret-name" :`
	inSecret := func() bool { return len(stack) > 0 && stack[len(stack)-1] }
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			end := stringEnd(s, i)
			j := end
			for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n') {
				j++
			}
			if j < len(s) && s[j] == ':' {
				secretNext = p.secretName(unquote(s[i:end]))
				i = j
				continue
			}
			if secretNext || inSecret() {
				closing := end - 1 // the closing quote, or len(s) when unterminated
				if end == len(s) && (end-1 == i || s[end-1] != '"') {
					closing = end
				}
				raw := s[i+1 : closing]
				if raw != "" && !IsMarker(raw) {
					b.WriteString(s[last : i+1])
					if v := unquote(s[i:end]); v != raw {
						p.record(raw) // the escaped form servers echo
						b.WriteString(p.mark(v))
					} else {
						b.WriteString(p.mark(raw))
					}
					last = closing
				}
			}
			secretNext = false
			i = end - 1
		case c == '-' || c >= '0' && c <= '9':
			end := i + 1
			for end < len(s) && strings.IndexByte("0123456789.eE+-", s[end]) >= 0 {
				end++
			}
			if secretNext || inSecret() {
				// A number becomes a string marker: the JSON stays valid.
				b.WriteString(s[last:i])
				b.WriteString(`"` + p.mark(s[i:end]) + `"`)
				last = end
			}
			secretNext = false
			i = end - 1
		case c == '[' || c == '{':
			stack = append(stack, secretNext || inSecret())
			secretNext = false
		case c == ']' || c == '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			secretNext = false
		case c == ',':
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
