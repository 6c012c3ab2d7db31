package probe

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-shellwords"
)

// splitCommand splits a shell command line into words with go-shellwords,
// after rewriting what that library reads differently from bash: `\` +
// newline continuations are joined, $'…' (ANSI-C quoting, used by
// browsers' "Copy as cURL") is decoded into plain single quotes, and
// backslashes keep bash's meaning inside "…" and outside quotes. The
// words end at the first unquoted | ; & < or > (what follows is another
// command, not curl's).
func splitCommand(line string) ([]string, error) {
	norm, err := normalizeShell(line)
	if err != nil {
		return nil, err
	}
	// go-shellwords works on runes and would turn bytes that are not
	// UTF-8 (from $'\xff' or a pasted binary) into U+FFFD: carry them
	// through as private-use runes and turn them back afterwards.
	carried := !utf8.ValidString(norm) && !strings.ContainsFunc(norm, isCarrierRune)
	if carried {
		norm = carryBytes(norm)
	}
	p := shellwords.NewParser()
	words, err := p.Parse(norm)
	if err != nil {
		return nil, errors.New("the command has a shell construct apierr does not run (subshell or unbalanced parenthesis): paste the curl command alone")
	}
	if carried {
		for i, w := range words {
			words[i] = uncarryBytes(w)
		}
	}
	return words, nil
}

const carrierBase = 0xF700 // private use area: U+F700..U+F7FF carry bytes

func isCarrierRune(r rune) bool { return r >= carrierBase && r <= carrierBase+0xff }

// carryBytes replaces each byte of s that is not UTF-8 with a carrier rune.
func carryBytes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(carrierBase + rune(s[i]))
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func uncarryBytes(s string) string {
	if !strings.ContainsFunc(s, isCarrierRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isCarrierRune(r) {
			b.WriteByte(byte(r - carrierBase))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// normalizeShell rewrites line for go-shellwords; see splitCommand.
func normalizeShell(line string) (string, error) {
	var b strings.Builder
	b.Grow(len(line) + 16)
	const (
		plain = iota
		single
		double
	)
	state, opened := plain, 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch state {
		case single:
			b.WriteByte(c)
			if c == '\'' {
				state = plain
			}
		case double:
			switch {
			case c == '"':
				b.WriteByte(c)
				state = plain
			case c == '\\' && i+1 < len(line):
				next := line[i+1]
				switch next {
				case '\n':
					i++ // continuation: both characters vanish
				case '\r':
					if i+2 < len(line) && line[i+2] == '\n' {
						i += 2
					} else {
						b.WriteString(`\\`)
					}
				case '$', '`', '"', '\\':
					b.WriteByte('\\')
					b.WriteByte(next)
					i++
				default:
					// bash keeps the backslash before any other character.
					b.WriteString(`\\`)
				}
			default:
				b.WriteByte(c)
			}
		default:
			switch {
			case c == '\\' && i+1 < len(line):
				next := line[i+1]
				switch next {
				case '\n':
					i++
				case '\r':
					if i+2 < len(line) && line[i+2] == '\n' {
						i += 2
					}
					// a lone \r: bash makes it the character itself
				case 'n', 't':
					// go-shellwords would make these a newline or tab;
					// bash makes them the plain letter.
					b.WriteByte(next)
					i++
				default:
					b.WriteByte('\\')
					b.WriteByte(next)
					i++
				}
			case c == '$' && i+1 < len(line) && line[i+1] == '\'':
				decoded, n, err := ansiC(line[i+2:])
				if err != nil {
					return "", fmt.Errorf("unbalanced $' quote at column %d: close it with '", i+1)
				}
				b.WriteString(singleQuote(decoded))
				i += 1 + n
			case c == '\'':
				state, opened = single, i
				b.WriteByte(c)
			case c == '"':
				state, opened = double, i
				b.WriteByte(c)
			default:
				b.WriteByte(c)
			}
		}
	}
	switch state {
	case single:
		return "", fmt.Errorf("unbalanced ' quote opened at column %d: close it with '", opened+1)
	case double:
		return "", fmt.Errorf("unbalanced \" quote opened at column %d: close it with \"", opened+1)
	}
	return b.String(), nil
}

// ansiC decodes the body of a $'…' string (s starts after $') and
// returns the text and how many bytes of s it used, closing quote included.
func ansiC(s string) (string, int, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\'' {
			return b.String(), i + 1, nil
		}
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'e', 'E':
			b.WriteByte(0x1b)
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '\\', '\'', '"', '?':
			b.WriteByte(e)
		case 'x', 'u', 'U':
			max := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			j := i + 1
			for j < len(s) && j < i+1+max && isHex(s[j]) {
				j++
			}
			if j == i+1 {
				b.WriteByte('\\')
				b.WriteByte(e)
				continue
			}
			v, _ := strconv.ParseUint(s[i+1:j], 16, 32)
			if e == 'x' {
				b.WriteByte(byte(v))
			} else {
				b.WriteRune(rune(v))
			}
			i = j - 1
		case 'c':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i] & 0x1f)
			}
		default:
			if e >= '0' && e <= '7' {
				j := i
				for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
					j++
				}
				v, _ := strconv.ParseUint(s[i:j], 8, 16)
				b.WriteByte(byte(v))
				i = j - 1
				continue
			}
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return "", 0, errors.New("unterminated")
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// singleQuote quotes s for a POSIX shell with single quotes.
func singleQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// shellQuote quotes s for bash: bare when it is made of safe characters,
// '…' when printable, $'…' when it holds control characters or bytes that
// are not UTF-8 (which '…' cannot carry visibly or safely).
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool { return !isSafeShellRune(r) }) < 0 {
		return s
	}
	if utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 }) < 0 {
		return singleQuote(s)
	}
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\'':
			b.WriteString(`\'`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('\'')
	return b.String()
}

func isSafeShellRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:@%+,=", r)
}
