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
	// trailerID is a request id cut off the end of the message, and
	// trailerPath the message's path: it comes after the headers' ids.
	trailerID, trailerPath string
	// nested is the most specific message inside a list of validation
	// errors that name no field, "" if none.
	nested string
}

// candidate is the best value seen so far for one role.
type candidate struct {
	val    string
	path   string // dotted path, for the request id source and ties
	score  int
	holder map[string]any // the object the value is a member of
}

// offer keeps v when it scores higher than what c holds; ties go to the
// path that sorts first, so that the result does not depend on the order
// in which a map's members are visited.
func (c *candidate) offer(v string, score int, w *walker, key string) {
	c.offerIn(v, score, w, key, nil)
}

// offerIn is offer for a member of the object holder.
func (c *candidate) offerIn(v string, score int, w *walker, key string, holder map[string]any) {
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
	c.val, c.path, c.score, c.holder = v, p, score, holder
}

// maxWalkDepth bounds how deep the reader looks: real error bodies put
// their members within a few levels.
const maxWalkDepth = 5

// walker holds the state of one walk.
type walker struct {
	status  int
	payload bool // a 2xx/3xx body: only error containers are entered
	keys    [maxWalkDepth + 1]string
	list    [maxWalkDepth + 1]bool // keys[i] is a list, entered at [0]
	inErr   int                    // open error containers
	single  bool                   // the root has one member (an XML document's root element)
	n       int
	msg     candidate
	code    candidate
	rid     candidate
	// fieldMsg and fieldCode come from the first item of a list of
	// field errors: the field's, they stand for the body's only when
	// the body has none of its own.
	fieldMsg  candidate
	fieldCode candidate
	// nestedMsg is a message inside a list of validation errors whose
	// items name no field (Xero's Elements[].ValidationErrors[]): more
	// specific than a generic top message, and shown nowhere else.
	nestedMsg candidate
	inList    int // open containers named like a list of errors
}

// path is the dotted path of member key of the object being walked.
func (w *walker) path(key string) string {
	if w.n == 0 {
		return key
	}
	var b strings.Builder
	for i, k := range w.keys[:w.n] {
		b.WriteString(k)
		if w.list[i] {
			b.WriteString("[0]")
		}
		b.WriteByte('.')
	}
	b.WriteString(key)
	return b.String()
}

