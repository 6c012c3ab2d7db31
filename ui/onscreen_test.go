package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// urlBarLine is the URL bar's text line of a frame.
func urlBarLine(m model) string {
	return strings.Split(plain(m.View()), "\n")[2]
}

// A longer URL filled after a shorter one shows whole, up to the pane
// edge, where a marker says it goes on (it once showed as many characters
// as the previous URL had, which looked like a real endpoint).
func TestGoldenURLBarShowsTheWholeNewURL(t *testing.T) {
	long := "http://127.0.0.1:36337/occuspace/v2/locations/1560/occupancy?interval=hour&from=2025-01-01&to=2025-02-01&tz=Europe/Oslo"
	for _, sz := range sizes {
		for _, focused := range []bool{false, true} {
			m, _ := newTestModel(t, sz.w, sz.h, Options{})
			m.req.fill("GET", "http://127.0.0.1:36337/occuspac", nil, "")
			m = step(m, tea.KeyMsg{})
			m.req.fill("GET", long, nil, "")
			if !focused {
				m = step(m, press(tea.KeyTab))
			}
			bar := urlBarLine(m)
			name := "urlbar_long"
			if focused {
				name += "_focused"
			}
			checkScreen(t, name, m, sz.w, sz.h)
			inner := m.req.url.Width
			if ansi.StringWidth(long) > inner {
				if !strings.Contains(bar, "…") {
					t.Errorf("%dx%d focused=%v: a URL wider than the bar has no marker: %q", sz.w, sz.h, focused, bar)
				}
				if !strings.Contains(bar, long[:inner-2]) {
					t.Errorf("%dx%d focused=%v: the bar shows %q, want the URL up to the edge (%q…)", sz.w, sz.h, focused, bar, long[:inner-2])
				}
			} else if !strings.Contains(bar, long) {
				t.Errorf("%dx%d: the bar shows %q, want the whole URL", sz.w, sz.h, bar)
			}
		}
	}
}
