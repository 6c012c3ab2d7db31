package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseRawResponse(t *testing.T) {
	tests := []struct {
		name   string
		raw    string
		status int
		header map[string]string
		body   string
	}{
		{"HTTP/1.1 LF", "HTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{\"error\":\"x\"}\n",
			404, map[string]string{"Content-Type": "application/json"}, "{\"error\":\"x\"}\n"},
		{"HTTP/2 CRLF, lower-case names", "HTTP/2 429 \r\ncontent-type: text/plain\r\nretry-after: 30\r\n\r\nslow down",
			429, map[string]string{"Content-Type": "text/plain", "Retry-After": "30"}, "slow down"},
		{"CRLF kept inside the body", "HTTP/1.1 500 Internal Server Error\r\n\r\nline1\r\nline2\r\n",
			500, nil, "line1\r\nline2\r\n"},
		{"100 Continue first", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 413 Content Too Large\r\nX-Request-Id: abc\r\n\r\ntoo big",
			413, map[string]string{"X-Request-Id": "abc"}, "too big"},
		{"curl -iL through redirects", "HTTP/1.1 301 Moved Permanently\nLocation: /v2/x\n\nHTTP/1.1 302 Found\nLocation: /v3/x\n\nHTTP/2 401 \nwww-authenticate: Bearer\n\n",
			401, map[string]string{"Www-Authenticate": "Bearer", "Location": ""}, ""},
		{"proxy CONNECT preface", "HTTP/1.1 200 Connection established\r\n\r\nHTTP/2 503 \r\n\r\nbusy",
			503, nil, "busy"},
		{"leading blank lines and BOM", "\xef\xbb\xbf\n\nHTTP/1.0 403 Forbidden\n\nno", 403, nil, "no"},
		{"headers only", "HTTP/1.1 204 No Content\nDate: Tue, 10 Jun 2025 09:41:00 GMT", 204, map[string]string{"Date": "Tue, 10 Jun 2025 09:41:00 GMT"}, ""},
		{"folded header", "HTTP/1.1 400 Bad Request\nX-Note: first\n  second\n\n", 400, map[string]string{"X-Note": "first second"}, ""},
		{"body that mentions HTTP/", "HTTP/1.1 400 Bad Request\n\nHTTP/ is not a status line here", 400, nil, "HTTP/ is not a status line here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, h, body, err := parseRawResponse([]byte(tt.raw))
			if err != nil {
				t.Fatal(err)
			}
			if status != tt.status || string(body) != tt.body {
				t.Errorf("status %d body %q, want %d %q", status, body, tt.status, tt.body)
			}
			for k, v := range tt.header {
				if got := h.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

func TestExplainBadUsage(t *testing.T) {
	dir := t.TempDir()
	noStatus := filepath.Join(dir, "body.json")
	os.WriteFile(noStatus, []byte(`{"error":"x"}`), 0o644)
	badHeader := filepath.Join(dir, "bad-header.http")
	os.WriteFile(badHeader, []byte("HTTP/1.1 400 Bad Request\nthis is not a header\n\n{}"), 0o644)
	tests := []struct {
		name string
		args []string
		want string // in the one line on stderr
	}{
		{"nothing", nil, "give a status code, --raw FILE or --status N"},
		{"non-numeric status", []string{"abc"}, `status "abc" is not an HTTP status code`},
		{"status out of range", []string{"--status", "42"}, `status "42" is not an HTTP status code`},
		{"two statuses", []string{"404", "500"}, "give one status code"},
		{"header without colon", []string{"--status", "400", "--header", "X-Oops"}, `header "X-Oops" has no colon`},
		{"missing raw file", []string{"--raw", filepath.Join(dir, "nope.http")}, "cannot read " + filepath.Join(dir, "nope.http") + ": no such file or directory"},
		{"missing body file", []string{"--status", "400", "--body-file", filepath.Join(dir, "nope.json")}, "cannot read"},
		{"raw without status line", []string{"--raw", noStatus}, "does not start with an HTTP status line"},
		{"raw with a broken header", []string{"--raw", badHeader}, `header line "this is not a header"`},
		{"raw mixed with status", []string{"--raw", noStatus, "--status", "400"}, "do not combine it"},
		{"flag without value", []string{"--status"}, "--status needs a value"},
		{"unknown flag", []string{"404", "--colour"}, "unknown flag --colour"},
		{"unknown api", []string{"404", "--api", "nope"}, `no API profile named "nope": known ones are hanger-selector, occuspace, octo, raalabs, therealreal`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			te := newExplainTestEnv(t)
			if code := Explain(te.Env, tt.args); code != ExitUsage {
				t.Errorf("exit %d, want %d", code, ExitUsage)
			}
			msg := te.errOut.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "apierr: ") || !strings.Contains(msg, tt.want) {
				t.Errorf("stderr = %q, want one line with %q", msg, tt.want)
			}
			if te.out.Len() != 0 {
				t.Errorf("stdout = %q", te.out)
			}
		})
	}
}

func TestExplainFromStdinAndHelp(t *testing.T) {
	te := newExplainTestEnv(t)
	te.Stdin = strings.NewReader("HTTP/1.1 429 Too Many Requests\nRetry-After: 7\n\n")
	if code := Explain(te.Env, []string{"--raw", "-"}); code != ExitOK || !strings.Contains(te.out.String(), "in 7s (Retry-After)") {
		t.Errorf("exit %d:\n%s%s", code, te.out, te.errOut)
	}
	te = newExplainTestEnv(t)
	te.Stdin = strings.NewReader(`{"error":"rate limited"}`)
	if code := Explain(te.Env, []string{"--status", "429", "--body-file", "-", "--json"}); code != ExitOK || !strings.Contains(te.out.String(), `"message": "rate limited"`) {
		t.Errorf("exit %d:\n%s%s", code, te.out, te.errOut)
	}
	te = newExplainTestEnv(t)
	if code := Explain(te.Env, []string{"--help"}); code != ExitOK || !strings.Contains(te.out.String(), "--raw FILE|-") {
		t.Errorf("help: exit %d %q", code, te.out)
	}
}

// hostileJSONBody is a JSON body whose message, once decoded, tries to write
// the clipboard (OSC 52), change the window title, clear the screen and use
// an 8-bit CSI.
const hostileJSONBody = `{"error": "boom \u001b]52;c;cm0gLXJmIH4=\u0007 \u001b]0;pwned\u0007 \u001b[2J \u009b31m done"}`

// hostileTextBody is the same as a plain-text body with raw control bytes.
const hostileTextBody = "boom \x1b]52;c;cm0gLXJmIH4=\x07 \x1b]0;pwned\x07 \x1b[2J done"

func TestExplainHostileBodyIsInert(t *testing.T) {
	for _, tc := range []struct {
		body  string
		color bool
	}{{hostileJSONBody, false}, {hostileJSONBody, true}, {hostileTextBody, false}, {hostileTextBody, true}} {
		color := tc.color
		body := filepath.Join(t.TempDir(), "hostile.body")
		os.WriteFile(body, []byte(tc.body), 0o644)
		te := newExplainTestEnv(t)
		te.StdoutTTY = color
		code := Explain(te.Env, []string{"--status", "400", "--header", "X-Request-Id: \x1b]52;c;aGk=\x07", "--body-file", body})
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.errOut)
		}
		out := te.out.String()
		for _, bad := range []string{"\x1b]", "\x07", "\x1b[2J", "\u009b"} {
			if strings.Contains(out, bad) {
				t.Errorf("color=%v: output carries %q:\n%q", color, bad, out)
			}
		}
		if !color && strings.ContainsRune(out, 0x1b) {
			t.Errorf("plain output has an ESC byte: %q", out)
		}
		if !strings.Contains(out, "␛]52;c;cm0gLXJmIH4=␇") {
			t.Errorf("the escape sequence is not shown inert: %q", out)
		}
	}
}

