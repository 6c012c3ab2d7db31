package cli

import (
	"bytes"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// The property: whatever credential position a secret is sent in, and
// however the server echoes the request back, the secret's bytes (and the
// encodings it was sent in) appear in no output and nowhere in the
// history database, decoded blobs included. Every run goes through the
// real commands: send (--json and plain) over a real socket, the real
// SQLite store, history list/show/ticket in every format and HAR export.

// secretChars are the bytes a fuzzed secret is made of. Separators of the
// places it is put in ('&', ';', '=', '/', ':', '@', spaces, quotes) are
// left out so that one value is one secret; the encodings that carry
// other bytes are tested in formats/redact.
const secretChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+"

// secretOf turns fuzz bytes into a secret of 8 to 40 bytes with an upper
// case letter, a lower case letter and a digit: such a string cannot be
// part of apierr's own output (member names, dates, timings, markers), so
// finding it means it leaked.
func secretOf(raw string) string {
	var b []byte
	for i := 0; i < len(raw) && len(b) < 40; i++ {
		b = append(b, secretChars[int(raw[i])%len(secretChars)])
	}
	s := string(b)
	if !strings.ContainsAny(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		s += "Q"
	}
	if !strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") {
		s += "k"
	}
	if !strings.ContainsAny(s, "0123456789") {
		s += "7"
	}
	for len(s) < 8 {
		s += "Zz9"
	}
	return s
}

// digitsOf is a 12-digit secret for the positions that take a number.
func digitsOf(raw string) string {
	b := []byte("1")
	for i := 0; len(b) < 12; i++ {
		c := byte(i * 7)
		if i < len(raw) {
			c = raw[i]
		}
		b = append(b, '0'+c%10)
	}
	return string(b)
}

// placement is one way of sending a secret: the send arguments (URL
// without the server's origin, flags), the variables and config it needs.
type placement struct {
	name   string
	path   string // appended to the server URL; may hold userinfo as "USERINFO@"
	args   []string
	envVar bool // the secret is in the environment as SECRET_V
	file   bool // the secret is in an --env-file as SECRET_V
	config bool // [redact] names holds tenant_pin
	digits bool
	// refused sends to a closed port: no response arrives and the
	// exchange is stored as a transport failure. (Secrets in transport
	// error texts are tested in formats/redact: Go's dial errors do not
	// quote the URL.)
	refused bool
}

