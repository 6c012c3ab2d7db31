package main

import "testing"

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
