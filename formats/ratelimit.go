package formats

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// readRateLimit reads the rate-limit headers into d.RateLimit, trying in
// order: the IETF draft's structured RateLimit header (both the
// "limit=100, remaining=0, reset=30" form and the later `"default";r=0;t=30`
// form, with RateLimit-Policy's q= as the limit), the draft's older
// separate RateLimit-Limit/-Remaining/-Reset, and the de-facto
// X-RateLimit-* (or X-Rate-Limit-*) headers, whose Reset may be seconds
// or a Unix time.
//
// recognize calls it only when some header name mentions a rate limit
// (isRateLimitKey): the common case costs nothing beyond the one pass
// over the keys that canonicalHeader makes anyway.
func readRateLimit(d *Diagnosis, h http.Header, now time.Time) {
	var rl RateLimit
	policy := strings.ToValidUTF8(strings.TrimSpace(h.Get("Ratelimit-Policy")), "\uFFFD")
	switch {
	case h.Get("Ratelimit") != "":
		rl.Header = "RateLimit"
		params := structuredParams(h.Get("Ratelimit"))
		rl.Limit = paramInt(params, "limit", "l")
		rl.Remaining = paramInt(params, "remaining", "r")
		rl.ResetSeconds = paramFloat(params, "reset", "t")
		if rl.Limit == nil && policy != "" {
			rl.Limit = paramInt(structuredParams(policy), "q", "limit")
		}
	case h.Get("Ratelimit-Limit") != "" || h.Get("Ratelimit-Remaining") != "" || h.Get("Ratelimit-Reset") != "":
		rl.Header = "RateLimit-*"
		rl.Limit = headerInt(h, "Ratelimit-Limit")
		rl.Remaining = headerInt(h, "Ratelimit-Remaining")
		rl.ResetSeconds = resetSeconds(h, "Ratelimit-Reset", now)
	default:
		for _, prefix := range []string{"X-Ratelimit-", "X-Rate-Limit-"} {
			if h.Get(prefix+"Limit") == "" && h.Get(prefix+"Remaining") == "" && h.Get(prefix+"Reset") == "" {
				continue
			}
			rl.Header = "X-RateLimit-*"
			if prefix == "X-Rate-Limit-" {
				rl.Header = "X-Rate-Limit-*"
			}
			rl.Limit = headerInt(h, prefix+"Limit")
			rl.Remaining = headerInt(h, prefix+"Remaining")
			rl.ResetSeconds = resetSeconds(h, prefix+"Reset", now)
			if rl.ResetSeconds == nil {
				rl.ResetSeconds = resetSeconds(h, prefix+"Reset-After", now)
			}
			if policy == "" {
				policy = strings.ToValidUTF8(strings.TrimSpace(h.Get(prefix+"Policy")), "\uFFFD")
			}
			break
		}
	}
	if rl.Header == "" {
		return
	}
	rl.Policy = policy
	rl.Summary = rateLimitSummary(&rl)
	d.RateLimit = &rl
}

// structuredParams splits "limit=100, remaining=0" or `"default";r=0;t=30`
// into lower-case keys and their values (quotes removed).
func structuredParams(v string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' }) {
		k, val, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		if _, dup := out[k]; !dup {
			out[k] = strings.Trim(strings.TrimSpace(val), `"`)
		}
	}
	return out
}

// paramInt returns the first of keys that parses as a non-negative integer.
func paramInt(p map[string]string, keys ...string) *int64 {
	for _, k := range keys {
		if n, err := strconv.ParseInt(p[k], 10, 64); err == nil && n >= 0 {
			return &n
		}
	}
	return nil
}

// paramFloat returns the first of keys that parses as non-negative seconds.
func paramFloat(p map[string]string, keys ...string) *float64 {
	for _, k := range keys {
		if f, err := strconv.ParseFloat(p[k], 64); err == nil && f >= 0 && !math.IsInf(f, 0) {
			return &f
		}
	}
	return nil
}

// headerInt parses a header as a non-negative integer (the first value of
// a comma-separated list, as some servers send "60, 60;w=60").
func headerInt(h http.Header, key string) *int64 {
	v := h.Get(key)
	if i := strings.IndexAny(v, ",;"); i >= 0 {
		v = v[:i]
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 {
		return nil
	}
	return &n
}

// resetSeconds reads a reset header as seconds from the response time:
// values that look like a Unix time (seconds, or milliseconds) are taken
// as one, smaller ones as a delta.
func resetSeconds(h http.Header, key string, now time.Time) *float64 {
	v := strings.TrimSpace(h.Get(key))
	if v == "" {
		return nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return nil
	}
	if f > 1e12 {
		f /= 1000 // Unix milliseconds
	}
	if f > 1e9 {
		ref := responseTime(h, now)
		f -= float64(ref.UnixNano()) / 1e9
		if f < 0 {
			f = 0
		}
		f = math.Round(f*1000) / 1000
	}
	return &f
}

// rateLimitSummary says in one sentence what the figures mean.
func rateLimitSummary(rl *RateLimit) string {
	var b strings.Builder
	switch {
	case rl.Remaining != nil && *rl.Remaining == 0 && rl.Limit != nil:
		b.WriteString("No requests left of the limit of " + strconv.FormatInt(*rl.Limit, 10))
	case rl.Remaining != nil && *rl.Remaining == 0:
		b.WriteString("No requests left")
	case rl.Remaining != nil && rl.Limit != nil:
		b.WriteString(strconv.FormatInt(*rl.Remaining, 10) + " of " + strconv.FormatInt(*rl.Limit, 10) + " requests left")
	case rl.Remaining != nil:
		b.WriteString(strconv.FormatInt(*rl.Remaining, 10) + " requests left")
	case rl.Limit != nil:
		b.WriteString("The limit is " + strconv.FormatInt(*rl.Limit, 10) + " requests")
	default:
		b.WriteString("Rate limited")
	}
	if rl.ResetSeconds != nil {
		b.WriteString("; the limit resets in " + humanSeconds(*rl.ResetSeconds))
	}
	b.WriteString(" (" + rl.Header + " headers).")
	return b.String()
}

// humanSeconds renders a duration for a person: "45 seconds", "3 minutes",
// "2 hours".
func humanSeconds(s float64) string {
	switch {
	case s < 1:
		return "under a second"
	case s < 120:
		return strconv.Itoa(int(math.Round(s))) + " seconds"
	case s < 2*3600:
		return strconv.Itoa(int(math.Round(s/60))) + " minutes"
	case s < 2*86400:
		return strconv.Itoa(int(math.Round(s/3600))) + " hours"
	}
	return strconv.Itoa(int(math.Round(s/86400))) + " days"
}

// isRateLimitKey reports whether a header name mentions a rate limit
// ("RateLimit", "X-RateLimit-Remaining", "X-Rate-Limit-Reset", ...).
func isRateLimitKey(k string) bool {
	// Every response passes each of its header names through here, so
	// only an "r" or "R" starts a comparison.
	for i := 0; i+len("ratelimit") <= len(k); i++ {
		if k[i]|0x20 == 'r' && (hasPrefixFoldASCII(k[i+1:], "atelimit") || hasPrefixFoldASCII(k[i+1:], "ate-limit")) {
			return true
		}
	}
	return false
}

// hasPrefixFoldASCII is a case-insensitive strings.HasPrefix for an
// ASCII, lower-case prefix.
func hasPrefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[j] {
			return false
		}
	}
	return true
}