func placements(s string) []placement {
	b64 := base64.StdEncoding.EncodeToString([]byte("ann:" + s))
	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	mw.SetBoundary("apierrFuzzBoundary")
	mw.WriteField("client_secret", s)
	mw.WriteField("note", "hello")
	mw.Close()
	return []placement{
		{name: "bearer", path: "/echo", args: []string{"-H", "Authorization: Bearer " + s}},
		{name: "authorization without scheme", path: "/echo", args: []string{"-H", "Authorization: " + s}},
		{name: "basic -u", path: "/echo", args: []string{"-u", "ann:" + s}},
		{name: "basic header", path: "/echo", args: []string{"-H", "Authorization: Basic " + b64}},
		{name: "proxy-authorization", path: "/echo", args: []string{"-H", "Proxy-Authorization: Bearer " + s}},
		{name: "cookie without =", path: "/echo", args: []string{"-H", "Cookie: " + s}},
		{name: "cookie value", path: "/echo", args: []string{"-b", "theme=dark; sid=" + s}},
		{name: "x-api-key", path: "/echo", args: []string{"-H", "X-Api-Key: " + s}},
		{name: "x-access-key", path: "/echo", args: []string{"-H", "X-Access-Key: " + s}},
		{name: "x-auth", path: "/echo", args: []string{"-H", "X-Auth: " + s}},
		{name: "x-auth-token", path: "/echo", args: []string{"-H", "X-Auth-Token: " + s}},
		{name: "x-session-id", path: "/echo", args: []string{"-H", "X-Session-Id: " + s}},
		{name: "x-signature", path: "/echo", args: []string{"-H", "X-Webhook-Signature: " + s}},
		{name: "userinfo user alone", path: s + "@/echo"},
		{name: "userinfo password", path: "ann:" + s + "@/echo"},
		{name: "query &", path: "/echo?page=2&api_key=" + s + "&q=x"},
		{name: "query ;", path: "/echo?page=2;access_token=" + s + ";q=x"},
		{name: "form", path: "/echo", args: []string{"-H", "Content-Type: application/x-www-form-urlencoded", "-d", `note=a b {c} "d"&password=` + url.QueryEscape(s)}},
		{name: "multipart", path: "/echo", args: []string{"-H", "Content-Type: " + mw.FormDataContentType(), "--data-binary", mp.String()}},
		{name: "multipart -F", path: "/echo", args: []string{"-F", "api_token=" + s, "-F", "note=hi"}},
		{name: "json deep", path: "/echo", args: []string{"-H", "Content-Type: application/json", "-d", `{"a":{"b":[{"n":1},{"apiKey":"` + s + `"}]}}`}},
		{name: "json object under secret name", path: "/echo", args: []string{"-H", "Content-Type: application/json", "-d", `{"credentials":{"user":"ann","value":"` + s + `"}}`}},
		{name: "json array under secret name", path: "/echo", args: []string{"-H", "Content-Type: application/json", "-d", `{"tokens":["x1","` + s + `"]}`}},
		{name: "json number", path: "/echo", args: []string{"-H", "Content-Type: application/json", "-d", `{"otp":` + digitsOf(s) + `,"n":1}`}, digits: true},
		{name: "env var in path", path: "/echo/items/${SECRET_V}", envVar: true},
		{name: "env file in body", path: "/echo", args: []string{"-H", "Content-Type: application/json", "-d", `{"note":"${SECRET_V}"}`}, file: true},
		{name: "env var in ordinary header", path: "/echo", args: []string{"-H", "X-Trace-Note: ${SECRET_V}"}, envVar: true},
		{name: "config name header", path: "/echo", args: []string{"-H", "X-Tenant-Pin: " + s}, config: true},
		{name: "config name query", path: "/echo?tenant_pin=" + s, config: true},
		{name: "redirect", path: "/redirect?api_key=" + s, args: []string{"-L"}},
		{name: "transport error", path: "/echo?token=" + s + "&x=${SECRET_V}", envVar: true, refused: true},
	}
}

