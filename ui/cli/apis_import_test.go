package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/history"
)

// importEnv is an Env with buffers and its own config and data homes.
type importEnv struct {
	*Env
	out, errOut *bytes.Buffer
}

func newImportEnv(t *testing.T) importEnv {
	t.Helper()
	home := t.TempDir()
	vars := map[string]string{
		"HOME":            home,
		"XDG_CONFIG_HOME": filepath.Join(home, "config"),
		"XDG_DATA_HOME":   filepath.Join(home, "data"),
	}
	te := importEnv{out: &bytes.Buffer{}, errOut: &bytes.Buffer{}}
	te.Env = &Env{Stdin: strings.NewReader(""), Stdout: te.out, Stderr: te.errOut,
		Getenv: func(k string) string { return vars[k] }}
	return te
}

func (te importEnv) reset() { te.out.Reset(); te.errOut.Reset() }

func importData(name string) string { return filepath.Join("testdata", "apis_import", name) }

func seedPage(name string) string {
	return filepath.Join("..", "..", "formats", "docimport", "testdata", "seeds", name)
}

// TestAPIsImportSeedMatchesBuiltin: each seed imported with --dry-run
// --json prints the rows `apis show NAME --json` prints for the built-in
// profile (advice compared step by step with its statuses and classes,
// as explain shows it).
func TestAPIsImportSeedMatchesBuiltin(t *testing.T) {
	for _, tc := range []struct{ file, name string }{
		{"000_0d453bd9f91a630f.txt", "occuspace"},
		{"001_763ea8bff2d64412.txt", "raalabs"},
		{"002_35605f8ad837da5c.txt", "octo"},
		{"003_fa240afb0c82f6c8.txt", "hanger-selector"},
		{"004_18aa442ee49486cf.txt", "therealreal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			te := newImportEnv(t)
			if code := APIsImport(te.Env, []string{seedPage(tc.file), "--name", tc.name, "--dry-run", "--json"}); code != ExitOK {
				t.Fatalf("exit %d: %s", code, te.errOut)
			}
			var got formats.Profile
			if err := json.Unmarshal(te.out.Bytes(), &got); err != nil {
				t.Fatalf("%v\n%s", err, te.out)
			}
			if !strings.Contains(te.errOut.String(), tc.name+" is a built-in profile; this import overrides it") {
				t.Errorf("no override note on stderr:\n%s", te.errOut)
			}
			te.reset()
			if code := APIsShow(te.Env, []string{tc.name, "--json"}); code != ExitOK {
				t.Fatalf("show: exit %d: %s", code, te.errOut)
			}
			var want formats.Profile
			if err := json.Unmarshal(te.out.Bytes(), &want); err != nil {
				t.Fatal(err)
			}
			same := func(what string, g, w any) {
				if !reflect.DeepEqual(g, w) {
					t.Errorf("%s differ:\n got %+v\nwant %+v", what, g, w)
				}
			}
			same("statuses", got.Statuses, want.Statuses)
			same("error codes", got.ErrorCodes, want.ErrorCodes)
			same("fields", got.Fields, want.Fields)
			same("advice", adviceByTarget(got.Advice), adviceByTarget(want.Advice))
			same("format", got.Format, want.Format)
			if _, err := os.Stat(te.ProfilesDir()); err == nil {
				t.Error("--dry-run created the profile directory")
			}
		})
	}
}

func adviceByTarget(in []formats.Advice) []string {
	var out []string
	for _, a := range in {
		for _, s := range a.Steps {
			out = append(out, fmt.Sprint(a.Statuses, a.Classes, " ", a.Intro, " | ", s))
		}
	}
	return out
}

