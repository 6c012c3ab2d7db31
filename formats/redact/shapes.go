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
	// what is around it (the scheme word of "Bearer xyz", the
	// "https://user:" and "@" of a URL); 0 means the whole match.
	group int
	// check, when set, must accept the secret, to spare look-alikes such as
	// "Basic authentication".
	check func(string) bool
}

// shapes lists the secret formats redacted anywhere in text. Sources: the
// vendors' own token format pages (GitHub "About authentication", Stripe
// "API keys", Slack "Token types", AWS IAM "Unique identifiers"), RFC 7519
// (JWT) and RFC 6750 (Bearer).
var shapes = []shape{
	{hints: []string{"eyJ"}, re: `eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*`},
	{hints: []string{"AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "AIPA"}, re: `\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|AIPA)[A-Z0-9]{16}\b`},
	{hints: []string{"ghp_", "gho_", "ghs_", "ghu_", "ghr_"}, re: `\bgh[poshur]_[A-Za-z0-9]{30,255}\b`},
	{hints: []string{"github_pat_"}, re: `\bgithub_pat_[A-Za-z0-9_]{22,255}`},
	{hints: []string{"_live_", "_test_"}, re: `\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}`},
	{hints: []string{"xox"}, re: `\bxox[abprs]-[A-Za-z0-9-]{10,}`},
	{hints: []string{"AIza"}, re: `\bAIza[0-9A-Za-z_-]{35}`},
	{hints: []string{"-----BEGIN"}, re: `-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----`},
	{hints: []string{"earer", "EARER", "asic", "ASIC"}, re: `(?i)(\b(?:bearer|basic)\s+)([A-Za-z0-9._~+/-]+=*)`, group: 2, check: tokenLike},
}

// tokenLike rejects ordinary words after "Bearer"/"Basic" ("Basic
// authentication", "Bearer realm"): a token has a digit or is long.
func tokenLike(s string) bool {
	if len(s) < 8 {
		return false
	}
	if len(s) >= 24 {
		return true
	}
	return strings.ContainsAny(s, "0123456789")
}

// compiled is built on first use, once: most runs never redact free text.
var compiled = sync.OnceValue(func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(shapes))
	for i, s := range shapes {
		out[i] = regexp.MustCompile(s.re)
	}
	return out
})

// Text returns s with known secret shapes (JWTs, tokens, keys, Bearer and
// Basic values, passwords in URLs) redacted.
func (r *Redactor) Text(s string) string {
	if len(s) < 8 {
		return s
	}
	res := compiled()
	for i, sh := range shapes {
		if !hasAny(s, sh.hints) {
			continue
		}
		s = replace(res[i], sh, s)
	}
	if strings.Contains(s, "://") {
		s = userinfoPasswords(s)
	}
	return s
}

// userinfoPasswords redacts the password of every "scheme://user:pass@"
// in s. A scan for "://" instead of a regexp: a pattern that must start at
// any letter is slow on long bodies.
func userinfoPasswords(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; ; {
		j := strings.Index(s[i:], "://")
		if j < 0 {
			break
		}
		start := i + j + 3
		end := start
		for end < len(s) && !strings.ContainsRune("/?#\"'<> \t\r\n", rune(s[end])) {
			end++
		}
		i = end
		if end == start {
			continue
		}
		auth := s[start:end]
		at := strings.LastIndexByte(auth, '@')
		if at < 0 {
			continue
		}
		colon := strings.IndexByte(auth[:at], ':')
		if colon < 0 || colon == at-1 || strings.HasPrefix(auth[colon+1:at], markerPrefix) {
			continue
		}
		b.WriteString(s[last : start+colon+1])
		b.WriteString(mark(auth[colon+1 : at]))
		last = start + at
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func hasAny(s string, hints []string) bool {
	for _, h := range hints {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}

func replace(re *regexp.Regexp, sh shape, s string) string {
	locs := re.FindAllStringSubmatchIndex(s, -1)
	if locs == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range locs {
		start, end := m[2*sh.group], m[2*sh.group+1]
		secret := s[start:end]
		if IsMarker(secret) || strings.HasPrefix(secret, markerPrefix) || (sh.check != nil && !sh.check(secret)) {
			continue
		}
		b.WriteString(s[last:start])
		b.WriteString(mark(secret))
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}
