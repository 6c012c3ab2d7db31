package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// listView is the cursor and scroll window of a list whose rows the owner
// keeps: the history browser and both pickers use it.
type listView struct {
	cursor, offset, n, height int
}

// setLen tells the list how many rows it has.
func (l *listView) setLen(n int) {
	l.n = n
	l.clamp()
}

func (l *listView) setHeight(h int) {
	l.height = max(h, 1)
	l.clamp()
}

// move shifts the cursor by delta rows and keeps it in the window.
func (l *listView) move(delta int) {
	l.cursor += delta
	l.clamp()
}

func (l *listView) clamp() {
	l.cursor = max(min(l.cursor, l.n-1), 0)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+l.height {
		l.offset = l.cursor - l.height + 1
	}
	l.offset = max(min(l.offset, l.n-l.height), 0)
}

// window is the half-open range of rows on screen.
func (l listView) window() (int, int) {
	return l.offset, min(l.offset+l.height, l.n)
}

// renderRows draws the visible rows, the cursor row selected.
func renderRows(l listView, row func(i int) string, width int, st Styles) string {
	from, to := l.window()
	lines := make([]string, 0, to-from)
	for i := from; i < to; i++ {
		// A marker as well as reverse video, so the cursor shows in
		// plain captures and to screen readers.
		mark := "  "
		if i == l.cursor {
			mark = "› "
		}
		s := cut(mark+row(i), width)
		if pad := width - ansi.StringWidth(s); pad > 0 {
			s += strings.Repeat(" ", pad)
		}
		if i == l.cursor {
			s = st.Selected.Render(ansi.Strip(s))
		}
		lines = append(lines, s)
	}
	return strings.Join(lines, "\n")
}

// columns lays cells out in aligned columns within width: every column
// but flex gets its widest cell up to its cap (a third of the width when
// caps has no positive entry for it), flex gets what is left (at least a
// few cells) and long cells are cut with an ellipsis.
func columns(rows [][]string, width, flex int, caps ...int) []string {
	return columnsCut(rows, width, flex, cut, caps...)
}

// columnsCut is columns with the flex column's cells shortened by cutFlex.
func columnsCut(rows [][]string, width, flex int, cutFlex func(string, int) string, caps ...int) []string {
	if len(rows) == 0 {
		return nil
	}
	ncol := len(rows[0])
	widths := make([]int, ncol)
	for _, r := range rows {
		for c, cell := range r {
			widths[c] = max(widths[c], ansi.StringWidth(cell))
		}
	}
	// No fixed column may crowd out the others.
	fixed := 0
	for c, w := range widths {
		if c != flex {
			capW := max(width/3, 8)
			if c < len(caps) && caps[c] > 0 {
				capW = caps[c]
			}
			widths[c] = min(w, capW)
			fixed += widths[c]
		}
	}
	fixed += 2 * (ncol - 1)
	if flex >= 0 && flex < ncol {
		widths[flex] = max(min(widths[flex], width-fixed), 4)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		var b strings.Builder
		for c, cell := range r {
			if c == flex {
				cell = cutFlex(cell, widths[c])
			} else {
				cell = cut(cell, widths[c])
			}
			b.WriteString(cell)
			if c < ncol-1 {
				b.WriteString(strings.Repeat(" ", widths[c]-ansi.StringWidth(cell)+2))
			}
		}
		out[i] = b.String()
	}
	return out
}

// cutMiddle shortens s to width by dropping its middle: of a host and
// path, the start names the host and the end the endpoint, and both tell
// rows apart.
func cutMiddle(s string, width int) string {
	w := ansi.StringWidth(s)
	if w <= width {
		return s
	}
	if width < 3 {
		return cut(s, width)
	}
	head := width / 3
	tail := width - head - 1
	return ansi.Truncate(s, head, "") + "…" + ansi.TruncateLeft(s, w-tail, "")
}
