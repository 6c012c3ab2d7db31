package formats

import (
	"net/http"
	"strings"
)

// headerRequestID is one header that may carry a request id.
type headerRequestID struct {
	// name is how the source is shown; key is its canonical form.
	name, key string
	// trace marks a tracing header whose value is parsed for its id.
	trace func(string) string
}

// headerRequestIDs lists the headers in order of specificity: a header
// dedicated to the request id beats a tracing header, which beats
// S3's x-amz-id-2 (a host id that S3 support wants only together with
// x-amz-request-id).
var headerRequestIDs = []headerRequestID{
	{name: "X-Request-Id", key: "X-Request-Id"},
	{name: "Request-Id", key: "Request-Id"},
	{name: "X-Amzn-RequestId", key: "X-Amzn-Requestid"},
	{name: "x-amz-request-id", key: "X-Amz-Request-Id"},
	{name: "X-GitHub-Request-Id", key: "X-Github-Request-Id"},
	{name: "x-ms-request-id", key: "X-Ms-Request-Id"},
	{name: "apim-request-id", key: "Apim-Request-Id"},
	{name: "X-Shopify-Request-Id", key: "X-Shopify-Request-Id"},
	{name: "Twilio-Request-Id", key: "Twilio-Request-Id"},
	{name: "X-Okta-Request-Id", key: "X-Okta-Request-Id"},
	{name: "X-Slack-Req-Id", key: "X-Slack-Req-Id"},
	{name: "X-Correlation-Id", key: "X-Correlation-Id"},
	{name: "Correlation-Id", key: "Correlation-Id"},
	{name: "X-Trace-Id", key: "X-Trace-Id"},
	{name: "X-Amz-Cf-Id", key: "X-Amz-Cf-Id"},
	{name: "CF-Ray", key: "Cf-Ray"},
	{name: "X-Cloud-Trace-Context", key: "X-Cloud-Trace-Context", trace: cloudTraceID},
	{name: "traceparent", key: "Traceparent", trace: traceparentID},
	{name: "X-B3-TraceId", key: "X-B3-Traceid"},
	{name: "X-Amzn-Trace-Id", key: "X-Amzn-Trace-Id"},
	{name: "x-amz-id-2", key: "X-Amz-Id-2"},
}

// findRequestID picks the request id: one a family already found in the
// body (OData innererror, Google RequestInfo, S3 <RequestId>) stands;
// then the one the structural reader found at bodyPath; then headers in
// headerRequestIDs order. A top-level member used as the id is dropped
// from Extra.
func findRequestID(d *Diagnosis, bodyID, bodyPath string, h http.Header) {
	if d.RequestID == "" && bodyID != "" {
		d.RequestID, d.RequestIDSource = bodyID, "body "+bodyPath
		if !strings.Contains(bodyPath, ".") {
			delete(d.Extra, bodyPath)
			if len(d.Extra) == 0 {
				d.Extra = nil
			}
		}
	}
	if d.RequestID != "" {
		return
	}
	for _, hr := range headerRequestIDs {
		v := strings.ToValidUTF8(strings.TrimSpace(headerValue(h, hr.key)), "\uFFFD")
		if v == "" {
			continue
		}
		src := "header " + hr.name
		if hr.trace != nil {
			if v = hr.trace(v); v == "" {
				continue
			}
			if hr.key == "Traceparent" {
				src += " trace-id"
			}
		}
		d.RequestID, d.RequestIDSource = v, src
		return
	}
	// Any other header named like a request id, in name order: vendors
	// prefix the usual names (Opc-Request-Id, X-Fastly-Request-Id).
	var best, bestKey string
	bestScore := 0
	for k, vs := range h {
		if len(vs) == 0 || strings.TrimSpace(vs[0]) == "" {
			continue
		}
		sc := requestIDScore(normKey(k), strings.TrimSpace(vs[0]))
		if sc > bestScore || sc == bestScore && sc > 0 && k < bestKey {
			best, bestKey, bestScore = strings.TrimSpace(vs[0]), k, sc
		}
	}
	if bestScore > 0 {
		d.RequestID, d.RequestIDSource = strings.ToValidUTF8(best, "\uFFFD"), "header "+bestKey
	}
}

// traceparentID returns the trace-id of a W3C traceparent header
// (version-traceid-parentid-flags), "" when malformed or all zeros.
func traceparentID(v string) string {
	parts := strings.Split(v, "-")
	if len(parts) < 4 || len(parts[1]) != 32 || !isHex(parts[1]) || strings.Trim(parts[1], "0") == "" {
		return ""
	}
	return parts[1]
}

// cloudTraceID returns TRACE_ID from Google's X-Cloud-Trace-Context
// (TRACE_ID/SPAN_ID;o=OPTIONS).
func cloudTraceID(v string) string {
	if i := strings.IndexAny(v, "/;"); i >= 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v)
}

// isHex reports whether s is lower- or upper-case hexadecimal.
func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return s != ""
}
