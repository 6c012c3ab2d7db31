package formats

import (
	"cmp"
	"encoding/json"
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
	// msgPath is the dotted path of the message member; short is the
	// few words the message replaced as their elaboration.
	msgPath, short string
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
	at     position // where it is, for the request id source and ties
	score  int
	holder map[string]any // the object the value is a member of
}

// position is where a member sits: the names of the containers above it
// (lists entered at [0]) and its own. It is kept by value so that no
// path string is built for the many values that lose.
type position struct {
	keys [maxWalkDepth + 1]string
	list [maxWalkDepth + 1]bool
	n    int
	key  string
}

// path is the dotted path of the position.
func (p *position) path() string {
	if p.n == 0 {
		return p.key
	}
	var b strings.Builder
	for i, k := range p.keys[:p.n] {
		b.WriteString(k)
		if p.list[i] {
			b.WriteString("[0]")
		}
		b.WriteByte('.')
	}
	b.WriteString(p.key)
	return b.String()
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
	p := position{keys: w.keys, list: w.list, n: min(w.n, len(w.keys)), key: key}
	if c.val != "" && score == c.score && p.path() >= c.at.path() {
		return
	}
	c.val, c.at, c.score, c.holder = v, p, score, holder
}

// path is the dotted path of the value, "" when there is none.
func (c *candidate) path() string {
	if c.val == "" {
		return ""
	}
	return c.at.path()
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
	// fieldMsg comes from the first item of a list of field errors: the
	// field's, it stands for the body's only when the body has no
	// message of its own (or only the status phrase).
	fieldMsg candidate
	// nestedMsg is a message inside a list of validation errors whose
	// items name no field (Xero's Elements[].ValidationErrors[]): more
	// specific than a generic top message, and shown nowhere else.
	nestedMsg candidate
	inList    int // open containers named like a list of errors
}

// readTree reads root, the body of a response with the given status.
func readTree(root any, status int) reading {
	w := walker{status: status, payload: status >= 200 && status < 400}
	if m, ok := root.(map[string]any); ok && len(m) == 1 {
		w.single = true
	}
	w.walk(root, 0, 0, false)
	r := reading{message: w.msg.val, msgPath: w.msg.path(), code: w.code.val, requestID: w.rid.val, ridPath: w.rid.path()}
	if more := elaboration(w.msg.holder, r.message); more != "" {
		r.short, r.message = r.message, more
	}
	r.nested = w.nestedMsg.val
	if isGenericMessage(r.message, status) && isProse(r.nested) {
		r.message = r.nested
	}
	if r.message == "" || isStatusPhrase(r.message, status) && w.fieldMsg.val != "" {
		// No message of the body's own, or one that only repeats the
		// status: the first field error speaks for the body.
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
		r.trailerID, r.trailerPath = id, w.msg.path()
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
	withMsg, failed := false, false
	for k, v := range m {
		nk := normKey(k)
		if s, ok := v.(string); ok && messageKeys[nk] >= 40 && s != "" {
			withMsg = true
		}
		failed = failed || failureMarker(nk, v)
	}
	if failed {
		// {"status": "failure", ...} or {"success": false, ...}: this
		// object reports an error, even in a 200 answer (OCS).
		w.inErr++
		defer func() { w.inErr-- }()
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

// idContainers are members whose own id is the request's.
var idContainers = map[string]bool{"request": true, "trace": true, "correlation": true, "requestinfo": true}

// recordWords name records, whose ids are the records', not the
// request's: resource_id, user_id, order_id.
var recordWords = []string{"resource", "user", "account", "customer", "order", "object", "entity", "item",
	"project", "org", "tenant", "client", "app", "instance", "server", "file", "document", "record",
	"payment", "product", "team", "workspace", "group", "channel", "message", "subscription", "invoice",
	"device", "node", "job", "task", "event", "session", "owner", "parent", "target", "source"}

// namesRecord reports whether the id member nk names a record.
func namesRecord(nk string) bool {
	for _, w := range recordWords {
		if strings.HasPrefix(nk, w) {
			return true
		}
	}
	return false
}

// failureMarker reports a member saying that its object reports a
// failure: a status or result that is a failure word, or a success or ok
// flag that is false.
func failureMarker(nk string, v any) bool {
	switch nk {
	case "status", "result", "state", "outcome", "stat", "resultcode":
		s, ok := v.(string)
		return ok && genericCodes[strings.ToLower(s)] && s != "true" && s != "null" && s != "none"
	case "success", "ok", "successful":
		b, ok := v.(bool)
		return ok && !b
	}
	return false
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
		return isErrorContainer(nk) || wrapperContainers[nk] && nk != "data"
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
	msg := &w.msg
	if fieldItem {
		msg = &w.fieldMsg
	}
	payload := w.payload && w.inErr == 0
	if !number && (!payload || payloadMessageKeys[nk]) {
		score := messageScore(nk, v, w.status)
		msg.offerIn(v, score-cost, w, key, m)
		if w.inList > 0 && w.n >= 2 && !fieldItem {
			w.nestedMsg.offer(v, score-cost, w, key)
		}
	}
	if !fieldItem { // a field's code stays the field's
		w.code.offerIn(v, codeScore(nk, v, number, withMsg && !payload, w.status)-cost, w, key, m)
	}
	sc := requestIDScore(nk, v)
	if sc == 0 && nk == "id" && w.n > 0 && idContainers[normKey(w.keys[w.n-1])] {
		// {"request": {"id": "req_1"}}: the id of the request itself.
		sc = requestIDScore("requestid", v) - 15
	}
	if sc == 0 && (w.n == 0 || w.n == 1 && w.single) && len(nk) > 2 && strings.HasSuffix(nk, "id") && isUUID(v) && strings.Trim(v, "0-") != "" && !namesRecord(nk) {
		// A gateway's own id member holding a UUID at the top of the
		// body (GovWay's govway_id): the weakest candidate, beaten by
		// any named one, and never deeper down where ids name records.
		sc = 30
	}
	w.rid.offer(v, sc-cost/2, w, key)
}
