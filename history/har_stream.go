package history

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

// ReadHAR streams a HAR file: it walks the JSON with a token decoder and
// decodes log.entries one entry at a time, calling fn with each entry's
// diagnosed exchange in file order, so memory holds one entry however
// large the file. fn's error stops the walk and is returned. A malformed
// file is a *HARError naming the place; entries before it have already
// been handed to fn.
func ReadHAR(r io.Reader, source string, profiles *formats.Registry, fn func(exchange.Exchange) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3) // some Windows tools write a BOM
	}
	pr := &posReader{r: br, line: 1, col: 1}
	w := harWalker{dec: json.NewDecoder(pr), pos: pr, source: source, profiles: profiles, fn: fn}
	return w.walk()
}

type harWalker struct {
	dec      *json.Decoder
	pos      *posReader
	source   string
	profiles *formats.Registry
	fn       func(exchange.Exchange) error
	entries  int
}

func (w *harWalker) walk() error {
	if err := w.open("top level", "an object", '{'); err != nil {
		return err
	}
	sawLog := false
	err := w.members(func(key string) error {
		if key != "log" {
			return w.skip()
		}
		// "log": null is no log
		if ok, err := w.openNullable("log", "an object", '{'); err != nil || !ok {
			return err
		}
		sawLog = true
		return w.log()
	})
	if err != nil {
		return err
	}
	if !sawLog {
		return &HARError{Where: "top level", What: `no "log" object: is this a HAR file?`}
	}
	if _, err := w.dec.Token(); err != io.EOF {
		return w.syntax(err, "more data after the HAR's JSON")
	}
	return nil
}

// log reads the members of the log object, its '{' already read.
func (w *harWalker) log() error {
	sawEntries := false
	err := w.members(func(key string) error {
		if key != "entries" {
			return w.skip()
		}
		if ok, err := w.openNullable("log.entries", "an array", '['); err != nil || !ok {
			return err
		}
		sawEntries = true
		for w.dec.More() {
			if err := w.entry(); err != nil {
				return err
			}
		}
		_, err := w.token() // ']'
		return err
	})
	if err != nil {
		return err
	}
	if !sawEntries {
		return &HARError{Where: "log", What: `no "entries" array`}
	}
	return nil
}

// entry decodes the next array element as one HAR entry.
func (w *harWalker) entry() error {
	path := fmt.Sprintf("log.entries[%d]", w.entries)
	w.entries++
	raw, err := w.value()
	if err != nil {
		return err
	}
	var h harEntry
	if err := json.Unmarshal(raw, &h); err != nil {
		return jsonError(raw, path, err)
	}
	e, err := fromHAR(h, path, w.profiles)
	if err != nil {
		return err
	}
	e.Source = w.source
	return w.fn(e)
}

// members calls fn for each key of an object whose '{' is read, with the
// decoder before the key's value, and reads the closing '}'.
func (w *harWalker) members(fn func(key string) error) error {
	for w.dec.More() {
		tok, err := w.token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if err := fn(key); err != nil {
			return err
		}
	}
	_, err := w.token()
	return err
}

// open reads the next token and requires it to be the delimiter d.
func (w *harWalker) open(where, what string, d json.Delim) error {
	tok, err := w.token()
	if err != nil {
		return err
	}
	return opens(tok, where, what, d)
}

// openNullable is open for a member whose null means it is absent; it
// reports whether the value opened.
func (w *harWalker) openNullable(where, what string, d json.Delim) (bool, error) {
	tok, err := w.token()
	if err != nil || tok == nil {
		return false, err
	}
	return true, opens(tok, where, what, d)
}

// opens checks that tok is the delimiter d opening what, at where.
func opens(tok json.Token, where, what string, d json.Delim) error {
	if got, ok := tok.(json.Delim); !ok || got != d {
		return &HARError{Where: where, What: "not " + what + " (found a JSON " + jsonKind(tok) + ")"}
	}
	return nil
}

// skip reads past one value the importer does not use (pages, creator).
func (w *harWalker) skip() error {
	_, err := w.value()
	return err
}

// value decodes the next whole value. A Decoder's syntax error offsets
// count every byte its earlier values scanned, so the value is scanned
// again from where it started to place the error.
func (w *harWalker) value() (json.RawMessage, error) {
	base := w.dec.InputOffset()
	var raw json.RawMessage
	if err := w.dec.Decode(&raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			se.Offset = 0
			if rel := base - w.pos.start; rel >= 0 && rel <= int64(len(w.pos.keep)) {
				var again json.RawMessage
				var se2 *json.SyntaxError
				if err2 := json.NewDecoder(bytes.NewReader(w.pos.keep[rel:])).Decode(&again); errors.As(err2, &se2) {
					se.Offset = base + se2.Offset
				}
			}
			if se.Offset == 0 {
				return nil, &HARError{Where: w.pos.where(base), What: "in the value starting here: " + se.Error()}
			}
		}
		return nil, w.syntax(err, "")
	}
	return raw, nil
}

func (w *harWalker) token() (json.Token, error) {
	tok, err := w.dec.Token()
	if err != nil {
		return nil, w.syntax(err, "")
	}
	return tok, nil
}

// syntax turns a decoder error into a HARError with the line and column
// of the bad byte when they are still known, else its byte offset.
func (w *harWalker) syntax(err error, what string) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		if what == "" {
			what = se.Error()
		}
		return &HARError{Where: w.pos.where(max(se.Offset-1, 0)), What: what}
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return &HARError{Where: w.pos.where(w.pos.off), What: "the file ends in the middle of the JSON (cut short?)"}
	case err == nil:
		return &HARError{Where: w.pos.where(w.dec.InputOffset()), What: what}
	}
	var re *readError
	if errors.As(err, &re) {
		return fmt.Errorf("cannot read the HAR file: %w", re.err)
	}
	return &HARError{Where: w.pos.where(w.dec.InputOffset()), What: cmp.Or(what, err.Error())}
}

func jsonKind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return "array"
		}
		return "object"
	case string:
		return "string"
	case float64, json.Number:
		return "number"
	case bool:
		return "bool"
	}
	return "null"
}

// keepBytes is how much of the most recent input posReader keeps to turn
// an error offset into a line and column; the decoder reports errors
// close to what it read last.
const keepBytes = 1 << 20

// posReader counts lines as the decoder reads, keeping the last stretch
// of input to place an offset on a line exactly.
type posReader struct {
	r io.Reader
	// off is the number of bytes read so far.
	off int64
	// keep is input from offset start; line and col are where start is.
	keep      []byte
	start     int64
	line, col int
}

// readError marks a failure of the file itself, not of its JSON.
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }

func (p *posReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.off += int64(n)
	p.keep = append(p.keep, b[:n]...)
	if len(p.keep) > 2*keepBytes {
		drop := len(p.keep) - keepBytes
		p.advance(p.keep[:drop])
		p.keep = append(p.keep[:0], p.keep[drop:]...)
		p.start += int64(drop)
	}
	if err != nil && err != io.EOF {
		err = &readError{err}
	}
	return n, err
}

func (p *posReader) advance(b []byte) {
	for _, c := range b {
		if c == '\n' {
			p.line, p.col = p.line+1, 1
		} else {
			p.col++
		}
	}
}

// where names the position of byte off.
func (p *posReader) where(off int64) string {
	if off < p.start {
		return fmt.Sprintf("byte %d", off)
	}
	line, col := p.line, p.col
	for _, c := range p.keep[:min(off-p.start, int64(len(p.keep)))] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("line %d, column %d", line, col)
}
