package formats

import "strings"

// The structural reader's vocabulary: member names folded by normKey and
// scored for each role, and the rules that keep a value out of a role
// (the HTTP status said again is no code, a URL is no request id).

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
	"messages": true,
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
	"statusdescription": 70, "longmessage": 97, "defaultmessage": 85, "err": 80, "exceptiontext": 95, "exceptionmessage": 90, "hint": 30, "info": 40, "value": 20,
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
	if !ok && (strings.HasSuffix(nk, "error") || strings.HasSuffix(nk, "message")) {
		ok, s = true, 70 // validation_error, customMessage
	}
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
	"messageid": 50, "messagecode": 80, "reasoncode": 90, "statuscode": 30, "errno": 80, "errornumber": 90, "errnum": 80, "exceptioncode": 90, "exception": 60, "ecode": 90,
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
	if !ok && strings.HasSuffix(nk, "errorcode") {
		ok, s = true, 85 // vendors prefix it: serviceErrorCode
	}
	if !ok || s == 0 || len(v) > 100 || !isToken(v) || looksLikeMediaType(v) || looksLikeURI(v) || genericCodes[strings.ToLower(v)] {
		return 0
	}
	if statusEcho(v, status) || isStatusPhrase(v, status) && !isUpperToken(v) {
		return 0 // the HTTP status said again is not a code (UNAUTHORIZED is one)
	}
	switch nk {
	case "status", "statuscode":
		// A status member is a code only as a name (PERMISSION_DENIED),
		// or as a status code that is no HTTP status (TMDB's 7).
		if nk == "statuscode" && strings.Trim(v, "0123456789") == "" {
			break // not the HTTP status again (checked above): TMDB's 7, OCS's 101
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
		// word (not_found, EMAIL_TAKEN), not a serial number, a UUID or
		// a record's id such as usr_8f2k (an eBay errorId number is).
		if !withMsg || (number || looksLikeID(v)) && !(number && nk == "errorid") {
			return 0
		}
		if nk == "id" && strings.ContainsAny(v, "0123456789") && !isUpperToken(v) {
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
	"requestid": 100, "xrequestid": 100, "reqid": 90, "requestuuid": 95, "correlationid": 85,
	"xcorrelationid": 85, "traceid": 88, "xtraceid": 88, "debugid": 90, "incidentid": 85,
	"errorid": 80, "referenceid": 80, "refid": 70, "reference": 60, "supportid": 85, "supportcode": 60,
	"trackingid": 80, "logid": 75, "activityid": 80, "operationid": 60, "eventid": 55,
	"transactionid": 55, "requesttoken": 50, "amznrequestid": 100, "traceidentifier": 80,
	"errorreference": 70, "errorreferenceid": 80, "diagnosticid": 80, "correlation": 60,
	"trace": 60, "rayid": 80, "responseid": 60,
	// S3's HostId is a host id that S3 support wants only beside
	// x-amz-request-id: never the request id (the one vendor name here).
	"hostid": 0,
}

// A trace id names this request's trace; a correlation id is often the
// client's, shared by many requests: beside each other, the trace id is
// the one to quote (Microsoft identity platform's trace_id).

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
