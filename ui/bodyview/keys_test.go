package bodyview

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// numbered is a body of n lines "line 0" ... "line n-1".
func numbered(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "line %d\n", i)
	}
	return b.String()
}

func TestScrollKeys(t *testing.T) {
	// 20 rows tall: 19 body rows and the status line.
	cases := []struct {
		keys    []string
		wantTop int
	}{
		{[]string{"down"}, 1},
		{[]string{"j", "j", "k"}, 1},
		{[]string{"up"}, 0},
		{[]string{"pgdown"}, 19},
		{[]string{" "}, 19},
		{[]string{"pgdown", "b"}, 0},
		{[]string{"pgdown", "pgup"}, 0},
		{[]string{"ctrl+d"}, 9},
		{[]string{"ctrl+d", "ctrl+d", "ctrl+u"}, 9},
		{[]string{"G"}, 81},
		{[]string{"end"}, 81},
		{[]string{"G", "g"}, 0},
		{[]string{"end", "home"}, 0},
		{[]string{"G", "down", "pgdown"}, 81}, // never past the last screen
	}
	for _, c := range cases {
		t.Run(strings.Join(c.keys, ","), func(t *testing.T) {
			m := press(newViewer(t, numbered(100), "text/plain", 80, 20), c.keys...)
			if m.YOffset() != c.wantTop {
				t.Errorf("top line = %d, want %d", m.YOffset(), c.wantTop)
			}
			if got, want := row(m, 0), fmt.Sprintf("line %d", c.wantTop); got != want {
				t.Errorf("first row = %q, want %q", got, want)
			}
		})
	}
}

func TestKeysIgnoredWhenBlurred(t *testing.T) {
	m := newViewer(t, numbered(100), "text/plain", 80, 20)
	m.Blur()
	m = press(m, "pgdown", "/")
	if m.YOffset() != 0 || m.Searching() {
		t.Errorf("a blurred viewer reacted to keys: top %d, searching %v", m.YOffset(), m.Searching())
	}
}

func TestMouseWheel(t *testing.T) {
	m := newViewer(t, numbered(100), "text/plain", 80, 20)
	wheel := func(b tea.MouseButton) {
		m, _ = m.Update(tea.MouseMsg{Button: b, Action: tea.MouseActionPress})
	}
	wheel(tea.MouseButtonWheelDown)
	wheel(tea.MouseButtonWheelDown)
	if m.YOffset() != 2*wheelLines {
		t.Fatalf("after two wheel notches down the top line is %d, want %d", m.YOffset(), 2*wheelLines)
	}
	wheel(tea.MouseButtonWheelUp)
	if m.YOffset() != wheelLines {
		t.Errorf("after a notch up the top line is %d, want %d", m.YOffset(), wheelLines)
	}
}

func TestSearchWrapsWithNAndShiftN(t *testing.T) {
	// "line 5", "line 15", ..., "line 95": ten lines end in 5.
	m := newViewer(t, numbered(100), "text/plain", 80, 20)
	m = press(m, "/")
	if !m.Searching() {
		t.Fatal("/ did not open the search prompt")
	}
	m = press(typeText(m, "5"), "enter")
	if m.Searching() {
		t.Fatal("enter did not close the prompt")
	}
	// "5" is in lines 5, 15, ..., 95 and 50-59: 20 times (55 has two).
	if got := m.Status(); !strings.HasPrefix(got, "match 1/20 ") {
		t.Fatalf("status = %q, want match 1/20", got)
	}
	m = press(m, "N") // wraps back to the last match, "line 95"
	if !strings.HasPrefix(m.Status(), "match 20/20 ") {
		t.Errorf("N from the first match: status %q, want match 20/20", m.Status())
	}
	if !strings.Contains(screen(m), "line 95") {
		t.Errorf("the last match is not on screen:\n%s", screen(m))
	}
	m = press(m, "n") // and forward again to the first
	if !strings.HasPrefix(m.Status(), "match 1/20 ") || m.YOffset() != 0 {
		t.Errorf("n from the last match: status %q top %d, want match 1/20 at the top", m.Status(), m.YOffset())
	}
}

