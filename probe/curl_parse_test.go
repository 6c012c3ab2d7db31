package probe

import (
	"encoding/base64"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Browser copies below keep the shape Chrome and Firefox produce with
// "Copy as cURL (bash)" (one option a line, lower-case names from Chrome,
// $'…' for bodies with newlines or quotes, -b for cookies, --compressed);
// hosts and secrets are replaced with example values. Shapes taken from
// published copies: github.com/firefox-devtools/devtools-core/issues/1023
// (Firefox 60 and Chrome 65), and Chrome 116 / 143 copies quoted in public
// READMEs (--data-raw $'{\n …}', -H 'Referer;').
// shellCases are how bash reads quoting; apierr must read it the same.
var shellCases = []struct {
	cmd  string
	args []string
}{
	{`curl 'a b' "c d" e\ f`, []string{"a b", "c d", "e f"}},
	{`curl "it's" 'say "hi"' $'tab\there\x21'`, []string{"it's", `say "hi"`, "tab\there!"}},
	{"curl a \\\n  b \\\r\n  c", []string{"a", "b", "c"}},
	{`curl \n \t "\n" '\n'`, []string{"n", "t", `\n`, `\n`}},
	// Variables are kept as ${NAME} for Request.Expand; an escaped $ is text.
	{`curl "Bearer $TOKEN" ${HOST}/x '$KEEP' \$HOME`, []string{"Bearer ${TOKEN}", "${HOST}/x", "$KEEP", "$HOME"}},
	// Bytes that are not UTF-8, and a NUL, come through as they are.
	{`curl $'\xff\xfe' $'X: \x00'`, []string{"\xff\xfe", "X: \x00"}},
}

func TestSplitCommand(t *testing.T) {
	for _, c := range shellCases {
		words, err := splitCommand(c.cmd)
		if err != nil {
			t.Errorf("%s: %v", c.cmd, err)
			continue
		}
		if !reflect.DeepEqual(words[1:], c.args) {
			t.Errorf("%s:\n got %q\nwant %q", c.cmd, words[1:], c.args)
		}
	}
}

var parseCases = []struct {
	name    string
	cmd     string
	method  string
	url     string
	header  http.Header
	body    string
	options Options
}{
	{
		name: "chrome bash GET with cookies",
		cmd: `curl 'https://api.example.test/v1/users?page=2&per_page=50' \
  -H 'accept: application/json' \
  -H 'accept-language: en-GB,en;q=0.9' \
  -b 'session=abc123; theme=dark' \
  -H 'sec-ch-ua: "Chromium";v="141", "Not?A_Brand";v="8"' \
  -H 'sec-ch-ua-mobile: ?0' \
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36'`,
		method: "GET",
		url:    "https://api.example.test/v1/users?page=2&per_page=50",
		header: http.Header{
			"Accept":           {"application/json"},
			"Accept-Language":  {"en-GB,en;q=0.9"},
			"Cookie":           {"session=abc123; theme=dark"},
			"Sec-Ch-Ua":        {`"Chromium";v="141", "Not?A_Brand";v="8"`},
			"Sec-Ch-Ua-Mobile": {"?0"},
			"User-Agent":       {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36"},
		},
	},
	{
		name: "chrome bash POST with $'…' body",
		cmd: `curl 'http://localhost:3333/notification/push/send' \
  -H 'content-type: application/json' \
  -H 'Referer;' \
  -H 'sec-ch-ua-platform: "macOS"' \
  --data-raw $'{\n    "endpoint": "<ENDPOINT>",\n    "note": "it\'s \u0021"\n}\n' \
  --compressed`,
		method: "POST",
		url:    "http://localhost:3333/notification/push/send",
		header: http.Header{
			"Content-Type":       {"application/json"},
			"Referer":            {""},
			"Sec-Ch-Ua-Platform": {`"macOS"`},
		},
		body:    "{\n    \"endpoint\": \"<ENDPOINT>\",\n    \"note\": \"it's !\"\n}\n",
		options: Options{Compressed: true},
	},
	{
		name:   "firefox bash POST form",
		cmd:    `curl 'http://shop.example.test/wp-login.php' --compressed -X POST -H 'User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10.13; rv:60.0) Gecko/20100101 Firefox/60.0' -H 'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' -H 'Content-Type: application/x-www-form-urlencoded' -H 'Cookie: wordpress_test_cookie=WP+Cookie+check' -H 'Connection: keep-alive' --data-raw 'log=admin&pwd=secret'`,
		method: "POST",
		url:    "http://shop.example.test/wp-login.php",
		header: http.Header{
			"User-Agent":   {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10.13; rv:60.0) Gecko/20100101 Firefox/60.0"},
			"Accept":       {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
			"Content-Type": {"application/x-www-form-urlencoded"},
			"Cookie":       {"wordpress_test_cookie=WP+Cookie+check"},
			"Connection":   {"keep-alive"},
		},
		body:    "log=admin&pwd=secret",
		options: Options{Compressed: true},
	},
	{
		// Docs style: GitHub REST API docs ("curl -L -H ... -H ...").
		name:    "docs example with double quotes and -L",
		cmd:     "curl -L \\\n  -H \"Accept: application/vnd.github+json\" \\\n  -H \"Authorization: Bearer ${GITHUB_TOKEN}\" \\\n  https://api.github.com/repos/OWNER/REPO/issues",
		method:  "GET",
		url:     "https://api.github.com/repos/OWNER/REPO/issues",
		header:  http.Header{"Accept": {"application/vnd.github+json"}, "Authorization": {"Bearer ${GITHUB_TOKEN}"}},
		options: Options{FollowRedirects: true},
	},
	{
		// Stripe docs style: -u key: and repeated -d joined with &.
		name:   "repeated -d and -u",
		cmd:    `curl https://api.stripe.com/v1/customers -u "sk_test_123:" -d name="Jenny Rosen" -d email="jenny@example.com"`,
		method: "POST",
		url:    "https://api.stripe.com/v1/customers",
		header: http.Header{
			"Authorization": {"Basic " + base64.StdEncoding.EncodeToString([]byte("sk_test_123:"))},
			"Content-Type":  {"application/x-www-form-urlencoded"},
		},
		body: "name=Jenny Rosen&email=jenny@example.com",
	},
	{
		name:   "--json sets content type and accept",
		cmd:    `curl --json '{"query":"{ viewer { login } }"}' https://api.example.test/graphql`,
		method: "POST",
		url:    "https://api.example.test/graphql",
		header: http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json"}},
		body:   `{"query":"{ viewer { login } }"}`,
	},
	{
		name:    "combined short flags and attached values",
		cmd:     `curl -sSLk -XPUT -HX-Trace:1 -m 2.5 --connect-timeout=3 --retry 2 --max-redirs=4 https://api.example.test/x -d'a=1'`,
		method:  "PUT",
		url:     "https://api.example.test/x",
		header:  http.Header{"X-Trace": {"1"}, "Content-Type": {"application/x-www-form-urlencoded"}},
		body:    "a=1",
		options: Options{FollowRedirects: true, Insecure: true, MaxTime: 2500 * time.Millisecond, ConnectTimeout: 3 * time.Second, Retry: 2, MaxRedirs: 4},
	},
	{
		name:   "-G moves data into the query",
		cmd:    `curl -G https://api.example.test/search?x=1 --data-urlencode 'q=hello world&more' -d page=2`,
		method: "GET",
		url:    "https://api.example.test/search?x=1&q=hello%20world%26more&page=2",
		header: http.Header{},
	},
	{
		name:   "-I, -A, -e, --url",
		cmd:    `curl -I -A 'probe/1' -e https://ref.example.test/ --url https://api.example.test/health`,
		method: "HEAD",
		url:    "https://api.example.test/health",
		header: http.Header{"User-Agent": {"probe/1"}, "Referer": {"https://ref.example.test/"}},
	},
	{
		name:   "header removal with Name:",
		cmd:    `curl -H 'User-Agent:' -H 'X-Gone: 1' -H 'X-Gone:' https://api.example.test/`,
		method: "GET",
		url:    "https://api.example.test/",
		header: http.Header{"User-Agent": {}},
	},
	{
		name:   "prompt and a trailing comment",
		cmd:    `$ curl -s https://api.example.test/items # the first page`,
		method: "GET",
		url:    "https://api.example.test/items",
		header: http.Header{},
	},
	{
		name:   "bash backslash semantics in double quotes",
		cmd:    `curl https://api.example.test/ -d "{\"msg\":\"a\nb \$HOME\"}"`,
		method: "POST",
		url:    "https://api.example.test/",
		header: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}},
		body:   `{"msg":"a\nb $HOME"}`,
	},
}

func TestParseCurl(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.name, func(t *testing.T) {
			req, err := ParseCurl(c.cmd)
			if err != nil {
				t.Fatalf("ParseCurl: %v", err)
			}
			if req.Method != c.method {
				t.Errorf("method = %q, want %q", req.Method, c.method)
			}
			if req.URL != c.url {
				t.Errorf("url = %q, want %q", req.URL, c.url)
			}
			if !reflect.DeepEqual(req.Header, c.header) {
				t.Errorf("header = %#v\nwant %#v", req.Header, c.header)
			}
			if string(req.Body) != c.body {
				t.Errorf("body = %q, want %q", req.Body, c.body)
			}
			if req.Options != c.options {
				t.Errorf("options = %+v, want %+v", req.Options, c.options)
			}
		})
	}
}

func TestParseArgsFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "body.json"), []byte("{\n\"a\": 1\n}\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "pic.png"), []byte("\x89PNG"), 0o600)
	p := CurlParser{Dir: dir, Stdin: strings.NewReader("from-stdin")}

	req, err := p.ParseArgs([]string{"https://api.example.test/", "-d", "@body.json"})
	if err != nil || string(req.Body) != `{"a": 1}` {
		t.Errorf("-d @file strips newlines: %q %v", req.Body, err)
	}
	req, err = p.ParseArgs([]string{"https://api.example.test/", "--data-binary", "@body.json"})
	if err != nil || string(req.Body) != "{\n\"a\": 1\n}\n" {
		t.Errorf("--data-binary @file keeps bytes: %q %v", req.Body, err)
	}
	req, err = p.ParseArgs([]string{"https://api.example.test/", "--data-raw", "@body.json"})
	if err != nil || string(req.Body) != "@body.json" {
		t.Errorf("--data-raw keeps @: %q %v", req.Body, err)
	}
	req, err = p.ParseArgs([]string{"https://api.example.test/", "-d", "@-"})
	if err != nil || string(req.Body) != "from-stdin" {
		t.Errorf("-d @- reads stdin: %q %v", req.Body, err)
	}
	req, err = p.ParseArgs([]string{"https://api.example.test/upload", "-F", "title=Hi", "-F", "file=@pic.png;type=image/png"})
	if err != nil {
		t.Fatal(err)
	}
	ct := req.Header.Get("Content-Type")
	if req.Method != "POST" || !strings.HasPrefix(ct, "multipart/form-data; boundary=") {
		t.Fatalf("form: %s %s", req.Method, ct)
	}
	for _, want := range []string{`name="title"`, "Hi", `filename="pic.png"`, "Content-Type: image/png", "\x89PNG"} {
		if !strings.Contains(string(req.Body), want) {
			t.Errorf("form body lacks %q", want)
		}
	}
}

