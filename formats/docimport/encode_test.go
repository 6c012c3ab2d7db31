package docimport

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
)

// TestEncodeRoundTrip writes profiles with Encode and reads them back with
// formats.ParseProfile: every built-in profile, every imported seed, and
// one made of awkward text (quotes, backslashes, control characters,
// ”' inside a body).
func TestEncodeRoundTrip(t *testing.T) {
	var cases []formats.Profile
	cases = append(cases, formats.Builtin().All()...)
	seeds, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*.txt"))
	for _, f := range seeds {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := Import(src, Options{Name: "seed-" + filepath.Base(f)[:3], Source: f, Hosts: []string{"api.example.test"}})
		cases = append(cases, p)
	}
	cases = append(cases, formats.Profile{
		Name:    "awkward",
		Title:   "Quotes \"and\" back\\slashes",
		Source:  "C:\\docs\\errors.html\nsecond line",
		Summary: "line one\nline two with '''triple''' quotes\tand a tab",
		Hosts:   []string{"*.example.test", "api.example.test"},
		Statuses: []formats.StatusDoc{{Code: 418, Name: "I'm a teapot", Description: "bell \a and escape \x1b[31m",
			Action: "Ünïcödé ✓ and \u2028"}, {Code: 429, Name: "Too Many Requests"}, {Code: 503}},
		ErrorCodes: []formats.ErrorCodeDoc{{Code: "E'1", Description: "ends with a quote'", Status: 409, Attributes: []string{"a", "b"}}},
		Advice:     []formats.Advice{{Title: "", Classes: []string{"5xx"}, Steps: []string{"retry"}}, {Statuses: []int{429, 503}, Intro: "If:", Steps: []string{"wait", "then retry"}}},
		Examples:   []formats.Example{{Title: "x", Status: 400, Body: "{\n  \"a\": \"it's\"\n}\n'", Description: "d"}},
	})
	for _, want := range cases {
		t.Run(want.Name, func(t *testing.T) {
			data, err := Encode(want)
			if err != nil {
				t.Fatal(err)
			}
			got, err := formats.ParseProfile(want.Name+".toml", data)
			if err != nil {
				t.Fatalf("ParseProfile: %v\n%s", err, data)
			}
			if !reflect.DeepEqual(normalize(want), normalize(got)) {
				t.Errorf("read back differs:\nwant %+v\ngot  %+v\nTOML:\n%s", normalize(want), normalize(got), data)
			}
		})
	}
}

func TestEncodeNeedsName(t *testing.T) {
	if _, err := Encode(formats.Profile{}); err == nil || !strings.Contains(err.Error(), "--name") {
		t.Errorf("Encode of a nameless profile: %v, want an error naming --name", err)
	}
}

// normalize makes absent and empty lists equal, as TOML does not tell
// them apart.
func normalize(p formats.Profile) formats.Profile {
	v := reflect.ValueOf(&p).Elem()
	normValue(v)
	return p
}

func normValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			normValue(v.Field(i))
		}
	case reflect.Slice:
		if v.Len() == 0 {
			v.Set(reflect.Zero(v.Type()))
			return
		}
		for i := 0; i < v.Len(); i++ {
			normValue(v.Index(i))
		}
	}
}
