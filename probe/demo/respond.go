package demo

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/google/uuid"
)

// Token is the bearer token every demo API accepts. Any other token, or
// none, gets that API's 401 (or OCTO's UNAUTHORIZED/FORBIDDEN).
const Token = "demo-token"

// Content types the demo answers with.
const (
	ctJSON    = "application/json"
	ctProblem = "application/problem+json"
)

// bearerHeader is the request header a route lists when it needs the token.
func bearerHeader() http.Header {
	return http.Header{"Authorization": {"Bearer " + Token}}
}

// withHeader returns h with one more header, for route tables.
func withHeader(h http.Header, name, value string) http.Header {
	if h == nil {
		h = http.Header{}
	}
	h.Set(name, value)
	return h
}

// bearer returns the token of an "Authorization: Bearer X" header and
// whether the header was there at all.
func bearer(r *http.Request) (token string, present bool) {
	v := strings.TrimSpace(r.Header.Get("Authorization"))
	if v == "" {
		return "", false
	}
	scheme, tok, _ := strings.Cut(v, " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return "", true
	}
	return strings.TrimSpace(tok), true
}

// newRequestID returns a fresh UUID, the shape most APIs use for ids.
func newRequestID() string { return uuid.NewString() }

// marshal encodes v compactly without HTML escaping, the way most API
// frameworks do, with a trailing newline.
func marshal(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Every value the demo encodes is built from strings and numbers.
		panic("demo: cannot encode a response: " + err.Error())
	}
	return buf.Bytes()
}

// send writes one complete response.
func send(w http.ResponseWriter, status int, contentType string, body []byte) {
	h := w.Header()
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// sendJSON writes v as application/json.
func sendJSON(w http.ResponseWriter, status int, v any) {
	send(w, status, ctJSON, marshal(v))
}

// retryAfter sets Retry-After in seconds, as every 429 and 503 of the demo does.
func retryAfter(w http.ResponseWriter, seconds int) {
	w.Header().Set("Retry-After", strconv.Itoa(seconds))
}

// acceptsJSON reports whether an Accept header admits application/json.
// No Accept header means anything goes (RFC 9110, 12.5.1).
func acceptsJSON(r *http.Request) bool {
	accept := r.Header.Values("Accept")
	if len(accept) == 0 {
		return true
	}
	for _, line := range accept {
		for _, part := range strings.Split(line, ",") {
			media, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			media = strings.ToLower(strings.TrimSpace(media))
			if refused(params) {
				continue
			}
			switch media {
			case "*/*", "application/*", "application/json":
				return true
			}
		}
	}
	return false
}

// refused reports whether media-type parameters carry q=0, "not acceptable".
func refused(params string) bool {
	for _, p := range strings.Split(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return err == nil && q == 0
		}
	}
	return false
}

// isJSONContent reports whether a Content-Type header names JSON.
func isJSONContent(r *http.Request) bool {
	media, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";")
	media = strings.ToLower(strings.TrimSpace(media))
	return media == "application/json" || strings.HasSuffix(media, "+json")
}

// readBody reads at most 1 MiB of a request body: the demo never needs
// more, and a public demo must not be made to buffer gigabytes.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	var buf bytes.Buffer
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, 1<<20))
	return buf.Bytes(), err
}
