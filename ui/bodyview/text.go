package bodyview

import (
	"bytes"
	"sort"
)

// maxText is the largest body the line index can address with int32
// offsets; anything longer is cut there (and the status says so), which
// keeps the index at four bytes a line for multi-million-line bodies.
const maxText = 1<<31 - 1

// text is an immutable body split into lines. Once built it is never
// modified, so a search command can read it from another goroutine while
// the model keeps scrolling.
type text struct {
	b      []byte
	starts []int32 // byte offset of each line's first byte
}

// newText indexes the line starts of b in one pass. A final newline does
// not open an empty last line, the way editors count lines.
func newText(b []byte) *text {
	if len(b) > maxText {
		b = b[:maxText]
	}
	n := bytes.Count(b, []byte{'\n'}) + 1
	starts := make([]int32, 1, n)
	for off := 0; ; {
		i := bytes.IndexByte(b[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		if off == len(b) {
			break
		}
		starts = append(starts, int32(off))
	}
	return &text{b: b, starts: starts}
}

// lineCount is the number of lines; an empty body has none.
func (t *text) lineCount() int {
	if len(t.b) == 0 {
		return 0
	}
	return len(t.starts)
}

// lineStart is the byte offset where line i begins.
func (t *text) lineStart(i int) int { return int(t.starts[i]) }

// line returns line i without its line ending (LF or CRLF).
func (t *text) line(i int) []byte {
	start := int(t.starts[i])
	end := len(t.b)
	if i+1 < len(t.starts) {
		end = int(t.starts[i+1])
	}
	l := t.b[start:end]
	l = bytes.TrimSuffix(l, []byte{'\n'})
	return bytes.TrimSuffix(l, []byte{'\r'})
}

// lineOf returns the line that holds byte offset off.
func (t *text) lineOf(off int) int {
	return sort.Search(len(t.starts), func(i int) bool { return int(t.starts[i]) > off }) - 1
}
