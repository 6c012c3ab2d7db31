package bodyview

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// colourStyles are the default styles as a true-colour terminal with a
// dark background gets them.
func colourStyles() Styles {
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.TrueColor))
	r.SetHasDarkBackground(true)
	return defaultStyles(r.NewStyle)
}

// hostileBodies try every way a body could reach the terminal raw.
var hostileBodies = []struct{ name, contentType, body string }{
	{"json string", "application/json", hostile},
	{"plain text", "text/plain", "ok\x1b]52;c;c2VjcmV0\x07\x1b[1;31mred\r\nnext\x1b[A\x9b2J\x00"},
	{"xml", "application/xml", "<e>\x1b]52;c;c2VjcmV0\x1b\\</e>"},
	{"html", "text/html", "<p>\x1b]8;;http://evil.invalid/\x1b\\link\x1b]8;;\x1b\\</p>"},
	{"long line", "text/plain", strings.Repeat("x", 300) + "\x1b]52;c;c2VjcmV0\x07"},
	{"invalid utf-8", "text/plain", "a\xff\xfe\x1b[2Jb"},
}

func TestBodiesNeverReachTheTerminalRaw(t *testing.T) {
	for _, c := range hostileBodies {
		t.Run(c.name, func(t *testing.T) {
			m := newViewer(t, c.body, c.contentType, 80, 20)
			for _, scrolled := range []Model{m, press(m, "right", "right", "right", "right", "right")} {
				v := scrolled.View()
				// The test's colour profile is ASCII: no styling at all,
				// so any ESC would have come from the body.
				if strings.ContainsAny(v, "\x1b\x07\x9b\x00\r") {
					t.Errorf("View contains a control character:\n%q", v)
				}
			}
			// Searching for text of the sequence must not bring it back.
			found := press(typeText(press(m, "/"), "52"), "enter")
			if strings.Contains(found.View(), "\x1b") {
				t.Errorf("View with a search hit contains ESC:\n%q", found.View())
			}
		})
	}
}

func TestColourOutputHasOnlyStyling(t *testing.T) {
	sgr := regexp.MustCompile(`\x1b\[[0-9;]*m`)
	for _, c := range hostileBodies {
		t.Run(c.name, func(t *testing.T) {
			m := New(colourStyles())
			m.SetSize(80, 20)
			m.Focus()
			m.SetContent([]byte(c.body), c.contentType)
			m = press(typeText(press(m, "/"), "e"), "enter")
			v := m.View()
			if strings.Contains(v, "\x1b]") {
				t.Fatalf("View contains an OSC sequence:\n%q", v)
			}
			if rest := sgr.ReplaceAllString(v, ""); strings.ContainsAny(rest, "\x1b\x07\x9b\x00") {
				t.Errorf("View has escapes other than colours:\n%q", rest)
			}
		})
	}
}

func TestCurrentMatchIsStyled(t *testing.T) {
	m := New(colourStyles())
	m.SetSize(80, 20)
	m.Focus()
	m.SetContent([]byte(rfc9457JSON), "application/problem+json")
	m = press(typeText(press(m, "/"), "BALANCE"), "enter")
	// "balance" appears in the detail and as a key; the first is current.
	want := m.Styles.CurrentMatch.Render("balance")
	if !strings.Contains(m.View(), want) {
		t.Errorf("the current match is not drawn in the CurrentMatch style %q:\n%q", want, m.View())
	}
	other := m.Styles.Match.Render("balance")
	if !strings.Contains(m.View(), other) {
		t.Errorf("the other visible match is not drawn in the Match style:\n%q", m.View())
	}
}

func TestJSONIsHighlighted(t *testing.T) {
	m := New(colourStyles())
	m.SetSize(80, 20)
	m.SetContent([]byte(occuspaceJSON), "application/json")
	v := m.View()
	for _, want := range []string{
		m.Styles.Key.Render(`"status"`),
		m.Styles.Number.Render("404"),
		m.Styles.String.Render(`"Not Found"`),
	} {
		if !strings.Contains(v, want) {
			t.Errorf("View lacks %q:\n%q", want, v)
		}
	}
}
