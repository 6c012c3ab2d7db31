package formats

import (
	"net/http"
	"testing"
	"unicode/utf8"
)

func TestEmptyBodyWWWAuthenticate(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		www      string
		body     string
		wantFmt  string
		wantCode string
		wantMsg  string
	}{
		{"RFC 6750 expired token", 401, `Bearer realm="example", error="invalid_token", error_description="The access token expired"`, "", "empty", "invalid_token", "The access token expired"},
		{"insufficient scope", 403, `Bearer realm="example", error="insufficient_scope", scope="read:orders"`, "", "empty", "insufficient_scope", ""},
		{"escaped quote in description", 401, `Bearer error="invalid_token", error_description="token \"abc\" revoked"`, "", "empty", "invalid_token", `token "abc" revoked`},
		{"token form", 401, `Bearer error=invalid_request`, "", "empty", "invalid_request", ""},
		{"challenge without error", 401, `Basic realm="api"`, "", "empty", "", ""},
		{"Microsoft Graph conditional access", 401, `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnt9fQ=="`, "", "empty", "insufficient_claims", ""},
		{"body wins over the header", 401, `Bearer error="invalid_token"`, `{"error":"invalid_grant","error_description":"expired"}`, "oauth2", "invalid_grant", "expired"},
		{"no header", 204, "", "", "empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.www != "" {
				h.Set("WWW-Authenticate", tt.www)
			}
			d := recognize(tt.status, h, tt.body, exampleNow)
			if d.Format != tt.wantFmt || d.Code != tt.wantCode || d.Message != tt.wantMsg {
				t.Errorf("got format %q code %q message %q, want %q %q %q", d.Format, d.Code, d.Message, tt.wantFmt, tt.wantCode, tt.wantMsg)
			}
			if d.FormatName == "" {
				t.Error("no format name")
			}
		})
	}
}

func TestTextMessageIsBounded(t *testing.T) {
	long := make([]byte, 0, 5000)
	for len(long) < 5000 {
		long = append(long, "Überlastung "...)
	}
	d := recognize(503, nil, string(long), exampleNow)
	if d.Format != "text" || len(d.Message) > maxTextMessage+10 {
		t.Fatalf("format %q, message of %d bytes", d.Format, len(d.Message))
	}
	if !utf8Valid(d.Message) {
		t.Error("message was cut inside a rune")
	}
}

func utf8Valid(s string) bool { return utf8.ValidString(s) }

// An answer without a body may name its error in headers.
func TestErrorHeaders(t *testing.T) {
	h := http.Header{"X-Amz-Error-Code": {"NoSuchKey"}, "X-Amz-Error-Message": {"The specified key does not exist."}}
	d := Detect(404, h, nil)
	if d.Format != "empty" || d.Code != "NoSuchKey" || d.Message != "The specified key does not exist." {
		t.Errorf("format %q code %q message %q", d.Format, d.Code, d.Message)
	}
	d = Detect(200, http.Header{"Grpc-Status": {"5"}, "Grpc-Message": {"user not found"}}, nil)
	if d.Code != "5" || d.Message != "user not found" {
		t.Errorf("gRPC-Web: code %q message %q", d.Code, d.Message)
	}
	d = Detect(404, http.Header{"X-Error-Code": {"nope"}}, []byte(`{"code":"not_found","message":"No such thing"}`))
	if d.Code != "not_found" {
		t.Errorf("the body's code gave way to a header's: %q", d.Code)
	}
}
