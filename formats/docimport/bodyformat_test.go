package docimport

import "testing"

// TestBodyFormat: an example body is of the family formats reads in it,
// except that one which merely carries "type" and "status" beside another
// family's members is not problem+json (the shape issue 14 quotes).
func TestBodyFormat(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"type": "error", "status": 400, "error": {"type": "invalid_request_error", "message": "max_tokens: Field required"}}`, "error-object"},
		{`{"type": "https://api.example.com/problems/out-of-stock", "title": "Out of stock", "status": 409, "detail": "Item 12 is sold out"}`, "problem+json"},
		{`{"type": "about:blank", "title": "Not Found", "status": 404}`, "problem+json"},
	} {
		if got := bodyFormat(tc.body); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.body, got, tc.want)
		}
	}
}

// TestHTTPTranscript: a code block quoting a whole response gives its
// status and body; a request does not count.
func TestHTTPTranscript(t *testing.T) {
	st, body, ok := httpTranscript("HTTP/1.1 429 Too Many Requests\nContent-Type: application/json\n\n{\"type\": \"max-message-queue-size-exceeded\"}")
	if !ok || st != 429 || body != `{"type": "max-message-queue-size-exceeded"}` {
		t.Errorf("got %d %q %v", st, body, ok)
	}
	if _, _, ok := httpTranscript("POST https://messaging.bandwidth.com/api/v2/users/1/messages HTTP/1.1\n\n{}"); ok {
		t.Error("a request was read as a response")
	}
}
