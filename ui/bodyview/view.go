package bodyview

import (
	"strings"
	"unicode/utf8"

	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/x/ansi"
)

// marker says that a line goes on past the left or right edge.
const marker = "…"

// cellWidth is the width of terminal-safe text in cells.
func cellWidth(s string) int { return ansi.StringWidth(s) }

// View draws the visible lines and the status line (or the search prompt
// while it is open). Its cost depends on the screen size only, never on
// the size of the body.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	var b strings.Builder
	rows := m.rows()
	b.Grow((rows + 1) * (m.width + 16))
	n := m.txt.lineCount()
	if n == 0 && rows > 0 {
		b.WriteString(m.Styles.Empty.Render(ansi.Truncate("(empty body)", m.width, "")))
	}
	mi := m.firstMatchFrom(m.top)
	for r := range rows {
		if r > 0 {
			b.WriteByte('\n')
		}
		i := m.top + r
		if i >= n {
			continue
		}
		raw := m.txt.line(i)
		start := m.txt.lineStart(i)
		var marks []mark
		for ; mi < len(m.matches) && m.matches[mi].start < start+len(raw)+1; mi++ {
			mt := m.matches[mi]
			marks = append(marks, mark{start: mt.start - start, end: mt.end - start, current: mi == m.cur})
		}
		b.WriteString(renderLine(&m.Styles, raw, m.hl.line(i), marks, m.left, m.width))
	}
	if rows > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(m.footer())
	return b.String()
}

// firstMatchFrom is the index of the first match on or after line i.
func (m Model) firstMatchFrom(i int) int {
	if len(m.matches) == 0 || i >= m.txt.lineCount() {
		return len(m.matches)
	}
	start := m.txt.lineStart(i)
	lo, hi := 0, len(m.matches)
	for lo < hi {
		mid := (lo + hi) / 2
		if m.matches[mid].start < start {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// footer is the status line, or the search prompt while it is open.
func (m Model) footer() string {
	if m.searching {
		return ansi.Truncate(m.Styles.Prompt.Render("/")+m.input.View(), m.width, "")
	}
	right := scrollLabel(m.ScrollPercent(), m.txt.lineCount() <= m.rows())
	left := m.Status()
	room := m.width - cellWidth(right) - 1
	if room < 8 {
		return m.Styles.Status.Render(ansi.Truncate(left, m.width, marker))
	}
	left = ansi.Truncate(left, room, marker)
	pad := strings.Repeat(" ", max(m.width-cellWidth(left)-cellWidth(right), 1))
	return m.Styles.Status.Render(left + pad + right)
}

// mark is a search hit on one line, in bytes of that line.
type mark struct {
	start, end int
	current    bool
}

// segment is a run of a line with one look, already made inert.
type segment struct {
	text  string
	width int
	kind  tokKind
	mark  int // 0 none, 1 match, 2 current match
}

// renderLine draws one body line into width cells starting at cell left:
// highlighted by spans, with search hits marked, made inert segment by
// segment, and with a … at an edge the line continues past. Only the
// bytes that can reach the screen are looked at, so a 50 MB line costs
// the same as a short one.
func renderLine(st *Styles, raw []byte, spans []span, marks []mark, left, width int) string {
	if width <= 0 {
		return ""
	}
	// An inert byte is at most 6 cells and a visible cell at most 4 bytes;
	// zero-width runes aside, this is enough to fill the window and know
	// whether the line goes on past it.
	more := false
	if limit := (left+width+1)*4 + 8; len(raw) > limit {
		for limit > 0 && !utf8.RuneStart(raw[limit]) {
			limit--
		}
		raw, more = raw[:limit], true
	}
	segs := splitLine(raw, spans, marks)
	total := 0
	for i := range segs {
		segs[i].width = cellWidth(segs[i].text)
		total += segs[i].width
	}
	if total <= left && !more {
		return ""
	}
	lo, hi := left, left+width
	var b strings.Builder
	if left > 0 {
		b.WriteString(st.Marker.Render(marker))
		lo++
	}
	right := more || total > hi
	if right {
		hi--
	}
	col := 0
	for _, s := range segs {
		a, e := max(col, lo), min(col+s.width, hi)
		col += s.width
		if a >= e {
			continue
		}
		piece := s.text
		if a > col-s.width || e < col {
			piece = ansi.Cut(s.text, a-(col-s.width), e-(col-s.width))
		}
		switch s.mark {
		case 2:
			b.WriteString(st.CurrentMatch.Render(piece))
		case 1:
			b.WriteString(st.Match.Render(piece))
		default:
			if s.kind == tkText {
				b.WriteString(st.Text.Render(piece))
			} else {
				b.WriteString(st.token(s.kind).Render(piece))
			}
		}
	}
	if right {
		b.WriteString(st.Marker.Render(marker))
	}
	return b.String()
}

// splitLine cuts raw at every highlight and search-hit boundary and makes
// each piece inert. Boundaries fall between runes, so the pieces joined
// are exactly render.Inert of the whole line.
func splitLine(raw []byte, spans []span, marks []mark) []segment {
	var segs []segment
	si, mi := 0, 0
	for pos := 0; pos < len(raw); {
		end, k, mk := len(raw), tkText, 0
		for si < len(spans) && spans[si].end <= pos {
			si++
		}
		if si < len(spans) {
			k, end = spans[si].kind, min(end, spans[si].end)
		}
		for mi < len(marks) && marks[mi].end <= pos {
			mi++
		}
		if mi < len(marks) {
			if mt := marks[mi]; mt.start <= pos {
				mk = 1
				if mt.current {
					mk = 2
				}
				end = min(end, mt.end)
			} else {
				end = min(end, mt.start)
			}
		}
		segs = append(segs, segment{text: render.InertLine(string(raw[pos:end])), kind: k, mark: mk})
		pos = end
	}
	return segs
}
