package probe

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// backoffBase is the first back-off ceiling; it doubles with each retry,
// as curl's --retry does. Tests shorten it.
var backoffBase = time.Second

// retryStatuses are the statuses curl's --retry treats as transient.
var retryStatuses = map[int]bool{408: true, 429: true, 500: true, 502: true, 503: true, 504: true}

// idempotent reports whether sending method twice is safe (RFC 9110, 9.2.2).
func idempotent(method string) bool {
	switch strings.ToUpper(method) {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// shouldRetry reports whether an attempt that ended with status (0 for
// none) and transport kind ("" for none) is worth another try.
func shouldRetry(status int, kind string) bool {
	if kind != "" {
		g, ok := transportGuide[kind]
		return ok && g.retryable && kind != KindCancelled
	}
	return retryStatuses[status]
}

// backoff is the wait before retry n (1-based): full jitter, a uniform
// random time up to base·2^(n-1), capped by max. A fixed delay
// (--retry-delay) replaces it.
func backoff(n int, fixed, max time.Duration) time.Duration {
	if fixed > 0 {
		return min(fixed, max)
	}
	ceiling := backoffBase << min(n-1, 30)
	if ceiling <= 0 || ceiling > max {
		ceiling = max
	}
	return time.Duration(rand.Int64N(int64(ceiling) + 1))
}

// retryAfter reads a Retry-After header (seconds or HTTP-date) relative to
// now; ok is false when absent or unreadable.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil && secs >= 0 {
		return time.Duration(secs * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
