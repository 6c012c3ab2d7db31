package main

import (
	"reflect"
	"testing"
)

func TestSplitHistoryFlag(t *testing.T) {
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
		{[]string{"history", "--history"}, nil, "", true},
	}
	for _, c := range cases {
		rest, path, err := splitHistoryFlag(c.args)
		if (err != nil) != c.wantsErr {
			t.Fatalf("%q: error %v, want error %v", c.args, err, c.wantsErr)
		}
		if err == nil && (!reflect.DeepEqual(rest, c.rest) || path != c.path) {
			t.Errorf("%q: got %q %q, want %q %q", c.args, rest, path, c.rest, c.path)
		}
	}
}

func TestUnknownCommandsAreUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"bogus"}, {"apis", "bogus"}, {"--history"}} {
		if code := run(args); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code := run([]string{"--version"}); code != 0 {
		t.Errorf("--version: exit %d", code)
	}
}
