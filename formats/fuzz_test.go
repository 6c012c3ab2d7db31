package formats

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDetect feeds arbitrary statuses, headers and bodies to Detect. The
// seed corpus is every published example in testdata/published plus the
// committed inputs in testdata/fuzz/FuzzDetect. Detect must never panic
// (recognize recovers, so the recovery note counts as a failure), must
// name a known family, must give valid UTF-8 text, must give the same
// answer twice and must encode as JSON.
func FuzzDetect(f *testing.F) {
	for _, p := range loadPublished(f) {
		var hb strings.Builder
		for k, vs := range p.header {
			for _, v := range vs {
				hb.WriteString(k + ": " + v + "\n")
			}
		}
		f.Add(p.status, hb.String(), p.body)
	}
	f.Add(200, "Content-Type: application/json\n", []byte(`{"errors":[{"message":"m","path":["a",1]}],"data":null}`))
	f.Add(429, "Retry-After: Wed, 21 Oct 2015 07:28:00 GMT\nRateLimit: limit=10, remaining=0, reset=7\n", []byte{})
	f.Add(0, "", []byte("[[[[[[[[[[[[[["))
	known := map[string]bool{}
	for _, fam := range jsonFamilies {
		known[fam.id] = true
	}
	for id := range otherFamilyNames {
		known[id] = true
	}
	f.Fuzz(func(t *testing.T, status int, headers string, body []byte) {
		h := http.Header{}
		for _, line := range strings.Split(headers, "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok {
				h.Add(k, strings.TrimSpace(v))
			}
		}
		opts := Options{Now: exampleNow}
		d := DetectWith(status, h, body, opts)
		if containsSub(d.Notes, internalErrorNote) {
			t.Fatalf("recognition panicked: %q", d.Notes)
		}
		if !known[d.Format] || d.FormatName == "" {
			t.Fatalf("format %q (%q) is not a known family", d.Format, d.FormatName)
		}
		if (d.RequestID == "") != (d.RequestIDSource == "") {
			t.Fatalf("request id %q with source %q", d.RequestID, d.RequestIDSource)
		}
		texts := []string{d.Code, d.Title, d.Message, d.RequestID}
		if d.RateLimit != nil {
			texts = append(texts, d.RateLimit.Policy)
		}
		for _, v := range texts {
			if !utf8.ValidString(v) {
				t.Fatalf("%q is not valid UTF-8", v)
			}
		}
		if _, err := json.Marshal(d); err != nil {
			t.Fatalf("Diagnosis does not encode: %v", err)
		}
		if again := DetectWith(status, h, body, opts); !reflect.DeepEqual(d, again) {
			t.Fatalf("two runs disagree:\n%+v\n%+v", d, again)
		}
	})
}
