package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
)

// The -update flag rewrites golden files. Other test files of this
// package may define it too, so it is defined here only when missing.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// explainTestEnv is an Env writing to buffers, with its own empty config home.
type explainTestEnv struct {
	*Env
	out, errOut *bytes.Buffer
	vars        map[string]string
}

func newExplainTestEnv(t testing.TB) *explainTestEnv {
	t.Helper()
	te := &explainTestEnv{out: &bytes.Buffer{}, errOut: &bytes.Buffer{},
		vars: map[string]string{"HOME": t.TempDir(), "XDG_CONFIG_HOME": t.TempDir()}}
	te.Env = &Env{Stdin: strings.NewReader(""), Stdout: te.out, Stderr: te.errOut,
		Getenv: func(k string) string { return te.vars[k] }}
	return te
}

// writeProfile puts a user profile file into the test's profile directory.
func (te *explainTestEnv) writeProfile(t *testing.T, name, data string) string {
	t.Helper()
	dir := te.ProfilesDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func explainSeedFile(name string) string { return filepath.Join("testdata", "seeds", name) }

// explainSeedCases are the seed documents' example responses and what a user
// must see for each.
var explainSeedCases = []struct {
	file      string
	api       string // --api, for APIs whose docs give no recognizable clue
	wantAPI   string
	format    string
	code      string
	message   string
	requestID string
	fields    []formats.FieldError
	firstStep string // the docs' own advice, before any generic step
	alsoStep  string
}{
	{file: "occuspace_404.http", wantAPI: "occuspace", format: "problem+json", code: "not-found",
		message: "Location 1560 not found or not accessible", requestID: "f1b8698f-b0e8-4fb9-82e1-ddf89029350c",
		firstStep: "The requested resource was not found.",
		alsoStep:  "Verify that the location ID in your request is correct and that your API token has been granted access to that location."},
	{file: "occuspace_500.http", wantAPI: "occuspace", format: "problem+json", code: "internal-error",
		message: "An unexpected error occurred", requestID: "0c2d9a51-7f4e-4d0b-9a7e-3b1f5c6d8e90",
		firstStep: "An unexpected error occurred on the Occuspace servers.",
		alsoStep:  "When contacting Occuspace about a 500 error, always include the request_id from the error response."},
	{file: "raalabs_400.http", api: "raalabs", wantAPI: "raalabs", format: "error-string",
		message:   "Invalid 'to' timestamp: Invalid timestamp or format: 2025-05-25T09:41:00, valid formats are ISO8601 or YYYY-MM-DD",
		firstStep: "4xx response codes indicate a problem with the request"},
	{file: "octo_400.http", wantAPI: "octo", format: "error-code-message", code: "INVALID_PRODUCT_ID",
		message: "The Product ID was invalid or missing"},
	{file: "hanger-selector_400.http", wantAPI: "hanger-selector", format: "problem+json",
		message: "bad building code", fields: []formats.FieldError{{Field: "Building Code", Message: "bad building code"}},
		firstStep: "Verify input parameters, ensure request body and query strings follow the API specification."},
	{file: "therealreal_422.http", api: "therealreal", wantAPI: "therealreal", format: "error-object", code: "VALIDATION_ERROR",
		message: "Validation failed", fields: []formats.FieldError{{Field: "price", Message: "must be greater than 0"}},
		firstStep: "Check your request payload against the API specifications"},
}

func TestExplainRawSeedsJSON(t *testing.T) {
	for _, tt := range explainSeedCases {
		t.Run(tt.file, func(t *testing.T) {
			te := newExplainTestEnv(t)
			args := []string{"--raw", explainSeedFile(tt.file), "--json"}
			if tt.api != "" {
				args = append(args, "--api", tt.api)
			}
			if code := Explain(te.Env, args); code != ExitOK {
				t.Fatalf("exit %d: %s", code, te.errOut)
			}
			var d formats.Diagnosis
			if err := json.Unmarshal(te.out.Bytes(), &d); err != nil {
				t.Fatalf("not a Diagnosis: %v\n%s", err, te.out)
			}
			if d.API != tt.wantAPI || d.Format != tt.format || d.Message != tt.message || d.RequestID != tt.requestID {
				t.Errorf("api=%q format=%q message=%q request_id=%q", d.API, d.Format, d.Message, d.RequestID)
			}
			if tt.code != "" && d.Code != tt.code {
				t.Errorf("code = %q, want %q", d.Code, tt.code)
			}
			if len(tt.fields) > 0 && (len(d.FieldErrors) != len(tt.fields) || d.FieldErrors[0].Field != tt.fields[0].Field || d.FieldErrors[0].Message != tt.fields[0].Message) {
				t.Errorf("field errors = %+v, want %+v", d.FieldErrors, tt.fields)
			}
			p, _ := formats.Builtin().Lookup(tt.wantAPI)
			if tt.firstStep != "" && (len(d.Steps) == 0 || !strings.HasPrefix(d.Steps[0].Text, tt.firstStep) || d.Steps[0].Source != p.Source) {
				t.Errorf("first step = %+v, want the docs' %q", d.Steps, tt.firstStep)
			}
			if tt.alsoStep != "" && !explainHasStep(d.Steps, tt.alsoStep, p.Source) {
				t.Errorf("steps lack the docs' %q: %q", tt.alsoStep, d.Recovery)
			}
			if len(d.Sources) == 0 || d.Sources[0] != p.Source {
				t.Errorf("sources = %q, want %s first", d.Sources, p.Source)
			}
		})
	}
}

func explainHasStep(steps []formats.Step, prefix, source string) bool {
	for _, s := range steps {
		if strings.HasPrefix(s.Text, prefix) && s.Source == source {
			return true
		}
	}
	return false
}

// TestExplainHumanGolden checks the human output against the golden files
// in testdata/explain/ (go test ./ui/cli -run Golden -update rewrites them).
func TestExplainHumanGolden(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"status_429", []string{"429"}},
		{"status_499", []string{"--status", "499"}},
		{"status_with_headers", []string{"--status", "503", "--header", "Retry-After: 120", "--header", "X-Request-Id: req-7f3a"}},
	}
	for _, s := range explainSeedCases {
		args := []string{"--raw", explainSeedFile(s.file)}
		if s.api != "" {
			args = append(args, "--api", s.api)
		}
		cases = append(cases, struct {
			name string
			args []string
		}{strings.TrimSuffix(s.file, ".http"), args})
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			te := newExplainTestEnv(t)
			if code := Explain(te.Env, tt.args); code != ExitOK {
				t.Fatalf("exit %d: %s", code, te.errOut)
			}
			if bytes.IndexByte(te.out.Bytes(), 0x1b) >= 0 {
				t.Error("output that is not a terminal has an escape sequence")
			}
			checkGolden(t, filepath.Join("testdata", "explain", tt.name+".txt"), te.out.String())
		})
	}
}

// checkGolden compares got with the golden file, rewriting it first
// under -update.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if updateGolden() {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n%s", golden, got)
	}
}

func BenchmarkExplainRaw(b *testing.B) {
	te := newExplainTestEnv(b)
	args := []string{"--raw", explainSeedFile("occuspace_404.http")}
	for b.Loop() {
		te.out.Reset()
		if Explain(te.Env, args) != ExitOK {
			b.Fatal(te.errOut)
		}
	}
}

func TestExplainDocsAdviceBeforeGeneric(t *testing.T) {
	te := newExplainTestEnv(t)
	if code := Explain(te.Env, []string{"--raw", explainSeedFile("occuspace_404.http")}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	out := te.out.String()
	docs := strings.Index(out, "Verify that the location ID in your request is correct")
	generic := strings.Index(out, "source: RFC 9110, 15.5.5")
	if docs < 0 || generic < 0 || docs > generic {
		t.Errorf("the docs' advice does not come before the generic steps:\n%s", out)
	}
	for _, want := range []string{"404 Not Found", "Occuspace (occuspace), matched by problem type URI",
		"f1b8698f-b0e8-4fb9-82e1-ddf89029350c", "source: Occuspace docs (000_0d453bd9f91a630f.txt)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
