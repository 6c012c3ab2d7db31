package docimport

import (
	"regexp"
	"testing"
)

// TestLazyPatternsCompile compiles every pattern the importer declares,
// so a typo fails here rather than on the first page that reaches it.
func TestLazyPatternsCompile(t *testing.T) {
	if len(lazyPatterns) < 50 {
		t.Fatalf("only %d lazily compiled patterns registered; expected the importer's ~70", len(lazyPatterns))
	}
	for _, l := range lazyPatterns {
		if _, err := regexp.Compile(l.src); err != nil {
			t.Errorf("pattern %q: %v", l.src, err)
		}
	}
}