func TestAPIsImportDryRunTOML(t *testing.T) {
	te := newImportEnv(t)
	if code := APIsImport(te.Env, []string{importData("discord.md"), "--dry-run"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	p, err := formats.ParseProfile("discord.toml", te.out.Bytes())
	if err != nil {
		t.Fatalf("dry-run output does not load: %v\n%s", err, te.out)
	}
	if p.Name != "discord" || len(p.Statuses) != 11 || len(p.ErrorCodes) != 10 {
		t.Errorf("profile %s: %d statuses, %d codes", p.Name, len(p.Statuses), len(p.ErrorCodes))
	}
	if !strings.Contains(te.errOut.String(), "status codes: 11 rows") {
		t.Errorf("no summary on stderr:\n%s", te.errOut)
	}
}

// TestAPIsImportHostEndToEnd: a page imported with --host is then chosen
// by host, and its words reach explain's output.
func TestAPIsImportHostEndToEnd(t *testing.T) {
	te := newImportEnv(t)
	if code := APIsImport(te.Env, []string{importData("discord.md"), "--host", "api.example.test"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	out := te.out.String()
	for _, want := range []string{"saved discord to " + filepath.Join(te.ProfilesDir(), "discord.toml"),
		"status codes: 11 rows", "error codes: 10 rows", "advice for: 5xx", "apierr apis show discord"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	reg, errs := te.Registry()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	body := []byte(`{"message": "You are being rate limited.", "retry_after": 2.0, "global": false}`)
	d := formats.DetectWith(429, http.Header{"Content-Type": {"application/json"}}, body,
		formats.Options{Host: "api.example.test", Profiles: reg})
	if d.API != "discord" || !strings.Contains(d.Explanation, "You've made too many requests") {
		t.Errorf("by host: api %q, explanation %q", d.API, d.Explanation)
	}

	te.reset()
	if code := APIsTest(te.Env, []string{"discord", "--raw", importData("discord_500.txt")}); code != ExitOK {
		t.Fatalf("apis test: exit %d: %s", code, te.errOut)
	}
	if !strings.Contains(te.out.String(), "The server had an error processing your request (these are rare)") {
		t.Errorf("apis test does not show the 5xx advice:\n%s", te.out)
	}
	te.reset()
	if code := APIsTest(te.Env, []string{"discord", "--raw", importData("discord_429.txt"), "--json"}); code != ExitOK {
		t.Fatalf("apis test --json: exit %d: %s", code, te.errOut)
	}
	var dj formats.Diagnosis
	if err := json.Unmarshal(te.out.Bytes(), &dj); err != nil {
		t.Fatal(err)
	}
	if dj.API != "discord" || dj.Status != 429 || !strings.Contains(dj.Explanation, "You've made too many requests") {
		t.Errorf("apis test --json: api %q status %d explanation %q", dj.API, dj.Status, dj.Explanation)
	}
}

func TestAPIsImportRefusesOverwrite(t *testing.T) {
	te := newImportEnv(t)
	args := []string{importData("discord.md"), "--name", "chat"}
	if code := APIsImport(te.Env, args); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	te.reset()
	if code := APIsImport(te.Env, args); code != ExitUsage || !strings.Contains(te.errOut.String(), "already exists; use --force") {
		t.Errorf("second import: exit %d, stderr %q", code, te.errOut)
	}
	te.reset()
	if code := APIsImport(te.Env, append(args, "--force")); code != ExitOK {
		t.Errorf("--force: exit %d: %s", code, te.errOut)
	}
}

func TestAPIsImportNothingFound(t *testing.T) {
	te := newImportEnv(t)
	page := filepath.Join(t.TempDir(), "about.md")
	os.WriteFile(page, []byte("# About us\n\nWe make an API. It is good.\n"), 0o644)
	code := APIsImport(te.Env, []string{page})
	if code != ExitUsage || !strings.Contains(te.errOut.String(), "nothing recognizable in about.md: no status table, error-code table or advice; nothing was saved") {
		t.Errorf("exit %d, stderr %q", code, te.errOut)
	}
	if _, err := os.Stat(filepath.Join(te.ProfilesDir(), "about.toml")); err == nil {
		t.Error("a profile was saved")
	}
	te.reset()
	if code := APIsImport(te.Env, []string{page, "--force"}); code != ExitOK {
		t.Errorf("--force: exit %d: %s", code, te.errOut)
	}
}

func TestAPIsImportBadUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "which page?"},
		{[]string{"a.md", "--host", "https://api.acme.com"}, "must be a bare host name"},
		{[]string{"a.md", "--name", "Acme API"}, "must be lower case letters"},
		{[]string{"a.md", "--bogus"}, "unknown flag --bogus"},
		{[]string{"a.md", "b.md"}, "give one FILE or URL"},
		{[]string{filepath.Join("no", "such", "page.md")}, "cannot read"},
	} {
		te := newImportEnv(t)
		if code := APIsImport(te.Env, tc.args); code != ExitUsage || !strings.Contains(te.errOut.String(), tc.want) {
			t.Errorf("%q: exit %d, stderr %q, want %q", tc.args, code, te.errOut, tc.want)
		}
		if n := strings.Count(te.errOut.String(), "\n"); n != 1 {
			t.Errorf("%q: %d lines on stderr, want one", tc.args, n)
		}
	}
}

// TestAPIsImportURL fetches an HTML docs page from a loopback server; the
// fetch is kept in history like any request.
func TestAPIsImportURL(t *testing.T) {
	page, err := os.ReadFile(importData("shop_errors.html"))
	if err != nil {
		t.Fatal(err)
	}
	var accept string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/docs/errors" {
			http.NotFound(w, r)
			return
		}
		accept = r.Header.Get("Accept")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()

	te := newImportEnv(t)
	if code := APIsImport(te.Env, []string{srv.URL + "/docs/errors", "--name", "shop", "--host", "api.shop.test"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	if !strings.HasPrefix(accept, "text/html") {
		t.Errorf("Accept %q, want text/html first", accept)
	}
	reg, _ := te.Registry()
	p, ok := reg.Lookup("shop")
	if !ok {
		t.Fatal("shop profile not loaded")
	}
	if len(p.Statuses) != 3 || p.Statuses[1].Action != "Reload the basket and try again." || p.DocsURL != srv.URL+"/docs/errors" {
		t.Errorf("profile %+v", p)
	}
	if len(p.ErrorCodes) != 2 || p.ErrorCodes[0].Code != "out_of_stock" || p.Format != "error-object" {
		t.Errorf("error codes %+v, format %q", p.ErrorCodes, p.Format)
	}
	if len(p.Advice) != 1 || p.Advice[0].Statuses[0] != 429 {
		t.Errorf("advice %+v", p.Advice)
	}
	raw, _ := os.ReadFile(filepath.Join(te.ProfilesDir(), "shop.toml"))
	for _, leak := range []string{"analytics", "teapot", "599"} {
		if bytes.Contains(raw, []byte(leak)) {
			t.Errorf("script or style text %q was saved", leak)
		}
	}
	store, err := history.Open(te.HistoryPath())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if n, err := store.Count(context.Background(), ""); err != nil || n != 1 {
		t.Errorf("history holds %d exchanges (%v), want the fetch", n, err)
	}

	te.reset()
	code := APIsImport(te.Env, []string{srv.URL + "/docs/missing", "--name", "gone"})
	if code != ExitUsage || !strings.Contains(te.errOut.String(), "the server answered 404 Not Found") {
		t.Errorf("404 page: exit %d, stderr %q", code, te.errOut)
	}
}

func TestAPIsImportURLHistoryUnavailable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("| Code | Description |\n|---|---|\n| 404 | No such thing |\n"))
	}))
	defer srv.Close()
	te := newImportEnv(t)
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o644)
	te.HistoryFlag = filepath.Join(blocker, "history.db") // under a file: cannot be created
	if code := APIsImport(te.Env, []string{srv.URL, "--name", "x"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	if !strings.Contains(te.errOut.String(), "warning: the fetch was not saved in history") {
		t.Errorf("no history warning: %q", te.errOut)
	}
}

func TestAPIsAdd(t *testing.T) {
	te := newImportEnv(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "mine.toml")
	os.WriteFile(good, []byte("# my API\nname = \"mine\"\nhosts = [\"api.mine.test\"]\n\n[[status]]\ncode = 404\nname = \"Not Found\"\ndescription = \"No such widget\"\n"), 0o644)
	if code := APIsAdd(te.Env, []string{good}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	saved, _ := os.ReadFile(filepath.Join(te.ProfilesDir(), "mine.toml"))
	if !bytes.HasPrefix(saved, []byte("# my API\n")) {
		t.Errorf("the file was not installed as written:\n%s", saved)
	}
	te.reset()
	if code := APIsAdd(te.Env, []string{good}); code != ExitUsage || !strings.Contains(te.errOut.String(), "already exists") {
		t.Errorf("second add: exit %d, %q", code, te.errOut)
	}

	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("name = \"bad\"\n[[status]]\ncode = = 4\n"), 0o644)
	te.reset()
	if code := APIsAdd(te.Env, []string{bad}); code != ExitUsage || !strings.Contains(te.errOut.String(), bad+":3:") {
		t.Errorf("syntax error: exit %d, stderr %q, want file and line", code, te.errOut)
	}
	invalid := filepath.Join(dir, "invalid.toml")
	os.WriteFile(invalid, []byte("name = \"inv\"\n[[advice]]\nstatuses = [418]\nsteps = [\"x\"]\n"), 0o644)
	te.reset()
	if code := APIsAdd(te.Env, []string{invalid}); code != ExitUsage || !strings.Contains(te.errOut.String(), "status 418 has no row") {
		t.Errorf("invalid profile: exit %d, stderr %q", code, te.errOut)
	}
}

func TestAPIsRemove(t *testing.T) {
	te := newImportEnv(t)
	if code := APIsRemove(te.Env, []string{"occuspace"}); code != ExitUsage || !strings.Contains(te.errOut.String(), "occuspace is built into apierr and cannot be removed") {
		t.Errorf("built-in: exit %d, %q", code, te.errOut)
	}
	te.reset()
	if code := APIsRemove(te.Env, []string{"../../etc"}); code != ExitUsage || !strings.Contains(te.errOut.String(), "no user profile named") {
		t.Errorf("bad name: exit %d, %q", code, te.errOut)
	}
	// An override of a built-in, then its removal.
	te.reset()
	if code := APIsImport(te.Env, []string{seedPage("000_0d453bd9f91a630f.txt"), "--name", "occuspace"}); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, te.errOut)
	}
	te.reset()
	if code := APIsRemove(te.Env, []string{"occuspace"}); code != ExitOK {
		t.Fatalf("remove: exit %d: %s", code, te.errOut)
	}
	if !strings.Contains(te.out.String(), "the built-in profile occuspace is used again") {
		t.Errorf("output %q", te.out)
	}
	reg, _ := te.Registry()
	if p, _ := reg.Lookup("occuspace"); p.Source != "000_0d453bd9f91a630f.txt" {
		t.Errorf("after remove, occuspace comes from %q", p.Source)
	}
}

