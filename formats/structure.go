package formats

import (
	"cmp"
	"encoding/json"
	"net/http"
	"strings"
)

// The structural reader works on any JSON tree (and on XML read into the
// same shape, see xmlTree): it walks the wrappers an API puts around its
// error (an envelope member, the first element of a list, a top-level
// array, an object keyed by the error's kind), scores every member it
// meets as a candidate message, code and request id by the member's name,
// its value's type and shape and its position, and keeps the best of
// each. Field errors come from the best list or map of field problems
// (structure_fields.go). The family table works on top of it: a family
// adds what only its format defines.

// reading is what the structural reader found in a tree.
type reading struct {
	message, code, requestID string
	// ridPath is the dotted path of the request id member.
	ridPath string
	fields  []FieldError
}

// candidate is the best value seen so far for one role.
type candidate struct {
	val   string
	path  string // dotted path, for the request id source and ties
	score int
}

// offer keeps v when it scores higher than what c holds; ties go to the
// path that sorts first, so that the result does not depend on the order
// in which a map's members are visited.
func (c *candidate) offer(v string, score int, w *walker, key string) {
	if score <= 0 || v == "" {
		return
	}
	if c.val != "" && score < c.score {
		return
	}
	p := w.path(key)
	if c.val != "" && score == c.score && p >= c.path {
		return
	}
	c.val, c.path, c.score = v, p, score
}

// maxWalkDepth bounds how deep the reader looks: real error bodies put
// their members within a few levels.
const maxWalkDepth = 5

// walker holds the state of one walk.
type walker struct {
	status  int
	payload bool // a 2xx/3xx body: only error containers are entered
	keys    [maxWalkDepth + 1]string
	n       int
	msg     candidate
	code    candidate
	rid     candidate
	// fieldMsg and fieldCode come from the first item of a list of
	// field errors: the field's, they stand for the body's only when
	// the body has none of its own.
	fieldMsg  candidate
	fieldCode candidate
}

// path is the dotted path of member key of the object being walked.
func (w *walker) path(key string) string {
	if w.n == 0 {
		return key
	}
	var b strings.Builder
	for _, k := range w.keys[:w.n] {
		b.WriteString(k)
		b.WriteByte('.')
	}
	b.WriteString(key)
	return b.String()
}

// readTree reads root, the body of a response with the given status.
func readTree(root any, status int) reading {
	w := walker{status: status, payload: status >= 200 && status < 400}
	w.walk(root, 0, 0, false)
	r := reading{message: w.msg.val, code: w.code.val, requestID: w.rid.val, ridPath: w.rid.path}
	if r.message == "" || isStatusPhrase(r.message, status) && w.fieldMsg.val != "" {
		// No message of the body's own, or one that only repeats the
		// status: the first field error speaks for the body.
		r.message = cmp.Or(w.fieldMsg.val, r.message)
		r.code = cmp.Or(r.code, w.fieldCode.val)
	}
	if r.message == r.code && !isProse(r.message) {
		r.message = "" // {"error": "invalid_grant"}: a code, not a message
	}
	r.fields = findFieldErrors(root, status)
	if r.message == "" && len(r.fields) > 0 && r.fields[0].Message != "" {
		// A body of field errors alone: the first one is the message.
		r.message = r.fields[0].Message
	}
	return r
}

// walk visits v, at depth levels below the root, cost being the position
// penalty so far; item tells that v is the first element of an error list.
func (w *walker) walk(v any, depth, cost int, item bool) {
	if depth > maxWalkDepth {
		return
	}
	switch x := v.(type) {
	case []any:
		if len(x) > 0 {
			w.walk(x[0], depth, cost+2, true)
		}
	case map[string]any:
		w.object(x, depth, cost, item)
	}
}

