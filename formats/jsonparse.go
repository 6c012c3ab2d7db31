package formats

import (
	"encoding/json"
	"strconv"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// A JSON parser of our own for error bodies. It gives exactly the value
// encoding/json's Decoder gives with UseNumber (objects as map[string]any
// with the last of duplicate keys winning, arrays as []any, numbers as
// json.Number holding the literal, strings unescaped the same way, invalid
// UTF-8 and lone surrogates turned into U+FFFD) and rejects exactly the
// bodies it rejects, with the same messages and offsets. It exists because
// Detect runs on every response probe.Send receives, and the Decoder's
// buffering, reflection and per-value allocations were most of that cost.
//
// What it saves: the body is held as a string (converted once, or not at
// all when the caller has it as one) and every string
// without escapes (almost all keys and messages) is a slice of it; the
// members of each object and the elements of each array are collected on
// a shared stack and copied into a map or slice of the right size once the
// container is closed, so nothing grows by appending.

// maxJSONDepth is how deeply arrays and objects may nest, as in
// encoding/json: deeper input is an error rather than deep recursion.
const maxJSONDepth = 10000

// errJSONTruncated is a body that ends before its JSON value does.
var errJSONTruncated = &jsonSyntaxError{truncated: true}

// jsonSyntaxError is JSON that is not valid. off counts the bytes read up
// to and including the offending one, the way json.SyntaxError.Offset
// does, so that notes keep the offsets they had with encoding/json.
type jsonSyntaxError struct {
	off       int64
	c         byte   // the offending byte
	context   string // where it was, as encoding/json words it
	truncated bool   // the input ended early; off and c are unset
}

// Error words the problem as encoding/json does. The message is built
// only when asked for, which for a body is once, for its note.
func (e *jsonSyntaxError) Error() string {
	if e.truncated {
		return "unexpected end of JSON input"
	}
	return "invalid character " + quoteJSONChar(e.c) + " " + e.context
}

// quoteJSONChar formats c the way encoding/json's messages do.
func quoteJSONChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

// jsonPlain marks the bytes a string can hold as they are: printable
// ASCII other than the quote and the backslash.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// jsonParser holds the state of one parse.
type jsonParser struct {
	s    string   // the whole input
	pos  int      // the next byte to read
	keys []string // keys of the objects being read, innermost last
	vals []any    // their values and the elements of open arrays
	buf  []byte   // scratch space for strings with escapes
}

// jsonParsers keeps parsers' scratch stacks between calls, so that a
// small body needs no allocation beyond the values it holds.
var jsonParsers = sync.Pool{New: func() any { return new(jsonParser) }}

// maxPooledScratch bounds the stacks kept for the next parse, so one huge
// body does not pin its scratch space for good.
const maxPooledScratch = 1 << 12

// parseJSONBytes parses b as one JSON value, optionally surrounded by
// white space. Data after the value is a trailingDataError whose offset
// is the end of the value (where the Decoder would have stopped).
func parseJSONBytes(b []byte) (any, error) {
	return parseJSONText(string(b))
}

// parseJSONText is parseJSONBytes for input already held as a string:
// the strings of the value share its memory.
func parseJSONText(s string) (any, error) {
	p := jsonParsers.Get().(*jsonParser)
	defer p.release()
	p.s, p.pos = s, 0
	p.skipSpace()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	end := p.pos
	p.skipSpace()
	if p.pos < len(p.s) {
		return nil, trailingDataError(end)
	}
	return v, nil
}

// release returns p to the pool without references into the last body:
// containers clear what they pop, so only what an error left behind is
// still set.
func (p *jsonParser) release() {
	clear(p.keys)
	clear(p.vals)
	p.keys, p.vals, p.s = p.keys[:0], p.vals[:0], ""
	if cap(p.keys) > maxPooledScratch || cap(p.vals) > maxPooledScratch || cap(p.buf) > 16*maxPooledScratch {
		return
	}
	jsonParsers.Put(p)
}

// skipSpace moves past JSON white space.
func (p *jsonParser) skipSpace() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// errAt reports the byte at i as invalid in the given context.
func (p *jsonParser) errAt(i int, context string) error {
	return &jsonSyntaxError{off: int64(i) + 1, c: p.s[i], context: context}
}

// value reads the value starting at p.pos (white space already skipped)
// inside depth open containers.
func (p *jsonParser) value(depth int) (any, error) {
	if p.pos >= len(p.s) {
		return nil, errJSONTruncated
	}
	switch c := p.s[p.pos]; c {
	case '{':
		return p.object(depth + 1)
	case '[':
		return p.array(depth + 1)
	case '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return s, nil
	case 't':
		return true, p.literal("true")
	case 'f':
		return false, p.literal("false")
	case 'n':
		return nil, p.literal("null")
	default:
		if c == '-' || '0' <= c && c <= '9' {
			return p.number()
		}
		return nil, p.errAt(p.pos, "looking for beginning of value")
	}
}

// literal reads true, false or null, whose first byte is known to match.
func (p *jsonParser) literal(lit string) error {
	for i := 1; i < len(lit); i++ {
		j := p.pos + i
		if j >= len(p.s) {
			return errJSONTruncated
		}
		if p.s[j] != lit[i] {
			return p.errAt(j, "in literal "+lit+" (expecting "+quoteJSONChar(lit[i])+")")
		}
	}
	p.pos += len(lit)
	return nil
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// number reads a number, kept as its literal text. What follows it is
// left to the caller, as in encoding/json ("01" is the number 0 followed
// by something that does not belong there).
func (p *jsonParser) number() (any, error) {
	s, start, i := p.s, p.pos, p.pos
	if s[i] == '-' {
		i++
		if i >= len(s) {
			return nil, errJSONTruncated
		}
		if !isDigit(s[i]) {
			return nil, p.errAt(i, "in numeric literal")
		}
	}
	if s[i] == '0' {
		i++
	} else {
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) {
			return nil, errJSONTruncated
		}
		if !isDigit(s[i]) {
			return nil, p.errAt(i, "after decimal point in numeric literal")
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) {
			return nil, errJSONTruncated
		}
		if !isDigit(s[i]) {
			return nil, p.errAt(i, "in exponent of numeric literal")
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	p.pos = i
	return json.Number(s[start:i]), nil
}

// object reads an object, the depth-th open container.
func (p *jsonParser) object(depth int) (any, error) {
	if depth > maxJSONDepth {
		return nil, p.errAt(p.pos, "exceeded max depth")
	}
	p.pos++ // '{'
	p.skipSpace()
	if p.pos >= len(p.s) {
		return nil, errJSONTruncated
	}
	if p.s[p.pos] == '}' {
		p.pos++
		return map[string]any{}, nil
	}
	// Arrays push onto vals alone, so the two stacks have their own bases.
	kbase, vbase := len(p.keys), len(p.vals)
	for {
		if p.pos >= len(p.s) {
			return nil, errJSONTruncated
		}
		if p.s[p.pos] != '"' {
			return nil, p.errAt(p.pos, "looking for beginning of object key string")
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.pos >= len(p.s) {
			return nil, errJSONTruncated
		}
		if p.s[p.pos] != ':' {
			return nil, p.errAt(p.pos, "after object key")
		}
		p.pos++
		p.skipSpace()
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		p.keys = append(p.keys, k)
		p.vals = append(p.vals, v)
		p.skipSpace()
		if p.pos >= len(p.s) {
			return nil, errJSONTruncated
		}
		c := p.s[p.pos]
		if c == '}' {
			p.pos++
			break
		}
		if c != ',' {
			return nil, p.errAt(p.pos, "after object key:value pair")
		}
		p.pos++
		p.skipSpace()
	}
	keys, vals := p.keys[kbase:], p.vals[vbase:]
	m := make(map[string]any, len(keys))
	for i, k := range keys {
		m[k] = vals[i] // in order, so the last of duplicate keys wins
	}
	clear(keys)
	clear(vals)
	p.keys, p.vals = p.keys[:kbase], p.vals[:vbase]
	return m, nil
}

// array reads an array, the depth-th open container.
func (p *jsonParser) array(depth int) (any, error) {
	if depth > maxJSONDepth {
		return nil, p.errAt(p.pos, "exceeded max depth")
	}
	p.pos++ // '['
	p.skipSpace()
	if p.pos >= len(p.s) {
		return nil, errJSONTruncated
	}
	if p.s[p.pos] == ']' {
		p.pos++
		return []any{}, nil
	}
	base := len(p.vals)
	for {
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		p.vals = append(p.vals, v)
		p.skipSpace()
		if p.pos >= len(p.s) {
			return nil, errJSONTruncated
		}
		c := p.s[p.pos]
		if c == ']' {
			p.pos++
			break
		}
		if c != ',' {
			return nil, p.errAt(p.pos, "after array element")
		}
		p.pos++
		p.skipSpace()
	}
	a := make([]any, len(p.vals)-base)
	copy(a, p.vals[base:])
	clear(p.vals[base:])
	p.vals = p.vals[:base]
	return a, nil
}

// str reads a string starting at its opening quote. A string of plain
// characters and valid UTF-8 is a slice of the input; one with escapes
// or invalid UTF-8 is rebuilt by unescape.
func (p *jsonParser) str() (string, error) {
	s := p.s
	start := p.pos + 1
	i := start
	for i < len(s) {
		c := s[i]
		if jsonPlain[c] {
			i++
			continue
		}
		switch {
		case c == '"':
			p.pos = i + 1
			return s[start:i], nil
		case c == '\\':
			return p.unescape(start, i)
		case c < 0x20:
			return "", p.errAt(i, "in string literal")
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return p.unescape(start, i)
		}
		i += size
	}
	return "", errJSONTruncated
}

// unescape finishes reading the string that started at start, from i,
// the first byte needing more than a copy. It decodes escapes and
// replaces invalid UTF-8 exactly as encoding/json does: a \u escape of a
// surrogate that does not start a valid pair becomes U+FFFD (and a
// following escape is read on its own), each byte of an invalid UTF-8
// sequence becomes U+FFFD.
func (p *jsonParser) unescape(start, i int) (string, error) {
	s := p.s
	b := append(p.buf[:0], s[start:i]...)
	for i < len(s) {
		c := s[i]
		if jsonPlain[c] {
			b = append(b, c)
			i++
			continue
		}
		switch {
		case c == '"':
			p.pos = i + 1
			p.buf = b
			return string(b), nil
		case c < 0x20:
			return "", p.errAt(i, "in string literal")
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			b = utf8.AppendRune(b, r) // RuneError is U+FFFD
			i += size
			continue
		}
		// A backslash.
		i++
		if i >= len(s) {
			return "", errJSONTruncated
		}
		switch e := s[i]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, err := p.hex4(i + 1)
			if err != nil {
				return "", err
			}
			i += 5
			if utf16.IsSurrogate(r) {
				if r2, ok := escapedRune(s, i); ok {
					if d := utf16.DecodeRune(r, r2); d != unicode.ReplacementChar {
						b = utf8.AppendRune(b, d)
						i += 6
						continue
					}
				}
				r = unicode.ReplacementChar
			}
			b = utf8.AppendRune(b, r)
			continue
		default:
			return "", p.errAt(i, "in string escape code")
		}
		i++
	}
	return "", errJSONTruncated
}

// hex4 reads the four hexadecimal digits of a \u escape starting at i.
func (p *jsonParser) hex4(i int) (rune, error) {
	var r rune
	for j := i; j < i+4; j++ {
		if j >= len(p.s) {
			return 0, errJSONTruncated
		}
		d := hexDigit(p.s[j])
		if d < 0 {
			return 0, p.errAt(j, "in \\u hexadecimal character escape")
		}
		r = r<<4 | d
	}
	return r, nil
}

// escapedRune reads a complete \uXXXX escape at s[i:], if there is one.
func escapedRune(s string, i int) (rune, bool) {
	if len(s)-i < 6 || s[i] != '\\' || s[i+1] != 'u' {
		return 0, false
	}
	var r rune
	for j := i + 2; j < i+6; j++ {
		d := hexDigit(s[j])
		if d < 0 {
			return 0, false
		}
		r = r<<4 | d
	}
	return r, true
}

// hexDigit returns the value of hexadecimal digit c, -1 if it is not one.
func hexDigit(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}
