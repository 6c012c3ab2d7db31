package bodyview

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// wheelLines is how far one mouse wheel notch scrolls.
const wheelLines = 3

// Update handles keys (only when focused), mouse wheel events and the
// replies of the viewer's own commands.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case prettyMsg:
		if msg.id == m.id && msg.seq == m.contentSeq {
			m.applyPretty(msg)
			return m, m.rerunSearch()
		}
	case searchMsg:
		if msg.id == m.id && msg.seq == m.searchSeq && msg.txt == m.txt {
			m.searchBusy = false
			m.setMatches(msg.matches, msg.capped)
		}
	case tea.MouseMsg:
		m.mouse(msg)
	case tea.KeyMsg:
		if m.searching {
			return m.promptKey(msg)
		}
		if m.focused {
			return m.key(msg)
		}
	}
	return m, nil
}

func (m *Model) mouse(msg tea.MouseMsg) {
	if msg.Action != tea.MouseActionPress {
		return
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.scroll(-wheelLines)
	case tea.MouseButtonWheelDown:
		m.scroll(wheelLines)
	case tea.MouseButtonWheelLeft:
		m.left = max(m.left-m.hStep(), 0)
	case tea.MouseButtonWheelRight:
		m.scrollRight()
	}
}

// hStep is how far left/right scroll: a quarter screen, so context stays.
func (m Model) hStep() int { return max(m.width/4, 1) }

// scrollRight scrolls right, but not past the point where the widest line
// on screen ends (the screen would go blank). Lines far longer than the
// screen are not measured: there is always more of them to see.
func (m *Model) scrollRight() {
	m.left += m.hStep()
	widest := 0
	for i := m.top; i < min(m.top+m.rows(), m.txt.lineCount()); i++ {
		raw := m.txt.line(i)
		if len(raw) > m.left+4*m.width {
			return
		}
		widest = max(widest, displayWidth(raw))
	}
	// Two cells for the markers at both edges.
	m.left = min(m.left, max(widest-m.width+2, 0))
}

func (m Model) key(msg tea.KeyMsg) (Model, tea.Cmd) {
	k := m.KeyMap
	rows := max(m.rows(), 1)
	switch {
	case key.Matches(msg, k.Up):
		m.scroll(-1)
	case key.Matches(msg, k.Down):
		m.scroll(1)
	case key.Matches(msg, k.PageUp):
		m.scroll(-rows)
	case key.Matches(msg, k.PageDown):
		m.scroll(rows)
	case key.Matches(msg, k.HalfUp):
		m.scroll(-max(rows/2, 1))
	case key.Matches(msg, k.HalfDown):
		m.scroll(max(rows/2, 1))
	case key.Matches(msg, k.Top):
		m.top = 0
	case key.Matches(msg, k.Bottom):
		m.top = m.maxTop()
	case key.Matches(msg, k.Left):
		m.left = max(m.left-m.hStep(), 0)
	case key.Matches(msg, k.Right):
		m.scrollRight()
	case key.Matches(msg, k.Search):
		m.searching = true
		m.input.SetValue("")
		return m, m.input.Focus()
	case key.Matches(msg, k.NextMatch):
		m.step(1)
	case key.Matches(msg, k.PrevMatch):
		m.step(-1)
	}
	return m, nil
}

// promptKey handles a key while the search prompt is open.
func (m Model) promptKey(msg tea.KeyMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.KeyMap.RunSearch):
		q := m.input.Value()
		m.closePrompt()
		return m, m.search(q)
	case key.Matches(msg, m.KeyMap.CancelSearch):
		m.closePrompt()
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

func (m *Model) closePrompt() {
	m.searching = false
	m.input.Blur()
}

func (m *Model) applyPretty(msg prettyMsg) {
	// Keep the reader's place roughly: the same fraction of the body.
	frac := m.ScrollPercent()
	if m.maxTop() == 0 {
		frac = 0
	}
	m.txt, m.note, m.formatting = msg.txt, msg.note, false
	m.left = 0
	m.hl = newHighlighter(m.kind, m.txt, m.size)
	m.top = int(frac * float64(m.maxTop()))
	m.clampTop()
}
