package bodyview

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// problems is a minified JSON array of n problem details shaped like the
// Occuspace example (../shared/seeds/000), about 190 bytes each.
func problems(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"items":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"type":"https://api.occuspace.io/problems/not-found","title":"Not Found","status":404,"detail":"Location %d not found or not accessible","instance":"/v2/locations/%d","ok":false}`, i, i)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

func TestLargeJSONIsReindentedInTheBackground(t *testing.T) {
	body := problems(12_000) // ~2 MiB: over the synchronous limit
	m := New(DefaultStyles())
	m.SetSize(80, 20)
	m.Focus()
	cmd := m.SetContent(body, "application/json")
	if cmd == nil {
		t.Fatal("a 2 MiB body was re-indented inside SetContent; want a command")
	}
	if m.LineCount() != 1 || !strings.Contains(m.Status(), "re-indenting…") {
		t.Fatalf("before the reply: %d lines, status %q; want the raw line and a re-indenting note", m.LineCount(), m.Status())
	}
	// Until the reply, the raw line is shown cut to the width.
	if got := row(m, 0); len([]rune(got)) != 80 || !strings.HasSuffix(got, "…") {
		t.Errorf("raw first row = %q, want 80 cells ending in …", got)
	}
	m, _ = m.Update(cmd())
	if m.LineCount() < 12_000*8 {
		t.Errorf("after re-indenting: %d lines, want one per member", m.LineCount())
	}
	status := m.Status()
	for _, want := range []string{"JSON", "MiB", "lines", "plain (over the 1 MiB highlight limit)"} {
		if !strings.Contains(status, want) {
			t.Errorf("status %q lacks %q", status, want)
		}
	}
	if strings.Contains(status, "re-indenting") {
		t.Errorf("status %q still says re-indenting", status)
	}
}

func TestStaleReindentIsDropped(t *testing.T) {
	m := New(DefaultStyles())
	m.SetSize(80, 20)
	old := m.SetContent(problems(12_000), "application/json")
	m.SetContent([]byte(envoyText), "text/plain")
	m, _ = m.Update(old())
	if got := row(m, 0); !strings.HasPrefix(got, "upstream connect error") {
		t.Errorf("a late reply for the previous body replaced the current one: %q", got)
	}
	// Another viewer's reply is not taken either.
	other := New(DefaultStyles())
	cmd := other.SetContent(problems(12_000), "application/json")
	m, _ = m.Update(cmd())
	if m.LineCount() != 1 {
		t.Errorf("a reply meant for another viewer was taken: %d lines", m.LineCount())
	}
}

func TestLargeSearchRunsInTheBackground(t *testing.T) {
	body := []byte(strings.Repeat("x", syncSearchLimit) + "\nneedle here\n")
	m := newViewer(t, string(body), "text/plain", 80, 20)
	m = press(typeText(press(m, "/"), "NEEDLE"), "enter") // press drains the search command
	if !strings.HasPrefix(m.Status(), "match 1/1 ") {
		t.Fatalf("status = %q, want match 1/1", m.Status())
	}
	if got := row(m, 1); !strings.HasPrefix(got, "needle") {
		t.Errorf("the match is not on screen: row %q", got)
	}

	// A reply for an older search is dropped.
	m2, search := typeText(press(m, "/"), "here").Update(keyMsg("enter"))
	if search == nil || !strings.HasPrefix(m2.Status(), "searching") {
		t.Fatalf("want a background search and a searching status, got %q", m2.Status())
	}
	m2 = press(typeText(press(m2, "/"), "zzz"), "enter")
	m2, _ = m2.Update(search())
	if !strings.HasPrefix(m2.Status(), `no match for "zzz"`) {
		t.Errorf("a stale search reply replaced the current search: %q", m2.Status())
	}
}

func TestJumpIntoLongLine(t *testing.T) {
	line := strings.Repeat("a", 100_000) + "TARGET" + strings.Repeat("b", 1000)
	m := press(typeText(press(newViewer(t, line, "text/plain", 80, 20), "/"), "target"), "enter")
	got := row(m, 0)
	if !strings.Contains(got, "TARGET") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("row = %q, want the match in view with markers at both edges", got)
	}
}
