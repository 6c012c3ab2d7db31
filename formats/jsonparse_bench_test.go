package formats

import (
	"net/http"
	"testing"
)

// sendBody is the response of probe's BenchmarkSendOverhead, whose cost
// beyond the request itself is DetectWith on it.
var sendBody = []byte(`{"error":"not found","request_id":"req-123"}`)

// BenchmarkParseJSON compares parseJSON with the encoding/json Decoder it
// replaced, on a small error body and on a 1 MiB one.
func BenchmarkParseJSON(b *testing.B) {
	big := bigJSON(1 << 20)
	for _, c := range []struct {
		name  string
		parse func([]byte) (any, error)
		body  []byte
	}{
		{"small", parseJSON, sendBody},
		{"small-encoding-json", decodeStdlib, sendBody},
		{"1MiB", parseJSON, big},
		{"1MiB-encoding-json", decodeStdlib, big},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.parse(c.body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDetectSendBody is DetectWith as probe.Send calls it for the
// overhead benchmark's response.
func BenchmarkDetectSendBody(b *testing.B) {
	h := http.Header{
		"Content-Type":   {"application/json"},
		"X-Request-Id":   {"req-123"},
		"Date":           {"Sun, 22 Nov 2026 02:00:00 GMT"},
		"Content-Length": {"44"},
	}
	opts := Options{Host: "127.0.0.1:41234"}
	b.ReportAllocs()
	for b.Loop() {
		DetectWith(404, h, sendBody, opts)
	}
}
