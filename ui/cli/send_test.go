package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sendEnv is an Env with buffers and an environment of its own.
func sendEnv(t *testing.T, vars map[string]string) (*Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	dir := t.TempDir()
	env := &Env{
		Stdin:  strings.NewReader(""),
		Stdout: &out,
		Stderr: &errb,
		Getenv: func(k string) string {
			switch k {
			case "XDG_CONFIG_HOME", "XDG_DATA_HOME", "HOME":
				return dir
			}
			return vars[k]
		},
	}
	return env, &out, &errb
}

// sendAPI answers like an API in trouble: a problem+json 404 with a
// request id, escape sequences in one body, and an echo of what it got.
func sendAPI(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/evil":
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusInternalServerError)
			io.WriteString(w, "boom \x1b]52;c;ZXZpbA==\x07\x1b[31mred\xff")
		case "/echo":
			body, _ := io.ReadAll(r.Body)
			fmt.Fprintf(w, "%s %s auth=%s body=%s", r.Method, r.URL.RequestURI(), r.Header.Get("Authorization"), body)
		default:
			w.Header().Set("Content-Type", "application/problem+json")
			w.Header().Set("X-Request-Id", "f1b8698f-b0e8-4fb9-82e1-ddf89029350c")
			w.Header().Set("X-Internal-Noise", "hidden")
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, `{"type":"https://api.occuspace.io/problems/not-found","title":"Not Found","status":404,"detail":"Location 1560 not found or not accessible"}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSendPrintsTheExchange(t *testing.T) {
	srv := sendAPI(t)
	env, out, errb := sendEnv(t, nil)
	code := Send(env, []string{srv.URL + "/v2/locations/1560", "--no-history"})
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errb)
	}
	got := out.String()
	for _, want := range []string{"Request   GET " + srv.URL + "/v2/locations/1560", "Response  HTTP/1.1", "Timing", "connect", "waiting",
		"X-Request-Id: f1b8698f-b0e8-4fb9-82e1-ddf89029350c", "Location 1560 not found", "404"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "X-Internal-Noise") || strings.Contains(got, "\x1b") {
		t.Errorf("noise or escape sequences in plain output:\n%s", got)
	}
}

func TestSendJSON(t *testing.T) {
	srv := sendAPI(t)
	env, out, _ := sendEnv(t, nil)
	code := Send(env, []string{"-H", "Authorization: Bearer sk_live_51HvT2eKz0123456789", srv.URL + "/echo", "--json", "--no-history"})
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var doc map[string]any
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, key := range []string{"time", "request", "response", "timings", "attempts", "error", "diagnosis"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	if strings.Contains(out.String(), "sk_live_51HvT2eKz0123456789") {
		t.Errorf("secret printed without --show-secrets")
	}
	env, out, _ = sendEnv(t, nil)
	Send(env, []string{"-H", "Authorization: Bearer sk_live_51HvT2eKz0123456789", srv.URL + "/echo", "--json", "--show-secrets"})
	if !strings.Contains(out.String(), "sk_live_51HvT2eKz0123456789") {
		t.Errorf("--show-secrets hid the secret")
	}
}

func TestSendServerTextIsInert(t *testing.T) {
	srv := sendAPI(t)
	env, out, _ := sendEnv(t, nil)
	if code := Send(env, []string{srv.URL + "/evil"}); code != ExitOK {
		t.Fatalf("a 500 is still a response: exit %d", code)
	}
	if strings.Contains(out.String(), "\x1b") || strings.Contains(out.String(), "\x07") {
		t.Errorf("escape sequences reached the output:\n%q", out)
	}
	if !strings.Contains(out.String(), "␛]52") || !strings.Contains(out.String(), `\xff`) {
		t.Errorf("escapes not shown inert:\n%s", out)
	}
}

func TestSendTransportError(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	env, out, _ := sendEnv(t, nil)
	if code := Send(env, []string{"http://" + addr + "/"}); code != ExitTransport {
		t.Fatalf("exit %d, want %d", code, ExitTransport)
	}
	for _, want := range []string{"No response", "refused", "Connection refused", "apierr transport guide"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestSendInsecureIsFlagged(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	defer srv.Close()
	env, out, _ := sendEnv(t, nil)
	if code := Send(env, []string{"-k", srv.URL}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "NOT verified (-k/--insecure)") {
		t.Errorf("-k not flagged:\n%s", out)
	}
}

func TestSendCurlAndVariables(t *testing.T) {
	srv := sendAPI(t)
	envFile := filepath.Join(t.TempDir(), "api.env")
	os.WriteFile(envFile, []byte("TOKEN=from-file\n"), 0o600)
	env, out, errb := sendEnv(t, map[string]string{"BASE": srv.URL})
	code := Send(env, []string{"--curl", "curl -X PUT '${BASE}/echo?q=1' \\\n  -H 'Authorization: Bearer ${TOKEN}' \\\n  --data-raw $'{\"a\":\\'b\\'}'",
		"--env-file", envFile, "--show-secrets", "--json"})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var ex struct {
		Response struct{ Body string } `json:"response"`
	}
	json.Unmarshal(out.Bytes(), &ex)
	if want := `PUT /echo?q=1 auth=Bearer from-file body={"a":'b'}`; ex.Response.Body != want {
		t.Errorf("server got %q, want %q", ex.Response.Body, want)
	}
}

// Bad usage: one line on stderr saying what is wrong, exit 2.
func TestSendBadUsage(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, "no URL given"},
		{[]string{"api.example.test/v1"}, "did you mean https://api.example.test/v1"},
		{[]string{"https://api.example.test", "-H", "NoColon"}, "has no colon"},
		{[]string{"https://api.example.test", "--frobnicate"}, "unsupported curl option --frobnicate"},
		{[]string{"https://api.example.test", "-d", "@/nonexistent/file.json"}, "cannot read @/nonexistent/file.json"},
		{[]string{"--curl", "curl 'https://api.example.test"}, "unbalanced ' quote"},
		{[]string{"https://api.example.test/${NOPE}"}, "variable NOPE is not set"},
		{[]string{"https://api.example.test", "--api", "no-such-api"}, `no API profile named "no-such-api"`},
		{[]string{"--curl", "curl https://a.example.test", "https://b.example.test"}, "not both"},
		{[]string{"https://api.example.test", "--env-file", "/nonexistent/.env"}, "--env-file"},
		// Found before anything is sent, not reported as network failures.
		{[]string{"-x", "not a url", "https://api.example.test"}, `-x: "not a url" is not a proxy URL`},
		{[]string{"-H", "X: \x00", "https://api.example.test"}, `header X: its value "\x00" holds a NUL byte at byte 1`},
		{[]string{"--curl", "curl -H $'X: \\x00' https://api.example.test"}, `header X: its value "\x00" holds a NUL byte at byte 1`},
		{[]string{"-H", "X-A: ${MULTI}", "https://api.example.test"}, `header X-A: its value "a\nb" holds a newline at byte 2`},
		{[]string{"-X", "G E T", "https://api.example.test"}, `method "G E T" is not an HTTP method`},
		{[]string{"--cacert", "/nonexistent/ca.pem", "https://api.example.test"}, "--cacert: cannot read /nonexistent/ca.pem: no such file or directory"},
		{[]string{"--curl", "curl https://api.example.test \\"}, `the command ends with a "\" that continues it`},
		{[]string{"--curl", "curl https://api.example.test | jq ."}, `would drop "| jq ." after it`},
		{[]string{"--curl", "curl https://api.example.test; rm -rf ~"}, `would drop "; rm -rf ~" after it`},
	}
	for _, c := range cases {
		env, out, errb := sendEnv(t, map[string]string{"MULTI": "a\nb"})
		code := Send(env, c.args)
		msg := errb.String()
		if code != ExitUsage || !strings.Contains(msg, c.want) || strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "apierr: ") || out.Len() != 0 {
			t.Errorf("send %q: exit %d, stderr %q; want exit 2 and one line containing %q", c.args, code, msg, c.want)
		}
	}
}

