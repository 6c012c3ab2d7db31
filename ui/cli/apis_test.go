package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
)

func TestAPIsList(t *testing.T) {
	te := newExplainTestEnv(t)
	if code := APIsList(te.Env, nil); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	out := te.out.String()
	for _, want := range []string{
		"NAME             TITLE                   SOURCE                    MATCHED BY",
		"occuspace        Occuspace               000_0d453bd9f91a630f.txt  host api.occuspace.io, problem type URI https://api.occuspace.io/problems/",
		"hanger-selector  Hanger Selector         003_fa240afb0c82f6c8.txt  instance path /hanger-selector/",
		"octo             OCTO                    002_35605f8ad837da5c.txt  error code vocabulary",
		"raalabs          Raa Labs                001_763ea8bff2d64412.txt  --api only",
		"therealreal      TheRealReal vendor API  004_18aa442ee49486cf.txt  --api only",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
}

func TestAPIsListJSON(t *testing.T) {
	te := newExplainTestEnv(t)
	te.writeProfile(t, "acme.toml", "name = \"acme\"\ntitle = \"Acme\"\nhosts = [\"api.acme.test\"]\n")
	if code := APIsList(te.Env, []string{"--json"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	var list []map[string]any
	if err := json.Unmarshal(te.out.Bytes(), &list); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e["name"].(string))
		for _, k := range []string{"name", "title", "source", "hosts", "matched_by"} {
			if _, ok := e[k]; !ok {
				t.Errorf("%s lacks %q", e["name"], k)
			}
		}
	}
	if strings.Join(names, ",") != "acme,hanger-selector,occuspace,octo,raalabs,therealreal" {
		t.Errorf("names = %v", names)
	}
	if list[0]["source"] != "acme.toml" || list[0]["hosts"].([]any)[0] != "api.acme.test" {
		t.Errorf("acme = %v", list[0])
	}
}

func TestAPIsShow(t *testing.T) {
	te := newExplainTestEnv(t)
	if code := APIsShow(te.Env, []string{"therealreal"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	out := te.out.String()
	for _, want := range []string{
		"TheRealReal vendor API (therealreal)",
		"Source      004_18aa442ee49486cf.txt",
		"  502 Bad Gateway\n      Server-side error",
		"Server Errors  [500, 502]\n  For 500 or 502 status codes:\n  - Note the timestamp of the error",
		"Authentication Errors  [401]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	te = newExplainTestEnv(t)
	if code := APIsShow(te.Env, []string{"octo"}); code != ExitOK || !strings.Contains(te.out.String(), "  INVALID_PRODUCT_ID  attributes: productId\n      Missing or invalid productId in the request") {
		t.Errorf("exit %d:\n%s", code, te.out)
	}
}

// TestAPIsGolden checks `apis list` and `apis show` for every built-in
// profile against testdata/apis/ (-update rewrites them).
func TestAPIsGolden(t *testing.T) {
	te := newExplainTestEnv(t)
	if code := APIsList(te.Env, nil); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	checkGolden(t, filepath.Join("testdata", "apis", "list.txt"), te.out.String())
	for _, name := range formats.Builtin().Names() {
		te := newExplainTestEnv(t)
		if code := APIsShow(te.Env, []string{name}); code != ExitOK {
			t.Fatalf("%s: exit %d", name, code)
		}
		checkGolden(t, filepath.Join("testdata", "apis", "show_"+name+".txt"), te.out.String())
	}
}

func TestAPIsShowJSON(t *testing.T) {
	te := newExplainTestEnv(t)
	if code := APIsShow(te.Env, []string{"--json", "occuspace"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	var p formats.Profile
	if err := json.Unmarshal(te.out.Bytes(), &p); err != nil {
		t.Fatal(err)
	}
	want, _ := formats.Builtin().Lookup("occuspace")
	if p.Name != "occuspace" || len(p.Statuses) != len(want.Statuses) || len(p.Advice) != len(want.Advice) || p.Examples[0].Body != want.Examples[0].Body {
		t.Errorf("got %+v", p)
	}
}

func TestAPIsBadUsage(t *testing.T) {
	tests := []struct {
		name string
		run  func(*Env, []string) int
		args []string
		want string
	}{
		{"show without name", APIsShow, nil, "apis show: which profile? known ones are hanger-selector, occuspace"},
		{"show unknown", APIsShow, []string{"nope"}, `no API profile named "nope": known ones are hanger-selector, occuspace, octo, raalabs, therealreal`},
		{"show two names", APIsShow, []string{"octo", "raalabs"}, "give one profile name"},
		{"show bad flag", APIsShow, []string{"octo", "--yaml"}, "unknown flag --yaml"},
		{"list extra arg", APIsList, []string{"octo"}, `unexpected argument "octo"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			te := newExplainTestEnv(t)
			if code := tt.run(te.Env, tt.args); code != ExitUsage {
				t.Errorf("exit %d", code)
			}
			if msg := te.errOut.String(); strings.Count(msg, "\n") != 1 || !strings.Contains(msg, tt.want) {
				t.Errorf("stderr = %q, want %q", msg, tt.want)
			}
		})
	}
}

func TestAPIsBrokenUserFileWarns(t *testing.T) {
	te := newExplainTestEnv(t)
	path := te.writeProfile(t, "bad.toml", "name = \"Bad Name\"\n")
	if code := APIsList(te.Env, nil); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if msg := te.errOut.String(); msg != "apierr: warning: skipping API profile "+path+`: name "Bad Name" must be lower case letters, digits, '-' or '_' (it is typed with --api)`+"\n" {
		t.Errorf("stderr = %q", msg)
	}
	if !strings.Contains(te.out.String(), "occuspace") {
		t.Error("built-in profiles missing after a broken user file")
	}
}
