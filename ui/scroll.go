package ui

import (
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// scrollPane is a full-screen text that scrolls: the diff and the help.
type scrollPane struct{ vp viewport.Model }

func newScrollPane() scrollPane { return scrollPane{vp: viewport.New(0, 0)} }

func (p *scrollPane) set(s string) {
	p.vp.SetContent(s)
	p.vp.GotoTop()
}

func (p *scrollPane) setSize(w, h int) { p.vp.Width, p.vp.Height = max(w, 0), max(h, 0) }

func (p scrollPane) update(msg tea.Msg) (scrollPane, tea.Cmd) {
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

// wheel scrolls by step lines (negative is up).
func (p *scrollPane) wheel(step int) {
	p.vp.SetYOffset(p.vp.YOffset + step)
}

func (p scrollPane) view() string { return p.vp.View() }