func TestExplainNoColor(t *testing.T) {
	for _, tt := range []struct {
		name    string
		tty     bool
		noColor string
	}{{"not a terminal", false, ""}, {"NO_COLOR on a terminal", true, "1"}} {
		te := newExplainTestEnv(t)
		te.StdoutTTY = tt.tty
		te.vars["NO_COLOR"] = tt.noColor
		if code := Explain(te.Env, []string{"--raw", explainSeedFile("hanger-selector_400.http")}); code != ExitOK {
			t.Fatalf("%s: exit %d", tt.name, code)
		}
		if bytes.IndexByte(te.out.Bytes(), 0x1b) >= 0 {
			t.Errorf("%s: output has an ESC byte", tt.name)
		}
	}
}

func TestExplainUserProfiles(t *testing.T) {
	te := newExplainTestEnv(t)
	te.writeProfile(t, "occuspace.toml", `
name = "occuspace"
title = "Occuspace (our notes)"
type_prefixes = ["https://api.occuspace.io/problems/"]
[[status]]
code = 404
name = "Not Found"
description = "Usually a location we have not been granted yet."
action = "Ask in #occuspace-integration for access to the location."
`)
	broken := te.writeProfile(t, "broken.toml", "name = \"broken\"\n\n[[status]\ncode = 404\n")
	code := Explain(te.Env, []string{"--raw", explainSeedFile("occuspace_404.http")})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	out := te.out.String()
	if !strings.Contains(out, "Occuspace (our notes) (occuspace)") || !strings.Contains(out, "1. Ask in #occuspace-integration") ||
		!strings.Contains(out, "source: occuspace.toml") {
		t.Errorf("the user's profile did not override the built-in one:\n%s", out)
	}
	warn := te.errOut.String()
	if strings.Count(warn, "\n") != 1 || !strings.Contains(warn, broken+":3: ") {
		t.Errorf("stderr = %q, want one warning naming %s:3", warn, broken)
	}
}
