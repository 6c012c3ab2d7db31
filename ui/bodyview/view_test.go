package bodyview

import (
	"fmt"
	"strings"
	"testing"
)

// Bodies from published error documentation; each notes its source.
const (
	// ../shared/seeds/000 (Occuspace API docs, "Error Response Format").
	occuspaceJSON = `{"type":"https://api.occuspace.io/problems/not-found","title":"Not Found","status":404,"detail":"Location 1560 not found or not accessible","instance":"/v2/locations/1560","request_id":"f1b8698f-b0e8-4fb9-82e1-ddf89029350c"}`
	// https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
	s3XML = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist</Message><Resource>/mybucket/myfoto.jpg</Resource><RequestId>4442587FB7D0A2F9</RequestId></Error>`
	// nginx's built-in 502 page, src/http/ngx_http_special_response.c.
	nginxHTML = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	// Spring Boot's "Whitelabel Error Page" (spring-boot,
	// ErrorMvcAutoConfiguration.StaticView), all on one line; the script
	// is ours, to show that script content is kept verbatim.
	springHTML = `<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p><div id='created'>Mon Jan 01 00:00:00 UTC 2024</div><div>There was an unexpected error (type=Not Found, status=404).</div><script>if (a<b) {}</script></body></html>`
	// Envoy's local reply when the upstream is down (envoyproxy/envoy,
	// source/common/router/router.cc).
	envoyText = "upstream connect error or disconnect/reset before headers. reset reason: connection failure"
	// RFC 9457, section 3 (Problem Details), with its extension members.
	rfc9457JSON = `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}`
)

// hostile is a body that tries to drive the terminal: a colour, a title
// change, a clipboard write (OSC 52), a cursor move and a bidi override.
const hostile = "{\"error\":\"\x1b[31mred\x1b[0m \x1b]0;owned\x07 \x1b]52;c;aGVsbG8=\x07 \x1b[2J\x1b[H \u202eevil\",\"c1\":\"\xc2\x9b31m\"}"

func longLines() string {
	var b strings.Builder
	for i := range 6 {
		fmt.Fprintf(&b, "line %d: %s|end\n", i, strings.Repeat(fmt.Sprintf("%c", 'a'+i), 150+i*40))
	}
	return b.String()
}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name, contentType, body string
		keys                    []string
	}{
		{name: "json_pretty", contentType: "application/problem+json", body: occuspaceJSON},
		{name: "json_invalid", contentType: "application/json", body: `{"error": "unterminated`},
		{name: "xml", contentType: "application/xml", body: s3XML},
		{name: "html", contentType: "text/html", body: nginxHTML},
		{name: "html_one_line", contentType: "text/html;charset=UTF-8", body: springHTML},
		{name: "plain", contentType: "text/plain", body: envoyText},
		{name: "empty", contentType: "", body: ""},
		{name: "escapes_inert", contentType: "application/json", body: hostile},
		{name: "long_lines", contentType: "text/plain", body: longLines()},
		{name: "long_lines_scrolled", contentType: "text/plain", body: longLines(), keys: []string{"right", "right"}},
		{name: "search_match", contentType: "application/problem+json", body: rfc9457JSON, keys: []string{"/", "t:account", "enter", "n"}},
		{name: "search_prompt_open", contentType: "application/problem+json", body: rfc9457JSON, keys: []string{"/", "t:bal"}},
	}
	for _, c := range cases {
		for _, size := range [][2]int{{80, 20}, {160, 40}} {
			name := fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1])
			t.Run(name, func(t *testing.T) {
				m := newViewer(t, c.body, c.contentType, size[0], size[1])
				for _, k := range c.keys {
					if s, ok := strings.CutPrefix(k, "t:"); ok {
						m = typeText(m, s)
					} else {
						m = press(m, k)
					}
				}
				golden(t, name, screen(m))
			})
		}
	}
}
