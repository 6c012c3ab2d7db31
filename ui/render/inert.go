// Package render holds pure functions that turn apierr's data into text
// for a terminal: no I/O, no bubbletea. Both the CLI printers and the TUI
// use them.
package render

import (
	"strings"
	"unicode/utf8"
)

// Inert returns s with every control character, escape sequence opener and
// invalid UTF-8 byte replaced by a visible, harmless form, so text from a
// server can never drive the terminal (no colours, no cursor moves, no
// OSC 52 clipboard writes). Newlines are kept when keepNewlines is true
// and tabs become spaces.
func Inert(s string, keepNewlines bool) string {
	if isPlain(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString("\\x")
			b.WriteString(hex2(s[i]))
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case r == '\t':
			b.WriteString("    ")
		case r == '\r' && keepNewlines && i+1 < len(s) && s[i+1] == '\n':
			// CRLF line ending: drop the CR.
		case r < 0x20:
			// C0 controls become their Unicode "control picture" (␛ for ESC).
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('␡')
		case r >= 0x80 && r < 0xa0:
			// C1 controls (8-bit CSI, OSC, ...).
			b.WriteString("\\u00")
			b.WriteString(hex2(byte(r)))
		case r == 0x2028 || r == 0x2029 || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			// Line separators and bidi overrides that could disguise text.
			b.WriteString("\\u")
			b.WriteString(hex2(byte(r >> 8)))
			b.WriteString(hex2(byte(r)))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// InertLine is Inert for text shown on one line: newlines become ␊.
func InertLine(s string) string { return Inert(s, false) }

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

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}
