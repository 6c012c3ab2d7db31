package formats

import (
	"fmt"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/http/httpguts"
)

// scan is what the family detectors may look at besides the parsed body.
type scan struct {
	status int
	header http.Header
	// ctype is the lower-case media type of Content-Type, "" if absent.
	ctype string
	// retryDelay is a google.rpc.RetryInfo delay in seconds, -1 if none.
	retryDelay float64
	// rid is the top-level member of a JSON object body that holds its
	// request id, "" if none or if the id sits deeper.
	rid string
	// bodyID is the request id the structural reader found in the body
	// and bodyIDPath its dotted path; trailerID one cut off the end of
	// the message, which comes after the headers' ids.
	bodyID, bodyIDPath       string
	trailerID, trailerSource string
	// read is the structural reading of a JSON body.
	read reading
}

// recognize fills the body-derived half of a Diagnosis: the format family,
// code, messages, field errors, request id, Retry-After and rate limits.
// explain fills the rest. It is pure and never panics: a body it cannot
// make sense of still yields a Diagnosis saying so.
//
// The order is: sniff the body (not the Content-Type); parse JSON once,
// read the value structurally (readTree) and walk the JSON family table
// (jsonFamilies) over it, the reading filling what the family leaves
// blank; or read XML as a tree the same way, HTML, text, binary or an
// empty body; then read the headers.
func recognize(status int, header http.Header, body string, now time.Time) (out Diagnosis) {
	defer func() {
		if r := recover(); r != nil {
			// A bug here must not cost the user the response: report
			// the body as text and say why. FuzzDetect fails on this note.
			out = Diagnosis{Status: status, Format: "text", FormatName: familyName("text")}
			out.Notes = []string{fmt.Sprintf("%s%v", internalErrorNote, r)}
		}
	}()
	header, rateLimited := canonicalHeader(header)
	// The Diagnosis and the scan are handed to the families through a
	// table, so they live on the heap: one allocation for both.
	st := &struct {
		d Diagnosis
		s scan
	}{Diagnosis{Status: status}, scan{status: status, header: header, ctype: mediaType(headerValue(header, "Content-Type")), retryDelay: -1}}
	d, s := &st.d, &st.s
	text := trimText(body)
	kind := sniffBody(text)
	switch kind {
	case kindEmpty:
		recognizeEmpty(d)
	case kindJSON:
		var ok bool
		_, ok = recognizeJSON(s, text, d)
		if !ok && looksBinary(text) {
			kind = kindBinary
			*d = Diagnosis{Status: status}
			recognizeBinary(text, d)
		}
	case kindXML:
		recognizeXML(s, text, d)
	case kindHTML:
		recognizeHTML(text, d)
	case kindBinary:
		recognizeBinary(text, d)
	default:
		recognizeText(text, d)
	}
	if d.Format == "" {
		recognizeText(text, d)
	}
	if d.Format == "text" {
		kind = kindText // prose that merely started like JSON
	}
	if kind == kindJSON || kind == kindXML {
		d.Message = strings.TrimSpace(messageHead(d.Message))
	}
	if d.FormatName == "" {
		d.FormatName = familyName(d.Format)
	}
	if d.Code == "" && d.Message == "" {
		readWWWAuthenticate(d, header)
	}
	readErrorHeaders(d, header)
	noteContentType(d, s.ctype, kind)
	findRequestID(d, s.bodyID, s.bodyIDPath, header)
	if d.RequestID == "" && s.trailerID != "" {
		d.RequestID, d.RequestIDSource = s.trailerID, s.trailerSource
	}
	readRetryAfter(d, header, now)
	if d.RetryAfterSeconds == nil && s.retryDelay >= 0 {
		v := s.retryDelay
		d.RetryAfterSeconds = &v
	}
	if rateLimited {
		readRateLimit(d, header, now)
	}
	return *d
}

// internalErrorNote starts the note left when recognition itself failed.
const internalErrorNote = "apierr could not finish reading this body (please report it): "