func TestSearchStartsFromScreen(t *testing.T) {
	// Two pages down the screen starts at line 38: "line 4" matches lines
	// 4 and 40-49, and the first one from the screen on is line 40.
	m := press(newViewer(t, numbered(100), "text/plain", 80, 20), "pgdown", "pgdown", "/")
	m = press(typeText(m, "line 4"), "enter")
	if !strings.HasPrefix(m.Status(), "match 2/11 ") {
		t.Errorf("status = %q, want match 2/11 (line 40)", m.Status())
	}
	if m.YOffset() != 38 {
		t.Errorf("top line = %d, want 38: line 40 was already on screen", m.YOffset())
	}
	m = press(m, "/")
	m = press(typeText(m, "line 1"), "enter")
	// Lines 1 and 10-19 are all above the screen: wrap to the first.
	if !strings.HasPrefix(m.Status(), "match 1/11 ") {
		t.Errorf("status = %q, want match 1/11 after wrapping", m.Status())
	}
}

func TestSearchIsCaseInsensitive(t *testing.T) {
	m := press(newViewer(t, s3XML, "application/xml", 80, 20), "/")
	m = press(typeText(m, "NOSUCHkey"), "enter")
	if !strings.HasPrefix(m.Status(), "match 1/1 ") {
		t.Errorf("status = %q, want match 1/1", m.Status())
	}
}

func TestEscLeavesSearchPrompt(t *testing.T) {
	m := press(newViewer(t, numbered(100), "text/plain", 80, 20), "/")
	m = press(typeText(m, "line"), "esc")
	if m.Searching() {
		t.Fatal("esc did not close the search prompt")
	}
	if strings.HasPrefix(m.Status(), "match") {
		t.Errorf("esc ran the search: status %q", m.Status())
	}
	// With the prompt closed, letters are keys again.
	if m = press(m, "j"); m.YOffset() != 1 {
		t.Errorf("j after esc did not scroll: top %d", m.YOffset())
	}
}

func TestTypingInPromptDoesNotScroll(t *testing.T) {
	m := press(newViewer(t, numbered(100), "text/plain", 80, 20), "/")
	m = typeText(m, "jjGn")
	if m.YOffset() != 0 || !m.Searching() {
		t.Errorf("letters typed into the prompt acted as keys: top %d, searching %v", m.YOffset(), m.Searching())
	}
	if got := row(m, -1); !strings.Contains(got, "/jjGn") {
		t.Errorf("prompt row = %q, want it to show /jjGn", got)
	}
}

func TestNoMatch(t *testing.T) {
	m := press(newViewer(t, occuspaceJSON, "application/json", 80, 20), "/")
	m = press(typeText(m, "teapot"), "enter", "n")
	if !strings.HasPrefix(m.Status(), `no match for "teapot"`) {
		t.Errorf("status = %q", m.Status())
	}
}

func TestHelpListsEveryKey(t *testing.T) {
	km := DefaultKeyMap()
	n := 0
	for _, col := range km.FullHelp() {
		for _, b := range col {
			if b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("binding %v has no help text", b.Keys())
			}
			n++
		}
	}
	if n < 13 {
		t.Errorf("full help lists %d keys, want every navigation and search key", n)
	}
	if len(km.ShortHelp()) == 0 {
		t.Error("short help is empty")
	}
}

func TestScrollRightStopsAtTheWidestLine(t *testing.T) {
	m := newViewer(t, "short\n"+strings.Repeat("x", 100)+"\n", "text/plain", 80, 20)
	m = press(m, "right", "right", "right", "right", "right", "right")
	// The end of the 100-cell line is in view, and scrolling stops there.
	if got := row(m, 1); !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "x") || len(got) < 70 {
		t.Errorf("row = %q, want the end of the long line in view", got)
	}
	m = press(m, "left", "left", "left", "left", "left", "left")
	if got := row(m, 0); got != "short" {
		t.Errorf("after scrolling back row 0 = %q, want short", got)
	}
}
