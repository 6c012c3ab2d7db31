package formats

import (
	"net/http"
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		header http.Header
		want   float64 // -1: absent
		note   bool
	}{
		{"delta seconds", http.Header{"Retry-After": {"120"}}, 120, false},
		{"zero", http.Header{"Retry-After": {"0"}}, 0, false},
		{"padded", http.Header{"Retry-After": {" 5 "}}, 5, false},
		{"HTTP-date against Date header", http.Header{"Retry-After": {"Fri, 31 Dec 1999 23:59:59 GMT"}, "Date": {"Fri, 31 Dec 1999 23:58:59 GMT"}}, 60, false},
		{"HTTP-date against now", http.Header{"Retry-After": {"Wed, 01 Jan 2025 12:00:30 GMT"}}, 30, false},
		{"RFC 850 date", http.Header{"Retry-After": {"Wednesday, 01-Jan-25 12:01:00 GMT"}}, 60, false},
		{"date in the past is now", http.Header{"Retry-After": {"Wed, 01 Jan 2025 11:00:00 GMT"}}, 0, false},
		{"garbage noted", http.Header{"Retry-After": {"soon"}}, -1, true},
		{"negative noted", http.Header{"Retry-After": {"-5"}}, -1, true},
		{"absent", http.Header{}, -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := recognize(429, tt.header, "", now)
			switch {
			case tt.want < 0 && d.RetryAfterSeconds != nil:
				t.Errorf("retry after = %v, want none", *d.RetryAfterSeconds)
			case tt.want >= 0 && (d.RetryAfterSeconds == nil || *d.RetryAfterSeconds != tt.want):
				t.Errorf("retry after = %v, want %v", d.RetryAfterSeconds, tt.want)
			}
			if got := containsSub(d.Notes, "Retry-After"); got != tt.note {
				t.Errorf("notes = %q, want a Retry-After note: %v", d.Notes, tt.note)
			}
		})
	}
}

func TestRetryInfoStandsInForRetryAfter(t *testing.T) {
	body := `{"error":{"code":429,"message":"slow down","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.500s"}]}}`
	d := recognize(429, nil, body, time.Time{})
	if d.RetryAfterSeconds == nil || *d.RetryAfterSeconds != 1.5 {
		t.Fatalf("retry after = %v, want 1.5 from RetryInfo", d.RetryAfterSeconds)
	}
	d = recognize(429, http.Header{"Retry-After": {"7"}}, body, time.Time{})
	if d.RetryAfterSeconds == nil || *d.RetryAfterSeconds != 7 {
		t.Fatalf("retry after = %v, want the header's 7", d.RetryAfterSeconds)
	}
}

// Waits read as people say them, never as a float of seconds: the
// 27879468.817291267 s an HTTP-date once printed as is 322d 17h.
func TestDescribeWait(t *testing.T) {
	received := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		secs     float64
		wait, at string
	}{
		{0.4, "under a second", "in under a second"},
		{27, "27s", "in 27s"},
		{120, "2m", "in 2m"},
		{725, "12m 5s", "in 12m 5s"},
		{47*60 + 12, "47m 12s", "in 47m 12s"},
		{2*3600 + 13*60, "2h 13m", "in 2h 13m (at 17:13 UTC)"},
		{2*3600 + 12*60 + 1, "2h 13m", "in 2h 13m (at 17:12 UTC)"},
		{3 * 3600, "3h", "in 3h (at 18:00 UTC)"},
		{27879468.817291267, "322d 17h", "at 2027-10-21 07:17 UTC (in 322d 17h)"},
	} {
		if got := DescribeWait(c.secs); got != c.wait {
			t.Errorf("DescribeWait(%v) = %q, want %q", c.secs, got, c.wait)
		}
		if got := DescribeRetryAt(c.secs, received); got != c.at {
			t.Errorf("DescribeRetryAt(%v) = %q, want %q", c.secs, got, c.at)
		}
	}
}
