package formats

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

const acmeProfileTOML = `
name = "acme"
title = "Acme API"
hosts = ["api.acme.test", "*.acme.example"]

[[status]]
code = 404
name = "Not Found"
description = "No such widget."
action = "Check the widget id."
`

func TestParseProfile(t *testing.T) {
	p, err := ParseProfile("acme.toml", []byte(acmeProfileTOML))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "acme" || p.Source != "acme.toml" || len(p.Statuses) != 1 || p.Statuses[0].Action != "Check the widget id." {
		t.Errorf("got %+v", p)
	}
}

func TestParseProfileErrors(t *testing.T) {
	tests := []struct {
		name, data string
		want       string // the whole error line, file:line: first
	}{
		{"syntax", "name = \"acme\"\ntitle = \"unterminated\n", "bad.toml:2: "},
		{"bad table", "name = \"acme\"\n\n[[status]\ncode = 1\n", "bad.toml:3: "},
		{"wrong type", "name = \"acme\"\n[[status]]\ncode = \"404\"\n", "bad.toml:3: "},
		{"unknown table", "name = \"acme\"\n[[stauts]]\ncode = 404\n", `bad.toml:2: unknown key "stauts"`},
		{"unknown key", "name = \"acme\"\ntitel = \"x\"\n", `bad.toml:2: unknown key "titel"`},
		{"unknown key in a row", "name = \"acme\"\n[[status]]\ncode = 404\nnmae = \"Not Found\"\n", `bad.toml:4: unknown key "status.nmae"`},
		{"no name", "title = \"x\"\n", "bad.toml: missing name"},
		{"upper-case name", "name = \"Acme\"\n", `bad.toml: name "Acme" must be lower case`},
		{"status out of range", "name = \"a\"\n[[status]]\ncode = 700\n", "bad.toml: status row 1: code 700 is not an HTTP status"},
		{"duplicate status", "name = \"a\"\n[[status]]\ncode = 404\n[[status]]\ncode = 404\n", "bad.toml: status row 2: code 404 appears twice"},
		{"advice for absent status", "name = \"a\"\n[[advice]]\ntitle = \"T\"\nstatuses = [500]\nsteps = [\"s\"]\n", "bad.toml: advice 1 (\"T\"): status 500 has no row"},
		{"bad class", "name = \"a\"\n[[advice]]\nclasses = [\"4XX\"]\nsteps = [\"s\"]\n", `bad.toml: advice 1 (""): class "4XX"`},
		{"duplicate error code", "name = \"a\"\n[[error_code]]\ncode = \"X\"\n[[error_code]]\ncode = \"X\"\n", `bad.toml: error_code row 2: code "X" appears twice`},
		{"host with scheme", "name = \"a\"\nhosts = [\"https://a.test\"]\n", `bad.toml: host "https://a.test" must be a bare host`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseProfile("bad.toml", []byte(tt.data))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want prefix %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
			var pe *ProfileError
			if !errors.As(err, &pe) || pe.File != "bad.toml" {
				t.Errorf("not a *ProfileError naming the file: %#v", err)
			}
		})
	}
}

func TestLoadProfilesKeepsGoodFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"acme.toml":   {Data: []byte(acmeProfileTOML)},
		"broken.toml": {Data: []byte("name = \"broken\"\n[[status]\n")},
		"notes.txt":   {Data: []byte("not a profile")},
	}
	profiles, errs := LoadProfiles(fsys)
	if len(profiles) != 1 || profiles[0].Name != "acme" {
		t.Errorf("profiles = %+v", profiles)
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "broken.toml:2: ") {
		t.Errorf("errors = %v, want one for broken.toml:2", errs)
	}
}

