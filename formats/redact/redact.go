// Package redact removes secrets from headers, URLs and bodies before they
// are written anywhere: the history database, exports, tickets, the
// clipboard, curl commands. A redacted value becomes a marker carrying a
// short hash, so two requests that used the same secret can still be told
// apart from one that used another.
//
// Redaction is by name (headers, query parameters, form fields and JSON
// members whose name looks like a credential) and by shape (JWTs, cloud and
// SaaS token formats, Bearer and Basic values, passwords in URLs), and it
// never changes a byte that is not part of a secret.
package redact

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
)

// markerPrefix starts every marker; values already redacted are left alone
// so redacting twice gives the same text.
const markerPrefix = "[REDACTED:"

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
	return markerPrefix + hex.EncodeToString(sum[:4]) + "]"
}

// IsMarker reports whether s is exactly one redaction marker.
func IsMarker(s string) bool {
	if len(s) != len(markerPrefix)+9 || !strings.HasPrefix(s, markerPrefix) || s[len(s)-1] != ']' {
		return false
	}
	for _, c := range s[len(markerPrefix) : len(s)-1] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// mark returns the marker for secret, or secret itself when it is empty or
// already a marker.
func mark(secret string) string {
	if secret == "" || IsMarker(secret) {
		return secret
	}
	return Marker(secret)
}

// Headers returns a redacted copy of h.
func (r *Redactor) Headers(h http.Header) http.Header {
	if h == nil {
		return nil
	}
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

// Header returns value redacted if the header name holds a credential, and
// with any secret shapes in it redacted otherwise.
func (r *Redactor) Header(name, value string) string {
	switch strings.ToLower(name) {
	case "authorization", "proxy-authorization":
		return schemeValue(value)
	case "cookie":
		return cookiePairs(value, ";")
	case "set-cookie":
		// Only the first pair is the cookie; attributes (Path, Expires...)
		// are kept as they are.
		first, attrs, found := strings.Cut(value, ";")
		if found {
			return cookiePairs(first, ";") + ";" + attrs
		}
		return cookiePairs(first, ";")
	case "location", "content-location", "referer", "origin":
		return r.URL(value)
	}
	if r.secretName(name) {
		return mark(value)
	}
	return r.Text(value)
}

// schemeValue keeps an auth scheme word ("Bearer", "Basic", ...) and
// redacts what follows it.
func schemeValue(v string) string {
	lead := len(v) - len(strings.TrimLeft(v, " \t"))
	rest := v[lead:]
	if i := strings.IndexAny(rest, " \t"); i > 0 && isToken(rest[:i]) {
		j := i + len(rest[i:]) - len(strings.TrimLeft(rest[i:], " \t"))
		return v[:lead] + rest[:j] + mark(rest[j:])
	}
	return v[:lead] + mark(rest)
}

func isToken(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return s != ""
}

// cookiePairs redacts every value of "name=value; name2=value2", keeping
// the names and separators.
func cookiePairs(v, sep string) string {
	parts := strings.Split(v, sep)
	for i, p := range parts {
		name, val, found := strings.Cut(p, "=")
		if !found {
			continue
		}
		core := strings.TrimSpace(val)
		if core == "" {
			continue
		}
		start := strings.Index(val, core)
		parts[i] = name + "=" + val[:start] + mark(core) + val[start+len(core):]
	}
	return strings.Join(parts, sep)
}
