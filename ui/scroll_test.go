package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

var moreLines = regexp.MustCompile(`↓ \d+ more lines?`)

// At 80×24 a seed diagnosis is taller than its pane: the pane's title says
// how much lies below, and once scrolled to the end, how much lies above,
// so a cut never reads as the end of the diagnosis.
func TestDiagnosisPaneSaysWhatIsCutOff(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, Options{})
	ex := seedExchange(seedExamples[0])
	m.req.fill(ex.Request.Method, ex.Request.URL, ex.Request.Headers, "")
	m.show(&ex, fixedNow)
	m.shown, m.focus = focusDiagnosis, focusDiagnosis
	screen := plain(m.View())
	if !moreLines.MatchString(screen) {
		t.Fatalf("an overflowing diagnosis pane does not say lines are below:\n%s", screen)
	}
	for range 200 {
		m = step(m, tea.KeyMsg{Type: tea.KeyDown})
	}
	screen = plain(m.View())
	if moreLines.MatchString(screen) || !strings.Contains(screen, "lines above") {
		t.Fatalf("a diagnosis scrolled to its end should say only what is above:\n%s", screen)
	}
}

// The help is taller than 80×24: its last line says more follows.
func TestHelpSaysMoreBelow(t *testing.T) {
	m, _ := newTestModel(t, 80, 24, Options{})
	m = step(m, tea.KeyMsg{Type: tea.KeyF1})
	if screen := plain(m.View()); !moreLines.MatchString(screen) {
		t.Fatalf("the cut help does not say more lines follow:\n%s", screen)
	}
	m, _ = newTestModel(t, 200, 60, Options{})
	m = step(m, tea.KeyMsg{Type: tea.KeyF1})
	if screen := plain(m.View()); moreLines.MatchString(screen) {
		t.Fatalf("a help that fits should carry no scroll marker:\n%s", screen)
	}
}