func TestSendHelp(t *testing.T) {
	env, out, _ := sendEnv(t, nil)
	if code := Send(env, []string{"--help"}); code != ExitOK || !strings.Contains(out.String(), "--curl") {
		t.Errorf("help: %d %s", code, out)
	}
}

// A value of a curl option is not taken for one of apierr's flags.
func TestParseSendArgsKeepsCurlValues(t *testing.T) {
	a, _, err := parseSendArgs([]string{"-d", "--json", "https://api.example.test", "--json", "-sSH", "X-A: 1", "--api=octo"})
	if err != nil {
		t.Fatal(err)
	}
	if !a.json || a.api != "octo" || strings.Join(a.curlArgs, "|") != "-d|--json|https://api.example.test|-sSH|X-A: 1" {
		t.Errorf("parsed %+v", a)
	}
}

// curl's --json DATA on send's command line is apierr's --json flag; the
// JSON left behind is pointed out, not sent as a second URL.
func TestSendJSONBodyHint(t *testing.T) {
	env, _, errb := sendEnv(t, nil)
	code := Send(env, []string{"https://api.example.test/", "--json", `{"a":1}`})
	if code != ExitUsage || !strings.Contains(errb.String(), "to send a JSON body use -d") {
		t.Errorf("exit %d: %s", code, errb)
	}
}
