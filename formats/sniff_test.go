package formats

import (
	"net/http"
	"testing"
)

func TestSniffBody(t *testing.T) {
	tests := []struct {
		body string
		want bodyKind
	}{
		{"", kindEmpty},
		{"   \r\n", kindEmpty},
		{"\xef\xbb\xbf{\"error\":\"x\"}", kindJSON},
		{`[{"message":"x"}]`, kindJSON},
		{`"just a string"`, kindJSON},
		{"null", kindJSON},
		{"-12.5e3", kindJSON},
		{"<?xml version=\"1.0\"?><Error><Code>X</Code></Error>", kindXML},
		{"<Error><Code>X</Code></Error>", kindXML},
		{"<!DOCTYPE html><html><body>x</body></html>", kindHTML},
		{"<!-- proxy --><html><head><title>502</title></head></html>", kindHTML},
		{"<h1>Oops</h1>", kindHTML},
		{"<HTML><HEAD><TITLE>x</TITLE></HEAD></HTML>", kindHTML},
		{"upstream connect error or disconnect/reset before headers", kindText},
		{"Fehler: ung\xfcltige Eingabe", kindText},
		{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", kindBinary},
		{"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xab\x56\x4a\x2d\x2a\xca\x2f\x52", kindBinary},
	}
	for _, tt := range tests {
		if got := sniffBody(trimText(tt.body)); got != tt.want {
			t.Errorf("sniffBody(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
}

func TestContentTypeDisagreement(t *testing.T) {
	tests := []struct {
		name       string
		ctype      string
		body       string
		wantFormat string
		wantNote   string // "" means no note about the content type
	}{
		{"JSON sent as text/plain", "text/plain; charset=utf-8", `{"error":"Invalid 'to' timestamp"}`, "error-string", "says text/plain but the body is JSON"},
		{"JSON sent as text/html", "text/html", `{"type":"about:blank","title":"Bad Request","status":400,"detail":"x"}`, "problem+json", "says text/html but the body is JSON"},
		{"HTML sent as JSON", "application/json", "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>", "html", "says application/json but the body is HTML"},
		{"XML sent as JSON", "application/json", "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>", "xml", "says application/json but the body is XML"},
		{"text sent as JSON", "application/json", "Internal Server Error", "text", "says application/json but the body is plain text"},
		{"no content type", "", `{"error":"x"}`, "error-string", ""},
		{"octet-stream claims nothing", "application/octet-stream", `{"error":"x"}`, "error-string", ""},
		{"problem+json agrees", "application/problem+json", `{"title":"x","status":400}`, "problem+json", ""},
		{"xml agrees", "application/xml", "<Error><Code>X</Code></Error>", "xml", ""},
		{"empty body never disagrees", "application/json", "", "empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.ctype != "" {
				h.Set("Content-Type", tt.ctype)
			}
			d := recognize(400, h, tt.body, exampleNow)
			if d.Format != tt.wantFormat {
				t.Errorf("format = %q, want %q", d.Format, tt.wantFormat)
			}
			got := containsSub(d.Notes, "Content-Type")
			if tt.wantNote == "" && got {
				t.Errorf("unexpected note: %q", d.Notes)
			}
			if tt.wantNote != "" && !containsSub(d.Notes, tt.wantNote) {
				t.Errorf("notes = %q, want one saying %q", d.Notes, tt.wantNote)
			}
		})
	}
}

func TestProblemDeclaredByContentTypeOnly(t *testing.T) {
	h := http.Header{"Content-Type": {"application/problem+json"}}
	d := recognize(403, h, `{"type":"https://example.com/probs/out-of-credit","balance":30}`, exampleNow)
	if d.Format != "problem+json" || d.Code != "out-of-credit" {
		t.Errorf("format %q code %q, want problem+json out-of-credit", d.Format, d.Code)
	}
}