// object scores the members of m and walks into its containers.
func (w *walker) object(m map[string]any, depth, cost int, item bool) {
	fieldItem := item && hasFieldName(m)
	// An id names the error only beside a message (DigitalOcean's
	// {"id": "not_found", "message": ...}, JSON:API's errors[].id).
	withMsg := false
	for k, v := range m {
		if s, ok := v.(string); ok && messageKeys[normKey(k)] >= 60 && s != "" {
			withMsg = true
			break
		}
	}
	for k, v := range m {
		nk := normKey(k)
		switch x := v.(type) {
		case string:
			w.scalar(k, nk, x, false, cost, withMsg, fieldItem)
		case json.Number:
			w.scalar(k, nk, x.String(), true, cost, withMsg, fieldItem)
		case []any:
			if msgs := stringList(x); msgs != "" && (!w.payload || payloadMessageKeys[nk]) {
				// {"errors": ["not found"]}: messages, not fields.
				w.msg.offer(msgs, messageScore(nk, msgs, w.status)-10-cost, w, k)
				continue
			}
			if w.enter(nk, x) {
				w.push(k)
				w.walk(x, depth+1, cost+containerCost(nk), true)
				w.n--
			}
		case map[string]any:
			if w.enter(nk, x) {
				w.push(k)
				w.walk(x, depth+1, cost+containerCost(nk), false)
				w.n--
				if len(m) == 1 && kindKey(k, nk, x) {
					// {"NotFoundError": {"message": ...}}: the key
					// names the error's kind.
					w.code.offer(k, 45-cost, w, k)
				}
			}
		}
	}
}

// push records key as the next level of the path.
func (w *walker) push(key string) {
	if w.n < len(w.keys) {
		w.keys[w.n] = key
	}
	w.n++
}

// enter tells whether the walk goes into container v under member nk. In
// a success or redirect body the payload is data, not an error: only the
// error containers are entered there.
func (w *walker) enter(nk string, v any) bool {
	if w.n >= maxWalkDepth || nk == "links" {
		return false // hypermedia links describe documents, not the error
	}
	if w.payload {
		return errorContainers[nk]
	}
	return true
}

// containerCost is the position penalty of going into member nk: none for
// a wrapper that holds the error, more for a member of unknown meaning.
func containerCost(nk string) int {
	switch {
	case errorContainers[nk]:
		return 1
	case wrapperContainers[nk]:
		return 3
	}
	return 12
}

// scalar scores one scalar member as a message, a code and a request id.
func (w *walker) scalar(key, nk, v string, number bool, cost int, withMsg, fieldItem bool) {
	msg, code := &w.msg, &w.code
	if fieldItem {
		msg, code = &w.fieldMsg, &w.fieldCode
	}
	if !number && (!w.payload || payloadMessageKeys[nk]) {
		msg.offer(v, messageScore(nk, v, w.status)-cost, w, key)
	}
	code.offer(v, codeScore(nk, v, number, withMsg && !w.payload, w.status)-cost, w, key)
	w.rid.offer(v, requestIDScore(nk, v)-cost/2, w, key)
}