func TestAPIsTestUnknownProfile(t *testing.T) {
	te := newImportEnv(t)
	if code := APIsTest(te.Env, []string{"nosuch", "--raw", importData("discord_429.txt")}); code != ExitUsage || !strings.Contains(te.errOut.String(), `no API profile named "nosuch"`) {
		t.Errorf("exit %d, %q", code, te.errOut)
	}
	te.reset()
	if code := APIsTest(te.Env, []string{"octo"}); code != ExitUsage || !strings.Contains(te.errOut.String(), "usage") {
		t.Errorf("no --raw: exit %d, %q", code, te.errOut)
	}
}

func TestImportNameFrom(t *testing.T) {
	for in, want := range map[string]string{
		"Acme Errors.html":                    "acme-errors",
		filepath.Join("docs", "stripe.md"):    "stripe",
		"https://docs.acme.com/errors":        "acme",
		"https://api.example.co.uk/v1/errors": "example",
		"http://127.0.0.1:8080/docs/errors":   "errors",
		"http://localhost:8080/":              "",
		"-":                                   "",
	} {
		if got := nameFrom(in); got != want {
			t.Errorf("nameFrom(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAPIsImportReportsWhatItSkipped imports Twirp's published errors page
// (testdata/corpus in formats/docimport; source beside it): the codes
// bullet list is saved, and the table of statuses that proxies return is
// named in the summary as skipped, with why, rather than saved as the
// API's status table.
func TestAPIsImportReportsWhatItSkipped(t *testing.T) {
	te := newImportEnv(t)
	page := filepath.Join("..", "..", "formats", "docimport", "testdata", "corpus", "twirp_errors.md")
	if code := APIsImport(te.Env, []string{page, "--name", "twirp"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	out := te.out.String()
	for _, want := range []string{
		"saved twirp to ",
		"status codes: 0 rows",
		"error codes: 6 rows",
		"not placed: table headed HTTP status code | Twirp Error Code, skipped: it speaks of statuses of another party (\"HTTP Errors from Intermediary Proxies\")",
		`not placed: item "... more on the Errors Spec" of a list of error codes: names no code`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	te.reset()
	if code := APIsShow(te.Env, []string{"twirp", "--json"}); code != ExitOK {
		t.Fatalf("apis show: exit %d: %s", code, te.errOut)
	}
	if !strings.Contains(te.out.String(), `"code": "permission_denied"`) || !strings.Contains(te.out.String(), `"status": 403`) {
		t.Errorf("the saved profile lacks permission_denied (403):\n%s", te.out)
	}
}
