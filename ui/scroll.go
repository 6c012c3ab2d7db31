package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// scrollPane is a full-screen text that scrolls: the diff and the help.
// When the text is taller than the screen its last line says how much
// lies below (or above), so a cut never looks like the end.
type scrollPane struct {
	vp viewport.Model
	h  int
}

func newScrollPane() scrollPane { return scrollPane{vp: viewport.New(0, 0)} }

func (p *scrollPane) set(s string) {
	p.vp.SetContent(s)
	p.fit()
	p.vp.GotoTop()
}

func (p *scrollPane) setSize(w, h int) {
	p.vp.Width, p.h = max(w, 0), max(h, 0)
	p.fit()
}

// fit leaves the last line to the scroll marker when the text overflows.
func (p *scrollPane) fit() {
	p.vp.Height = p.h
	if p.vp.TotalLineCount() > p.h && p.h > 1 {
		p.vp.Height = p.h - 1
	}
	p.vp.SetYOffset(p.vp.YOffset)
}

func (p scrollPane) update(msg tea.Msg) (scrollPane, tea.Cmd) {
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

// wheel scrolls by step lines (negative is up).
func (p *scrollPane) wheel(step int) {
	p.vp.SetYOffset(p.vp.YOffset + step)
}

func (p scrollPane) view() string {
	if p.vp.Height == p.h {
		return p.vp.View()
	}
	hint := scrollHint(p.vp)
	if hint != "" && hint[0:3] == "↓" {
		hint += " · ↓ pgdn scroll"
	}
	return p.vp.View() + "\n" + hint
}

// scrollHint says what a viewport hides: the lines below it, else the lines
// above it; "" when everything shows.
func scrollHint(vp viewport.Model) string {
	below := vp.TotalLineCount() - vp.YOffset - vp.Height
	switch {
	case below > 0:
		return fmt.Sprintf("↓ %d more %s", below, plural(below, "line", "lines"))
	case vp.YOffset > 0:
		return fmt.Sprintf("↑ %d %s above", vp.YOffset, plural(vp.YOffset, "line", "lines"))
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
