package bodyview

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"mime"
	"strings"
)

// kind is the syntax a body is shown and highlighted as.
type kind int

const (
	kindText kind = iota
	kindJSON
	kindXML
	kindHTML
	kindYAML
)

func (k kind) String() string {
	switch k {
	case kindJSON:
		return "JSON"
	case kindXML:
		return "XML"
	case kindHTML:
		return "HTML"
	case kindYAML:
		return "YAML"
	}
	return "text"
}

// kindOf picks the syntax from the Content-Type's media type (any +json or
// +xml suffix counts), and when the header says nothing useful, from the
// body's first non-blank byte, since many APIs send JSON as text/plain or
// with no type at all.
func kindOf(contentType string, body []byte) kind {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(contentType))
	}
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "/json") ||
		mt == "text/json" || mt == "application/x-ndjson":
		return kindJSON
	case mt == "text/html" || mt == "application/xhtml+xml":
		return kindHTML
	case strings.HasSuffix(mt, "/xml") || strings.HasSuffix(mt, "+xml"):
		return kindXML
	case strings.HasSuffix(mt, "yaml") || strings.HasSuffix(mt, "yml"):
		return kindYAML
	case mt != "" && mt != "text/plain" && mt != "application/octet-stream":
		return kindText
	}
	head := bytes.TrimLeft(body[:min(len(body), 512)], " \t\r\n\ufeff")
	switch {
	case len(head) == 0:
		return kindText
	case head[0] == '{' || head[0] == '[':
		return kindJSON
	case bytes.HasPrefix(head, []byte("<?xml")):
		return kindXML
	case head[0] == '<':
		lower := bytes.ToLower(head)
		if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) {
			return kindHTML
		}
		return kindXML
	}
	return kindText
}

// pretty re-indents body for reading. It returns the body unchanged with a
// note when it is not well-formed, so a broken body is still shown exactly
// as the server sent it.
func pretty(k kind, body []byte) (out []byte, note string) {
	switch k {
	case kindJSON:
		b, err := prettyJSON(body)
		if err != nil {
			return body, "not valid JSON, shown as sent"
		}
		return b, ""
	case kindXML:
		b, err := prettyXML(body)
		if err != nil {
			return body, "not well-formed XML, shown as sent"
		}
		return b, ""
	case kindHTML:
		return prettyHTML(body), ""
	}
	return body, ""
}

// prettyJSON indents JSON by two spaces.
func prettyJSON(body []byte) ([]byte, error) {
	var out bytes.Buffer
	// Indenting about doubles a minified body; one allocation up front
	// saves copying tens of megabytes as the buffer grows.
	out.Grow(2 * len(body))
	if err := json.Indent(&out, bytes.TrimSpace(body), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// prettyXML re-indents XML from its raw tokens, keeping namespace prefixes
// as written (encoding/xml's Encoder would rewrite them). Elements that
// hold only text stay on one line: <Code>NoSuchKey</Code>.
func prettyXML(body []byte) ([]byte, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = true
	var out bytes.Buffer
	out.Grow(len(body) + len(body)/2)
	depth, elements := 0, 0
	open := false  // a start tag was written and its line is still open
	empty := false // ... and nothing has followed it yet
	newline := func() {
		if out.Len() > 0 {
			out.WriteByte('\n')
		}
		for range depth {
			out.WriteString("  ")
		}
	}
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			newline()
			out.WriteByte('<')
			out.WriteString(qname(t.Name))
			for _, a := range t.Attr {
				out.WriteByte(' ')
				out.WriteString(qname(a.Name))
				out.WriteString(`="`)
				xmlEscape(&out, []byte(a.Value), true)
				out.WriteByte('"')
			}
			out.WriteByte('>')
			depth++
			elements++
			open, empty = true, true
		case xml.EndElement:
			depth--
			switch {
			case empty:
				out.Truncate(out.Len() - 1)
				out.WriteString("/>")
			case open:
				out.WriteString("</" + qname(t.Name) + ">")
			default:
				newline()
				out.WriteString("</" + qname(t.Name) + ">")
			}
			open, empty = false, false
		case xml.CharData:
			s := bytes.TrimSpace(t)
			if len(s) == 0 {
				continue
			}
			if !open {
				newline()
			}
			xmlEscape(&out, s, false)
			empty = false
		case xml.Comment:
			newline()
			out.WriteString("<!--" + string(t) + "-->")
			open, empty = false, false
		case xml.ProcInst:
			newline()
			out.WriteString("<?" + t.Target)
			if len(t.Inst) > 0 {
				out.WriteString(" " + string(t.Inst))
			}
			out.WriteString("?>")
			open, empty = false, false
		case xml.Directive:
			newline()
			out.WriteString("<!" + string(t) + ">")
			open, empty = false, false
		}
	}
	if depth != 0 || elements == 0 {
		return nil, errors.New("not an XML document")
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func xmlEscape(out *bytes.Buffer, s []byte, attr bool) {
	for _, c := range s {
		switch {
		case c == '&':
			out.WriteString("&amp;")
		case c == '<':
			out.WriteString("&lt;")
		case c == '>':
			out.WriteString("&gt;")
		case c == '"' && attr:
			out.WriteString("&quot;")
		default:
			out.WriteByte(c)
		}
	}
}
