package formats

import (
	"strings"

	"golang.org/x/net/html"
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

// maxHTMLTokens bounds the tokens read from a page, so that a page of
// 100 000 nested elements stays quick.
const maxHTMLTokens = 20000

// recognizeHTML reads an HTML error page: Title is the <title>, Message
// the first <h1> (or the first <pre>, as Express prints "Cannot GET /x",
// or the title), read with the golang.org/x/net/html tokenizer so that
// comments, scripts and styles never count. A Cloudflare "Error code 52x"
// becomes the code.
func recognizeHTML(page string, d *Diagnosis) {
	d.Format = "html"
	if len(page) > htmlScanLen {
		page = page[:htmlScanLen]
	}
	p := readHTMLPage(page)
	d.Title = p.text[htmlTitle]
	d.Message = p.text[htmlH1]
	// A short, generic heading (IIS's "Server Error", Django's exception
	// name) is followed by the detail: an h2, or Django's exception value.
	if d.Message != "" && len(d.Message) < 40 {
		detail := p.text[htmlException]
		if detail == "" && len(d.Message) < 20 {
			detail = p.text[htmlH2]
		}
		if detail != "" {
			d.Message += ": " + detail
		}
	}
	if d.Message == "" {
		d.Message = p.text[htmlPre]
	}
	if d.Message == "" {
		d.Message = d.Title
	}
	lower := asciiLower(page)
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

// The elements of a page whose text recognition reads.
const (
	htmlTitle = iota
	htmlH1
	htmlH2
	htmlPre
	htmlException // Django's class="exception_value"
	htmlParts
)

// htmlPage holds the text of the first element of each part.
type htmlPage struct {
	text [htmlParts]string
}

// readHTMLPage tokenizes page and keeps the text of the first <title>,
// <h1>, <h2>, <pre> and exception_value element, inner tags removed,
// entities decoded and white space collapsed. Text inside <script>,
// <style> and <template>, and comments, is skipped.
func readHTMLPage(page string) htmlPage {
	var p htmlPage
	z := html.NewTokenizer(strings.NewReader(page))
	part, open, nest := -1, "", 0 // the part being read and its element
	skip := ""                    // the script-like element we are in
	var buf strings.Builder
	done := func() {
		p.text[part] = strings.Join(strings.Fields(strings.ToValidUTF8(buf.String(), "\uFFFD")), " ")
		part, open, nest = -1, "", 0
		buf.Reset()
	}
	for i := 0; i < maxHTMLTokens; i++ {
		switch z.Next() {
		case html.ErrorToken:
			if part >= 0 {
				done()
			}
			return p
		case html.TextToken:
			if part >= 0 && skip == "" {
				buf.Write(z.Text())
				buf.WriteByte(' ')
			}
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			switch tag {
			case "script", "style", "template", "noscript":
				skip = tag
				continue
			}
			if part >= 0 {
				if tag == open {
					nest++
				}
				buf.WriteByte(' ')
				continue
			}
			if k := htmlPart(tag, hasAttr, z); k >= 0 && p.text[k] == "" {
				part, open = k, tag
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case tag == skip:
				skip = ""
			case part >= 0 && tag == open && nest > 0:
				nest--
			case part >= 0 && tag == open:
				done()
			case part >= 0:
				buf.WriteByte(' ')
			}
		}
	}
	if part >= 0 {
		done()
	}
	return p
}

// htmlPart returns the part a start tag begins, -1 for none.
func htmlPart(tag string, hasAttr bool, z *html.Tokenizer) int {
	switch tag {
	case "title":
		return htmlTitle
	case "h1":
		return htmlH1
	case "h2":
		return htmlH2
	}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		if string(k) == "class" && strings.HasPrefix(string(v), "exception_value") {
			return htmlException
		}
	}
	if tag == "pre" {
		return htmlPre
	}
	return -1
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
