package ui

import (
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// NO_COLOR forbids colour, not attributes: the text cursor (reverse
// video), search matches (underline, reverse) and hints (faint) must stay
// visible. termenv's Ascii profile, which NO_COLOR selects, drops every
// attribute along with colour, so the TUI draws with the ANSI profile and
// styles that carry no colour (DefaultStyles(true), bodyview.PlainStyles
// and plainWidgets for the bubbles' own).
func noColorProfile() { lipgloss.SetColorProfile(termenv.ANSI) }

// plainWidgets takes the colours out of the bubbles' default styles.
func plainWidgets(m *model) {
	s := lipgloss.NewStyle
	hint := s().Faint(true)
	for _, in := range []*struct{ p, c *lipgloss.Style }{
		{&m.req.url.PlaceholderStyle, &m.req.url.CompletionStyle},
		{&m.hist.query.PlaceholderStyle, &m.hist.query.CompletionStyle},
	} {
		*in.p, *in.c = hint, hint
	}
	m.req.url.Cursor.Style = s()
	m.hist.query.Cursor.Style = s()
	m.hist.query.PromptStyle, m.hist.query.TextStyle = s(), s()
	m.jq.input.PlaceholderStyle, m.jq.input.Cursor.Style = hint, s()
	plain := textarea.Style{Base: s(), CursorLine: s(), CursorLineNumber: s(), EndOfBuffer: s(),
		LineNumber: s(), Placeholder: hint, Prompt: s(), Text: s()}
	for _, ta := range []*textarea.Model{&m.req.headers, &m.req.body} {
		ta.FocusedStyle, ta.BlurredStyle = plain, plain
		ta.Cursor.Style = s()
	}
	h := &m.help.Styles
	h.Ellipsis, h.FullKey, h.FullDesc, h.FullSeparator = s(), s().Bold(true), s(), s()
	m.spin.Style = s()
}