// Bad input gives one line saying what was wrong and what to do.
func TestParseErrors(t *testing.T) {
	cases := []struct{ cmd, want string }{
		{`curl api.example.test/v1`, "has no scheme: did you mean https://api.example.test/v1"},
		{`curl -X POST /octo/bookings`, "has no host: give the whole URL, e.g. https://api.example.com/octo/bookings"},
		{`curl https://api.example.test -H 'NoColonHere'`, `header "NoColonHere" has no colon`},
		{`curl https://api.example.test -d @/nonexistent/body.json`, "cannot read @/nonexistent/body.json"},
		{`curl https://api.example.test --frobnicate`, "unsupported curl option --frobnicate"},
		{`curl https://api.example.test -Z`, "unsupported curl option -Z"},
		{`curl 'https://api.example.test -H x`, "unbalanced ' quote"},
		{`curl "https://api.example.test`, `unbalanced " quote`},
		{`curl https://api.example.test --data-raw $'abc`, "unbalanced $' quote"},
		{`curl`, "no URL given"},
		{`wget https://api.example.test`, "not a curl command"},
		{`curl https://a.example.test https://b.example.test`, "more than one URL"},
		{`curl https://api.example.test -m soon`, `-m: "soon" is not a number of seconds`},
		{`curl https://api.example.test -H`, "-H needs a value"},
		{`curl ftp://api.example.test/`, `scheme "ftp" is not supported`},
		{`curl https://api.example.test -b cookies.txt`, "cookie files are not read"},
		{`curl https://api.example.test -u admin`, "write -u user:password"},
		{`curl https://api.example.test --max-body lots`, "not a positive byte count"},
		// What the shell would do besides running curl is refused, named.
		{`curl -s https://api.example.test/items | jq .`, `would drop "| jq ." after it`},
		{`curl https://api.example.test/; rm -rf ~/tmp`, `would drop "; rm -rf ~/tmp" after it`},
		{`curl https://api.example.test/ && echo done`, `would drop "&& echo done" after it`},
		{`curl https://api.example.test/ > out.json`, `the redirect "> out.json"`},
		{"curl https://api.example.test/\ncurl https://api.example.test/other", `would drop "curl https://api.example.test/other" after it: remove that part (send one command at a time)`},
		{"curl 'https://api.example.test/\xff'", "bytes that are not UTF-8 at column 32: write them as $'\\xNN' escapes"},
		{`TOKEN=abc curl https://api.example.test/`, "the assignment \"TOKEN=abc\" before the command"},
		{`curl -H "Authorization: Bearer $(cat token)" https://api.example.test/`, `"$(cat token)" would run a command`},
		{`curl https://api.example.test/${PATH_PART:-items}`, `the shell expansion "${PATH_PART:-items}" is not evaluated`},
		{"curl https://api.example.test/ \\\n  -H 'X-A: 1' \\", `ends with a "\" that continues it`},
		{`curl -x 'not a url' https://api.example.test/`, `-x: "not a url" is not a proxy URL`},
		{`curl --cacert /nonexistent/ca.pem https://api.example.test/`, "--cacert: cannot read /nonexistent/ca.pem: no such file or directory"},
	}
	for _, c := range cases {
		_, err := ParseCurl(c.cmd)
		if err == nil {
			t.Errorf("%s: no error", c.cmd)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s:\n got %q\nwant one line containing %q", c.cmd, err, c.want)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"16M": 16 << 20, "512K": 512 << 10, "1048576": 1 << 20, "1G": 1 << 30, "2mib": 2 << 20, "10kb": 10 << 10} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0", "-1", "lots", "1T"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) accepted", bad)
		}
	}
}

func TestFlagTakesValue(t *testing.T) {
	for arg, want := range map[string]bool{
		"-H": true, "--header": true, "-sSH": true, "-XPOST": false, "-sS": false, "--header=X: 1": false,
		"--json": true, "--compressed": false, "-d": true, "-dx=1": false, "--nope": false, "https://x": false,
	} {
		if got := FlagTakesValue(arg); got != want {
			t.Errorf("FlagTakesValue(%q) = %v, want %v", arg, got, want)
		}
	}
}

// FuzzParseCurl: whatever is pasted, ParseCurl returns a request or one
// line saying what is wrong, and never panics.
func FuzzParseCurl(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.cmd)
	}
	for _, c := range shellCases {
		f.Add(c.cmd)
	}
	f.Add(`curl https://api.example.test/ | jq . ; rm -rf / > x 2>&1 &`)
	f.Add(`curl "$(printf %s x)" ${A:-b} $((1+2)) <(ls) \`)
	f.Fuzz(func(t *testing.T, cmd string) {
		_, err := ParseCurl(cmd)
		if err != nil && (err.Error() == "" || strings.Contains(err.Error(), "\n")) {
			t.Errorf("%q: error %q is not one line", cmd, err)
		}
	})
}
