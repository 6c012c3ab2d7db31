package formats

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// deep returns n opening brackets followed by n closing ones (or none).
func deep(open, close string, n int, closed bool) []byte {
	var b bytes.Buffer
	b.WriteString(strings.Repeat(open, n))
	if closed {
		b.WriteString(strings.Repeat(close, n))
	}
	return b.Bytes()
}

// bigJSON returns a valid JSON error body of about n bytes.
func bigJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"error":{"code":"too_big","message":"Many problems","details":[`)
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"field":"items[`)
		b.WriteString(strings.Repeat("9", i%7+1))
		b.WriteString(`].name","message":"must not be blank, must be at most 64 characters, must be unique"}`)
	}
	b.WriteString(`]}}`)
	return b.Bytes()
}

func TestDetectBadInput(t *testing.T) {
	tests := []struct {
		name       string
		ctype      string
		body       []byte
		wantFormat string
		wantNote   string // substring of a note, "" for none required
		check      func(t *testing.T, d Diagnosis)
	}{
		{"truncated JSON keeps what it read", "application/json",
			[]byte(`{"error":{"code":"E1","message":"Something broke","details":[{"fi`),
			"json", "not valid at byte offset 65", func(t *testing.T, d Diagnosis) {
				if d.Message != "Something broke" || d.Code != "E1" {
					t.Errorf("salvaged code %q message %q", d.Code, d.Message)
				}
			}},
		{"invalid JSON in the middle", "application/json", []byte(`{"message": "bad", oops}`), "json", "not valid at byte offset 20", nil},
		{"data after the JSON value", "", []byte(`{"error":"x"} {"error":"y"}`), "json", "unexpected data after the JSON value", nil},
		{"prose that starts with a bracket", "", []byte(`[ERROR] upstream timed out`), "text", "", func(t *testing.T, d Diagnosis) {
			if d.Message != "[ERROR] upstream timed out" {
				t.Errorf("message %q", d.Message)
			}
		}},
		{"invalid UTF-8 inside a JSON string", "", []byte("{\"error\":\"bad \xff byte\"}"), "error-string", "", func(t *testing.T, d Diagnosis) {
			if d.Message != "bad \uFFFD byte" {
				t.Errorf("message %q", d.Message)
			}
		}},
		{"invalid UTF-8 text", "text/plain", []byte("Fehler: ung\xfcltig"), "text", "", func(t *testing.T, d Diagnosis) {
			if d.Message != "Fehler: ung\uFFFDltig" {
				t.Errorf("message %q", d.Message)
			}
		}},
		{"invalid UTF-8 inside an HTML tag (found by FuzzDetect)", "", []byte("<title 0\xc6>"), "html", "", nil},
		{"invalid UTF-8 in an HTML page", "text/html", []byte("<html><title>Fehler \xc6</title><h1>\xc6 Oops</h1></html>"), "html", "", func(t *testing.T, d Diagnosis) {
			if d.Title != "Fehler \uFFFD" || d.Message != "\uFFFD Oops" {
				t.Errorf("title %q message %q", d.Title, d.Message)
			}
		}},
		{"NUL bytes in JSON", "application/json", []byte("{\"error\":\"a\x00b\"}"), "binary", "binary data", nil},
		{"escaped NUL in JSON is kept for the printer to make inert", "", []byte(`{"error":"a\u0000b"}`), "error-string", "", nil},
		{"NUL bytes as text", "", []byte("oops\x00\x00\x00\x00"), "binary", "binary data", nil},
		{"gzip body that was not decoded", "application/json", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xab\x56\x4a\x2d\x2a\xca\x2f\x52"), "binary", "binary data", nil},
		{"100 000-deep arrays", "", deep("[", "]", 100000, true), "json", "exceeded max depth", nil},
		{"100 000-deep objects", "", deep(`{"a":`, "}", 100000, true), "json", "exceeded max depth", nil},
		{"100 000 unclosed arrays", "", deep("[", "]", 100000, false), "json", "not valid", nil},
		{"100 000-deep XML", "application/xml", deep("<a>", "</a>", 100000, true), "xml", "", nil},
		{"100 000-deep HTML", "text/html", append([]byte("<html>"), deep("<div>", "</div>", 100000, true)...), "html", "", nil},
		{"10 MB JSON", "application/json", bigJSON(10 << 20), "error-object", "", func(t *testing.T, d Diagnosis) {
			if d.Code != "too_big" || len(d.FieldErrors) != maxFieldErrors {
				t.Errorf("code %q, %d field errors", d.Code, len(d.FieldErrors))
			}
		}},
		{"10 MB text", "text/plain", bytes.Repeat([]byte("error "), 10<<20/6), "text", "", func(t *testing.T, d Diagnosis) {
			if len(d.Message) > maxTextMessage+8 {
				t.Errorf("message of %d bytes", len(d.Message))
			}
		}},
		{"10 MB HTML", "text/html", append([]byte("<html><title>Big</title>"), bytes.Repeat([]byte("<p>x</p>"), 10<<20/8)...), "html", "", nil},
		{"10 MB XML", "application/xml", append([]byte("<Error><Code>Big</Code>"), bytes.Repeat([]byte("<x>y</x>"), 10<<20/8)...), "xml", "", nil},
		{"duplicate keys: the last one counts", "", []byte(`{"error":"first","error":"second"}`), "error-string", "", func(t *testing.T, d Diagnosis) {
			if d.Message != "second" {
				t.Errorf("message %q", d.Message)
			}
		}},
		{"status as a string", "", []byte(`{"type":"about:blank","title":"Not Found","status":"404","detail":"no such order"}`), "problem+json", "", func(t *testing.T, d Diagnosis) {
			if d.Message != "no such order" || d.Status != 404 {
				t.Errorf("message %q status %d", d.Message, d.Status)
			}
		}},
		{"wrong types everywhere", "", []byte(`{"type":7,"title":["x"],"status":{},"detail":null,"instance":false,"errors":"nope","request_id":{"a":1}}`), "json", "", nil},
		{"error object of wrong types", "", []byte(`{"error":{"code":{"x":1},"message":["a","b"],"details":"none","innererror":[1]}}`), "error-object", "", nil},
		{"google error with bad details", "", []byte(`{"error":{"code":"403","status":"PERMISSION_DENIED","details":[7,null,{"@type":42},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"NaNs"}]}}`), "google-status", "", nil},
		{"errors list of scalars", "", []byte(`{"errors":[1,2,3]}`), "json", "", nil},
		{"null", "application/json", []byte("null"), "json", "", nil},
		{"bare number", "", []byte("42"), "json", "", nil},
		{"bare string", "", []byte(`"Service temporarily unavailable"`), "json", "", func(t *testing.T, d Diagnosis) {
			if d.Message != "Service temporarily unavailable" {
				t.Errorf("message %q", d.Message)
			}
		}},
		{"BOM only", "", []byte("\xef\xbb\xbf"), "empty", "", nil},
		{"whitespace only", "", []byte(" \n\t "), "empty", "", nil},
		{"terminal escapes are kept as data", "", []byte(`{"error":"\u001b]52;c;aGVsbG8=\u0007"}`), "error-string", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.ctype != "" {
				h.Set("Content-Type", tt.ctype)
			}
			d := Detect(404, h, tt.body)
			if d.Format != tt.wantFormat {
				t.Errorf("format = %q, want %q (notes %q)", d.Format, tt.wantFormat, d.Notes)
			}
			if d.FormatName == "" {
				t.Error("no format name")
			}
			if containsSub(d.Notes, internalErrorNote) {
				t.Fatalf("recognition failed: %q", d.Notes)
			}
			if tt.wantNote != "" && !containsSub(d.Notes, tt.wantNote) {
				t.Errorf("notes = %q, want one containing %q", d.Notes, tt.wantNote)
			}
			if _, err := json.Marshal(d); err != nil {
				t.Errorf("the Diagnosis does not encode: %v", err)
			}
			if tt.check != nil {
				tt.check(t, d)
			}
		})
	}
}
