package formats

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Member names that usually carry a message or a code in JSON that
// matches no known family, in order of preference.
var (
	anyMessageKeys = []string{"message", "Message", "detail", "error_description", "errorMessage", "errorSummary", "error_message", "description", "msg", "reason", "title", "error", "errors"}
	anyCodeKeys    = []string{"code", "Code", "error_code", "errorCode", "errorcode", "type"}
	// anyContainers are the members looked into, in order, when the top
	// level has no message: a fixed list keeps the result deterministic.
	anyContainers = []string{"error", "errors", "fault", "data", "meta", "response", "result", "detail", "details"}
	// A success or redirect body is the payload itself: its "title" or
	// "description" names a product or a page, and "data" holds records,
	// not messages. Only members meant as messages are read there.
	okMessageKeys = []string{"message", "Message", "detail", "error_description", "errorMessage", "errorSummary", "error_message", "msg", "error", "errors"}
	okContainers  = []string{"error", "errors", "fault"}
)

// anyMaxDepth bounds the best-effort search; real error bodies put their
// message within two or three levels.
const anyMaxDepth = 4

// recognizeAnyJSON is the "json" fallback: valid JSON in no known family.
// It takes the first message and code found under the usual member names,
// at the top level first, then inside the usual containers (error,
// errors[0], data, ...), and a bare JSON string as the message itself.
func recognizeAnyJSON(root any, d *Diagnosis) {
	d.Format = "json"
	if s, ok := root.(string); ok {
		d.Message = s
		return
	}
	if d.Status >= 200 && d.Status < 400 {
		d.Message = findIn(root, okMessageKeys, okContainers, 0)
	} else {
		d.Message = findAny(root, anyMessageKeys, 0)
	}
	d.Code = findAny(root, anyCodeKeys, 0)
	if !isToken(d.Code) {
		d.Code = ""
	}
}

// findAny searches v for the first non-empty text under one of keys.
func findAny(v any, keys []string, depth int) string {
	return findIn(v, keys, anyContainers, depth)
}

// findIn searches v for the first non-empty text under one of keys, at
// the top level first, then inside the given containers.
func findIn(v any, keys, containers []string, depth int) string {
	if depth > anyMaxDepth {
		return ""
	}
	switch x := v.(type) {
	case []any:
		if len(x) > 0 {
			return findIn(x[0], keys, containers, depth+1)
		}
	case map[string]any:
		for _, k := range keys {
			if s := scalar(x[k]); s != "" {
				return s
			}
		}
		for _, c := range containers {
			if child, ok := x[c]; ok {
				if s := findIn(child, keys, containers, depth+1); s != "" {
					return s
				}
			}
		}
	}
	return ""
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
		if msg == "" && contains(anyMessageKeys, key) {
			msg = s
		} else if code == "" && contains(anyCodeKeys, key) && isToken(s) {
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
