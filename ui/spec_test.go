package ui

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/openapi"
	"github.com/apierr/apierr/probe"
)

// importSpec writes the profile and operations index of a vendor's
// document into dir, as `apierr apis import` does.
func importSpec(t *testing.T, dir, file, name string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "formats", "openapi", "testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	spec, err := openapi.Load(data, openapi.LoadOptions{Location: file})
	if err != nil {
		t.Fatal(err)
	}
	p, ix := openapi.Build(spec, openapi.BuildOptions{Name: name, Source: file, OperationsFile: name + ".ops.gz"})
	idx, err := ix.Encode()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(p); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, name+".ops.gz"), idx, 0o644)
	os.WriteFile(filepath.Join(dir, name+".toml"), buf.Bytes(), 0o644)
}

// A request sent from the TUI to an API imported from its OpenAPI
// document shows, in the diagnosis pane, the operation, the document's
// words for the status and the broken rule as the first step.
func TestSpecInDiagnosisPane(t *testing.T) {
	dir := t.TempDir()
	importSpec(t, dir, "resend.yaml", "resend")
	profiles, errs := formats.LoadProfiles(os.DirFS(dir))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	reg := formats.Builtin().With(profiles...)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		io.WriteString(w, `{"statusCode": 422, "name": "validation_error", "message": "The limit must be between 1 and 100."}`)
	}))
	defer srv.Close()
	send := withSpec(probe.Send, dir)
	ex := send(context.Background(), probe.Request{Method: "GET", URL: srv.URL + "/api-keys?limit=500",
		Header:  http.Header{"Authorization": {"Bearer re_123456789"}},
		Options: probe.Options{Profiles: reg, API: "resend"}})
	if ex.Error != "" {
		t.Fatal(ex.Error)
	}
	out := plain(renderDiagnosis(ex.Diagnosis, 100, DefaultStyles(true), nil))
	for _, want := range []string{"Operation  GET /api-keys", "Request    1 rule of the spec broken (step 1)",
		"1. query parameter limit=500: the spec's maximum is 100", "— resend.yaml (GET /api-keys)"} {
		if !strings.Contains(out, want) {
			t.Errorf("pane lacks %q:\n%s", want, out)
		}
	}
	// Explained again (another profile chosen, then this one), the
	// operation stays.
	msg := reexplainCmd(1, *ex.Response, ex.Request, formats.Options{Profiles: reg, API: "resend"}, dir)().(reexplainedMsg)
	if msg.diag.Operation != "GET /api-keys" || len(msg.diag.Violations) != 1 {
		t.Errorf("re-explained: %q %+v", msg.diag.Operation, msg.diag.Violations)
	}
}
