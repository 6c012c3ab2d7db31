package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/apierr/apierr/formats"
)

// shownLines and shownBytes bound one value (a message, a code, a header)
// in plain output: a server may send megabytes in one field, and a
// terminal is no place for them. The JSON outputs keep every byte.
const (
	shownLines = 8
	shownBytes = 800
	// shownItems bounds the field errors listed.
	shownItems = 50
)

// clipShown returns s, or its first shownLines lines (at most shownBytes
// bytes, cut at a character: about ten lines once wrapped) followed by
// "… N more bytes; see --json".
func clipShown(s string) string {
	cut := min(len(s), shownBytes)
	for i, n := 0, 0; i < cut; i++ {
		if s[i] == '\n' {
			if n++; n == shownLines {
				cut = i
			}
		}
	}
	if cut == len(s) {
		return s
	}
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.TrimRight(s[:cut], "\r\n") + fmt.Sprintf(" … %d more bytes; see --json", len(s)-cut)
}

// clipDiagnosis is d with every text that came from the server clipped by
// clipShown, for plain output.
func clipDiagnosis(d formats.Diagnosis) formats.Diagnosis {
	for _, s := range []*string{&d.Message, &d.Title, &d.Code, &d.Type, &d.Instance, &d.RequestID, &d.RequestIDSource} {
		*s = clipShown(*s)
	}
	if len(d.Extra) > 0 {
		extra := make(map[string]any, len(d.Extra))
		for k, v := range d.Extra {
			s, ok := v.(string)
			if !ok {
				s = fmt.Sprint(v)
			}
			extra[clipShown(k)] = clipShown(s)
		}
		d.Extra = extra
	}
	if len(d.FieldErrors) > 0 {
		fe := make([]formats.FieldError, 0, min(len(d.FieldErrors), shownItems+1))
		for _, f := range d.FieldErrors[:min(len(d.FieldErrors), shownItems)] {
			f.Field, f.Message, f.Code = clipShown(f.Field), clipShown(f.Message), clipShown(f.Code)
			fe = append(fe, f)
		}
		if n := len(d.FieldErrors) - shownItems; n > 0 {
			fe = append(fe, formats.FieldError{Field: "…", Message: fmt.Sprintf("%d more field errors; see --json", n)})
		}
		d.FieldErrors = fe
	}
	return d
}