// echoServer answers every request with the whole request echoed back:
// as an error-object JSON body whose code, message and request_id quote
// it, or as the raw request text, plus its headers and query echoed in
// response headers. /redirect sends the query on to /echo.
func echoServer(tb testing.TB) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/redirect") {
			http.Redirect(w, r, "/echo?from="+url.QueryEscape(r.URL.RawQuery)+"&"+r.URL.RawQuery, http.StatusFound)
			return
		}
		dump, _ := httputil.DumpRequest(r, true)
		var all []string
		keys := make([]string, 0, len(r.Header))
		for k := range r.Header {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			w.Header().Add("X-Echo-"+k, strings.Join(r.Header[k], ", "))
			all = append(all, r.Header[k]...)
		}
		body, _ := io.ReadAll(r.Body)
		rid := strings.Join(append([]string{r.URL.RawQuery, r.URL.Path}, all...), "|")
		w.Header().Set("X-Request-Id", strings.ReplaceAll(rid, "\n", " "))
		w.Header().Set("Location", r.URL.String())
		if r.URL.Query().Get("plain") != "" || strings.Contains(r.Header.Get("Accept"), "text/plain") {
			w.Header().Set("Content-Type", "text/plain")
			w.WriteHeader(http.StatusUnauthorized)
			w.Write(dump)
			io.WriteString(w, "\n"+bodySentinel)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		json.NewEncoder(w).Encode(map[string]any{
			"error": map[string]any{
				"code":       strings.Join(all, ","),
				"message":    "rejected " + string(dump),
				"request_id": rid,
				"details":    []any{map[string]any{"field": "body", "description": string(body)}},
			},
			"echo":     map[string]any{"url": r.URL.String(), "headers": r.Header, "body": string(body)},
			"sentinel": bodySentinel,
			// Some servers quote what they got URL-encoded.
			"echo_urlencoded": url.QueryEscape(strings.Join(all, " ") + " " + string(body)),
		})
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// bodySentinel ends every echoed body: finding it in a decompressed blob
// shows the database check reads the bodies.
const bodySentinel = "end-of-echoed-request"

// leakCheck runs one placement through every command and reports where
// the secret showed up.
func leakCheck(t *testing.T, srv *httptest.Server, secret string, p placement, plain bool) {
	dir := t.TempDir()
	vars := map[string]string{"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config"), "XDG_DATA_HOME": filepath.Join(dir, "data")}
	if p.envVar {
		vars["SECRET_V"] = secret
	}
	var out, errOut bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] }}
	args := append([]string(nil), p.args...)
	if p.file {
		f := filepath.Join(dir, "vars.env")
		os.WriteFile(f, []byte("SECRET_V="+secret+"\n"), 0o600)
		args = append(args, "--env-file", f)
	}
	if p.config {
		cfg := filepath.Join(vars["XDG_CONFIG_HOME"], "apierr", "config.toml")
		os.MkdirAll(filepath.Dir(cfg), 0o700)
		os.WriteFile(cfg, []byte("[redact]\nnames = [\"tenant_pin\"]\n"), 0o600)
	}
	if plain {
		args = append(args, "-H", "Accept: text/plain")
	}
	origin := srv.URL
	if p.refused {
		origin = "http://127.0.0.1:1"
	}
	target := origin + p.path
	if user, rest, ok := strings.Cut(p.path, "@"); ok {
		target = strings.Replace(origin, "://", "://"+user+"@", 1) + rest
	}
	outputs := map[string]string{}
	run := func(name string, f func() int) {
		out.Reset()
		errOut.Reset()
		code := f()
		outputs[name] = out.String()
		outputs[name+" (stderr)"] = errOut.String()
		if code != ExitOK && !(p.refused && code == ExitTransport && strings.HasPrefix(name, "send")) {
			t.Fatalf("%s: %s exit %d: %s", p.name, name, code, errOut.String())
		}
	}
	run("send --json", func() int { return Send(env, append(append([]string{target}, args...), "--json")) })
	run("send", func() int { return Send(env, append(append([]string{target}, args...), "--no-history")) })
	run("history list --json", func() int { return History(env, []string{"list", "--json"}) })
	run("history list", func() int { return History(env, []string{"list"}) })
	run("history search", func() int { return History(env, []string{"search", "echo"}) })
	run("history show --json", func() int { return History(env, []string{"show", "1", "--json"}) })
	run("history show", func() int { return History(env, []string{"show", "1"}) })
	for _, f := range []string{"markdown", "text", "json"} {
		run("ticket "+f, func() int { return History(env, []string{"ticket", "1", "--format", f}) })
	}
	har := filepath.Join(dir, "out.har")
	run("history export", func() int { return History(env, []string{"export", "--har", har}) })
	b, err := os.ReadFile(har)
	if err != nil {
		t.Fatal(err)
	}
	outputs["HAR file"] = string(b)
	if p.refused {
		if !strings.Contains(outputs["send --json"], "refused") {
			t.Fatalf("%s: no transport error:\n%s", p.name, outputs["send --json"])
		}
	} else if !strings.Contains(outputs["send --json"], `"status": 401`) {
		t.Fatalf("%s: the echo server was not reached:\n%s", p.name, outputs["send --json"])
	}
	for name, text := range dbTexts(t, filepath.Join(vars["XDG_DATA_HOME"], "apierr"), !p.refused) {
		outputs[name] = text
	}

	forms := []string{secret, url.QueryEscape(secret), base64.StdEncoding.EncodeToString([]byte(secret)),
		base64.StdEncoding.EncodeToString([]byte("ann:" + secret)), base64.StdEncoding.EncodeToString([]byte(secret + ":"))}
	if p.digits {
		forms = []string{digitsOf(secret)}
	}
	for name, text := range outputs {
		text = noMarkers(text)
		for _, f := range forms {
			if strings.Contains(text, f) {
				i := strings.Index(text, f)
				t.Errorf("%s (plain echo %v): %q leaked into %s: …%s…", p.name, plain, f, name, text[max(0, i-120):min(len(text), i+len(f)+60)])
			}
		}
	}
}

