package formats

import (
	"net/http"
	"strings"
)

// bodyRequestIDKeys are the member names that carry a request id in
// error bodies, most common first.
var bodyRequestIDKeys = []string{
	"request_id", "requestId", "RequestId", "requestID", "RequestID", "request-id", "x-request-id",
	"correlationId", "correlation_id", "correlationID", "debug_id", "errorId", "error_id",
	"traceId", "trace_id", "traceID", "incident_id",
}

// bodyRequestIDSources[i] is "body "+bodyRequestIDKeys[i], the source of
// an id found at the top level, built once rather than for every body.
var bodyRequestIDSources = func() []string {
	src := make([]string, len(bodyRequestIDKeys))
	for i, k := range bodyRequestIDKeys {
		src[i] = "body " + k
	}
	return src
}()

// bodyRequestIDSource is the RequestIDSource of an id found at path.
func bodyRequestIDSource(path string) string {
	for i, k := range bodyRequestIDKeys {
		if k == path {
			return bodyRequestIDSources[i]
		}
	}
	return "body " + path
}

// bodyRequestIDContainers are the members looked into, in order, after
// the top level: error objects, meta blocks and GraphQL extensions.
var bodyRequestIDContainers = []string{"error", "meta", "extensions", "errors", "details", "innererror", "innerError"}

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
// then body members, top level first; then headers in headerRequestIDs
// order. A top-level member used as the id is dropped from Extra. rid is
// topRequestIDKey of root when root is an object, found already.
func findRequestID(d *Diagnosis, root any, rid string, h http.Header) {
	if d.RequestID == "" {
		var id, path string
		if m, ok := root.(map[string]any); ok {
			if rid != "" {
				id, path = scalar(m[rid]), rid
			} else {
				id, path = containedRequestID(m, "", 0)
			}
		} else {
			id, path = bodyRequestID(root, "", 0)
		}
		if id != "" {
			d.RequestID, d.RequestIDSource = id, bodyRequestIDSource(path)
			if !strings.Contains(path, ".") {
				delete(d.Extra, path)
				if len(d.Extra) == 0 {
					d.Extra = nil
				}
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
}

// bodyRequestID searches v for a request id member, returning it and its
// dotted path. Depth is bounded: ids sit near the top.
func bodyRequestID(v any, prefix string, depth int) (string, string) {
	if depth > 3 {
		return "", ""
	}
	switch x := v.(type) {
	case []any:
		if len(x) > 0 {
			return bodyRequestID(x[0], prefix, depth+1)
		}
	case map[string]any:
		if k := topRequestIDKey(x); k != "" {
			return scalar(x[k]), prefix + k
		}
		return containedRequestID(x, prefix, depth)
	}
	return "", ""
}

// topRequestIDKey returns the first of bodyRequestIDKeys that m holds as
// a request id (a scalar of at most 200 characters), "" if none.
func topRequestIDKey(m map[string]any) string {
	for _, k := range bodyRequestIDKeys {
		if s := scalar(m[k]); s != "" && len(s) <= 200 {
			return k
		}
	}
	return ""
}

// containedRequestID searches m's bodyRequestIDContainers, in order.
func containedRequestID(m map[string]any, prefix string, depth int) (string, string) {
	for _, c := range bodyRequestIDContainers {
		if child, ok := m[c]; ok {
			if id, p := bodyRequestID(child, prefix+c+".", depth+1); id != "" {
				return id, p
			}
		}
	}
	return "", ""
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
