package formats

import (
	"strings"
	"unicode/utf8"
)

// bodyKind is what the bytes of a body look like, whatever the
// Content-Type header claims.
type bodyKind int

const (
	kindEmpty bodyKind = iota
	kindJSON
	kindXML
	kindHTML
	kindText
	kindBinary
)

// String names the kind in notes shown to a person.
func (k bodyKind) String() string {
	switch k {
	case kindEmpty:
		return "empty"
	case kindJSON:
		return "JSON"
	case kindXML:
		return "XML"
	case kindHTML:
		return "HTML"
	case kindBinary:
		return "binary data"
	}
	return "plain text"
}

// sniffLen is how much of the body the sniffer looks at, like
// net/http.DetectContentType's 512 bytes.
const sniffLen = 512

// htmlOpeners are the tag names that make a body HTML when they are the
// first tag (after an optional doctype or comment).
var htmlOpeners = []string{"html", "head", "body", "title", "h1", "h2", "p", "div", "center", "pre", "meta", "style", "script", "table", "br"}

// trimText drops a UTF-8 byte order mark and surrounding white space.
func trimText(body string) string {
	return strings.TrimSpace(strings.TrimPrefix(body, "\xef\xbb\xbf"))
}

// sniffBody classifies a (trimmed) body by its first bytes. JSON is
// anything that starts like a JSON value; the JSON parser decides later
// whether it really is. Markup is HTML when its first tag is an HTML one
// or it declares an HTML doctype, XML otherwise. Binary means NUL bytes or
// invalid UTF-8 near the start.
func sniffBody(b string) bodyKind {
	if len(b) == 0 {
		return kindEmpty
	}
	switch b[0] {
	case '{', '[', '"':
		return kindJSON
	case '<':
		return sniffMarkup(b)
	}
	if isJSONScalar(b) {
		return kindJSON
	}
	if looksBinary(b) {
		return kindBinary
	}
	return kindText
}

// isJSONScalar reports whether b is a bare JSON number, true, false or
// null (some servers answer an error with just `null`).
func isJSONScalar(b string) bool {
	switch b {
	case "true", "false", "null":
		return true
	}
	if len(b) > 32 {
		return false
	}
	c := b[0]
	if c != '-' && (c < '0' || c > '9') {
		return false
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
			return false
		}
	}
	return true
}

// looksBinary reports a NUL byte, or more than one in ten bytes being
// invalid UTF-8 or control characters, in the first sniffLen bytes. A few
// stray bytes (Latin-1 text sent as if it were UTF-8) are still text.
func looksBinary(b string) bool {
	head := b
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if strings.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRuneInString(head[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			if len(head) < len(b) && len(head)-i < utf8.UTFMax {
				i = len(head) // a rune cut by the window's end
				continue
			}
			bad++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != 0x1b:
			bad++
		}
		i += size
	}
	return bad*10 > len(head)
}

// sniffMarkup tells HTML from XML by the first real tag.
func sniffMarkup(b string) bodyKind {
	if looksBinary(b) {
		return kindBinary
	}
	head := b
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	lower := asciiLower(head)
	if strings.Contains(lower, "<!doctype html") {
		return kindHTML
	}
	i := 0
	for i < len(lower) {
		j := strings.IndexByte(lower[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		rest := lower[i:]
		switch {
		case strings.HasPrefix(rest, "?"), strings.HasPrefix(rest, "!"):
			// XML declaration, comment or doctype: look at the next tag.
			continue
		}
		name := rest
		if k := strings.IndexAny(name, " \t\r\n/>"); k >= 0 {
			name = name[:k]
		}
		for _, h := range htmlOpeners {
			if name == h {
				return kindHTML
			}
		}
		return kindXML
	}
	return kindXML
}

// mediaKind maps a Content-Type header to the body kind it promises, and
// reports false when it promises nothing checkable (absent,
// application/octet-stream, ...).
func mediaKind(ctype string) (bodyKind, bool) {
	switch {
	case ctype == "":
		return 0, false
	case strings.Contains(ctype, "json"):
		return kindJSON, true
	case strings.Contains(ctype, "html"):
		return kindHTML, true
	case strings.Contains(ctype, "xml"):
		return kindXML, true
	case strings.HasPrefix(ctype, "text/"):
		return kindText, true
	}
	return 0, false
}

// mediaType returns the lower-case media type of a Content-Type value,
// without parameters.
func mediaType(v string) string {
	if i := strings.IndexByte(v, ';'); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimSpace(v)
	for i := 0; i < len(v); i++ {
		if c := v[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(v)
		}
	}
	return v
}

// noteContentType adds a note when the Content-Type header and the body
// disagree, since recognition went by the body.
func noteContentType(d *Diagnosis, ctype string, kind bodyKind) {
	want, ok := mediaKind(ctype)
	if !ok || kind == kindEmpty || want == kind {
		return
	}
	d.Notes = append(d.Notes, "The Content-Type header says "+ctype+" but the body is "+kind.String()+"; it was read as "+kind.String()+".")
}