// canonicalHeader returns h with canonical keys, copying only when some
// key is not canonical already (a header map built by hand), and whether
// any key mentions a rate limit: one pass over the keys for both.
func canonicalHeader(h http.Header) (http.Header, bool) {
	if h == nil {
		return http.Header{}, false
	}
	rateLimited := false
	for k := range h {
		if !isCanonicalKey(k) {
			c := make(http.Header, len(h))
			for k, v := range h {
				ck := textproto.CanonicalMIMEHeaderKey(k)
				c[ck] = append(c[ck], v...)
				rateLimited = rateLimited || isRateLimitKey(ck)
			}
			return c, rateLimited
		}
		rateLimited = rateLimited || isRateLimitKey(k)
	}
	return h, rateLimited
}

// isCanonicalKey reports whether textproto.CanonicalMIMEHeaderKey(k) is
// k, without building the canonical form: each letter upper-case at the
// start and after a hyphen, lower-case elsewhere. A key with a byte that
// cannot be in a header name is left as it is by CanonicalMIMEHeaderKey,
// so it counts as canonical.
func isCanonicalKey(k string) bool {
	upper := true
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case 'a' <= c && c <= 'z':
			if upper {
				return !httpguts.ValidHeaderFieldName(k)
			}
		case 'A' <= c && c <= 'Z':
			if !upper {
				return !httpguts.ValidHeaderFieldName(k)
			}
		}
		upper = c == '-'
	}
	return true
}

// hasAnyMember reports whether m holds one of keys; true when keys is nil.
func hasAnyMember(m map[string]any, keys []string) bool {
	if keys == nil {
		return true
	}
	for _, k := range keys {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// headerValue is h.Get(key) for a header with canonical keys (see
// canonicalHeader) and a key written canonically: a plain map look-up,
// without Get canonicalizing the key again on every call.
func headerValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// recognizeJSON parses text once and walks the JSON families over the
// value. It returns the parsed value (nil when invalid) and whether text
// was JSON.
func recognizeJSON(s *scan, text string, d *Diagnosis) (any, bool) {
	root, err := parseJSON(text)
	if err != nil {
		recognizeBrokenJSON(text, err, d)
		return nil, false
	}
	r := readTree(root, s.status)
	s.read = r
	if !strings.Contains(r.ridPath, ".") {
		s.rid = r.ridPath
	}
	s.bodyID, s.bodyIDPath = r.requestID, r.ridPath
	if r.trailerID != "" {
		s.trailerID, s.trailerSource = r.trailerID, "body "+r.trailerPath
	}
	if m, ok := asObj(root); ok {
		checkBodyStatus(s, m, d)
		for _, f := range jsonFamilies {
			if hasAnyMember(m, f.cues) && f.fill(s, m, d) {
				d.Format, d.FormatName = f.id, f.name
				completeFromReading(d, r)
				return root, true
			}
		}
	}
	recognizeAnyJSON(root, r, d)
	return root, true
}

// checkBodyStatus compares a status code the body states ("status": 404,
// "statusCode": 404, a Kubernetes or Google "code": 404) with the HTTP
// status. With no HTTP status (a body pasted on its own) the body's is
// used; when they differ a note says so, since proxies and frameworks
// sometimes rewrite one and not the other.
func checkBodyStatus(s *scan, m map[string]any, d *Diagnosis) {
	n, key := int64(0), ""
	for _, k := range []string{"status", "statusCode", "code"} {
		if v, ok := intMember(m, k); ok && v >= 100 && v <= 599 {
			n, key = v, k
			break
		}
	}
	if key == "" {
		if e := obj(m, "error"); e != nil {
			if v, ok := intMember(e, "code"); ok && v >= 100 && v <= 599 {
				n, key = v, "error.code"
			}
		}
	}
	switch {
	case key == "" || int(n) == s.status:
	case s.status == 0:
		s.status, d.Status = int(n), int(n)
		d.Notes = append(d.Notes, "No HTTP status was given; "+strconv.FormatInt(n, 10)+" is the body's "+key+".")
	case key == "code" && s.status/100 == 2:
		// A 2xx answer with a numeric "code" is usually an app-level code.
	default:
		d.Notes = append(d.Notes, "The body's "+key+" says "+strconv.FormatInt(n, 10)+" but the HTTP status is "+strconv.Itoa(s.status)+".")
	}
}
