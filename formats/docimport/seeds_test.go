package docimport

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
)

// TestSeedsRoundTrip imports each seed page and compares what a user is
// told (status rows, error codes, fields, advice per status and class)
// with the hand-written built-in profile for the same API.
func TestSeedsRoundTrip(t *testing.T) {
	reg := formats.Builtin()
	for _, tc := range []struct{ file, name string }{
		{"000_0d453bd9f91a630f.txt", "occuspace"},
		{"001_763ea8bff2d64412.txt", "raalabs"},
		{"002_35605f8ad837da5c.txt", "octo"},
		{"003_fa240afb0c82f6c8.txt", "hanger-selector"},
		{"004_18aa442ee49486cf.txt", "therealreal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "seeds", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			want, ok := reg.Lookup(tc.name)
			if !ok {
				t.Fatalf("no built-in profile %q", tc.name)
			}
			got, rep := Import(src, Options{Name: tc.name, Source: tc.file})
			if !rep.Found() {
				t.Fatalf("nothing found: %v", rep.Lines())
			}
			for _, d := range profileDiff(want, got) {
				t.Error(d)
			}
			if t.Failed() {
				t.Logf("report:\n%s", strings.Join(rep.Lines(), "\n"))
			}
		})
	}
}

// profileDiff lists, one line each, the rows where got differs from want.
// Advice is compared as the ordered steps each status or class receives,
// which is what explain shows; how the docs group them into sections is
// not.
func profileDiff(want, got formats.Profile) []string {
	var out []string
	rows := func(what string, w, g any) {
		wv, gv := reflect.ValueOf(w), reflect.ValueOf(g)
		n := max(wv.Len(), gv.Len())
		for i := 0; i < n; i++ {
			var wi, gi any = "(none)", "(none)"
			if i < wv.Len() {
				wi = wv.Index(i).Interface()
			}
			if i < gv.Len() {
				gi = gv.Index(i).Interface()
			}
			if !reflect.DeepEqual(wi, gi) {
				out = append(out, fmt.Sprintf("%s row %d:\n  want %+v\n  got  %+v", what, i, wi, gi))
			}
		}
	}
	rows("status", want.Statuses, got.Statuses)
	rows("error code", normCodes(want.ErrorCodes), normCodes(got.ErrorCodes))
	rows("field", want.Fields, got.Fields)
	rows("advice", adviceSteps(want.Advice), adviceSteps(got.Advice))
	rows("example body", exampleBodies(want.Examples), exampleBodies(got.Examples))
	rows("type prefix", want.TypePrefixes, got.TypePrefixes)
	rows("instance prefix", want.InstancePrefixes, got.InstancePrefixes)
	if want.Format != got.Format {
		out = append(out, fmt.Sprintf("format: want %q, got %q", want.Format, got.Format))
	}
	return out
}

func normCodes(in []formats.ErrorCodeDoc) []formats.ErrorCodeDoc {
	out := make([]formats.ErrorCodeDoc, len(in))
	for i, e := range in {
		if len(e.Attributes) == 0 {
			e.Attributes = nil
		}
		out[i] = e
	}
	return out
}

// adviceSteps flattens advice into "statuses/classes | intro | step" lines.
func adviceSteps(in []formats.Advice) []string {
	var out []string
	for _, a := range in {
		target := fmt.Sprint(a.Statuses, a.Classes)
		for _, s := range a.Steps {
			out = append(out, target+" | "+a.Intro+" | "+s)
		}
	}
	return out
}

func exampleBodies(in []formats.Example) []string {
	out := make([]string, len(in))
	for i, e := range in {
		out[i] = e.Body
	}
	return out
}
