package docimport

import (
	"bytes"
	"regexp"
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

var (
	htmlStart    = regexp.MustCompile(`(?i)^\s*<(!doctype\s+html|html|head|body|meta|title|div|section|article|main|table|h[1-6]|p|dl|ul)[\s>]`)
	htmlBlockTag = regexp.MustCompile(`(?i)<(table|tr|td|th|p|div|h[1-6]|dl|dt|dd|ul|ol|li|pre|body)[\s>]`)
	mdHeading    = regexp.MustCompile(`(?m)^ {0,3}#{1,6} \S`)
	mdTableSep   = regexp.MustCompile(`(?m)^ *\|? *:?-{3,}:? *\|`)
	mdFence      = regexp.MustCompile("(?m)^ {0,3}(```|~~~)")
)

// sniffKind tells how to read the page. HTML wins when the page starts
// with markup or is full of block tags (an XML example body alone is not
// enough); Markdown needs one of its own constructs; the rest is text.
func sniffKind(s string) string {
	head := s
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	if htmlStart.MatchString(head) || len(htmlBlockTag.FindAllStringIndex(head, 6)) >= 6 {
		return KindHTML
	}
	if mdHeading.MatchString(head) || mdTableSep.MatchString(head) || mdFence.MatchString(head) {
		return KindMarkdown
	}
	return KindText
}
