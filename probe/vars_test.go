package probe

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	vars := map[string]string{"HOST": "api.example.test", "TOKEN": "t0k", "EMPTY": ""}
	lookup := func(n string) (string, bool) { v, ok := vars[n]; return v, ok }
	req := Request{
		URL:    "https://${HOST}/v1/items?x=${EMPTY}",
		Header: http.Header{"Authorization": {"Bearer ${TOKEN}"}},
		Body:   []byte(`{"tpl": "$${HOST}", "t": "${TOKEN}", "cost": "$5"}`),
	}
	got, err := req.Expand(lookup)
	if err != nil {
		t.Fatal(err)
	}
	if got.URL != "https://api.example.test/v1/items?x=" || got.Header.Get("Authorization") != "Bearer t0k" ||
		string(got.Body) != `{"tpl": "${HOST}", "t": "t0k", "cost": "$5"}` {
		t.Errorf("expanded: %q %q %q", got.URL, got.Header.Get("Authorization"), got.Body)
	}

	for in, want := range map[string]string{
		"https://${MISSING}/":  "variable MISSING is not set",
		"https://x/${OPEN":     "unclosed ${",
		"https://x/${not ok}/": "is not a variable name",
	} {
		_, err := Request{URL: in}.Expand(lookup)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Expand(%q) error = %v, want %q", in, err, want)
		}
	}
}

func TestReadEnvFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".env")
	os.WriteFile(path, []byte("# credentials\nTOKEN=abc # trailing comment\nexport HOST=api.example.test\nQUOTED=\"a \\\"b\\\"\"\nSINGLE='x # y'\n\nEMPTY=\n"), 0o600)
	vars, err := ReadEnvFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"TOKEN": "abc", "HOST": "api.example.test", "QUOTED": `a "b"`, "SINGLE": "x # y", "EMPTY": ""}
	for k, v := range want {
		if vars[k] != v {
			t.Errorf("%s = %q, want %q", k, vars[k], v)
		}
	}
	os.WriteFile(path, []byte("just a line\n"), 0o600)
	if _, err := ReadEnvFile(path); err == nil || !strings.Contains(err.Error(), "line 1: expected KEY=VALUE") {
		t.Errorf("bad line: %v", err)
	}
	lookup := EnvLookup(map[string]string{"A": "file"}, func(n string) (string, bool) { return "env-" + n, true })
	if v, _ := lookup("A"); v != "file" {
		t.Errorf("file should win: %q", v)
	}
	if v, _ := lookup("B"); v != "env-B" {
		t.Errorf("env fallback: %q", v)
	}
}
