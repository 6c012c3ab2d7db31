package bodyview

import (
	"sync"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
)

// HighlightLimit is the largest body (as sent) that gets syntax
// highlighting. Above it the body is shown plain and the status line says
// so: highlighting is lazy, but the cache of a whole large body would grow
// without bound as the reader scrolls, and colour adds little to a body
// nobody reads top to bottom.
const HighlightLimit = 1 << 20

const (
	// blockLines is how many lines are tokenised together. A block starts
	// in the lexer's root state, so a construct spanning a block boundary
	// (a multi-line XML comment) may be coloured wrongly for a few lines;
	// that is the price of never tokenising more than is on screen.
	blockLines = 64
	// maxBlockBytes skips highlighting blocks with very long lines, where
	// the regex engine would stall a frame.
	maxBlockBytes = 64 << 10
)

// tokKind is the style class of a highlighted run of a line.
type tokKind uint8

const (
	tkText tokKind = iota
	tkKey
	tkString
	tkNumber
	tkLiteral
	tkPunct
	tkTag
	tkAttr
	tkComment
)

// span is a highlighted run ending at byte end of its line.
type span struct {
	end  int
	kind tokKind
}

// highlighter tokenises blocks of lines on demand and caches the result,
// so each line is tokenised at most once, and only once it is on screen.
// It is shared by copies of the Model (a pointer), which is safe because
// bubbletea calls Update and View from one goroutine.
type highlighter struct {
	lexer  chroma.Lexer
	txt    *text
	blocks map[int][][]span // block number -> spans of its lines (nil: plain)
}

// newHighlighter returns nil (plain) for kinds without a lexer and for
// bodies of more than HighlightLimit bytes as sent.
func newHighlighter(k kind, t *text, size int) *highlighter {
	if k == kindText || size > HighlightLimit {
		return nil
	}
	lx := lexerFor(k)
	return &highlighter{lexer: lx, txt: t, blocks: map[int][][]span{}}
}

// line returns the spans of line i, or nil to show it plain.
func (h *highlighter) line(i int) []span {
	if h == nil {
		return nil
	}
	b := i / blockLines
	lines, ok := h.blocks[b]
	if !ok {
		lines = h.tokenise(b)
		h.blocks[b] = lines
	}
	if lines == nil {
		return nil
	}
	return lines[i-b*blockLines]
}

func (h *highlighter) tokenise(b int) [][]span {
	t := h.txt
	first := b * blockLines
	last := min(first+blockLines, t.lineCount())
	start := t.lineStart(first)
	end := len(t.b)
	if last < len(t.starts) {
		end = t.lineStart(last)
	}
	src := t.b[start:end]
	// The regex engine works on runes: with invalid UTF-8 its token texts
	// would no longer line up with the bytes on screen.
	if len(src) > maxBlockBytes || !utf8.Valid(src) {
		return nil
	}
	it, err := h.lexer.Tokenise(&chroma.TokeniseOptions{State: "root"}, string(src))
	if err != nil {
		return nil
	}
	out := make([][]span, last-first)
	line, lineStart, off := 0, 0, 0
	for tok := it(); tok != chroma.EOF; tok = it() {
		k := classOf(tok.Type)
		v := tok.Value
		for len(v) > 0 && line < len(out) {
			j := 0
			for j < len(v) && v[j] != '\n' {
				j++
			}
			if j > 0 {
				out[line] = appendSpan(out[line], off+j-lineStart, k)
			}
			off += j
			v = v[j:]
			if len(v) > 0 { // at a newline
				off++
				v = v[1:]
				line++
				lineStart = off
			}
		}
	}
	if off != len(src) {
		return nil // the lexer dropped or added text: show the block plain
	}
	return out
}

// appendSpan extends the previous span when the class repeats, keeping
// the number of styled runs (and so the cost of a frame) small.
func appendSpan(s []span, end int, k tokKind) []span {
	if n := len(s); n > 0 && s[n-1].kind == k {
		s[n-1].end = end
		return s
	}
	return append(s, span{end: end, kind: k})
}

func classOf(t chroma.TokenType) tokKind {
	switch {
	case t == chroma.NameTag:
		return tkTag
	case t == chroma.NameAttribute:
		return tkAttr
	case t == chroma.NameVariable:
		return tkKey
	case t.InCategory(chroma.Comment):
		return tkComment
	case t.InSubCategory(chroma.LiteralString):
		return tkString
	case t.InSubCategory(chroma.LiteralNumber):
		return tkNumber
	case t.InCategory(chroma.Keyword) || t == chroma.NameEntity:
		return tkLiteral
	case t == chroma.Punctuation || t == chroma.Operator:
		return tkPunct
	}
	return tkText
}

