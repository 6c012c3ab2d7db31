package docimport

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode returns the page as UTF-8 text with LF line ends. Pages saved by
// older sites are often Windows-1252 (a superset of Latin-1 for printable
// text), so bytes that are not UTF-8 are read that way, with a warning,
// rather than dropped.
func decode(src []byte, rep *Report) string {
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		src = src[3:]
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}), bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(src)
		if err == nil {
			src = out
			rep.warnf("the page is UTF-16; it was converted to UTF-8")
		}
	}
	var s string
	if utf8.Valid(src) {
		s = string(src)
	} else {
		out, err := charmap.Windows1252.NewDecoder().Bytes(src)
		if err != nil {
			s = strings.ToValidUTF8(string(src), "\uFFFD")
			rep.warnf("the page is not valid UTF-8; undecodable bytes were replaced with \uFFFD")
		} else {
			s = string(out)
			rep.warnf("the page is not valid UTF-8; it was read as Windows-1252 (Latin-1): check accented text in the profile")
		}
	}
	return normalizeSpace(s)
}

// normalizeSpace makes line ends LF and turns the spaces a copy from a
// browser leaves behind (NBSP, tabs, zero-width) into plain ones, and other
// control characters into spaces, so that the parsers see one shape.
func normalizeSpace(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\n':
			return r
		case r == '\t', r == '\u00a0', r == '\u202f', r == '\u2007':
			return ' '
		case r == '\u200b', r == '\ufeff', r == '\u00ad':
			return -1
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
			return ' '
		}
		return r
	}, s)
}
