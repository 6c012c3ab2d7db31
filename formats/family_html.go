package formats

import (
	"html"
	"strings"
)

// htmlScanLen bounds how much of an HTML page is searched: error pages put
// their title and heading near the top.
const htmlScanLen = 64 << 10

// htmlServers are telltales of the proxy or framework that produced an
// error page: when one matches, the page most likely did not come from
// the API itself, which is worth saying.
var htmlServers = []struct{ marker, name string }{
	{"cloudflare", "Cloudflare"},
	{"<center>nginx", "nginx"},
	{"<address>apache", "Apache httpd"},
	{"microsoft-iis", "Microsoft IIS"},
	{"iis 10.0 detailed error", "Microsoft IIS"},
	{"django", "Django"},
	{"awselb", "AWS Elastic Load Balancing"},
	{"cloudfront", "Amazon CloudFront"},
	{"varnish", "Varnish"},
	{"envoy", "Envoy"},
	{"traefik", "Traefik"},
	{"heroku", "Heroku"},
	{"werkzeug", "Flask/Werkzeug"},
	{"tomcat", "Apache Tomcat"},
	{"jetty", "Eclipse Jetty"},
}

// recognizeHTML reads an HTML error page: Title is the <title>, Message
// the first <h1> (or the first <pre>, as Express prints "Cannot GET /x",
// or the title), all with tags removed and entities decoded. A Cloudflare
// "Error code 52x" becomes the code.
func recognizeHTML(b []byte, d *Diagnosis) {
	d.Format = "html"
	page := b
	if len(page) > htmlScanLen {
		page = page[:htmlScanLen]
	}
	src := string(page)
	lower := asciiLower(src)
	d.Title = htmlElementText(src, lower, "title")
	d.Message = htmlElementText(src, lower, "h1")
	// A short, generic heading (IIS's "Server Error", Django's exception
	// name) is followed by the detail: an h2, or Django's exception value.
	if d.Message != "" && len(d.Message) < 40 {
		detail := htmlClassText(src, lower, "exception_value")
		if detail == "" && len(d.Message) < 20 {
			detail = htmlElementText(src, lower, "h2")
		}
		if detail != "" {
			d.Message += ": " + detail
		}
	}
	if d.Message == "" {
		d.Message = htmlElementText(src, lower, "pre")
	}
	if d.Message == "" {
		d.Message = d.Title
	}
	if i := strings.Index(lower, "error code "); i >= 0 && strings.Contains(lower, "cloudflare") {
		j := i + len("error code ")
		k := j
		for k < len(lower) && k < j+4 && lower[k] >= '0' && lower[k] <= '9' {
			k++
		}
		if k > j {
			d.Code = lower[j:k]
		}
	}
	for _, s := range htmlServers {
		if strings.Contains(lower, s.marker) {
			d.Notes = append(d.Notes, "This HTML page looks like it came from "+s.name+", not from the API itself: the request may not have reached the API.")
			break
		}
	}
}

// htmlElementText returns the text of the first <tag> element, with inner
// tags removed, entities decoded and white space collapsed.
func htmlElementText(src, lower, tag string) string {
	open := "<" + tag
	for from := 0; ; {
		i := strings.Index(lower[from:], open)
		if i < 0 {
			return ""
		}
		i += from
		after := i + len(open)
		if after < len(lower) && (lower[after] == '>' || lower[after] == ' ' || lower[after] == '\t' || lower[after] == '\n' || lower[after] == '\r') {
			gt := strings.IndexByte(lower[after:], '>')
			if gt < 0 {
				return ""
			}
			start := after + gt + 1
			end := strings.Index(lower[start:], "</"+tag)
			if end < 0 {
				end = len(lower) - start
			}
			return cleanText(stripTags(src[start : start+end]))
		}
		from = after
	}
}

// htmlClassText returns the text of the first element whose class
// attribute starts with class.
func htmlClassText(src, lower, class string) string {
	i := strings.Index(lower, `class="`+class)
	if i < 0 {
		return ""
	}
	gt := strings.IndexByte(lower[i:], '>')
	if gt < 0 {
		return ""
	}
	start := i + gt + 1
	end := strings.Index(lower[start:], "</")
	if end < 0 {
		end = len(lower) - start
	}
	return cleanText(stripTags(src[start : start+end]))
}

// asciiLower lower-cases ASCII letters only, so that byte offsets in the
// result are offsets in s too (strings.ToLower rewrites invalid UTF-8
// and some runes to sequences of another length).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// stripTags removes markup from a fragment of HTML.
func stripTags(s string) string {
	if !strings.ContainsRune(s, '<') {
		return s
	}
	var b strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<':
			in = true
			b.WriteByte(' ')
		case c == '>' && in:
			in = false
		case !in:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// cleanText decodes entities, collapses runs of white space and replaces
// invalid UTF-8 (pages in Latin-1 that do not say so) with U+FFFD.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.ContainsRune(s, '&') {
		s = html.UnescapeString(s)
	}
	return strings.Join(strings.Fields(s), " ")
}
