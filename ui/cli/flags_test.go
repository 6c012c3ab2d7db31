package cli

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitGlobalFlags(t *testing.T) {
	cases := []struct {
		args     []string
		rest     []string
		path     string
		wantsErr bool
	}{
		{[]string{"history", "list"}, []string{"history", "list"}, "", false},
		{[]string{"--history", "h.db", "history", "list"}, []string{"history", "list"}, "h.db", false},
		{[]string{"history", "list", "--history=x.db"}, []string{"history", "list"}, "x.db", false},
		// After "--" everything belongs to the command.
		{[]string{"send", "--", "--history", "h.db"}, []string{"send", "--", "--history", "h.db"}, "", false},
		// A curl option's value is the command's, whatever it looks like.
		{[]string{"send", "-d", "--history", "http://h/", "--history", "a.db"}, []string{"send", "-d", "--history", "http://h/"}, "a.db", false},
		{[]string{"history", "--history"}, nil, "", true},
	}
	for _, c := range cases {
		rest, path, err := SplitGlobalFlags(c.args)
		if (err != nil) != c.wantsErr {
			t.Fatalf("%q: error %v, want error %v", c.args, err, c.wantsErr)
		}
		if err == nil && (!reflect.DeepEqual(rest, c.rest) || path != c.path) {
			t.Errorf("%q: got %q %q, want %q %q", c.args, rest, path, c.rest, c.path)
		}
	}
}

// TestCmdFlags: every command parses the same way: flags anywhere,
// --name value and --name=value, repeatable flags in order, "--" ends the
// flags, and a problem is one message naming the flag.
func TestCmdFlags(t *testing.T) {
	type got struct {
		JSON    bool
		Status  string
		Headers []string
		Pos     []string
		Help    bool
		Err     string
	}
	parse := func(args ...string) got {
		var g got
		f := cmdFlags{cmd: "explain",
			bools:  map[string]*bool{"--json": &g.JSON},
			values: map[string]*string{"--status": &g.Status},
			lists:  map[string]*[]string{"--header": &g.Headers, "-H": &g.Headers},
		}
		pos, help, err := f.parse(args)
		g.Pos, g.Help = pos, help
		if err != nil {
			g.Err = err.Error()
		}
		return g
	}
	cases := []struct {
		args []string
		want got
	}{
		{[]string{"a", "--json", "b"}, got{JSON: true, Pos: []string{"a", "b"}}},
		{[]string{"--status=404", "-H", "A: 1", "--header", "B: 2"}, got{Status: "404", Headers: []string{"A: 1", "B: 2"}}},
		{[]string{"--status", "--json"}, got{Status: "--json"}},
		{[]string{"-", "--", "--json"}, got{Pos: []string{"-", "--json"}}},
		{[]string{"x", "--help", "--bogus"}, got{Help: true}},
		{[]string{"--bogus"}, got{Err: "unknown flag --bogus (run 'apierr explain --help')"}},
		{[]string{"--status"}, got{Err: "--status needs a value (run 'apierr explain --help')"}},
		{[]string{"--json=yes"}, got{Err: "--json takes no value (run 'apierr explain --help')"}},
	}
	for _, c := range cases {
		g := parse(c.args...)
		if g.Err != "" || c.want.Err != "" {
			if g.Err != c.want.Err {
				t.Errorf("%q: error %q, want %q", c.args, g.Err, c.want.Err)
			}
			continue
		}
		if !reflect.DeepEqual(g, c.want) {
			t.Errorf("%q: got %+v, want %+v", c.args, g, c.want)
		}
	}
}

// Flags that are not the command's own are handed on verbatim with their
// values when passOn says so (send's curl options).
func TestCmdFlagsPassOn(t *testing.T) {
	var asJSON bool
	f := cmdFlags{cmd: "send", bools: map[string]*bool{"--json": &asJSON},
		passOn: func(flag string) bool { return flag == "-d" }}
	pos, _, err := f.parse([]string{"-d", "--json", "-v", "URL", "--json", "--", "--json"})
	if err != nil {
		t.Fatal(err)
	}
	if !asJSON || strings.Join(pos, " ") != "-d --json -v URL -- --json" {
		t.Errorf("json=%v pos=%q", asJSON, pos)
	}
}