// normKey folds a member name to lower case without separators, so that
// errorCode, error_code, Error-Code and ErrorCode read alike. It
// allocates only for names that need folding.
func normKey(k string) string {
	if i := strings.LastIndexByte(k, ':'); i >= 0 && i < len(k)-1 {
		k = k[i+1:] // hydra:description, xsi:type
	}
	clean := true
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= 'A' && c <= 'Z' || c == '_' || c == '-' || c == '.' || c == '@' || c == '$' || c == ' ' || c == ':' {
			clean = false
			break
		}
	}
	if clean {
		return k
	}
	var b strings.Builder
	b.Grow(len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == '_' || c == '-' || c == '.' || c == '@' || c == '$' || c == ' ' || c == ':':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// errorContainers are members that hold an error itself.
var errorContainers = map[string]bool{
	"error": true, "errors": true, "err": true, "fault": true, "exception": true,
	"errorresponse": true, "errordetail": true, "errorinfo": true, "failure": true, "problem": true,
}

// wrapperContainers are envelopes that often hold an error, or an id,
// beside other things.
var wrapperContainers = map[string]bool{
	"response": true, "result": true, "data": true, "meta": true, "body": true, "payload": true,
	"status": true, "details": true, "detail": true, "extensions": true, "innererror": true,
	"metadata": true, "context": true, "info": true, "header": true, "errordetails": true,
}

// messageKeys score members as a message, by how specific their name is:
// a detail or description beats a title, which usually repeats the status.
var messageKeys = map[string]int{
	"message": 100, "errormessage": 100, "errormsg": 95, "msg": 92, "detail": 96, "details": 88,
	"errordetail": 96, "errordescription": 96, "description": 90, "usermessage": 94,
	"developermessage": 86, "localizedmessage": 94, "displaymessage": 94, "errortext": 92,
	"text": 60, "reason": 72, "summary": 74, "errorsummary": 80, "title": 60, "error": 84,
	"faultstring": 95, "explanation": 80, "cause": 50, "statusmessage": 70, "messages": 88,
	"errormessages": 92, "errors": 80, "resultmessage": 90, "returnmessage": 90, "responsemessage": 90,
	"statusdescription": 70, "longmessage": 97, "hint": 30, "info": 40, "value": 20,
}

// payloadMessageKeys are the members read as a message in a success or
// redirect body, whose title or description names a product or a page.
var payloadMessageKeys = map[string]bool{
	"message": true, "detail": true, "errordescription": true, "errormessage": true,
	"errorsummary": true, "msg": true, "error": true, "errors": true, "messages": true,
}

// messageScore scores v under member nk as the body's message.
func messageScore(nk, v string, status int) int {
	s, ok := messageKeys[nk]
	if !ok || looksLikeURI(v) {
		return 0
	}
	if !isProse(v) {
		// A code or an id where a message could be: it loses to any
		// sentence.
		s -= 45
	}
	if isStatusPhrase(v, status) {
		// "Bad Request" says no more than the status line.
		s -= 40
	}
	return s
}

// codeKeys score members as the error code.
var codeKeys = map[string]int{
	"code": 100, "errorcode": 100, "errcode": 96, "errorcodes": 60, "codename": 90, "errorkey": 85,
	"errortype": 84, "type": 70, "reason": 72, "kind": 62, "error": 80, "errorname": 84,
	"name": 40, "status": 40, "type__": 0, "tag": 50, "typename": 50, "subcode": 30,
	"id": 36, "errorid": 34, "faultcode": 95, "exceptiontype": 70, "exceptionname": 70, "key": 40,
	"messageid": 50, "messagecode": 80, "reasoncode": 90, "statuscode": 30, "errno": 80,
}

// genericCodes are values that only say "this is an error".
var genericCodes = map[string]bool{
	"error": true, "errors": true, "fail": true, "failed": true, "failure": true, "false": true,
	"true": true, "exception": true, "ko": true, "nok": true, "invalid": true, "null": true, "none": true,
}

// codeScore scores v under member nk as the error code.
func codeScore(nk, v string, number, withMsg bool, status int) int {
	s, ok := codeKeys[nk]
	if !ok || s == 0 || len(v) > 100 || !isToken(v) || strings.ContainsRune(v, '/') || looksLikeURI(v) || genericCodes[strings.ToLower(v)] {
		return 0
	}
	if statusEcho(v, status) {
		return 0 // the HTTP status said again is not a code
	}
	switch nk {
	case "status", "statuscode":
		// A status member is a code only as a name (PERMISSION_DENIED).
		if number || !isUpperToken(v) || strings.Trim(v, "0123456789") == "" {
			return 0
		}
	case "name", "key":
		if !withMsg || !looksLikeErrorName(v) {
			return 0
		}
	case "type", "kind":
		// A classifier names the error only beside its message; in a
		// details block it names a resource.
		if !withMsg || number {
			return 0
		}
	case "id", "errorid":
		// An id names the error only beside a message, and only as a
		// word, not a serial number or a UUID.
		if !withMsg || (number || looksLikeID(v)) && !(number && nk == "errorid") {
			return 0
		}
	}
	if number {
		s -= 10 // a word names an error better than a number
	}
	return s
}

// requestIDKeys score members as the request id: dedicated names first,
// then the trace, debug, reference and correlation ids vendors use.
var requestIDKeys = map[string]int{
	"requestid": 100, "xrequestid": 100, "reqid": 90, "requestuuid": 95, "correlationid": 90,
	"xcorrelationid": 90, "traceid": 85, "xtraceid": 85, "debugid": 90, "incidentid": 85,
	"errorid": 80, "referenceid": 80, "refid": 70, "reference": 60, "supportid": 85, "supportcode": 60,
	"trackingid": 80, "logid": 75, "activityid": 80, "operationid": 60, "eventid": 55,
	"transactionid": 55, "requesttoken": 50, "amznrequestid": 100, "traceidentifier": 80,
	"errorreference": 70, "errorreferenceid": 80, "diagnosticid": 80, "correlation": 60,
	"hostid": 0,
}

// requestIDSuffixes are the endings of vendor-prefixed request id names.
var requestIDSuffixes = []string{"requestid", "traceid", "correlationid", "debugid", "incidentid", "referenceid", "trackingid", "reference"}

// requestIDScore scores v under member nk as the request id: an id is
// short, has no spaces and is not a URL (an id inside a URL is the
// URL's, not the request's).
func requestIDScore(nk, v string) int {
	s, ok := requestIDKeys[nk]
	if !ok {
		// Vendors prefix the usual names: fbtrace_id, amz_request_id.
		for _, suffix := range requestIDSuffixes {
			if strings.HasSuffix(nk, suffix) {
				s = requestIDKeys[suffix] - 10
				break
			}
		}
	}
	if s <= 0 || len(v) > 200 || len(v) < 8 && strings.Trim(v, "0123456789") == "" || strings.ContainsAny(v, " \t\n") || looksLikeURI(v) {
		return 0
	}
	return s
}

// kindKey tells whether member k of a one-member object names the kind
// of the error inside it: a word like NotFoundError or RATE_LIMITED, not
// a wrapper name, over an object that carries a message.
func kindKey(k, nk string, inner map[string]any) bool {
	if errorContainers[nk] || wrapperContainers[nk] || messageKeys[nk] > 0 || !isToken(k) {
		return false
	}
	if !looksLikeErrorName(k) {
		return false
	}
	for ik := range inner {
		if messageKeys[normKey(ik)] >= 80 {
			return true
		}
	}
	return false
}

// looksLikeErrorName reports a value that names an error kind:
// NotFoundError, InvalidParameterException, RATE_LIMITED.
func looksLikeErrorName(v string) bool {
	if strings.Contains(v, "_") && isUpperToken(v) {
		return true
	}
	l := strings.ToLower(v)
	for _, suffix := range []string{"error", "exception", "fault", "failure"} {
		if strings.HasSuffix(l, suffix) && len(l) > len(suffix) {
			return true
		}
	}
	return false
}

// isProse reports whether s reads as a sentence rather than a code: it
// has a space between words.
func isProse(s string) bool {
	return strings.ContainsRune(strings.TrimSpace(s), ' ')
}

// looksLikeURI reports an absolute URI or a path.
func looksLikeURI(s string) bool {
	return strings.Contains(s, "://") || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "urn:") || strings.HasPrefix(s, "about:")
}

