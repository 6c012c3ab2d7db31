package inert

import (
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"
)

// EscapeJSON returns encoded JSON with every Unsafe rune and DEL written
// as a \uXXXX escape. encoding/json already escapes C0 controls and
// U+2028/U+2029 but leaves C1 and bidi controls raw, and those act on a
// terminal when the JSON is piped to one. Outside strings JSON is ASCII,
// so every such rune is inside a string, where the escape means the same.
func EscapeJSON(b []byte) []byte {
	i := bytes.IndexFunc(b, func(r rune) bool { return r == 0x7f || Unsafe(r) })
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	out = append(out, b[:i]...)
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == 0x7f || Unsafe(r) {
			const digits = "0123456789abcdef"
			out = append(out, '\\', 'u', digits[r>>12&0xf], digits[r>>8&0xf], digits[r>>4&0xf], digits[r&0xf])
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// Marshal is json.Marshal with EscapeJSON applied.
func Marshal(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return EscapeJSON(b), nil
}

// MarshalIndent is json.MarshalIndent with EscapeJSON applied.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := json.MarshalIndent(v, prefix, indent)
	if err != nil {
		return nil, err
	}
	return EscapeJSON(b), nil
}

// Encoder is a json.Encoder whose output is EscapeJSON'd, one value at a
// time (so no rune is ever split between writes).
type Encoder struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer) *Encoder {
	e := &Encoder{w: w}
	e.enc = json.NewEncoder(&e.buf)
	return e
}

// SetIndent is json.Encoder's SetIndent.
func (e *Encoder) SetIndent(prefix, indent string) { e.enc.SetIndent(prefix, indent) }

// SetEscapeHTML is json.Encoder's SetEscapeHTML.
func (e *Encoder) SetEscapeHTML(on bool) { e.enc.SetEscapeHTML(on) }

// Encode writes v as JSON followed by a newline, like json.Encoder.
func (e *Encoder) Encode(v any) error {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return err
	}
	_, err := e.w.Write(EscapeJSON(e.buf.Bytes()))
	return err
}
