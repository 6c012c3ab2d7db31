// Package redact removes secrets from exchanges before they are written
// or shown anywhere: the history database, exports, tickets, the
// clipboard, curl commands, the CLI's output. A redacted value becomes a
// marker carrying a short hash, so two requests that used the same secret
// can still be told apart from one that used another.
//
// Redaction works in two steps. First the request's secrets are
// collected: every value that sits in a credential position (credential
// headers, cookies, URL userinfo, secret-named query parameters, form and
// multipart fields and JSON members, known token shapes) plus the values
// the caller says are secret (variables filled into the request). Then
// every literal occurrence of those secrets, and of their common
// encodings (URL-encoded, JSON-escaped, base64), is replaced wherever the
// exchange goes: both sides' headers and bodies (servers echo requests
// back), redirect hops, attempts, errors and every text of the Diagnosis.
// Credential positions and token shapes are redacted on the response side
// too. Nothing that is not part of a secret changes.
package redact

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"slices"
	"strings"

	"github.com/apierr/apierr/formats/exchange"
)

// markerPrefix starts every marker; values already redacted are left alone
// so redacting twice gives the same text.
const markerPrefix = "[REDACTED:"

// Redactor redacts secrets. The zero value knows the built-in names; Extra
// adds credential-like names from the user's config. Build one with New
// from the config and share it: it is never changed after that, so it is
// safe for concurrent use.
type Redactor struct {
	// Extra lists more header, query-parameter, form-field or JSON member
	// names to treat as secrets (case-insensitive, punctuation ignored).
	Extra []string

	// known are literal secrets the caller gave (WithSecrets), scrubbed
	// from every exchange besides the ones collected from its request.
	known []string
}

// New returns a Redactor that treats names (the config file's `[redact]
// names`) as credential names on top of the built-in ones.
func New(names []string) *Redactor {
	return &Redactor{Extra: slices.Clone(names)}
}

// WithSecrets returns a copy of r that also scrubs the given literal
// values everywhere, such as the values of variables filled into a
// request from an env file or the environment.
func (r *Redactor) WithSecrets(values ...string) *Redactor {
	if r == nil {
		r = &Redactor{}
	}
	out := &Redactor{Extra: r.Extra, known: slices.Clone(r.known)}
	for _, v := range values {
		if v != "" && !slices.Contains(out.known, v) {
			out.known = append(out.known, v)
		}
	}
	return out
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

// markerAt returns the length of the marker starting at s[i], or 0.
func markerAt(s string, i int) int {
	if i+markerLen <= len(s) && IsMarker(s[i:i+markerLen]) {
		return markerLen
	}
	return 0
}

// The methods below redact one piece of text by position and shape, and
// also scrub the values given to WithSecrets (or ForRequest) from it.

// Headers returns a redacted copy of h.
func (r *Redactor) Headers(h http.Header) http.Header {
	lit := r.literals()
	out := r.pass().headers(h)
	for k, vs := range out {
		for i, v := range vs {
			vs[i] = lit.scrub(v)
		}
		out[k] = vs
	}
	return out
}

// Header returns value redacted if the header name holds a credential, and
// with any secret shapes in it redacted otherwise.
func (r *Redactor) Header(name, value string) string {
	return r.literals().scrub(r.pass().header(name, value))
}

// URL returns u with credential-like query and fragment parameters, its
// userinfo secret and any secret shapes redacted. Everything else,
// including the parameters' order and escaping, is kept byte for byte.
func (r *Redactor) URL(u string) string { return r.literals().scrub(r.pass().url(u)) }

// Body returns body with credential-like members and secret shapes
// redacted: values of JSON members with a credential-like name at any
// depth (whatever their type), the fields of a urlencoded form, then known
// secret shapes anywhere.
func (r *Redactor) Body(body string) string { return r.BodyOf(body, "") }

// BodyOf is Body for a body whose Content-Type is known: a urlencoded form
// is parsed as one even when its values hold spaces or quotes, and the
// fields of a multipart body are redacted by name.
func (r *Redactor) BodyOf(body, contentType string) string {
	return r.literals().scrub(r.pass().body(body, contentType))
}

// Form returns an application/x-www-form-urlencoded body with
// credential-like fields redacted.
func (r *Redactor) Form(body string) string {
	p := r.pass()
	return r.literals().scrub(p.text(p.pairs(body)))
}

// Text returns s with known secret shapes (JWTs, tokens, keys, Bearer and
// Basic values, URL userinfo, secret-named parameters of URLs and of
// name=value pairs) redacted.
func (r *Redactor) Text(s string) string { return r.literals().scrub(r.pass().text(s)) }

// ForRequest returns a copy of r that also scrubs the secrets req carries
// (see Secrets), for text that belongs to one exchange but is redacted
// apart from it: a ticket's curl command, a copied request_id.
func (r *Redactor) ForRequest(req exchange.Request) *Redactor {
	return r.WithSecrets(r.Secrets(req)...)
}

func (r *Redactor) literals() *literals {
	if r == nil || len(r.known) == 0 {
		return nil
	}
	return newLiterals(r.known, MinLiteral)
}

// Secrets returns the secrets req carries: the values in its credential
// positions and any token shapes in it, plus the values given to
// WithSecrets. These are what Exchange scrubs everywhere.
func (r *Redactor) Secrets(req exchange.Request) []string {
	p := r.pass()
	p.collect = true
	p.request(req)
	if r == nil {
		return p.found
	}
	return append(slices.Clone(r.known), p.found...)
}
