package formats

import (
	"net/http"
	"testing"
)

// A resource with a title and a word status is not a problem; a problem
// with its status sent as a string still is.
func TestProblemNeedsAStatusCode(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"product with a word status", `{"id":"TRR-1001","title":"Classic Flap Bag","status":"listed"}`, "json"},
		{"problem with a numeric status", `{"title":"Not Found","status":404}`, "problem+json"},
		{"problem with its status as a string", `{"title":"Not Found","status":"404"}`, "problem+json"},
		{"problem with detail only", `{"title":"Bad Request","detail":"bad building code"}`, "problem+json"},
	}
	h := http.Header{"Content-Type": {"application/json"}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Detect(200, h, []byte(c.body)).Format; got != c.want {
				t.Fatalf("format %q, want %q", got, c.want)
			}
		})
	}
}
