package formats

import (
	"net/http"
	"testing"
)

func TestRequestIDPrecedence(t *testing.T) {
	tests := []struct {
		name       string
		header     map[string]string
		body       string
		wantID     string
		wantSource string
	}{
		{"body beats header", map[string]string{"X-Request-Id": "hdr-1"},
			`{"type":"about:blank","title":"Not Found","status":404,"request_id":"body-1"}`, "body-1", "body request_id"},
		{"camelCase requestId", nil, `{"message":"boom","requestId":"r-2"}`, "r-2", "body requestId"},
		{"correlation id", nil, `{"message":"boom","correlationId":"c-3"}`, "c-3", "body correlationId"},
		{"debug_id", nil, `{"name":"INTERNAL_SERVER_ERROR","message":"An internal server error occurred.","debug_id":"90957fca61718"}`, "90957fca61718", "body debug_id"},
		{"nested in error object", nil, `{"error":{"code":"x","message":"y","request_id":"n-4"}}`, "n-4", "body error.request_id"},
		{"graphql extensions", nil, `{"errors":[{"message":"m","extensions":{"code":"C","requestId":"g-5"}}],"data":null}`, "g-5", "body errors[0].extensions.requestId"},
		{"meta block", nil, `{"message":"m","meta":{"request_id":"m-6"}}`, "m-6", "body meta.request_id"},
		{"dedicated header beats trace header", map[string]string{"Traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "X-Request-Id": "req-7"},
			`{"error":"x"}`, "req-7", "header X-Request-Id"},
		{"Request-Id (Stripe)", map[string]string{"Request-Id": "req_abc"}, `{}`, "req_abc", "header Request-Id"},
		{"x-amz-request-id beats x-amz-id-2", map[string]string{"X-Amz-Id-2": "host-id", "X-Amz-Request-Id": "AMZ1"}, ``, "AMZ1", "header x-amz-request-id"},
		{"x-amz-id-2 as last resort", map[string]string{"X-Amz-Id-2": "host-id"}, ``, "host-id", "header x-amz-id-2"},
		{"x-ms-request-id", map[string]string{"X-Ms-Request-Id": "ms-8"}, `{"error":{"code":"A","message":"B"}}`, "ms-8", "header x-ms-request-id"},
		{"apim-request-id", map[string]string{"Apim-Request-Id": "apim-9"}, ``, "apim-9", "header apim-request-id"},
		{"correlation header", map[string]string{"X-Correlation-Id": "corr-10"}, ``, "corr-10", "header X-Correlation-Id"},
		{"CF-Ray beats traceparent", map[string]string{"Cf-Ray": "8a1b-AMS", "Traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}, ``, "8a1b-AMS", "header CF-Ray"},
		{"traceparent trace-id", map[string]string{"Traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}, ``, "4bf92f3577b34da6a3ce929d0e0e4736", "header traceparent trace-id"},
		{"malformed traceparent ignored", map[string]string{"Traceparent": "garbage"}, ``, "", ""},
		{"all-zero traceparent ignored", map[string]string{"Traceparent": "00-00000000000000000000000000000000-00f067aa0ba902b7-01"}, ``, "", ""},
		{"cloud trace context", map[string]string{"X-Cloud-Trace-Context": "105445aa7843bc8bf206b12000100000/1;o=1"}, ``, "105445aa7843bc8bf206b12000100000", "header X-Cloud-Trace-Context"},
		{"lower-case header map", map[string]string{"x-request-id": "lc-11"}, ``, "lc-11", "header X-Request-Id"},
		{"GitHub", map[string]string{"X-Github-Request-Id": "CDE8:2D2D"}, `{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}`, "CDE8:2D2D", "header X-GitHub-Request-Id"},
		{"none", nil, `{"error":"nope"}`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h[k] = []string{v} // as given, to test non-canonical maps too
			}
			d := recognize(400, h, tt.body, exampleNow)
			if d.RequestID != tt.wantID || d.RequestIDSource != tt.wantSource {
				t.Errorf("request id = %q from %q, want %q from %q", d.RequestID, d.RequestIDSource, tt.wantID, tt.wantSource)
			}
		})
	}
}

func TestRequestIDLeavesExtra(t *testing.T) {
	d := recognize(404, nil, `{"type":"https://api.occuspace.io/problems/not-found","title":"Not Found","status":404,"detail":"x","request_id":"abc","region":"eu"}`, exampleNow)
	if _, ok := d.Extra["request_id"]; ok {
		t.Errorf("request_id should not be repeated in extra: %v", d.Extra)
	}
	if d.Extra["region"] != "eu" {
		t.Errorf("extra = %v, want region kept", d.Extra)
	}
}

// The header look-ups skip canonicalizing their keys, so every key in the
// table must be written canonically already.
func TestRequestIDHeaderKeysAreCanonical(t *testing.T) {
	for _, hr := range headerRequestIDs {
		if c := http.CanonicalHeaderKey(hr.key); c != hr.key {
			t.Errorf("key %q is not canonical, want %q", hr.key, c)
		}
	}
}
