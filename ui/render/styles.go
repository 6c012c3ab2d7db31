package render

import (
	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/ui/styles"
	"github.com/charmbracelet/lipgloss"
)

// Styles are the lipgloss styles the renderers in this package draw with.
// PlainStyles draws nothing at all: its output has no escape sequences.
type Styles struct {
	// Color is false for plain output; every style is then ignored.
	Color bool
	// Status lines by class.
	Informational, Success, Redirection, ClientError, ServerError, Unknown lipgloss.Style
	// Heading starts a section; Label names a field; Value is its value.
	Heading, Label, Value lipgloss.Style
	// Muted is for secondary text (sources, class names); Warn for notes.
	Muted, Warn lipgloss.Style
	// Number is a recovery step's number.
	Number lipgloss.Style
}

// DefaultStyles are the styles for a colour terminal, from apierr's one
// palette (package ui/styles).
func DefaultStyles() Styles {
	p := styles.Default()
	accent, muted, ok, warn, bad, info := p.Accent, p.Muted, p.OK, p.Warn, p.Bad, p.Info
	bold := lipgloss.NewStyle().Bold(true)
	return Styles{
		Color:         true,
		Informational: bold.Foreground(info),
		Success:       bold.Foreground(ok),
		Redirection:   bold.Foreground(info),
		ClientError:   bold.Foreground(warn),
		ServerError:   bold.Foreground(bad),
		Unknown:       bold.Foreground(bad),
		Heading:       bold.Foreground(accent),
		Label:         lipgloss.NewStyle().Foreground(muted),
		Value:         lipgloss.NewStyle(),
		Muted:         lipgloss.NewStyle().Foreground(muted),
		Warn:          lipgloss.NewStyle().Foreground(warn),
		Number:        bold.Foreground(accent),
	}
}

// PlainStyles draw nothing: for output that is not a terminal, or NO_COLOR.
func PlainStyles() Styles { return Styles{} }

// ForClass returns the status-line style of a Diagnosis status class.
func (s Styles) ForClass(class string) lipgloss.Style {
	return ByClass(class, s.Informational, s.Success, s.Redirection, s.ClientError, s.ServerError, s.Unknown)
}

// ByClass picks the value that goes with a Diagnosis status class; other
// is for the unknown class (and transport failures, which have no status).
// The CLI's and the TUI's styles both colour status lines through it.
func ByClass[T any](class string, informational, success, redirection, clientError, serverError, other T) T {
	switch class {
	case formats.ClassInformational:
		return informational
	case formats.ClassSuccess:
		return success
	case formats.ClassRedirection:
		return redirection
	case formats.ClassClientError:
		return clientError
	case formats.ClassServerError:
		return serverError
	}
	return other
}

// paint renders text in style, or returns it unchanged for plain output.
func (s Styles) paint(style lipgloss.Style, text string) string {
	if !s.Color || text == "" {
		return text
	}
	return style.Render(text)
}
