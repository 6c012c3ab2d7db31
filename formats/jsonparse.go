package formats

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// parseJSON decodes one JSON value with encoding/json's Decoder, numbers
// kept as json.Number so that ids and codes keep every digit. The Decoder
// gives what a body needs: the last of duplicate keys wins, invalid UTF-8
// and lone surrogates become U+FFFD, and nesting deeper than 10000 levels
// is an error ("exceeded max depth") rather than a stack overflow. Data
// after the value, other than white space, is a trailingDataError.
func parseJSON(text string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	end := dec.InputOffset()
	if strings.TrimLeft(text[end:], " \t\r\n") != "" {
		return nil, trailingDataError(end)
	}
	return v, nil
}

// trailingDataError is a JSON value followed by more than white space;
// its value is the offset of the extra data.
type trailingDataError int64

func (e trailingDataError) Error() string { return "unexpected data after the JSON value" }

// jsonErrorOffset returns the byte offset in text where parseJSON failed
// and a short reason for a note.
func jsonErrorOffset(text string, err error) (int64, string) {
	var se *json.SyntaxError
	var td trailingDataError
	switch {
	case errors.As(err, &td):
		return int64(td), td.Error()
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return int64(len(text)), "the body ends in the middle of a value (truncated?)"
	case errors.As(err, &se):
		return se.Offset, se.Error()
	}
	return 0, err.Error()
}
