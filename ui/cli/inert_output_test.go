package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileID is a request_id a hostile server sends: OSC 52 (clipboard
// write) and OSC 0 (window title) with ESC and with their C1 forms, a
// CSI, bidi overrides and isolates.
const hostileID = "rid-\x1b]52;c;ZXZpbA==\x07-\x1b]0;pwned\x07-\u009d0;t\u009c-\u009b2J-\u202eevil\u202c-\u2066x\u2069"

// rawControl returns the first byte sequence in s that a terminal acts on
// (a C0 control other than newline, DEL, a C1 or bidi control), or "".
func rawControl(s string) string {
	for _, r := range s {
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return fmt.Sprintf("%U", r)
		}
	}
	return ""
}

// TestServerBytesInertEverywhere sends a request to a server whose
// request_id, headers and body carry terminal control sequences, and
// checks every output of every command: none of them writes one raw.
func TestServerBytesInertEverywhere(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Go's client refuses C0 controls in a header; C1 and bidi pass.
		w.Header().Set("X-Request-Id", "rid-\u009d0;t\u009c-\u009b2J-\u202eevil\u202c")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
			"code": "bad\x1b[31m\u202ecode", "message": "no " + hostileID, "request_id": hostileID,
			"details": []any{map[string]any{"field": "f\x1b]0;x\x07", "description": hostileID}},
		}})
	}))
	defer srv.Close()
	dir := t.TempDir()
	vars := map[string]string{"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config"), "XDG_DATA_HOME": filepath.Join(dir, "data")}
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] }}
	har := filepath.Join(dir, "x.har")
	raw := filepath.Join(dir, "resp.txt")
	os.WriteFile(raw, []byte("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nX-Request-Id: "+
		strings.ReplaceAll(hostileID, "\x07", "\u009c")+"\r\n\r\n{\"message\":\"m\u009b2J\",\"request_id\":\"\u202eabc\"}"), 0o600)
	runs := []struct {
		name string
		f    func() int
	}{
		{"send", func() int { return Send(env, []string{srv.URL + "/x"}) }},
		{"send --json", func() int { return Send(env, []string{srv.URL + "/x", "--json"}) }},
		{"send --show-secrets --json", func() int { return Send(env, []string{srv.URL + "/x", "--json", "--show-secrets", "--no-history"}) }},
		{"explain --raw", func() int { return Explain(env, []string{"--raw", raw}) }},
		{"explain --raw --json", func() int { return Explain(env, []string{"--raw", raw, "--json"}) }},
		{"history list", func() int { return History(env, []string{"list"}) }},
		{"history list --json", func() int { return History(env, []string{"list", "--json"}) }},
		{"history show", func() int { return History(env, []string{"show", "1"}) }},
		{"history show --json", func() int { return History(env, []string{"show", "1", "--json"}) }},
		{"ticket markdown", func() int { return History(env, []string{"ticket", "1"}) }},
		{"ticket text", func() int { return History(env, []string{"ticket", "1", "--format", "text"}) }},
		{"ticket json", func() int { return History(env, []string{"ticket", "1", "--format", "json"}) }},
		{"export --har -", func() int { return History(env, []string{"export", "--har", "-"}) }},
		{"export --har FILE", func() int { return History(env, []string{"export", "--har", har}) }},
	}
	for _, r := range runs {
		out.Reset()
		errOut.Reset()
		if code := r.f(); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", r.name, code, errOut.String())
		}
		text := out.String() + errOut.String()
		if r.name == "export --har FILE" {
			b, _ := os.ReadFile(har)
			text = string(b)
		}
		if c := rawControl(text); c != "" {
			t.Errorf("%s wrote %s raw:\n%q", r.name, c, text)
		}
		if strings.HasSuffix(r.name, "json") || strings.HasPrefix(r.name, "export") {
			var v any
			if err := json.Unmarshal([]byte(text), &v); err != nil {
				t.Errorf("%s: not JSON any more: %v", r.name, err)
			}
		}
	}
}

// --show-secrets changes what send prints, never what history keeps.
func TestShowSecretsChangesOnlyThePrintout(t *testing.T) {
	srv := echoServer(t)
	dir := t.TempDir()
	vars := map[string]string{"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config"), "XDG_DATA_HOME": filepath.Join(dir, "data"), "TOKEN": "Tk-show-9x"}
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] }}
	for _, args := range [][]string{{"--show-secrets", "--json"}, {"--show-secrets"}} {
		out.Reset()
		if code := Send(env, append([]string{srv.URL + "/echo", "-H", "X-Note: ${TOKEN}", "-H", "Authorization: Bearer Bz-77-show"}, args...)); code != ExitOK {
			t.Fatalf("send %v: exit %d: %s", args, code, errOut.String())
		}
		if !strings.Contains(out.String(), "Bearer Bz-77-show") || !strings.Contains(out.String(), "Tk-show-9x") {
			t.Errorf("send %v does not show the secrets:\n%s", args, out.String())
		}
	}
	for _, id := range []string{"1", "2"} {
		out.Reset()
		if code := History(env, []string{"show", id, "--json"}); code != ExitOK {
			t.Fatalf("history show %s: %s", id, errOut.String())
		}
		if strings.Contains(out.String(), "Bz-77-show") || strings.Contains(out.String(), "Tk-show-9x") {
			t.Errorf("history kept a secret shown with --show-secrets:\n%s", out.String())
		}
	}
}
