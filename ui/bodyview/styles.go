package bodyview

import (
	"github.com/apierr/apierr/ui/styles"
	"github.com/charmbracelet/lipgloss"
)

// Styles are the looks of the body viewer. Build them with DefaultStyles
// or PlainStyles and change fields before passing them to New.
type Styles struct {
	// Syntax classes of highlighted bodies.
	Text, Key, String, Number, Literal, Punct, Tag, Attr, Comment lipgloss.Style
	// Match marks every visible search hit; CurrentMatch the one n/N is on.
	Match, CurrentMatch lipgloss.Style
	// Marker draws the … that says a line goes on past the edge.
	Marker lipgloss.Style
	// Status is the footer line; Note the part that explains a limit or a
	// problem ("plain (over the 1 MiB highlight limit)").
	Status, Note lipgloss.Style
	// Prompt is the "/" of the search prompt.
	Prompt lipgloss.Style
	// Empty is the placeholder shown for a body with no bytes.
	Empty lipgloss.Style
}

// DefaultStyles is the coloured look, for the default renderer.
func DefaultStyles() Styles { return defaultStyles(lipgloss.NewStyle) }

// defaultStyles builds the coloured look from styles of one renderer.
func defaultStyles(s func() lipgloss.Style) Styles {
	p := styles.Default()
	colKey, colString, colNumber, colLiteral := p.Key, p.String, p.Number, p.Literal
	colDim, colTag, colAttr, colNote := p.Punct, p.Key, p.Attr, p.Warn
	colMatchBg, colCurBg, colCurFg := p.Match, p.Current, p.OnCurrent
	return Styles{
		Text:         s(),
		Key:          s().Foreground(colKey),
		String:       s().Foreground(colString),
		Number:       s().Foreground(colNumber),
		Literal:      s().Foreground(colLiteral),
		Punct:        s().Foreground(colDim),
		Tag:          s().Foreground(colTag),
		Attr:         s().Foreground(colAttr),
		Comment:      s().Foreground(colDim).Italic(true),
		Match:        s().Background(colMatchBg),
		CurrentMatch: s().Background(colCurBg).Foreground(colCurFg).Bold(true),
		Marker:       s().Foreground(colDim),
		Status:       s().Foreground(colDim),
		Note:         s().Foreground(colNote),
		Prompt:       s().Foreground(colKey).Bold(true),
		Empty:        s().Foreground(colDim).Italic(true),
	}
}

// PlainStyles has no colours (for NO_COLOR): syntax is not coloured and
// search hits use reverse video, which is not a colour.
func PlainStyles() Styles {
	s := lipgloss.NewStyle
	return Styles{
		Text: s(), Key: s(), String: s(), Number: s(), Literal: s(),
		Punct: s(), Tag: s(), Attr: s(), Comment: s(),
		Match:        s().Underline(true),
		CurrentMatch: s().Reverse(true),
		Marker:       s(),
		Status:       s(),
		Note:         s(),
		Prompt:       s().Bold(true),
		Empty:        s(),
	}
}

// token returns the style of a syntax class.
func (s *Styles) token(k tokKind) lipgloss.Style {
	switch k {
	case tkKey:
		return s.Key
	case tkString:
		return s.String
	case tkNumber:
		return s.Number
	case tkLiteral:
		return s.Literal
	case tkPunct:
		return s.Punct
	case tkTag:
		return s.Tag
	case tkAttr:
		return s.Attr
	case tkComment:
		return s.Comment
	}
	return s.Text
}
