package formats

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// readRetryAfter reads Retry-After (RFC 9110, 10.2.3): delta-seconds, or
// an HTTP-date taken relative to the response's Date header, else to now
// (time.Now() when now is zero). A date in the past means "now": 0.
func readRetryAfter(d *Diagnosis, h http.Header, now time.Time) {
	v := strings.TrimSpace(headerValue(h, "Retry-After"))
	if v == "" {
		return
	}
	if n, err := strconv.ParseUint(v, 10, 63); err == nil {
		f := float64(n)
		d.RetryAfterSeconds = &f
		return
	}
	at, err := http.ParseTime(v)
	if err != nil {
		d.Notes = append(d.Notes, "The Retry-After header ("+v+") is neither a number of seconds nor an HTTP date, so it was ignored.")
		return
	}
	ref := responseTime(h, now)
	f := at.Sub(ref).Seconds()
	if f < 0 {
		f = 0
	}
	d.RetryAfterSeconds = &f
}

// responseTime is the reference time for dates in headers: the Date
// header when it parses, else now, else the clock.
func responseTime(h http.Header, now time.Time) time.Time {
	if t, err := http.ParseTime(headerValue(h, "Date")); err == nil {
		return t
	}
	if !now.IsZero() {
		return now
	}
	return time.Now()
}
