package redact

import (
	"regexp"
	"strings"
	"sync"
)

// shape is one known secret format. hint is a substring every match
// contains, checked first so most text never reaches the regexp.
type shape struct {
	hints []string
	re    string
	// group is the number of the submatch that is the secret, keeping
	// what is around it (the scheme word of "Bearer xyz"); 0 means the
	// whole match.
	group int
	// check, when set, must accept the secret (given the text after it),
	// to spare look-alikes such as "Basic authentication".
	check func(secret, after string) bool
}

// shapes lists the secret formats redacted anywhere in text. Sources: the
// vendors' own token format pages (GitHub "About authentication", Stripe
// "API keys", Slack "Token types", AWS IAM "Unique identifiers", Google
// Cloud "API keys"), RFC 7519 (JWT), RFC 6750 (Bearer) and RFC 7617
// (Basic).
var shapes = []shape{
	{hints: []string{"eyJ"}, re: `eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*`},
	{hints: []string{"AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "AIPA"}, re: `\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|AIPA)[A-Z0-9]{16}\b`},
	{hints: []string{"ghp_", "gho_", "ghs_", "ghu_", "ghr_"}, re: `\bgh[poshur]_[A-Za-z0-9]{30,255}\b`},
	{hints: []string{"github_pat_"}, re: `\bgithub_pat_[A-Za-z0-9_]{22,255}`},
	{hints: []string{"_live_", "_test_"}, re: `\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,247}`},
	{hints: []string{"xox"}, re: `\bxox[abprs]-[A-Za-z0-9-]{10,}`},
	{hints: []string{"AIza"}, re: `\bAIza[0-9A-Za-z_-]{35}`},
	{hints: []string{"-----BEGIN"}, re: `-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----`},
	{hints: []string{"earer", "EARER"}, re: `(?i)(\bbearer[ \t]+)([A-Za-z0-9._~+/-]+=*)`, group: 2, check: bearerToken},
	{hints: []string{"asic", "ASIC"}, re: `(?i)(\bbasic[ \t]+)([A-Za-z0-9+/]+=*)`, group: 2, check: basicToken},
}

// proseAfterBearer are the words that follow "Bearer" in sentences rather
// than in credentials ("a Bearer token is required", "Bearer realm=...").
var proseAfterBearer = map[string]bool{
	"token": true, "tokens": true, "authentication": true, "authorization": true, "auth": true,
	"scheme": true, "schemes": true, "header": true, "headers": true, "credentials": true, "credential": true,
	"realm": true, "error": true, "scope": true, "is": true, "was": true, "are": true, "and": true,
	"or": true, "not": true, "the": true, "a": true, "an": true, "with": true, "in": true, "to": true,
	"of": true, "for": true, "required": true, "missing": true, "invalid": true, "expired": true,
}

// bearerToken accepts any b64token after "Bearer" (RFC 6750 2.1), short or
// letters only, except an auth-param of a challenge (`realm="api"`) and
// the words of a sentence about bearer tokens.
func bearerToken(secret, after string) bool {
	if strings.HasSuffix(secret, "=") && (strings.HasPrefix(after, `"`) || after != "" && isToken(after[:1])) {
		return false
	}
	if strings.HasPrefix(after, "=") {
		return false
	}
	return !proseAfterBearer[strings.ToLower(secret)]
}

// basicToken rejects ordinary words after "Basic" ("Basic
// authentication"): base64 credentials have a digit, '+', '/' or '=', or
// are long.
func basicToken(secret, after string) bool {
	if strings.HasPrefix(after, "=") || len(secret) < 4 {
		return false
	}
	return len(secret) >= 24 || strings.ContainsAny(secret, "0123456789+/=")
}

// compiled is built on first use, once: most runs never redact free text.
var compiled = sync.OnceValue(func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(shapes))
	for i, s := range shapes {
		out[i] = regexp.MustCompile(s.re)
	}
	return out
})

func (p *pass) text(s string) string {
	if len(s) < 3 {
		return s
	}
	res := compiled()
	for i, sh := range shapes {
		if !hasAny(s, sh.hints) {
			continue
		}
		s = p.replace(res[i], sh, s)
	}
	if strings.Contains(s, "://") {
		s = p.urlsInText(s)
	}
	if strings.IndexByte(s, '=') >= 0 {
		s = p.namedValues(s)
	}
	return s
}

// urlsInText redacts the userinfo secret of every "scheme://user:pass@"
// or "scheme://token@" in s. A scan for "://" instead of a regexp: a
// pattern that must start at any letter is slow on long bodies. Query
// parameters in text are left to namedValues.
func (p *pass) urlsInText(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; ; {
		j := strings.Index(s[i:], "://")
		if j < 0 {
			break
		}
		start := i + j + 3
		end := start
		for end < len(s) && !strings.ContainsRune("/?#\"'<> \t\r\n\\", rune(s[end])) {
			end++
		}
		i = end
		auth := s[start:end]
		at := strings.LastIndexByte(auth, '@')
		if at <= 0 || strings.Contains(auth[:at], markerPrefix) {
			continue // no userinfo, or redacted already
		}
		secret, from := auth[:at], start
		// Clients send userinfo as Basic credentials: base64 of
		// "user:pass", or of "user:" when the user stands alone.
		p.record(auth[:at] + ":")
		if colon := strings.IndexByte(auth[:at], ':'); colon >= 0 {
			if colon == at-1 {
				secret = auth[:colon] // "token:@host"
			} else {
				p.record(auth[:at]) // "user:pass", echoed as base64 in Basic
				secret, from = auth[colon+1:at], start+colon+1
			}
		}
		if secret == "" || strings.HasPrefix(secret, markerPrefix) {
			continue
		}
		b.WriteString(s[last:from])
		b.WriteString(p.mark(secret))
		last = from + len(secret)
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// namedValues redacts the value of every "name=value" in s whose name
// looks like a credential: query strings in URLs inside messages and
// bodies, "password=x" in a log line. The value runs to the next
// separator (& ; , space, quote, bracket); a quoted value to its quote.
func (p *pass) namedValues(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '=' || i == 0 {
			continue
		}
		ns := i
		for ns > 0 && nameByte(s[ns-1]) {
			ns--
		}
		if ns == i || !p.secretName(s[ns:i]) {
			continue
		}
		vs, ve := i+1, i+1
		if ve < len(s) && (s[ve] == '"' || s[ve] == '\'') {
			q := s[ve]
			vs++
			ve = vs
			for ve < len(s) && s[ve] != q && s[ve] != '\n' {
				ve++
			}
		} else {
			for ve < len(s) && !strings.ContainsRune("&;, \t\r\n\"'<>()[]{}\\", rune(s[ve])) {
				ve++
			}
		}
		v := s[vs:ve]
		if v == "" || strings.HasPrefix(v, markerPrefix) {
			continue
		}
		b.WriteString(s[last:vs])
		b.WriteString(p.mark(v))
		last = ve
		i = ve - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func nameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '%'
}

func hasAny(s string, hints []string) bool {
	for _, h := range hints {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}

func (p *pass) replace(re *regexp.Regexp, sh shape, s string) string {
	locs := re.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range locs {
		start, end := m[2*sh.group], m[2*sh.group+1]
		secret := s[start:end]
		if strings.HasPrefix(secret, markerPrefix) || sh.check != nil && !sh.check(secret, s[end:]) {
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(p.mark(secret))
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
