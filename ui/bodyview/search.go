package bodyview

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

const (
	// maxMatches caps the matches kept for one search, so a one-letter
	// query over 50 MB cannot eat memory; the status shows "17/100000+".
	maxMatches = 100_000
	// syncSearchLimit is the largest text searched inside Update. Larger
	// texts are searched by a command in the background (a scan of 50 MB
	// takes longer than a frame) and the reply is tagged so a stale one is
	// dropped.
	syncSearchLimit = 4 << 20
)

// match is the byte range [start, end) of one search hit in the text.
type match struct{ start, end int }

// findAll returns the case-insensitive matches of query in hay, in order,
// at most limit of them, and whether it stopped at the limit. Matches
// never overlap.
func findAll(hay []byte, query string, limit int) (ms []match, capped bool) {
	if query == "" {
		return nil, false
	}
	q := []byte(query)
	next := foldIndex
	if isASCII(q) {
		q = bytes.ToLower(q)
		next = func(s, q []byte) (int, int) { return asciiFoldIndex(s, q), len(q) }
	}
	for off := 0; off < len(hay); {
		i, n := next(hay[off:], q)
		if i < 0 {
			break
		}
		if len(ms) == limit {
			return ms, true
		}
		ms = append(ms, match{off + i, off + i + n})
		off += i + max(n, 1)
	}
	return ms, false
}

// asciiFoldIndex finds lower-case ASCII q in s ignoring case. It jumps
// between candidates with bytes.IndexByte for both cases of q's first
// byte, which is what keeps a 50 MB scan to tens of milliseconds.
func asciiFoldIndex(s, q []byte) int {
	c := q[0]
	upper := c
	if 'a' <= c && c <= 'z' {
		upper = c - 'a' + 'A'
	}
	lo, hi := -2, -2 // next candidate of each case; -2: not looked up yet
	for off := 0; off <= len(s)-len(q); {
		if lo != -1 && lo < off {
			lo = indexFrom(s, c, off)
		}
		if hi != -1 && hi < off {
			hi = indexFrom(s, upper, off)
		}
		i := lo
		if i < 0 || (hi >= 0 && hi < i) {
			i = hi
		}
		if i < 0 || i > len(s)-len(q) {
			return -1
		}
		if asciiEqualFold(s[i:i+len(q)], q) {
			return i
		}
		off = i + 1
	}
	return -1
}

func indexFrom(s []byte, c byte, from int) int {
	i := bytes.IndexByte(s[from:], c)
	if i < 0 {
		return -1
	}
	return from + i
}

// asciiEqualFold reports whether s equals lower-case q ignoring ASCII case.
func asciiEqualFold(s, q []byte) bool {
	for i, c := range s {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != q[i] {
			return false
		}
	}
	return true
}

// foldIndex is the slow path for queries with non-ASCII letters: Unicode
// simple case folding, tried at each rune start whose first byte could
// begin a fold of q's first rune.
// It returns the offset and byte length of the match, which can differ
// from len(q) (K and the Kelvin sign fold together but differ in length).
func foldIndex(s, q []byte) (int, int) {
	r0, _ := utf8.DecodeRune(q)
	var first [256]bool
	for r := r0; ; {
		var buf [utf8.UTFMax]byte
		utf8.EncodeRune(buf[:], r)
		first[buf[0]] = true
		if r = unicode.SimpleFold(r); r == r0 {
			break
		}
	}
	for i := 0; i < len(s); i++ {
		if !first[s[i]] {
			continue
		}
		if n := foldPrefix(s[i:], q); n > 0 {
			return i, n
		}
	}
	return -1, 0
}

// foldPrefix returns how many bytes of s match q under simple folding,
// or 0 when s does not start with q.
func foldPrefix(s, q []byte) int {
	used := 0
	for len(q) > 0 {
		if len(s) == 0 {
			return 0
		}
		a, n := utf8.DecodeRune(s)
		b, m := utf8.DecodeRune(q)
		if a != b && !foldEq(a, b) {
			return 0
		}
		s, q, used = s[n:], q[m:], used+n
	}
	return used
}

func foldEq(a, b rune) bool {
	for r := unicode.SimpleFold(a); r != a; r = unicode.SimpleFold(r) {
		if r == b {
			return true
		}
	}
	return false
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
