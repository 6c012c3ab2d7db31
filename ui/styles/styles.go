// Package styles is apierr's one palette: the handful of colours every
// style of the TUI (package ui), the CLI printers (ui/render) and the body
// viewer (ui/bodyview) is built from, in the manner of soft-serve's
// pkg/ui/styles. Each colour is adaptive, so the screen reads on light and
// dark terminals alike; Plain is the same palette without any colour, for
// NO_COLOR.
package styles

import "github.com/charmbracelet/lipgloss"

// Palette names colours by what they mean, not by their hue.
type Palette struct {
	// Accent marks what has focus, headings and keys.
	Accent lipgloss.TerminalColor
	// Muted is secondary text: labels, sources, hints.
	Muted lipgloss.TerminalColor
	// Text is ordinary text where it must be set explicitly.
	Text lipgloss.TerminalColor
	// OK, Warn, Bad and Info colour outcomes: 2xx, 4xx and notes, 5xx and
	// failures, 1xx/3xx and timings.
	OK, Warn, Bad, Info lipgloss.TerminalColor
	// Border frames panes that do not have focus.
	Border lipgloss.TerminalColor

	// Syntax colours of bodies: member names and tags, strings, numbers,
	// literals (true, null), punctuation and comments, attributes.
	Key, String, Number, Literal, Punct, Attr lipgloss.TerminalColor
	// Match is the background of a search hit; Current and OnCurrent the
	// background and text of the hit n/N is on.
	Match, Current, OnCurrent lipgloss.TerminalColor
}

// Default is the coloured palette.
func Default() Palette {
	return Palette{
		Accent: lipgloss.AdaptiveColor{Light: "#5A56E0", Dark: "#7D79F6"},
		Muted:  lipgloss.AdaptiveColor{Light: "#8A8A8A", Dark: "#6C6C6C"},
		Text:   lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#DDDDDD"},
		OK:     lipgloss.AdaptiveColor{Light: "#1B7F3B", Dark: "#5FD787"},
		Warn:   lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#E5C07B"},
		Bad:    lipgloss.AdaptiveColor{Light: "#C01C28", Dark: "#FF6B6B"},
		Info:   lipgloss.AdaptiveColor{Light: "#0969DA", Dark: "#61AFEF"},
		Border: lipgloss.AdaptiveColor{Light: "#C8C8C8", Dark: "#444444"},

		Key:       lipgloss.AdaptiveColor{Light: "#1F5FA8", Dark: "#7AB8F5"},
		String:    lipgloss.AdaptiveColor{Light: "#2E7D32", Dark: "#A5D6A7"},
		Number:    lipgloss.AdaptiveColor{Light: "#B35900", Dark: "#FFB86C"},
		Literal:   lipgloss.AdaptiveColor{Light: "#8E24AA", Dark: "#D7A8F5"},
		Punct:     lipgloss.AdaptiveColor{Light: "#6B6B6B", Dark: "#9A9A9A"},
		Attr:      lipgloss.AdaptiveColor{Light: "#8A6D00", Dark: "#E6C07B"},
		Match:     lipgloss.AdaptiveColor{Light: "#FFE082", Dark: "#5C4B00"},
		Current:   lipgloss.AdaptiveColor{Light: "#FF8F00", Dark: "#FFB300"},
		OnCurrent: lipgloss.AdaptiveColor{Light: "#000000", Dark: "#000000"},
	}
}

// Plain is the palette without colour: every entry is lipgloss.NoColor,
// so styles built from it keep only their attributes (bold, reverse,
// underline, borders), as NO_COLOR asks.
func Plain() Palette {
	n := lipgloss.NoColor{}
	return Palette{n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n}
}

// For is Plain when noColor is set, else Default.
func For(noColor bool) Palette {
	if noColor {
		return Plain()
	}
	return Default()
}
