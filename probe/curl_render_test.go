package probe

import (
	"net/http"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats/exchange"
)

var renderCases = []exchange.Request{
	{Method: "GET", URL: "https://api.example.test/v1/items?page=2&q=a+b", Headers: http.Header{"User-Agent": {"apierr/0.1.0"}, "Accept": {"*/*"}}},
	{Method: "POST", URL: "https://api.example.test/v1/items", Headers: http.Header{"Content-Type": {"application/json"}, "Accept": {"*/*"}},
		Body: "{\"name\": \"it's\",\n \"tab\":\"\t\", \"esc\": \"\x1b[31m\"}"},
	{Method: "DELETE", URL: "https://api.example.test/v1/items/7", Headers: http.Header{"X-Multi": {"a", "b"}, "X-Empty": {""}}},
	{Method: "PATCH", URL: "https://api.example.test/v1/items/7", Headers: http.Header{"Content-Type": {"application/merge-patch+json"}}, Body: `{"price":10}`},
	{Method: "GET", URL: "https://api.example.test/v1/search", Headers: http.Header{"Content-Type": {"text/plain"}}, Body: "body on a GET"},
	{Method: "HEAD", URL: "https://api.example.test/", Headers: http.Header{"User-Agent": {}}},
	{Method: "POST", URL: "https://api.example.test/raw", Headers: http.Header{}, Body: "no content type; @not-a-file \xff"},
}

// ParseCurl(CurlCommand(x)) gives x back.
func TestCurlRoundTrip(t *testing.T) {
	for _, x := range renderCases {
		cmd := CurlCommand(x, true)
		req, err := ParseCurl(cmd)
		if err != nil {
			t.Errorf("%s %s: ParseCurl(%s): %v", x.Method, x.URL, cmd, err)
			continue
		}
		got := exchange.Request{Method: req.Method, URL: req.URL, Headers: req.Header, Body: string(req.Body)}
		if !reflect.DeepEqual(got, x) {
			t.Errorf("round trip of\n%s\n got %#v\nwant %#v", cmd, got, x)
		}
	}
}

// The command is read by bash itself the same way (when bash is there).
func TestCurlCommandInBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	x := renderCases[1]
	cmd := CurlCommand(x, true)
	// Replace curl by printf so bash prints the argument it would pass.
	script := "curl() { for a in \"$@\"; do printf '%s\\0' \"$a\"; done; }\n" + cmd
	out, err := exec.Command(bash, "-c", script).Output()
	if err != nil {
		t.Fatal(err)
	}
	args := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	if args[len(args)-1] != x.Body {
		t.Errorf("bash read the body as %q, want %q", args[len(args)-1], x.Body)
	}
}

func TestCurlCommandRedacts(t *testing.T) {
	x := exchange.Request{Method: "GET", URL: "https://api.example.test/", Headers: http.Header{"Authorization": {"Bearer sk_live_abcdef"}, "Cookie": {"session=s3cr3t"}}}
	cmd := CurlCommand(x, false)
	if strings.Contains(cmd, "sk_live_abcdef") || strings.Contains(cmd, "s3cr3t") || !strings.Contains(cmd, "[REDACTED:") {
		t.Errorf("secrets not redacted:\n%s", cmd)
	}
	if !strings.Contains(CurlCommand(x, true), "Bearer sk_live_abcdef") {
		t.Errorf("showSecrets hides the secret")
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example.test/x": "https://a.example.test/x",
		"a b":                      "'a b'",
		"it's":                     `'it'\''s'`,
		"a\nb":                     `$'a\nb'`,
		"\x1b[2J":                  `$'\x1b[2J'`,
		"":                         "''",
		"$(rm -rf /)":              "'$(rm -rf /)'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