func TestRegistryWithOverrides(t *testing.T) {
	user, err := ParseProfile("occuspace.toml", []byte(`
name = "occuspace"
title = "Occuspace (staging)"
hosts = ["staging.occuspace.test"]
`))
	if err != nil {
		t.Fatal(err)
	}
	acme, _ := ParseProfile("acme.toml", []byte(acmeProfileTOML))
	r := Builtin().With(user, acme)
	if got := strings.Join(r.Names(), ","); got != "acme,hanger-selector,occuspace,octo,raalabs,therealreal" {
		t.Errorf("names = %s", got)
	}
	p, _ := r.Lookup("occuspace")
	if p.Title != "Occuspace (staging)" || len(p.Statuses) != 0 {
		t.Errorf("occuspace not overridden: %+v", p)
	}
	// The built-in registry itself is unchanged.
	if p, _ := Builtin().Lookup("occuspace"); p.Title != "Occuspace" {
		t.Errorf("builtin changed: %q", p.Title)
	}
	if _, ok := r.Lookup("nope"); ok {
		t.Error("Lookup(nope) found something")
	}
}

func TestMatch(t *testing.T) {
	acme, _ := ParseProfile("acme.toml", []byte(acmeProfileTOML))
	reg := Builtin().With(acme)
	tests := []struct {
		name     string
		opts     Options
		d        Diagnosis
		wantAPI  string
		wantHow  string
		wantNote bool
	}{
		{"forced", Options{API: "raalabs"}, Diagnosis{Format: "error-string"}, "raalabs", "--api", false},
		{"forced beats host", Options{API: "octo", Host: "api.occuspace.io"}, Diagnosis{}, "octo", "--api", false},
		{"host", Options{Host: "api.occuspace.io"}, Diagnosis{}, "occuspace", "host api.occuspace.io", false},
		{"host with port and case", Options{Host: "API.Occuspace.io:443"}, Diagnosis{}, "occuspace", "host api.occuspace.io", false},
		{"wildcard host", Options{Host: "eu.acme.example"}, Diagnosis{}, "acme", "host eu.acme.example", false},
		{"wildcard is not the apex", Options{Host: "acme.example"}, Diagnosis{}, "", "", false},
		{"wildcard needs a dot before the suffix", Options{Host: "xacme.example"}, Diagnosis{}, "", "", false},
		{"wildcard ignores case", Options{Host: "EU.Acme.Example"}, Diagnosis{}, "acme", "host eu.acme.example", false},
		{"type URI", Options{}, Diagnosis{Type: "https://api.occuspace.io/problems/not-found"}, "occuspace", "problem type URI", false},
		{"instance", Options{}, Diagnosis{Type: "about:blank", Instance: "/hanger-selector/hangers"}, "hanger-selector", "instance path /hanger-selector/", false},
		{"vocabulary", Options{}, Diagnosis{Format: "error-code-message", Code: "INVALID_PRODUCT_ID"}, "octo", "error code vocabulary", false},
		{"vocabulary needs the format", Options{}, Diagnosis{Format: "error-object", Code: "UNAUTHORIZED"}, "", "", false},
		{"no clue", Options{}, Diagnosis{Format: "error-string"}, "", "", false},
		{"unknown forced name", Options{API: "nope"}, Diagnosis{Type: "https://api.occuspace.io/problems/x"}, "occuspace", "problem type URI", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Profiles = reg
			d := tt.d
			p, ok := Match(tt.opts, &d)
			if d.API != tt.wantAPI || d.APIMatch != tt.wantHow || ok != (tt.wantAPI != "") || p.Name != tt.wantAPI {
				t.Errorf("matched %q by %q (ok=%v), want %q by %q", d.API, d.APIMatch, ok, tt.wantAPI, tt.wantHow)
			}
			if got := len(d.Notes) > 0; got != tt.wantNote {
				t.Errorf("notes = %q", d.Notes)
			}
			if tt.wantNote && !strings.Contains(d.Notes[0], "hanger-selector, occuspace, octo") {
				t.Errorf("note does not list the known names: %q", d.Notes[0])
			}
		})
	}
}

func TestMatchRule(t *testing.T) {
	want := map[string]string{
		"occuspace":       "host api.occuspace.io, problem type URI https://api.occuspace.io/problems/",
		"hanger-selector": "instance path /hanger-selector/",
		"octo":            "error code vocabulary",
		"raalabs":         "--api only",
		"therealreal":     "--api only",
	}
	for _, p := range Builtin().All() {
		if got := MatchRule(p); got != want[p.Name] {
			t.Errorf("%s: %q, want %q", p.Name, got, want[p.Name])
		}
	}
}
