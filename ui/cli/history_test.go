package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// historyEnv is an Env on buffers with its own history file and config
// home; run calls History as main.go would.
type historyEnv struct {
	env         *Env
	out, errOut *bytes.Buffer
	vars        map[string]string
}

func newHistoryEnv(t *testing.T) *historyEnv {
	t.Helper()
	dir := t.TempDir()
	h := &historyEnv{out: &bytes.Buffer{}, errOut: &bytes.Buffer{}, vars: map[string]string{
		"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config"), "XDG_DATA_HOME": filepath.Join(dir, "data"),
	}}
	h.env = &Env{Stdin: strings.NewReader(""), Stdout: h.out, Stderr: h.errOut, Getenv: func(k string) string { return h.vars[k] }}
	return h
}

func (h *historyEnv) run(args ...string) (string, string, int) {
	h.out.Reset()
	h.errOut.Reset()
	code := History(h.env, args)
	return h.out.String(), h.errOut.String(), code
}

// session.har is Chrome-shaped (see history/testdata/README.md): an
// Occuspace 404, a TheRealReal 400 with a base64 body, and a lookup failure.
var sessionHAR = filepath.Join("testdata", "history", "session.har")

func TestHistoryImportListSearchShow(t *testing.T) {
	h := newHistoryEnv(t)
	out, errOut, code := h.run("import", sessionHAR)
	if code != ExitOK {
		t.Fatalf("import: %d %s", code, errOut)
	}
	for _, want := range []string{"Imported 3 entries from session.har: 3 new", "3 of them are errors", "by status: 400 ×1, 404 ×1, no response ×1", "request_id f1b8698f-b0e8-4fb9-82e1-ddf89029350c", "request_id trr-7f3e2c1a"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "chrome-qs-secret-1") {
		t.Errorf("import output shows a secret:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(h.vars["XDG_DATA_HOME"], "apierr", "history.db")); err != nil {
		t.Errorf("history not at the XDG path: %v", err)
	}
	out, _, _ = h.run("import", sessionHAR)
	if !strings.Contains(out, "0 new, 3 already in history") {
		t.Errorf("second import: %s", out)
	}

	out, _, code = h.run("list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitOK || len(lines) != 4 || !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[1], "ERR_NAME_NOT_RESOLVED") || !strings.Contains(lines[3], "404") {
		t.Errorf("list:\n%s", out)
	}
	out, _, _ = h.run("search", "status:4xx", "--json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 2 {
		t.Fatalf("search --json: %v\n%s", err, out)
	}
	for _, k := range []string{"id", "time", "method", "url", "status", "format", "code", "message", "request_id", "api"} {
		if _, ok := list[0][k]; !ok {
			t.Errorf("search --json lacks %q", k)
		}
	}
	if list[0]["code"] != "INVALID_PRODUCT_ID" {
		t.Errorf("newest 4xx first: %v", list[0])
	}
	out, _, _ = h.run("search", "--json", "nothing-like-this")
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("empty search --json = %q, want []", out)
	}

	out, _, code = h.run("show", "f1b8698f")
	for _, want := range []string{"Exchange #", "GET https://api.occuspace.io/v2/locations/1560?api_key=[REDACTED:", "Authorization: Bearer [REDACTED:", "Location 1560 not found", "request_id"} {
		if code != ExitOK || !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = h.run("show", "1", "--json")
	var ex map[string]any
	if err := json.Unmarshal([]byte(out), &ex); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "time", "request", "response", "timings", "attempts", "error", "diagnosis"} {
		if _, ok := ex[k]; !ok {
			t.Errorf("show --json lacks %q", k)
		}
	}
}

