package bodyview

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func init() {
	// Golden files hold what a user reads, not colours.
	lipgloss.SetColorProfile(termenv.Ascii)
}

// newViewer returns a focused viewer of body at the given size.
func newViewer(t testing.TB, body, contentType string, w, h int) Model {
	t.Helper()
	m := New(DefaultStyles())
	m.SetSize(w, h)
	m.Focus()
	if cmd := m.SetContent([]byte(body), contentType); cmd != nil {
		m, _ = m.Update(cmd())
	}
	return m
}

// press sends keys by name ("pgdown", "ctrl+d", "esc", "n", ...), running
// any command they return and feeding its message back, as the program
// would.
func press(m Model, names ...string) Model {
	for _, n := range names {
		var cmd tea.Cmd
		m, cmd = m.Update(keyMsg(n))
		m = drain(m, cmd)
	}
	return m
}

// typeText types s into whatever has the keys.
func typeText(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return m
}

// drain runs cmd and feeds back the viewer's own replies (search and
// re-indent results); other messages, such as the cursor blink, are
// dropped.
func drain(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case searchMsg, prettyMsg:
		var next tea.Cmd
		m, next = m.Update(msg)
		return drain(m, next)
	}
	return m
}

func keyMsg(name string) tea.KeyMsg {
	special := map[string]tea.KeyType{
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU,
		" ": tea.KeySpace,
	}
	if k, ok := special[name]; ok {
		return tea.KeyMsg{Type: k}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// golden compares got with testdata/name.golden (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

// screen is View as a user reads it: no escape sequences.
func screen(m Model) string { return ansi.Strip(m.View()) }

// row returns line i of the screen.
func row(m Model, i int) string {
	lines := strings.Split(screen(m), "\n")
	if i < 0 {
		i += len(lines)
	}
	return lines[i]
}