// readTree reads root, the body of a response with the given status.
func readTree(root any, status int) reading {
	w := walker{status: status, payload: status >= 200 && status < 400}
	if m, ok := root.(map[string]any); ok && len(m) == 1 {
		w.single = true
	}
	w.walk(root, 0, 0, false)
	r := reading{message: w.msg.val, code: w.code.val, requestID: w.rid.val, ridPath: w.rid.path}
	r.nested = w.nestedMsg.val
	if isGenericMessage(r.message, status) && isProse(r.nested) {
		r.message = r.nested
	}
	if r.message == "" || isStatusPhrase(r.message, status) && w.fieldMsg.val != "" {
		// No message of the body's own, or one that only repeats the
		// status: the first field error speaks for the body.
		// Its code stays the field's.
		r.message = cmp.Or(w.fieldMsg.val, r.message)
	}
	if r.message == r.code && !isProse(r.message) {
		r.message = "" // {"error": "invalid_grant"}: a code, not a message
	}
	r.fields = findFieldErrors(root, status)
	if r.fields == nil && w.msg.holder != nil {
		// An error object that names the one field it is about:
		// Mollie's {"detail", "field"}, OGC's locator.
		r.fields = singleField(w.msg.holder, w.msg.val, w.code)
	}
	if msg, id, ok := splitRequestIDTrailer(r.message); ok {
		// Azure Storage: "The specified blob does not exist.
		// RequestId:6fe8e96d-... Time:2018-05-14T14:22:37Z".
		r.message = msg
		r.trailerID, r.trailerPath = id, w.msg.path
	}
	if !isProse(r.message) && len(r.fields) > 0 && isProse(r.fields[0].Message) {
		// A body of field errors alone, or with a bare word for a
		// message: the first field's message says more.
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
			w.scalar(m, k, nk, x, false, cost, withMsg, fieldItem)
		case json.Number:
			w.scalar(m, k, nk, x.String(), true, cost, withMsg, fieldItem)
		case []any:
			if msgs := stringList(x); msgs != "" && (!w.payload || w.inErr > 0 || payloadMessageKeys[nk]) {
				// {"errors": ["not found"]}: messages, not fields.
				w.msg.offer(msgs, messageScore(nk, msgs, w.status)-10-cost, w, k)
				continue
			}
			if w.enter(nk, x) {
				w.push(k, nk, true)
				listy := fieldListKeys[nk] > 0
				if listy {
					w.inList++
				}
				w.walk(x, depth+1, cost+containerCost(nk), true)
				if listy {
					w.inList--
				}
				w.pop(nk)
			}
		case map[string]any:
			if v, ok := x["value"].(string); ok && messageKeys[nk] >= 80 {
				// OData's "message": {"lang": "en-US", "value": ...}.
				w.scalar(m, k, nk, v, false, cost, withMsg, fieldItem)
				continue
			}
			if w.enter(nk, x) {
				w.push(k, nk, false)
				w.walk(x, depth+1, cost+containerCost(nk), false)
				w.pop(nk)
				if len(m) == 1 && kindKey(k, nk, x) {
					// {"NotFoundError": {"message": ...}}: the key
					// names the error's kind.
					w.code.offer(k, 45-cost, w, k)
				}
			}
		}
	}
}

// push records key, a list when list is set, as the next level of the
// path.
func (w *walker) push(key, nk string, list bool) {
	if w.n < len(w.keys) {
		w.keys[w.n], w.list[w.n] = key, list
	}
	w.n++
	if isErrorContainer(nk) {
		w.inErr++
	}
}

// pop leaves the level push entered.
func (w *walker) pop(nk string) {
	w.n--
	if isErrorContainer(nk) {
		w.inErr--
	}
}

// enter tells whether the walk goes into container v under member nk. In
// a success or redirect body the payload is data, not an error: only the
// error containers are entered there.
func (w *walker) enter(nk string, v any) bool {
	if w.n >= maxWalkDepth || nk == "links" {
		return false // hypermedia links describe documents, not the error
	}
	if w.payload && w.inErr == 0 && !(w.n == 0 && w.single) {
		return isErrorContainer(nk)
	}
	return true
}

// containerCost is the position penalty of going into member nk: none for
// a wrapper that holds the error, more for a member of unknown meaning.
func containerCost(nk string) int {
	switch {
	case isErrorContainer(nk):
		return 1
	case wrapperContainers[nk]:
		return 3
	}
	return 20
}

