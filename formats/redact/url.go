package redact

import (
	"net/url"
	"strings"
)

// URL returns u with credential-like query and fragment parameters, the
// password of its userinfo and any secret shapes redacted. Everything
// else, including the parameters' order and escaping, is kept byte for
// byte.
func (r *Redactor) URL(u string) string {
	if q := strings.IndexByte(u, '?'); q >= 0 {
		rest := u[q+1:]
		frag := ""
		if h := strings.IndexByte(rest, '#'); h >= 0 {
			rest, frag = rest[:h], rest[h:]
		}
		u = u[:q+1] + r.pairs(rest) + frag
	}
	if h := strings.IndexByte(u, '#'); h >= 0 && strings.Contains(u[h:], "=") {
		// OAuth implicit grants put access_token in the fragment.
		u = u[:h+1] + r.pairs(u[h+1:])
	}
	return r.Text(u)
}

// Form returns an application/x-www-form-urlencoded body with
// credential-like fields redacted.
func (r *Redactor) Form(body string) string { return r.Text(r.pairs(body)) }

// pairs redacts the values of "a=1&password=x" whose names look like
// credentials. The hash is taken over the unescaped value, so a secret
// gives the same marker in a query and in a header.
func (r *Redactor) pairs(s string) string {
	if !strings.Contains(s, "=") {
		return s
	}
	parts := strings.Split(s, "&")
	changed := false
	for i, p := range parts {
		name, val, found := strings.Cut(p, "=")
		if !found || val == "" {
			continue
		}
		n, err := url.QueryUnescape(name)
		if err != nil {
			n = name
		}
		if !r.secretName(n) {
			continue
		}
		v, err := url.QueryUnescape(val)
		if err != nil {
			v = val
		}
		parts[i] = name + "=" + mark(v)
		changed = true
	}
	if !changed {
		return s
	}
	return strings.Join(parts, "&")
}

// looksLikeForm reports whether body is plausibly a urlencoded form:
// name=value pairs joined by '&', no spaces or newlines.
func looksLikeForm(body string) bool {
	if body == "" || len(body) > 1<<20 || !strings.Contains(body, "=") {
		return false
	}
	for _, p := range strings.Split(body, "&") {
		name, _, found := strings.Cut(p, "=")
		if !found || name == "" {
			return false
		}
		if strings.ContainsAny(p, " \t\r\n<>{}\"") {
			return false
		}
	}
	return true
}
