package formats

import (
	"encoding/json"
	"strconv"
	"strings"
)

// recognizeAnyJSON is the "json" fallback: valid JSON in no known family,
// read by the structural reader alone, and a bare JSON string as the
// message itself.
func recognizeAnyJSON(root any, r reading, d *Diagnosis) {
	d.Format = "json"
	if s, ok := root.(string); ok {
		d.Message = s
		return
	}
	d.Message, d.Code, d.FieldErrors = r.message, r.code, r.fields
	if m, ok := root.(map[string]any); ok && d.Status >= 400 {
		d.Title = str(m, "title")
	}
}

// completeFromReading fills what a family left blank from the structural
// reading, and replaces a message that only repeats the status phrase
// with a more specific one.
func completeFromReading(d *Diagnosis, r reading) {
	switch {
	case d.Message == "":
		d.Message = r.message
	case r.short != "" && d.Message == r.short:
		// A message of a few words beside its elaboration.
		d.Message = r.message
	case d.Message == d.Code && !isProse(d.Message) && r.message != "" && r.message != d.Code:
		// {"error": "RecordNotFound", "description": "Not found"}: the
		// family's message was the code again.
		d.Message = r.message
	case !isProse(d.Message) && d.Message != d.Code && len(r.fields) > 0 && isProse(r.fields[0].Message):
		// Strapi's "message": "ValidationError" beside its field errors.
		d.Message = r.fields[0].Message
	case isGenericMessage(d.Message, d.Status) && isProse(r.nested) && r.nested != d.Message:
		d.Message = r.nested
	case isStatusPhrase(d.Message, d.Status) && isProse(r.message) && !isStatusPhrase(r.message, d.Status):
		if d.Title == "" {
			d.Title = d.Message
		}
		d.Message = r.message
	}
	if d.Code == "" || statusEcho(d.Code, d.Status) {
		d.Code = r.code
	}
	if len(d.FieldErrors) == 0 {
		d.FieldErrors = r.fields
	}
}

// maxBrokenTokens bounds the salvage scan of invalid JSON.
const maxBrokenTokens = 20000

// recognizeBrokenJSON handles a body that starts like JSON but does not
// parse. When it fails at its very first bytes it is prose that happens to
// start with '[' or '"', read as text; otherwise it is "json" with a note
// giving the offset, and whatever message and code can be salvaged from
// the tokens before the error.
func recognizeBrokenJSON(b string, err error, d *Diagnosis) {
	off, why := jsonErrorOffset(b, err)
	if off <= 2 && len(b) > 2 {
		recognizeText(b, d)
		return
	}
	d.Format = "json"
	d.Notes = append(d.Notes, "The body looks like JSON but is not valid at byte offset "+strconv.FormatInt(off, 10)+" ("+why+"); what could be read before that point is shown.")
	d.Message, d.Code = salvageJSON(b)
}

// salvageJSON streams the tokens of invalid JSON up to the error and
// returns the first message and code found under the usual names.
func salvageJSON(b string) (msg, code string) {
	dec := json.NewDecoder(strings.NewReader(b))
	dec.UseNumber()
	// inObj[i] tells whether container i is an object; wantKey whether
	// the next string in the innermost object is a key.
	var inObj []bool
	wantKey := false
	key := ""
	for i := 0; i < maxBrokenTokens && (msg == "" || code == ""); i++ {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		top := len(inObj) > 0 && inObj[len(inObj)-1]
		if t, ok := tok.(json.Delim); ok {
			switch t {
			case '{', '[':
				inObj = append(inObj, t == '{')
				wantKey = t == '{'
			default:
				if len(inObj) > 0 {
					inObj = inObj[:len(inObj)-1]
				}
				wantKey = len(inObj) > 0 && inObj[len(inObj)-1]
			}
			continue
		}
		if top && wantKey {
			key, _ = tok.(string)
			wantKey = false
			continue
		}
		if top {
			wantKey = true
		}
		s := scalar(tok)
		if s == "" {
			continue
		}
		nk := normKey(key)
		if msg == "" && messageKeys[nk] >= 84 {
			msg = s
		} else if code == "" && codeKeys[nk] >= 80 && isToken(s) {
			code = s
		}
	}
	return msg, code
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
