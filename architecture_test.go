package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestArchitectureNamesRealFiles keeps ARCHITECTURE.md true: every file
// or folder it names in backquotes must exist, so a move or rename that
// forgets the map fails here.
func TestArchitectureNamesRealFiles(t *testing.T) {
	doc, err := os.ReadFile("ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	paths := regexp.MustCompile("`([a-z_]+(?:/[a-z0-9_.*]+)*(?:/|\\.go|\\.md))`").FindAllStringSubmatch(string(doc), -1)
	if len(paths) < 20 {
		t.Fatalf("ARCHITECTURE.md names only %d paths; the pattern no longer reads it", len(paths))
	}
	for _, p := range paths {
		name := strings.TrimSuffix(p[1], "/")
		if strings.Contains(name, "*") {
			continue // a pattern such as family_*.go
		}
		if _, err := os.Stat(name); err != nil {
			t.Errorf("ARCHITECTURE.md names %s, which does not exist", p[1])
		}
	}
}
