package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/apierr/apierr/ui/bodyview"
)

// The README's keys table must name every key the program answers to,
// so the documentation cannot drift from the KeyMap.
func TestREADMEDocumentsEveryKey(t *testing.T) {
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	start := strings.Index(s, "## The TUI")
	if start < 0 {
		t.Fatal(`README.md has no "## The TUI" section`)
	}
	section := s[start:]
	if end := strings.Index(section[3:], "\n## "); end >= 0 {
		section = section[:end+3]
	}
	// "f1/?" names two keys; "/" is one.
	split := func(k string) []string {
		if k == "/" {
			return []string{k}
		}
		return strings.Split(k, "/")
	}
	var groups [][]string
	for _, g := range DefaultKeyMap().FullHelp() {
		for _, b := range g.Bindings {
			groups = append(groups, split(b.Help().Key))
		}
	}
	for _, col := range bodyview.DefaultKeyMap().FullHelp() {
		for _, b := range col {
			groups = append(groups, split(b.Help().Key))
		}
	}
	for _, keys := range groups {
		for _, k := range keys {
			if !strings.Contains(section, "`"+k+"`") {
				t.Errorf("README's TUI section does not document the key `%s`", k)
			}
		}
	}
}
