package formats

import (
	"net/http"
	"strings"
)

// What a value looks like, whatever member holds it: a sentence, an
// identifier, a URI, a UUID, the status line said again.

// keyOf is the last member name of a dotted path.
func keyOf(path string) string {
	return path[strings.LastIndexByte(path, '.')+1:]
}

// isUUID reports the 8-4-4-4-12 hexadecimal form of a UUID.
func isUUID(v string) bool {
	if len(v) != 36 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
				return false
			}
		}
	}
	return true
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
	for _, suffix := range []string{"error", "exception", "fault", "failure"} {
		if len(v) > len(suffix) && strings.EqualFold(v[len(v)-len(suffix):], suffix) {
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

// wordCount counts the words of s, as len(strings.Fields(s)) would for
// ASCII white space, without building them.
func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// isProse reports whether s reads as a sentence rather than a code: it
// has a space between words.
func isProse(s string) bool {
	return strings.ContainsRune(strings.TrimSpace(s), ' ')
}

// looksLikeURI reports an absolute URI or a path.
func looksLikeURI(s string) bool {
	if strings.ContainsAny(s, " \t\n") {
		return false // a sentence that mentions a URL
	}
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
	if len(v) > 60 {
		return false
	}
	// "404 Not Found", "HTTP 404 - Not Found", "Error 404: Not Found."
	v = strings.TrimSpace(v)
	for _, prefix := range []string{"HTTP/1.1", "HTTP/2", "HTTP", "Error", "error", "Status", "status"} {
		if rest, ok := strings.CutPrefix(v, prefix); ok && (rest == "" || rest[0] == ' ' || rest[0] == ':') {
			v = strings.TrimLeft(rest, " :")
			break
		}
	}
	if len(v) >= 3 && statusEcho(v[:3], status) {
		v = strings.TrimLeft(v[3:], " :-–")
	}
	return strings.EqualFold(strings.TrimSuffix(v, "."), phrase)
}

// elaborationKeys name members that elaborate on a short message beside
// them, in JSON's and XML's spellings.
var elaborationKeys = []string{"details", "detail", "description", "longMessage", "error_description", "explanation",
	"Details", "Detail", "Description", "LongMessage"}

// elaboration returns the sentence beside msg in holder that says more
// than it, when msg is a few words only or generic ("Access denied."
// beside <Details>Anonymous caller does not have ...</Details>), ""
// otherwise.
func elaboration(holder map[string]any, msg string) string {
	if holder == nil || wordCount(msg) > 3 && !isGenericMessage(msg, 0) {
		return ""
	}
	for _, k := range elaborationKeys {
		if s, ok := holder[k].(string); ok && s != msg && isProse(s) && wordCount(s) > wordCount(msg) && !looksLikeURI(s) {
			return s
		}
	}
	return ""
}

// genericWords mark a short message that says only that the request
// failed validation, whatever the API: "Validation Failed", "A validation
// exception occurred", "Invalid input".
var genericWords = []string{"validation", "error occurred", "errors occurred", "invalid request", "invalid input",
	"bad request", "request is invalid", "invalid parameters", "something went wrong", "unexpected error"}

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

// metadataLabels start the lines a server appends to a message with its
// own bookkeeping (Microsoft identity platform's "Trace ID: ...",
// "Correlation ID: ...", "Timestamp: ...").
var metadataLabels = []string{"Trace ID:", "Correlation ID:", "Timestamp:", "Time:", "RequestId:", "Request ID:", "ActivityId:"}

// messageHead returns a message without what follows its first
// paragraph (a blank line, then links to documentation) and without
// trailing lines of metadata: what the server meant as the message.
func messageHead(msg string) string {
	if !strings.ContainsRune(msg, '\n') {
		return msg
	}
	head := msg
	if i := strings.Index(head, "\n\n"); i > 0 {
		head = head[:i]
	} else if i := strings.Index(head, "\r\n\r\n"); i > 0 {
		head = head[:i]
	}
	lines := strings.Split(head, "\n")
cut:
	for i := 1; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		for _, label := range metadataLabels {
			if strings.HasPrefix(l, label) {
				lines = lines[:i]
				break cut
			}
		}
	}
	head = strings.TrimSpace(strings.Join(lines, "\n"))
	if head == "" {
		return msg
	}
	return head
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