// noMarkers cuts the redaction markers out, so a secret cannot be found
// across one, nor inside one's hash.
func noMarkers(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "[REDACTED:")
		if i < 0 || len(s) < i+19 || s[i+18] != ']' {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteByte(0)
		s = s[i+19:]
	}
}

// dbTexts reads every file in the history directory raw, and every value
// of every table through SQLite with the exchange blobs decompressed.
func dbTexts(t *testing.T, dir string, withBody bool) map[string]string {
	out := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		out["file "+filepath.Base(f)] = string(b)
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, "history.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view')`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	dec, _ := zstd.NewReader(nil)
	defer dec.Close()
	decoded := 0
	for _, tbl := range tables {
		rows, err := db.Query(`SELECT * FROM "` + tbl + `"`)
		if err != nil {
			continue // FTS5 shadow tables that cannot be read alone
		}
		cols, _ := rows.Columns()
		var b strings.Builder
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			for ci, v := range vals {
				switch x := v.(type) {
				case []byte:
					b.Write(x)
					// exchanges.data is the blob: 'j' JSON or 'z' zstd (history/encode.go).
					if cols[ci] == "data" && len(x) > 1 && x[0] == 'z' {
						plain, err := dec.DecodeAll(x[1:], nil)
						if err != nil {
							t.Fatalf("table %s: a blob does not decompress: %v (%d bytes, % x)", tbl, err, len(x), x[:min(len(x), 24)])
						}
						b.Write(plain)
						if bytes.Contains(plain, []byte(bodySentinel)) {
							decoded++
						}
					}
				case string:
					b.WriteString(x)
				default:
					fmt.Fprint(&b, x)
				}
				b.WriteByte('\n')
			}
		}
		rows.Close()
		out["table "+tbl] = b.String()
	}
	if withBody && decoded == 0 {
		t.Fatalf("no compressed exchange body was decoded: the check would prove nothing")
	}
	return out
}

// TestSecretsNeverLeakEveryPlacement runs each placement once with a
// fixed secret, as the ordinary test run does.
func TestSecretsNeverLeakEveryPlacement(t *testing.T) {
	srv := echoServer(t)
	secret := secretOf("Tk9-seed.Secret_42")
	for i, p := range placements(secret) {
		t.Run(p.name, func(t *testing.T) { leakCheck(t, srv, secret, p, i%2 == 0) })
	}
}

// FuzzSecretsNeverLeak places a fuzzed secret in a fuzzed position, echoed
// as JSON or as raw text. The seed corpus is testdata/fuzz/FuzzSecretsNeverLeak.
func FuzzSecretsNeverLeak(f *testing.F) {
	srv := echoServer(f)
	f.Add("s3cr3t-Value", uint8(0), false)
	f.Add("AbC~1.2_3+4", uint8(13), true)
	f.Add("zz", uint8(23), false)
	f.Fuzz(func(t *testing.T, raw string, where uint8, plain bool) {
		secret := secretOf(raw)
		ps := placements(secret)
		leakCheck(t, srv, secret, ps[int(where)%len(ps)], plain)
	})
}
