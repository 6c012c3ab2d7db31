package ui

import (
	"strings"
	"testing"
	"time"
)

// Rows of a team store say who saved each exchange; a local history's
// rows have no user column.
func TestHistoryRowsShowUserOfSharedStore(t *testing.T) {
	now := time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC)
	rows := []entry{
		{Time: now, Method: "GET", URL: "https://api.occuspace.io/v2/locations/1560", Status: 404, RequestID: "f1b8698f", User: "alice"},
		{Time: now, Method: "POST", URL: "https://api.raalabs.com/v1/x", Status: 422, RequestID: "c0ffee00", User: "bob"},
	}
	lines := historyRows(rows, 160, now)
	if !strings.Contains(lines[0], "alice") || !strings.Contains(lines[1], "bob") {
		t.Errorf("shared rows without their users:\n%s", strings.Join(lines, "\n"))
	}
	for i := range rows {
		rows[i].User = ""
	}
	if lines := historyRows(rows, 160, now); strings.Contains(lines[0], "alice") || !strings.Contains(lines[0], "f1b8698f") {
		t.Errorf("local rows: %q", lines[0])
	}
}
