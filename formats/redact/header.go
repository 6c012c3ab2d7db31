package redact

import (
	"encoding/base64"
	"net/http"
	"strings"
)

func (p *pass) headers(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for k, vs := range h {
		cp := make([]string, len(vs))
		for i, v := range vs {
			cp[i] = p.header(k, v)
		}
		out[k] = cp
	}
	return out
}

// header redacts one header value. Credential headers lose their whole
// value (an auth scheme word is kept), cookies each value; URL-valued
// headers are redacted as URLs; any other value keeps all but the secret
// shapes in it.
func (p *pass) header(name, value string) string {
	switch n := strings.ToLower(name); {
	case n == "authorization" || n == "proxy-authorization":
		p.record(value)
		return p.schemeValue(value)
	case n == "cookie":
		p.record(value)
		return p.cookiePairs(value)
	case n == "set-cookie":
		// Only the first pair is the cookie; attributes (Path, Expires...)
		// are kept as they are.
		first, attrs, found := strings.Cut(value, ";")
		if found {
			return p.cookiePairs(first) + ";" + attrs
		}
		return p.cookiePairs(first)
	case n == "location" || n == "content-location" || n == "referer" || n == "origin":
		return p.url(value)
	case secretHeader(n) || p.secretName(name):
		return p.mark(value)
	}
	return p.text(value)
}

// headerWords make a header a credential wherever they stand in its name:
// X-Access-Key, X-Auth, X-Session-Id, X-Hub-Signature...
var headerWords = []string{"key", "token", "secret", "auth", "password", "passwd", "session", "signature", "credential"}

// secretHeader reports whether a header called n (lower case) carries a
// credential. Challenges (WWW-Authenticate) and CORS policy headers only
// talk about credentials, and a describing suffix (X-Session-Expires)
// names a fact about one.
func secretHeader(n string) bool {
	switch {
	case n == "www-authenticate" || n == "proxy-authenticate" || n == "authentication-info",
		strings.HasPrefix(n, "access-control-"):
		return false
	}
	norm := normalize(n)
	for _, s := range describingSuffixes {
		if strings.HasSuffix(norm, s) && len(norm) > len(s) {
			return false
		}
	}
	for _, w := range headerWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// schemeValue keeps an auth scheme word ("Bearer", "Basic", ...) and
// redacts what follows it. The user and password inside Basic credentials
// are secrets too: servers echo them decoded.
func (p *pass) schemeValue(v string) string {
	lead := len(v) - len(strings.TrimLeft(v, " \t"))
	rest := v[lead:]
	if i := strings.IndexAny(rest, " \t"); i > 0 && isToken(rest[:i]) {
		j := i + len(rest[i:]) - len(strings.TrimLeft(rest[i:], " \t"))
		cred := strings.TrimRight(rest[j:], " \t")
		if strings.EqualFold(rest[:i], "basic") {
			p.basic(cred)
		}
		return v[:lead] + rest[:j] + p.mark(cred) + rest[j+len(cred):]
	}
	return v[:lead] + p.mark(rest)
}

// basic records the decoded "user:password" of Basic credentials.
func (p *pass) basic(cred string) {
	dec, err := base64.StdEncoding.DecodeString(cred)
	if err != nil {
		return
	}
	pair := string(dec)
	p.record(pair)
	if user, pass, ok := strings.Cut(pair, ":"); ok {
		p.record(pass)
		if pass == "" {
			p.record(user)
		}
	}
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
// the names and separators; a part without '=' is a value on its own.
func (p *pass) cookiePairs(v string) string {
	parts := strings.Split(v, ";")
	for i, part := range parts {
		name, val, found := strings.Cut(part, "=")
		if !found {
			name, val = "", part
		} else {
			name += "="
		}
		core := strings.TrimSpace(val)
		if core == "" {
			continue
		}
		start := strings.Index(val, core)
		parts[i] = name + val[:start] + p.mark(core) + val[start+len(core):]
	}
	return strings.Join(parts, ";")
}
