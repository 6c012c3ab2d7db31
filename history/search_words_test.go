package history_test

import (
	"context"
	"testing"
	"time"

	"github.com/apierr/apierr/history/historytest"
)

// What the TUI's search box needs: words match as prefixes while being
// typed, notes are found, and the total of matches is known.
func TestSearchPrefixesNotesAndCount(t *testing.T) {
	s := historytest.Open(t)
	ctx := context.Background()
	for i := range 3 {
		e := trustSample()
		e.Time = e.Time.Add(-time.Duration(i) * time.Minute)
		e.Diagnosis.RequestID = "rid-" + string(rune('a'+i))
		if _, err := s.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := s.Search(ctx, "", 10, 0)
	if err := s.SetNote(ctx, got[1].ID, "customer Zephyrine reported this on the phone"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  int64
	}{
		{"valid", 3},             // validation, validation_failed
		{"validat fail", 3},      // every word a prefix
		{`"failed valid"`, 3},    // a phrase, its last word a prefix
		{"validx", 0},            // not a prefix of anything
		{"zephyr", 1},            // the note
		{"customer reported", 1}, // words of the note
		{"zephyr status:4xx", 1}, // with a filter
		{"status:4xx", 3},        // filters alone
	}
	for _, tt := range tests {
		n, err := s.Count(ctx, tt.query)
		if err != nil || n != tt.want {
			t.Errorf("Count(%q) = %d, %v; want %d", tt.query, n, err, tt.want)
		}
		list, err := s.Search(ctx, tt.query, 50, 0)
		if err != nil || int64(len(list)) != tt.want {
			t.Errorf("Search(%q) found %d, %v; want %d", tt.query, len(list), err, tt.want)
		}
	}
	if err := s.SetNote(ctx, got[1].ID, ""); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(ctx, "zephyr"); n != 0 {
		t.Errorf("a removed note is still found (%d)", n)
	}
	if n, _ := s.Count(ctx, "valid"); n != 3 {
		t.Errorf("after the note went, valid finds %d, want 3", n)
	}
}
