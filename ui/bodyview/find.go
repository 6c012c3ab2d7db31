package bodyview

import (
	"github.com/apierr/apierr/ui/render"
	tea "github.com/charmbracelet/bubbletea"
)

// searchMsg carries the matches of a background search.
type searchMsg struct {
	id, seq int64
	txt     *text // the text searched: a reply for a replaced text is stale
	matches []match
	capped  bool
}

// search starts a search for q: at once for texts up to syncSearchLimit,
// else in a command over the immutable text. An empty query clears it.
func (m *Model) search(q string) tea.Cmd {
	m.clearSearch()
	m.query = q
	if q == "" {
		return nil
	}
	if len(m.txt.b) <= syncSearchLimit {
		ms, capped := findAll(m.txt.b, q, maxMatches)
		m.setMatches(ms, capped)
		return nil
	}
	m.searchBusy = true
	id, seq, txt := m.id, m.searchSeq, m.txt
	return func() tea.Msg {
		ms, capped := findAll(txt.b, q, maxMatches)
		return searchMsg{id: id, seq: seq, txt: txt, matches: ms, capped: capped}
	}
}

// rerunSearch repeats the current search over a new text (after the
// background re-indent), since match offsets of the old text mean nothing.
func (m *Model) rerunSearch() tea.Cmd {
	if m.query == "" {
		return nil
	}
	return m.search(m.query)
}

// clearSearch forgets the query and matches, and makes any reply of a
// search still running stale.
func (m *Model) clearSearch() {
	m.searchSeq++
	m.query, m.matches, m.capped, m.cur, m.searchBusy = "", nil, false, -1, false
}

// setMatches installs the matches and jumps to the first one at or after
// the top of the screen, wrapping to the first of the body.
func (m *Model) setMatches(ms []match, capped bool) {
	m.matches, m.capped, m.cur = ms, capped, -1
	if len(ms) == 0 {
		return
	}
	from := m.txt.lineStart(min(m.top, max(m.txt.lineCount()-1, 0)))
	i := 0
	for i < len(ms) && ms[i].start < from {
		i++
	}
	m.jump(i % len(ms))
}

// step moves to the next (+1) or previous (-1) match, wrapping around.
func (m *Model) step(dir int) {
	if len(m.matches) == 0 {
		return
	}
	n := len(m.matches)
	m.jump(((m.cur+dir)%n + n) % n)
}

// jump makes match i current and scrolls it into view: vertically to a
// third of the screen when it is off screen, horizontally so that it is
// not behind either edge.
func (m *Model) jump(i int) {
	m.cur = i
	mt := m.matches[i]
	line := m.txt.lineOf(mt.start)
	rows := max(m.rows(), 1)
	if line < m.top || line >= m.top+rows {
		m.top = line - rows/3
		m.clampTop()
	}
	start := m.txt.lineStart(line)
	raw := m.txt.line(line)
	a := displayWidth(raw[:min(mt.start-start, len(raw))])
	b := a + displayWidth(raw[min(mt.start-start, len(raw)):min(mt.end-start, len(raw))])
	w := max(m.width, 1)
	if a < m.left+1 || b > m.left+w-1 {
		m.left = max(0, a-w/3)
		if a < w-1 && b <= w-1 {
			m.left = 0
		}
	}
}

// displayWidth is how many cells raw takes once made inert, without
// building the inert string for the long runs of printable ASCII that make
// up most bodies (so jumping deep into a 50 MB line stays cheap).
func displayWidth(raw []byte) int {
	w := 0
	for i := 0; i < len(raw); {
		if c := raw[i]; c >= 0x20 && c < 0x7f {
			w++
			i++
			continue
		}
		j := i + 1
		for j < len(raw) && (raw[j] < 0x20 || raw[j] >= 0x7f) {
			j++
		}
		w += cellWidth(render.InertLine(string(raw[i:j])))
		i = j
	}
	return w
}