func TestHistoryNoteTicketExportPruneDelete(t *testing.T) {
	h := newHistoryEnv(t)
	if _, e, code := h.run("import", sessionHAR); code != ExitOK {
		t.Fatal(e)
	}
	if out, _, code := h.run("note", "1", "asked", "support"); code != ExitOK || !strings.Contains(out, "Noted on exchange #1") {
		t.Errorf("note: %s", out)
	}
	out, _, code := h.run("ticket", "1")
	if code != ExitOK || !strings.Contains(out, "| request_id | `f1b8698f-b0e8-4fb9-82e1-ddf89029350c` (body request_id) |") || !strings.Contains(out, "| Note | asked support |") {
		t.Errorf("ticket:\n%s", out)
	}
	if strings.Contains(out, "-secret-") {
		t.Errorf("ticket leaks:\n%s", out)
	}
	out, _, _ = h.run("ticket", "1", "--format", "json")
	var tk map[string]any
	if err := json.Unmarshal([]byte(out), &tk); err != nil || tk["request_id"] != "f1b8698f-b0e8-4fb9-82e1-ddf89029350c" {
		t.Errorf("ticket json: %v %s", err, out)
	}
	har := filepath.Join(t.TempDir(), "out.har")
	out, _, code = h.run("export", "--har", har, "is:error")
	if code != ExitOK || !strings.Contains(out, "Exported 3 exchanges") {
		t.Errorf("export: %s", out)
	}
	b, _ := os.ReadFile(har)
	if bytes.Contains(b, []byte("-secret-")) || !bytes.Contains(b, []byte(`"version": "1.2"`)) {
		t.Errorf("export content:\n%s", b)
	}
	if out, _, _ = h.run("prune", "--keep", "2"); !strings.Contains(out, "Removed 1 exchanges; 2 left") {
		t.Errorf("prune: %s", out)
	}
	if out, _, _ = h.run("delete", "3"); !strings.Contains(out, "Deleted exchange #3") {
		t.Errorf("delete: %s", out)
	}
}

func TestHistoryBadUsage(t *testing.T) {
	h := newHistoryEnv(t)
	bad := filepath.Join(t.TempDir(), "bad.har")
	os.WriteFile(bad, []byte("{\"log\": {\"entries\": [\n {\"startedDateTime\": \"2026-11-02T09:30:00Z\", \"request\": {\"url\": \"https://x.test/\"}, \"response\": {\"status\": \"404\"}}]}}"), 0o600)
	notDB := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notDB, []byte("not a database"), 0o600)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown 'history' command "frobnicate"`},
		{[]string{"search", "stauts:404"}, "history search: unknown filter 'stauts:' — did you mean status:?"},
		{[]string{"search", "status:6xx"}, "status:6xx is not a status class"},
		{[]string{"search"}, "history search needs a QUERY"},
		{[]string{"list", "--limit", "ten"}, "--limit ten: want a whole number"},
		{[]string{"list", "--colour"}, "unknown flag --colour"},
		{[]string{"show"}, "give one ID or REQUEST_ID"},
		{[]string{"show", "42"}, "no such exchange in history: id 42"},
		{[]string{"delete", "abc"}, "abc is not an exchange id"},
		{[]string{"prune"}, "say what to remove"},
		{[]string{"prune", "--older-than", "soon"}, "--older-than soon: want an age"},
		{[]string{"ticket", "1", "--format", "pdf"}, `--format "pdf": use markdown, text or json`},
		{[]string{"export", "status:4xx"}, "say where: --har FILE"},
		{[]string{"import", bad}, "bad.har: malformed HAR: log.entries[0].response.status: not a number (found a JSON string)"},
		{[]string{"import", filepath.Join(t.TempDir(), "missing.har")}, "no such file or directory"},
	}
	for _, tt := range tests {
		_, errOut, code := h.run(tt.args...)
		if code != ExitUsage || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line containing %q", tt.args, code, errOut, tt.want)
		}
	}
	h.env.HistoryFlag = notDB
	_, errOut, code := h.run("list")
	if code != ExitUsage || !strings.Contains(errOut, notDB+" is not an apierr history database") || !strings.Contains(errOut, "move it aside or use --history") {
		t.Errorf("foreign file: %d %q", code, errOut)
	}
}

func TestHistoryConfigRedactNames(t *testing.T) {
	h := newHistoryEnv(t)
	cfg := filepath.Join(h.vars["XDG_CONFIG_HOME"], "apierr", "config.toml")
	os.MkdirAll(filepath.Dir(cfg), 0o700)
	os.WriteFile(cfg, []byte("[redact]\nnames = [\"accept\"]\n"), 0o600)
	if _, e, code := h.run("import", sessionHAR); code != ExitOK {
		t.Fatal(e)
	}
	out, _, _ := h.run("show", "1")
	if strings.Contains(out, "application/json\n") && strings.Contains(out, "Accept: application/json") {
		t.Errorf("config name not redacted:\n%s", out)
	}
	if !strings.Contains(out, "Accept: [REDACTED:") {
		t.Errorf("want the Accept header redacted by the config's names:\n%s", out)
	}
	os.WriteFile(cfg, []byte("[redact\nnames = 1\n"), 0o600)
	_, errOut, code := h.run("list")
	if code != ExitUsage || !strings.Contains(errOut, cfg+":") {
		t.Errorf("bad config: %d %q", code, errOut)
	}
}
