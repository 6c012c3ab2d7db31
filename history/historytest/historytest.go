// Package historytest opens throw-away history databases for tests.
package historytest

import (
	"path/filepath"
	"testing"

	"github.com/apierr/apierr/history"
)

// Open returns a new, empty Store in tb's temporary directory, closed
// when the test ends.
func Open(tb testing.TB) *history.Store {
	tb.Helper()
	s, err := history.Open(filepath.Join(tb.TempDir(), "history.db"))
	if err != nil {
		tb.Fatalf("open history: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
