package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

var sgr = regexp.MustCompile("\x1b\\[([0-9;]*)m")

// sgrParams lists the SGR parameters a frame uses, colour ones marked.
func sgrParams(frame string) (colours []string, attrs map[int]bool) {
	attrs = map[int]bool{}
	for _, m := range sgr.FindAllStringSubmatch(frame, -1) {
		ps := strings.Split(m[1], ";")
		for i := 0; i < len(ps); i++ {
			n, _ := strconv.Atoi(ps[i])
			switch {
			case n == 38 || n == 48:
				colours = append(colours, m[0])
				i = len(ps)
			case n >= 30 && n <= 37, n >= 40 && n <= 47, n >= 90 && n <= 97, n >= 100 && n <= 107:
				colours = append(colours, m[0])
			default:
				attrs[n] = true
			}
		}
	}
	return colours, attrs
}

// Under NO_COLOR the screen carries no colour at all, yet the text cursor
// is drawn in reverse video, search matches are marked, and placeholders
// are faint hints rather than text that looks typed.
func TestNoColorKeepsCursorMatchesAndHints(t *testing.T) {
	noColorProfile()
	defer lipgloss.SetColorProfile(termenv.Ascii)
	m, _ := newTestModel(t, 120, 40, Options{})
	colours, attrs := sgrParams(m.View())
	if len(colours) > 0 {
		t.Errorf("NO_COLOR frame has colour sequences: %q", colours[:min(len(colours), 5)])
	}
	if !attrs[7] {
		t.Error("NO_COLOR frame has no reverse video: the text cursor is invisible")
	}
	if !attrs[2] || !strings.Contains(plain(m.View()), "e.g. https://api.example.com") {
		t.Error("the URL placeholder is not a faint 'e.g.' hint")
	}

	ex := seedExchange(seedExamples[0])
	m.show(&ex, fixedNow)
	m = step(m, press(tea.KeyTab))
	m = step(m, press(tea.KeyTab))
	m = step(m, press(tea.KeyTab))
	for _, r := range "/1560" {
		m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	next, cmd := m.Update(press(tea.KeyEnter))
	m = runCmd(next.(model), cmd)
	colours, attrs = sgrParams(m.View())
	if len(colours) > 0 {
		t.Errorf("NO_COLOR search frame has colour: %q", colours[:min(len(colours), 5)])
	}
	if !attrs[4] && !attrs[7] {
		t.Errorf("search matches are unmarked under NO_COLOR:\n%s", m.View())
	}
}