// scalar scores one scalar member as a message, a code and a request id.
func (w *walker) scalar(m map[string]any, key, nk, v string, number bool, cost int, withMsg, fieldItem bool) {
	msg, code := &w.msg, &w.code
	if fieldItem {
		msg, code = &w.fieldMsg, &w.fieldCode
	}
	payload := w.payload && w.inErr == 0
	if !number && (!payload || payloadMessageKeys[nk]) {
		score := messageScore(nk, v, w.status)
		msg.offerIn(v, score-cost, w, key, m)
		if w.inList > 0 && w.n >= 2 && !fieldItem {
			w.nestedMsg.offer(v, score-cost, w, key)
		}
	}
	code.offerIn(v, codeScore(nk, v, number, withMsg && !payload, w.status)-cost, w, key, m)
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

// isErrorContainer reports a member that holds an error: one of
// errorContainers, or a name that ends like one (odata.error, apiError,
// RestException).
func isErrorContainer(nk string) bool {
	if errorContainers[nk] {
		return true
	}
	for _, suffix := range []string{"error", "errors", "fault", "exception"} {
		if strings.HasSuffix(nk, suffix) {
			return true
		}
	}
	return false
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
	"statusdescription": 70, "longmessage": 97, "exceptiontext": 95, "exceptionmessage": 90, "hint": 30, "info": 40, "value": 20,
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
	"messageid": 50, "messagecode": 80, "reasoncode": 90, "statuscode": 30, "errno": 80, "errornumber": 90, "errnum": 80, "exceptioncode": 90, "exception": 60,
}

// genericCodes are values that only say "this is an error".
var genericCodes = map[string]bool{
	"error": true, "errors": true, "fail": true, "failed": true, "failure": true, "false": true,
	"true": true, "exception": true, "ko": true, "nok": true, "invalid": true, "null": true, "none": true,
	"field": true, // express-validator's "type": "field"
}

// codeScore scores v under member nk as the error code.
func codeScore(nk, v string, number, withMsg bool, status int) int {
	s, ok := codeKeys[nk]
	if !ok || s == 0 || len(v) > 100 || !isToken(v) || looksLikeMediaType(v) || looksLikeURI(v) || genericCodes[strings.ToLower(v)] {
		return 0
	}
	if statusEcho(v, status) || isStatusPhrase(v, status) {
		return 0 // the HTTP status said again is not a code
	}
	switch nk {
	case "status", "statuscode":
		// A status member is a code only as a name (PERMISSION_DENIED),
		// or as a status code that is no HTTP status (TMDB's 7).
		if nk == "statuscode" && strings.Trim(v, "0123456789") == "" && !problemStatus(json.Number(v)) {
			break
		}
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
		if !withMsg {
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
	if withMsg {
		s += 10 // beside its message, as an error's code sits
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
	"trace": 60,
	// S3's HostId is a host id that S3 support wants only beside
	// x-amz-request-id: never the request id (the one vendor name here).
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

// looksLikeMediaType reports a media type such as text/html: a link's
// type, not an error's.
func looksLikeMediaType(v string) bool {
	top, _, ok := strings.Cut(v, "/")
	switch top {
	case "text", "application", "image", "audio", "video", "multipart", "font", "model", "message":
		return ok
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

// genericWords mark a short message that says only that the request
// failed validation, whatever the API: "Validation Failed", "A validation
// exception occurred", "Invalid input".
var genericWords = []string{"validation", "error occurred", "errors occurred", "invalid request", "invalid input", "bad request"}

// isGenericMessage reports a message that a more specific one nested in
// the body should replace: the status phrase, or a short sentence made of
// genericWords.
func isGenericMessage(v string, status int) bool {
	if isStatusPhrase(v, status) {
		return true
	}
	if v == "" || len(v) > 60 {
		return false
	}
	l := strings.ToLower(v)
	for _, w := range genericWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
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

// requestIDTrailers are the labels of a request id written at the end of
// a message: Azure Storage's "RequestId:", Cosmos DB's "ActivityId:".
var requestIDTrailers = []string{"RequestId:", "ActivityId:", "Request ID:", "Request-Id:"}

// splitRequestIDTrailer cuts a "RequestId:<id>" trailer, and what
// follows it, off a message, and returns the id.
func splitRequestIDTrailer(msg string) (string, string, bool) {
	for _, label := range requestIDTrailers {
		i := strings.Index(msg, label)
		if i <= 0 || msg[i-1] != ' ' && msg[i-1] != '\n' {
			continue
		}
		id := strings.TrimSpace(msg[i+len(label):])
		if j := strings.IndexAny(id, " ,;\t\r\n"); j >= 0 {
			id = id[:j]
		}
		if requestIDScore("requestid", id) == 0 {
			continue
		}
		return strings.TrimRight(strings.TrimSpace(msg[:i]), ","), id, true
	}
	return msg, "", false
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
