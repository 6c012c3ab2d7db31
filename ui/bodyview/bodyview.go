// Package bodyview is the TUI's response-body viewer: it pretty-prints and
// highlights JSON, XML, HTML and YAML, searches with / n N, and stays quick
// with bodies of tens of megabytes by indexing line starts once and
// rendering only the lines on screen. Every byte from the server goes
// through render.Inert before it reaches the terminal.
//
// The Model is a concrete child model: the parent holds it by value,
// calls the pointer-receiver setters (SetContent, SetSize, Focus, Blur)
// and routes messages with m.body, cmd = m.body.Update(msg), as bubbles'
// viewport and textinput do.
package bodyview

import (
	"sync/atomic"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

const (
	// syncPrettyLimit is the largest body re-indented inside SetContent;
	// json.Indent runs at about 100 MB/s, so 1 MiB costs ~10 ms. Larger
	// bodies are shown raw at once and re-indented by a command.
	syncPrettyLimit = 1 << 20
	// maxPretty is the largest body re-indented at all: beyond it the
	// extra copy would cost more memory than reading it is worth.
	maxPretty = 256 << 20
)

// lastID numbers Models so that replies from one viewer's commands are
// never taken by another (a diff screen shows two).
var lastID atomic.Int64

// Model is the body viewer. The zero value is not usable; call New.
type Model struct {
	// KeyMap is the keys it answers to; disable bindings to hide them.
	KeyMap KeyMap
	// Styles is how it looks.
	Styles Styles

	id         int64
	contentSeq int64 // tags re-indent replies: bumped by SetContent
	searchSeq  int64 // tags search replies: bumped by each search

	kind       kind
	size       int          // bytes as sent
	txt        *text        // what is shown: re-indented or as sent
	note       string       // why the body is shown as sent, if it is
	formatting bool         // a re-indent command is running
	hl         *highlighter // nil: plain

	width, height int
	top, left     int // first line shown, first cell shown
	focused       bool

	input      textinput.Model
	searching  bool // the "/" prompt has the keys
	query      string
	matches    []match
	capped     bool // more matches than maxMatches
	cur        int  // index in matches of the current one, -1 if none
	searchBusy bool // a background search is running
}

// New returns an empty, unfocused viewer with the given styles.
func New(st Styles) Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = "search (case-insensitive)"
	in.CharLimit = 256
	// A steady cursor: a blinking one would redraw the screen twice a
	// second, which with a 50 MB body is work for nothing.
	in.Cursor.SetMode(cursor.CursorStatic)
	return Model{
		KeyMap: DefaultKeyMap(),
		Styles: st,
		id:     lastID.Add(1),
		txt:    newText(nil),
		input:  in,
		cur:    -1,
	}
}

// SetContent shows body, sent with the given Content-Type. The viewer
// keeps body without copying it, so the caller must not modify it
// afterwards. Bodies over 1 MiB are shown as sent at once and re-indented
// in the background: run the returned command (it may be nil).
func (m *Model) SetContent(body []byte, contentType string) tea.Cmd {
	m.contentSeq++
	m.kind = kindOf(contentType, body)
	m.size = len(body)
	m.top, m.left = 0, 0
	m.note, m.formatting = "", false
	m.clearSearch()
	var cmd tea.Cmd
	switch {
	case m.kind != kindJSON && m.kind != kindXML && m.kind != kindHTML:
		m.txt = newText(body)
	case len(body) <= syncPrettyLimit:
		b, note := pretty(m.kind, body)
		m.txt, m.note = newText(b), note
	case len(body) <= maxPretty:
		m.txt = newText(body)
		m.formatting = true
		cmd = prettyCmd(m.id, m.contentSeq, m.kind, body)
	default:
		m.txt = newText(body)
		m.note = "shown as sent (over the 256 MiB re-indent limit)"
	}
	if len(body) > maxText {
		m.note = "cut at 2 GiB"
	}
	m.hl = newHighlighter(m.kind, m.txt, m.size)
	return cmd
}

// prettyMsg carries a body re-indented in the background.
type prettyMsg struct {
	id, seq int64
	txt     *text
	note    string
}

// prettyCmd re-indents and indexes body off the UI goroutine. It reads
// body only; the model keeps showing the raw lines until the reply comes.
func prettyCmd(id, seq int64, k kind, body []byte) tea.Cmd {
	return func() tea.Msg {
		b, note := pretty(k, body)
		return prettyMsg{id: id, seq: seq, txt: newText(b), note: note}
	}
}

// SetSize sets the outer size of the viewer: the last row is its status
// line (or the search prompt), the rest shows the body.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.input.Width = max(m.width-2, 1)
	m.clampTop()
}

// Focus gives the viewer the keys.
func (m *Model) Focus() { m.focused = true }

// Blur takes the keys away; an open search prompt is closed.
func (m *Model) Blur() {
	m.focused = false
	m.closePrompt()
}

// Focused reports whether the viewer has the keys.
func (m Model) Focused() bool { return m.focused }

// Searching reports whether the search prompt is open. While it is, every
// key belongs to the viewer, so the parent must not read typed letters as
// shortcuts.
func (m Model) Searching() bool { return m.searching }

// LineCount is the number of lines shown (after re-indenting).
func (m Model) LineCount() int { return m.txt.lineCount() }

// YOffset is the index of the first line on screen.
func (m Model) YOffset() int { return m.top }

// ScrollPercent is how far down the body the view is, from 0 to 1; a body
// that fits on screen is at 1.
func (m Model) ScrollPercent() float64 {
	maxTop := m.maxTop()
	if maxTop == 0 {
		return 1
	}
	return float64(m.top) / float64(maxTop)
}

// rows is the number of body lines on screen.
func (m Model) rows() int { return max(m.height-1, 0) }

func (m Model) maxTop() int { return max(m.txt.lineCount()-m.rows(), 0) }

func (m *Model) clampTop() { m.top = min(max(m.top, 0), m.maxTop()) }

func (m *Model) scroll(n int) {
	m.top += n
	m.clampTop()
}
