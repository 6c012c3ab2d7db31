package docimport

import "strings"

// blockKind is the shape of one piece of a page once its syntax is gone.
// Every reader (HTML, Markdown, text) produces the same blocks, so that
// extraction is written once.
type blockKind int

const (
	bHeading blockKind = iota
	bPara
	bTable
	bList
	bCode
)

// block is one heading, paragraph, table, list or code block.
type block struct {
	kind blockKind
	// level is a heading's depth (1 for h1); 0 when the text reader
	// guessed a heading from a short line, which makes every guessed
	// heading a sibling of the others.
	level int
	// text is a heading's, paragraph's or code block's text.
	text string
	// raw is a Markdown heading's text with its inline marks kept, and
	// rawItems a Markdown list's items: whether a word was written as
	// `code` tells an error code from a word of prose.
	raw      string
	rawItems []string
	// header and rows are a table's; a definition list is a two-column
	// table headed "term", "definition".
	header []string
	rows   [][]string
	// withdrawn are the first cells of rows the page strikes through.
	withdrawn []string
	// items are a list's entries, nested ones flattened in order, and
	// depth their nesting (0 for top-level items; nil when all are).
	items   []string
	depth   []int
	indents []int
}

// cleanCell collapses the whitespace inside one cell or line of text, as
// the built-in profiles store it.
func cleanCell(s string) string {
	if clean(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// clean: s has no whitespace but single spaces between words, the common
// case, which needs no copy.
func clean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for k := 0; k < len(s); k++ {
		switch c := s[k]; {
		case c == ' ':
			if s[k+1] == ' ' {
				return false
			}
		case c == '\t', c == '\n', c == '\r', c == '\v', c == '\f', c >= 0x80:
			// Non-ASCII may be a Unicode space: leave it to strings.Fields.
			return false
		}
	}
	return true
}

// addItem appends a list item indented by indent columns; deeper indents
// than the first item's nest under the item before.
func (b *block) addItem(item string, indent int) {
	d := 0
	if n := len(b.items); n > 0 {
		base := b.indents[0]
		switch prev := b.indents[n-1]; {
		case indent > prev:
			d = b.depth[n-1] + 1
		case indent == prev:
			d = b.depth[n-1]
		case indent <= base:
			d = 0
		default:
			// Back out to the level whose indent matches.
			for k := n - 1; k >= 0; k-- {
				if b.indents[k] <= indent {
					d = b.depth[k]
					break
				}
			}
		}
	}
	b.items = append(b.items, item)
	b.depth = append(b.depth, d)
	b.indents = append(b.indents, indent)
}
