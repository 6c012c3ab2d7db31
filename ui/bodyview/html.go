package bodyview

import (
	"bytes"
)

// blockTags start a new line when HTML is re-indented; voidTags among them
// have no closing tag.
var (
	blockTags = map[string]bool{
		"html": true, "head": true, "body": true, "title": true, "meta": true, "link": true,
		"div": true, "p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
		"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
		"hr": true, "form": true, "section": true, "header": true, "footer": true, "nav": true,
		"main": true, "article": true, "center": true, "blockquote": true, "address": true,
		"script": true, "style": true, "pre": true, "noscript": true, "!doctype": true,
	}
	voidTags = map[string]bool{"meta": true, "link": true, "hr": true, "!doctype": true}
	// rawTags hold text that is copied verbatim up to their closing tag.
	rawTags = map[string]bool{"script": true, "style": true, "pre": true, "textarea": true}
)

// prettyHTML puts block-level tags of a one-line HTML page on lines of
// their own, indented by nesting, the way a person would lay it out.
// Pages that already have lines are left exactly as sent, and so is the
// content of script, style and pre. It never fails: HTML in the wild is
// rarely well-formed, and a tag it does not know is left inline.
func prettyHTML(b []byte) []byte {
	if bytes.Count(b, []byte{'\n'})*200 >= len(b) {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/8)
	var open []bool // per open block tag: did it get a block child?
	newline := func() {
		if out.Len() > 0 {
			out.WriteByte('\n')
		}
		for range len(open) {
			out.WriteString("  ")
		}
	}
	for i := 0; i < len(b); {
		if b[i] != '<' {
			j := bytes.IndexByte(b[i:], '<')
			if j < 0 {
				j = len(b) - i
			}
			out.Write(b[i : i+j])
			i += j
			continue
		}
		if bytes.HasPrefix(b[i:], []byte("<!--")) {
			end := bytes.Index(b[i:], []byte("-->"))
			if end < 0 {
				end = len(b) - i - 3
			}
			out.Write(b[i : i+end+3])
			i += end + 3
			continue
		}
		end := bytes.IndexByte(b[i:], '>')
		if end < 0 {
			out.Write(b[i:])
			break
		}
		tag := b[i : i+end+1]
		name, closing := tagName(tag)
		i += end + 1
		switch {
		case !blockTags[name]:
			out.Write(tag)
		case closing:
			if len(open) > 0 {
				hadChild := open[len(open)-1]
				open = open[:len(open)-1]
				if hadChild {
					newline()
				}
			}
			out.Write(tag)
		default:
			if len(open) > 0 {
				open[len(open)-1] = true
			}
			newline()
			out.Write(tag)
			if voidTags[name] || bytes.HasSuffix(tag, []byte("/>")) {
				continue
			}
			open = append(open, false)
			if rawTags[name] {
				j := asciiFoldIndex(b[i:], []byte("</"+name))
				if j < 0 {
					j = len(b) - i
				}
				out.Write(b[i : i+j])
				i += j
			}
		}
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// tagName returns the lower-case name of a tag like <div class=x> or
// </div>, and whether it is a closing tag.
func tagName(tag []byte) (string, bool) {
	t := tag[1:]
	closing := len(t) > 0 && t[0] == '/'
	if closing {
		t = t[1:]
	}
	n := 0
	for n < len(t) && (isAlnum(t[n]) || (n == 0 && t[n] == '!')) {
		n++
	}
	return string(bytes.ToLower(t[:n])), closing
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
