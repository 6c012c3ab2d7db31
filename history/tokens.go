package history

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// words splits text the way SQLite's unicode61 tokenizer does (FTS5's
// default, https://www.sqlite.org/fts5.html#unicode61_tokenizer): runs
// of letters, digits and private-use characters are words, everything
// else separates them; words are folded to lower case with diacritics
// removed. The PostgreSQL store indexes and queries these same words, so
// a search finds the same exchanges on both.
func words(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range text {
		if !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)) {
			flush()
			continue
		}
		if r < 0x80 {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(unicode.ToLower(d))
			}
		}
	}
	flush()
	return out
}

// maxPosition is the largest word position a tsvector holds; later
// words keep it (https://www.postgresql.org/docs/15/datatype-textsearch.html).
const maxPosition = 16383

// columnGap separates the indexed columns' word positions, so a phrase
// never runs from one column into the next, as in FTS5.
const columnGap = 64

// tsvector builds the literal of a PostgreSQL tsvector holding the words
// of each column at their positions.
func tsvector(columns ...string) string {
	pos := map[string][]int{}
	p := 0
	for _, c := range columns {
		for _, w := range words(c) {
			p++
			if len(pos[w]) < 256 { // PostgreSQL keeps 256 positions a word
				pos[w] = append(pos[w], min(p, maxPosition))
			}
		}
		p += columnGap
	}
	var b strings.Builder
	for i, w := range slices.Sorted(maps.Keys(pos)) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tsQuote(w))
		b.WriteByte(':')
		last := -1
		first := true
		for _, x := range pos[w] {
			if x == last {
				continue // positions clamped to the maximum
			}
			if !first {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(x))
			last, first = x, false
		}
	}
	return b.String()
}

// tsquery is the PostgreSQL query of the free-text terms: every term's
// words in a row (<->), the last one a prefix, all terms required. A term
// with no words is left out, as FTS5 ignores it. "" means no text.
func tsquery(text []string) string {
	var terms []string
	for _, t := range text {
		ws := words(strings.TrimSuffix(t, "*"))
		if len(ws) == 0 {
			continue
		}
		parts := make([]string, len(ws))
		for i, w := range ws {
			parts[i] = tsQuote(w)
		}
		parts[len(parts)-1] += ":*"
		terms = append(terms, "("+strings.Join(parts, " <-> ")+")")
	}
	return strings.Join(terms, " & ")
}

// tsQuote quotes a word for tsvector and tsquery input.
func tsQuote(w string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(w, `\`, `\\`), "'", "''") + "'"
}