// looksLikeID reports a serial number, a UUID or a long hex string: an
// occurrence's id, not an error's name.
func looksLikeID(s string) bool {
	digits, hex := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '-':
			hex++
		}
	}
	return digits == len(s) || digits > 0 && digits+hex == len(s) && len(s) >= 16 || digits*2 > len(s)
}

// isStatusPhrase reports whether v just repeats the status line: the
// status's reason phrase, with or without its number.
func isStatusPhrase(v string, status int) bool {
	phrase := http.StatusText(status)
	if phrase == "" {
		return false
	}
	v = strings.TrimSpace(v)
	if len(v) >= 3 && statusEcho(v[:3], status) {
		v = strings.TrimSpace(v[3:])
	}
	return strings.EqualFold(strings.TrimSuffix(v, "."), phrase)
}

// statusEcho reports a number that is the HTTP status itself.
func statusEcho(v string, status int) bool {
	n := 0
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' || i > 3 {
			return false
		}
		n = n*10 + int(v[i]-'0')
	}
	return status != 0 && v != "" && n == status
}

// stringList joins a list made only of strings into one message, "" for
// any other list.
func stringList(a []any) string {
	if len(a) == 0 {
		return ""
	}
	for _, e := range a {
		if _, ok := e.(string); !ok {
			return ""
		}
	}
	return textList(a)
}
