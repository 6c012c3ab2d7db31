package specdiag

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/openapi"
)

// A profile whose operations file is missing or corrupt costs a note
// saying what to do, never the diagnosis; a good one is read once.
func TestLoaderIndexFiles(t *testing.T) {
	dir := t.TempDir()
	good := &openapi.Index{Source: "api.yaml", Schemas: []openapi.Schema{{}}, Ops: []openapi.Operation{{Method: "GET", Path: "/items/{id}",
		Responses: []openapi.Response{{Status: "404", Description: "The item does not exist or was archived."}}}}}
	data, err := good.Encode()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "good.ops"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "bad.ops"), []byte("not an index"), 0o644)
	reg := formats.NewRegistry(
		formats.Profile{Name: "good", Operations: "good.ops"},
		formats.Profile{Name: "bad", Operations: "bad.ops"},
		formats.Profile{Name: "gone", Operations: "gone.ops"},
		formats.Profile{Name: "plain"},
	)
	l := &Loader{Dir: dir}
	req := openapi.Request{Method: "GET", URL: "https://api.example.com/items/7", Header: http.Header{}}
	for name, want := range map[string]string{
		"bad":  "bad.ops: not an operations index",
		"gone": "the operations of API profile gone cannot be read",
	} {
		d := formats.Diagnosis{Status: 404, API: name}
		l.ApplyDiagnosis(reg, &d, req, openapi.ApplyOptions{})
		if len(d.Notes) != 1 || !strings.Contains(d.Notes[0], want) || !strings.Contains(d.Notes[0], "again") {
			t.Errorf("%s: notes %q", name, d.Notes)
		}
	}
	d := formats.Diagnosis{Status: 404, API: "plain", Explanation: "x"}
	l.ApplyDiagnosis(reg, &d, req, openapi.ApplyOptions{})
	if d.Operation != "" || d.Explanation != "x" || len(d.Notes) != 0 {
		t.Errorf("plain profile changed: %+v", d)
	}
	d = formats.Diagnosis{Status: 404, API: "good"}
	l.ApplyDiagnosis(reg, &d, req, openapi.ApplyOptions{})
	if d.Operation != "GET /items/{id}" || !strings.HasPrefix(d.Explanation, "GET /items/{id} — 404: The item does not exist or was archived.") {
		t.Errorf("good: %q %q", d.Operation, d.Explanation)
	}
	// A file imported again is read again.
	good.Ops[0].Path = "/items/{item_id}"
	good.Source = "items-api-second-edition, published after the first one was read.yaml"
	data, _ = good.Encode()
	os.WriteFile(filepath.Join(dir, "good.ops"), data, 0o644) // longer texts: another size, whatever the clock
	d = formats.Diagnosis{Status: 404, API: "good"}
	l.ApplyDiagnosis(reg, &d, req, openapi.ApplyOptions{})
	if d.Operation != "GET /items/{item_id}" {
		t.Errorf("after re-import: %+v", d)
	}
}
