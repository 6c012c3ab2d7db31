package redact

import (
	"net/url"
	"strings"
)

func (p *pass) url(u string) string {
	if q := strings.IndexByte(u, '?'); q >= 0 {
		rest := u[q+1:]
		frag := ""
		if h := strings.IndexByte(rest, '#'); h >= 0 {
			rest, frag = rest[:h], rest[h:]
		}
		u = u[:q+1] + p.pairs(rest) + frag
	}
	if h := strings.IndexByte(u, '#'); h >= 0 && strings.Contains(u[h:], "=") {
		// OAuth implicit grants put access_token in the fragment.
		u = u[:h+1] + p.pairs(u[h+1:])
	}
	return p.text(u)
}

// pairs redacts the values of "a=1&password=x;sig=y" whose names look
// like credentials; both '&' and ';' separate pairs. A part without '='
// right after a secret value is taken as part of it (a ';' inside the
// value). The hash is taken over the unescaped value, so a secret gives
// the same marker in a query and in a header.
func (p *pass) pairs(s string) string {
	if !strings.Contains(s, "=") {
		return s
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		end := i + strings.IndexAny(s[i:], "&;")
		if end < i {
			end = len(s)
		}
		part := s[i:end]
		name, val, found := strings.Cut(part, "=")
		n, err := url.QueryUnescape(name)
		if err != nil {
			n = name
		}
		if !found || val == "" || !p.secretName(n) {
			b.WriteString(s[i:min(end+1, len(s))])
			i = end + 1
			continue
		}
		// The value runs on over separators until the next name=value.
		vend := end
		for vend < len(s) {
			next := vend + 1 + strings.IndexAny(s[vend+1:], "&;")
			if next <= vend {
				next = len(s)
			}
			if strings.Contains(s[vend+1:next], "=") || s[vend] == '&' {
				break
			}
			vend = next
		}
		raw := s[i+len(name)+1 : vend]
		v, err := url.QueryUnescape(raw)
		if err != nil {
			v = raw
		}
		if raw != v {
			p.record(raw)
		}
		b.WriteString(name + "=" + p.mark(v))
		if vend < len(s) {
			b.WriteByte(s[vend])
		}
		changed = true
		i = vend + 1
	}
	if !changed {
		return s
	}
	return b.String()
}

// looksLikeForm reports whether body is plausibly a urlencoded form when
// no Content-Type says so: name=value pairs joined by '&', no spaces or
// newlines.
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
