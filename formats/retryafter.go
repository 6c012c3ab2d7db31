package formats

import (
	"math"
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

// DescribeWait says how long a wait of seconds is the way people read it:
// "under a second", "27s", "12m 5s", "2h 13m", "322d 16h". Retry-After
// and rate-limit resets are shown with it, in the CLI and the TUI alike.
func DescribeWait(seconds float64) string {
	if seconds < 1 {
		return "under a second"
	}
	s := int64(math.Ceil(seconds))
	two := func(a int64, ua string, b int64, ub string) string {
		if b == 0 {
			return strconv.FormatInt(a, 10) + ua
		}
		return strconv.FormatInt(a, 10) + ua + " " + strconv.FormatInt(b, 10) + ub
	}
	switch {
	case s < 60:
		return strconv.FormatInt(s, 10) + "s"
	case s < 3600:
		return two(s/60, "m", s%60, "s")
	case s < 86400:
		// Seconds no longer matter; the minutes are rounded up so the
		// wait is never shown shorter than it is.
		m := (s + 59) / 60
		if m%60 == 0 {
			return strconv.FormatInt(m/60, 10) + "h"
		}
		return two(m/60, "h", m%60, "m")
	}
	h := (s + 3599) / 3600
	return two(h/24, "d", h%24, "h")
}

// DescribeRetryAt is DescribeWait counted from received, with the moment
// itself when the wait is long enough that a clock time reads better:
// "in 2h 13m (at 09:41 UTC)", "at 2027-10-21 07:28 UTC (in 322d 16h)".
func DescribeRetryAt(seconds float64, received time.Time) string {
	wait := "in " + DescribeWait(seconds)
	if received.IsZero() || seconds < 3600 {
		return wait
	}
	at := received.Add(time.Duration(seconds * float64(time.Second))).UTC()
	if seconds < 86400 {
		return wait + " (at " + at.Format("15:04") + " UTC)"
	}
	return "at " + at.Format("2006-01-02 15:04") + " UTC (" + wait + ")"
}
