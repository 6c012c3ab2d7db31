// Package inert makes text that came from a server harmless to print: on
// a terminal (Text, Line) and inside JSON that may be piped to one (JSON,
// MarshalIndent, Encoder). Every package that writes server text for
// people uses it, so there is one definition of what is inert: the CLI
// and TUI through ui/render, tickets and exports through history.
package inert

import (
	"strings"
	"unicode/utf8"
)

// Text returns s with every control character, escape sequence opener,
// bidi control and invalid UTF-8 byte replaced by a visible, harmless
// form, so text from a server can never drive the terminal (no colours,
// no cursor moves, no OSC 52 clipboard writes, no window titles, no text
// shown in another order than it is stored). Newlines are kept when
// keepNewlines is true (a CR before one is dropped) and tabs become four
// spaces.
//
// C0 controls become their Unicode control pictures (ESC is ␛), DEL is ␡,
// C1 controls, line separators and bidi controls are written as \uXXXX and
// an invalid byte as \xNN.
func Text(s string, keepNewlines bool) string {
	if isPlain(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r == '\t':
			b.WriteString("    ")
		case r == '\r' && keepNewlines && i+1 < len(s) && s[i+1] == '\n':
			// CRLF line ending: drop the CR.
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('␡')
		case Unsafe(r):
			writeU(&b, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Line is Text for a value shown on one line: newlines become ␊.
func Line(s string) string { return Text(s, false) }

// Unsafe reports whether r is a printable-looking rune a terminal acts on
// or that disguises text: a C1 control (U+0080–U+009F, 8-bit CSI and
// OSC), a line or paragraph separator, or a bidi embedding, override or
// isolate (U+202A–U+202E, U+2066–U+2069). Text and the JSON helpers
// write these as \uXXXX.
func Unsafe(r rune) bool {
	return r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029 ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

func isPlain(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return false // let the slow path check UTF-8, C1 and bidi
		}
		if c < 0x20 && !(c == '\n' && keepNewlines) || c == 0x7f {
			return false
		}
	}
	return true
}

func writeU(b *strings.Builder, r rune) {
	b.WriteString(`\u`)
	b.WriteString(hex2(byte(r >> 8)))
	b.WriteString(hex2(byte(r)))
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}
