package ui

import "github.com/charmbracelet/lipgloss"

// Breakpoints of the side-by-side layout: below them the panes share one
// area and tab switches between them.
const (
	wideMinWidth  = 120
	wideMinHeight = 34
)

// rect is a box on screen, in cells.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// layout is where everything goes for one terminal size. It is computed
// once per resize, at the root, from the measured frames of the styles.
type layout struct {
	width, height int
	compact       bool
	header        rect
	url           rect
	tabs          rect // compact only
	panes         [focusCount]rect
	status        rect
	help          rect
	// main is the area under the header for full-screen views (history,
	// help, pickers, diff).
	main rect
}

func computeLayout(w, h int, st Styles) layout {
	l := layout{width: w, height: h}
	l.compact = w < wideMinWidth || h < wideMinHeight
	y := 0
	l.header = rect{0, y, w, 1}
	y++
	l.main = rect{0, y, w, max(h-y-2, 1)}
	urlH := 1 + st.URLBar.GetVerticalFrameSize()
	l.url = rect{0, y, w, urlH}
	y += urlH
	l.status = rect{0, h - 2, w, 1}
	l.help = rect{0, h - 1, w, 1}
	rest := max(l.status.y-y, 0)
	if l.compact {
		l.tabs = rect{0, y, w, 1}
		y++
		area := rect{0, y, w, max(rest-1, 0)}
		for f := focusHeaders; f < focusCount; f++ {
			l.panes[f] = area
		}
		return l
	}
	// Editors take a fifth of the height (at least room for a few
	// lines), response and diagnosis the rest, side by side.
	editorH := max(rest/5, st.Pane.GetVerticalFrameSize()+3)
	half := w / 2
	l.panes[focusHeaders] = rect{0, y, half, editorH}
	l.panes[focusBody] = rect{half, y, w - half, editorH}
	y += editorH
	respW := w * 9 / 20
	l.panes[focusResponse] = rect{0, y, respW, rest - editorH}
	l.panes[focusDiagnosis] = rect{respW, y, w - respW, rest - editorH}
	return l
}

// inner is the content size of a pane drawn in r with style s, less the
// title line.
func inner(s lipgloss.Style, r rect) (int, int) {
	return max(r.w-s.GetHorizontalFrameSize(), 1), max(r.h-s.GetVerticalFrameSize()-1, 1)
}

// paneAt is the pane under the pointer, for the mouse wheel.
func (l layout) paneAt(x, y int, shown focus) (focus, bool) {
	if l.compact {
		if l.panes[shown].contains(x, y) {
			return shown, true
		}
		return 0, false
	}
	for f := focusHeaders; f < focusCount; f++ {
		if l.panes[f].contains(x, y) {
			return f, true
		}
	}
	return 0, false
}