// The lexers are our own small rule sets run by chroma's engine rather
// than chroma's registry: importing the registry builds hundreds of lexers
// at program start, and these rules also cope with a block that starts in
// the middle of a document (a JSON key is a string followed by a colon,
// whatever came before).
var (
	lexersOnce sync.Once
	lexers     map[kind]chroma.Lexer
)

func lexerFor(k kind) chroma.Lexer {
	lexersOnce.Do(func() {
		markup := func() chroma.Rules { return markupRules() }
		lexers = map[kind]chroma.Lexer{
			kindJSON: chroma.MustNewLexer(&chroma.Config{Name: "JSON"}, jsonRules),
			kindXML:  chroma.MustNewLexer(&chroma.Config{Name: "XML"}, markup),
			kindHTML: chroma.MustNewLexer(&chroma.Config{Name: "HTML", CaseInsensitive: true}, markup),
			kindYAML: chroma.MustNewLexer(&chroma.Config{Name: "YAML"}, yamlRules),
		}
	})
	return lexers[k]
}

func jsonRules() chroma.Rules {
	return chroma.Rules{"root": {
		{Pattern: `\s+`, Type: chroma.Text},
		{Pattern: `("(?:\\.|[^"\\\n])*")(\s*)(:)`, Type: chroma.ByGroups(chroma.NameVariable, chroma.Text, chroma.Punctuation)},
		{Pattern: `"(?:\\.|[^"\\\n])*"?`, Type: chroma.LiteralStringDouble},
		{Pattern: `-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`, Type: chroma.LiteralNumber},
		{Pattern: `(?:true|false|null)\b`, Type: chroma.KeywordConstant},
		{Pattern: `[{}\[\],:]`, Type: chroma.Punctuation},
		{Pattern: `[^\s"{}\[\],:]+`, Type: chroma.Text},
	}}
}

func markupRules() chroma.Rules {
	return chroma.Rules{
		"root": {
			{Pattern: `<!--`, Type: chroma.Comment, Mutator: chroma.Push("comment")},
			{Pattern: `<!\[CDATA\[[\s\S]*?\]\]>`, Type: chroma.LiteralString},
			{Pattern: `<\?[\s\S]*?\?>`, Type: chroma.CommentPreproc},
			{Pattern: `<![^>]*>`, Type: chroma.CommentPreproc},
			{Pattern: `</?[\w:.-]+`, Type: chroma.NameTag, Mutator: chroma.Push("tag")},
			{Pattern: `&#?\w+;`, Type: chroma.NameEntity},
			{Pattern: `[^<&]+`, Type: chroma.Text},
			{Pattern: `[<&]`, Type: chroma.Text},
		},
		"comment": {
			{Pattern: `-->`, Type: chroma.Comment, Mutator: chroma.Pop(1)},
			{Pattern: `[^-]+`, Type: chroma.Comment},
			{Pattern: `-`, Type: chroma.Comment},
		},
		"tag": {
			{Pattern: `\s+`, Type: chroma.Text},
			{Pattern: `/?>`, Type: chroma.NameTag, Mutator: chroma.Pop(1)},
			{Pattern: `[\w:.-]+`, Type: chroma.NameAttribute},
			{Pattern: `=`, Type: chroma.Operator},
			{Pattern: `"[^"]*"?|'[^']*'?`, Type: chroma.LiteralString},
			{Pattern: `[^\s/>=]+|/`, Type: chroma.Text},
		},
	}
}

func yamlRules() chroma.Rules {
	return chroma.Rules{"root": {
		{Pattern: `#[^\n]*`, Type: chroma.Comment},
		{Pattern: `(-[ \t]+)?([^\s:#'"\-][^:#\n]*?|"[^"\n]*"|'[^'\n]*')(:)(?=\s|$)`, Type: chroma.ByGroups(chroma.Punctuation, chroma.NameVariable, chroma.Punctuation)},
		{Pattern: `"(?:\\.|[^"\\\n])*"?|'[^'\n]*'?`, Type: chroma.LiteralString},
		{Pattern: `-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?=\s|$|,)`, Type: chroma.LiteralNumber},
		{Pattern: `(?:true|false|null|~)(?=\s|$)`, Type: chroma.KeywordConstant},
		{Pattern: `[\[\]{},\-|>]`, Type: chroma.Punctuation},
		{Pattern: `\s+`, Type: chroma.Text},
		{Pattern: `[^\s\[\]{},#]+`, Type: chroma.Text},
		{Pattern: `#`, Type: chroma.Text},
	}}
}
