package formats

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestRateLimitHeaders(t *testing.T) {
	now := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	i := func(n int64) *int64 { return &n }
	f := func(x float64) *float64 { return &x }
	tests := []struct {
		name    string
		header  http.Header
		want    *RateLimit // nil: no RateLimit
		summary string     // substring of the summary
	}{
		{"GitHub X-RateLimit with epoch reset",
			http.Header{"X-Ratelimit-Limit": {"60"}, "X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"1735736400"}, "Date": {"Wed, 01 Jan 2025 12:00:00 GMT"}},
			&RateLimit{Limit: i(60), Remaining: i(0), ResetSeconds: f(3600), Header: "X-RateLimit-*"}, "No requests left of the limit of 60; the limit resets in 60 minutes"},
		{"X-RateLimit with delta reset",
			http.Header{"X-Ratelimit-Limit": {"100"}, "X-Ratelimit-Remaining": {"42"}, "X-Ratelimit-Reset": {"30"}},
			&RateLimit{Limit: i(100), Remaining: i(42), ResetSeconds: f(30), Header: "X-RateLimit-*"}, "42 of 100 requests left; the limit resets in 30 seconds"},
		{"X-RateLimit epoch milliseconds",
			http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"1735732860000"}},
			&RateLimit{Remaining: i(0), ResetSeconds: f(60), Header: "X-RateLimit-*"}, "No requests left"},
		{"Twitter X-Rate-Limit",
			http.Header{"X-Rate-Limit-Limit": {"15"}, "X-Rate-Limit-Remaining": {"3"}, "X-Rate-Limit-Reset": {"1735733100"}},
			&RateLimit{Limit: i(15), Remaining: i(3), ResetSeconds: f(300), Header: "X-Rate-Limit-*"}, "3 of 15 requests left; the limit resets in 5 minutes"},
		{"IETF draft separate headers",
			http.Header{"Ratelimit-Limit": {"100"}, "Ratelimit-Remaining": {"0"}, "Ratelimit-Reset": {"50"}},
			&RateLimit{Limit: i(100), Remaining: i(0), ResetSeconds: f(50), Header: "RateLimit-*"}, "the limit resets in 50 seconds"},
		{"IETF draft structured limit/remaining/reset",
			http.Header{"Ratelimit": {"limit=100, remaining=50, reset=5"}},
			&RateLimit{Limit: i(100), Remaining: i(50), ResetSeconds: f(5), Header: "RateLimit"}, "50 of 100 requests left"},
		{"IETF draft r/t with RateLimit-Policy q",
			http.Header{"Ratelimit": {`"default";r=0;t=30`}, "Ratelimit-Policy": {`"default";q=100;w=60`}},
			&RateLimit{Limit: i(100), Remaining: i(0), ResetSeconds: f(30), Policy: `"default";q=100;w=60`, Header: "RateLimit"}, "No requests left of the limit of 100"},
		{"garbage values", http.Header{"X-Ratelimit-Limit": {"lots"}, "X-Ratelimit-Remaining": {"-1"}},
			&RateLimit{Header: "X-RateLimit-*"}, "Rate limited"},
		{"none", http.Header{"Content-Type": {"application/json"}}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := recognize(429, tt.header, "", now)
			if tt.want == nil {
				if d.RateLimit != nil {
					t.Fatalf("rate limit = %+v, want none", *d.RateLimit)
				}
				return
			}
			got := d.RateLimit
			if got == nil {
				t.Fatal("no rate limit read")
			}
			if !eqInt(got.Limit, tt.want.Limit) || !eqInt(got.Remaining, tt.want.Remaining) || !eqFloat(got.ResetSeconds, tt.want.ResetSeconds) ||
				got.Header != tt.want.Header || got.Policy != tt.want.Policy {
				t.Errorf("rate limit = %s, want %s", showRL(got), showRL(tt.want))
			}
			if !strings.Contains(got.Summary, tt.summary) || !strings.HasSuffix(got.Summary, ".") {
				t.Errorf("summary = %q, want it to contain %q and end a sentence", got.Summary, tt.summary)
			}
		})
	}
}

func eqInt(a, b *int64) bool     { return a == nil && b == nil || a != nil && b != nil && *a == *b }
func eqFloat(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func showRL(r *RateLimit) string {
	s := func(p *int64) string {
		if p == nil {
			return "nil"
		}
		return itoa(*p)
	}
	r2 := "nil"
	if r.ResetSeconds != nil {
		r2 = strings.TrimRight(strings.TrimRight(ftoa(*r.ResetSeconds), "0"), ".")
	}
	return "{limit " + s(r.Limit) + " remaining " + s(r.Remaining) + " reset " + r2 + " header " + r.Header + " policy " + r.Policy + "}"
}

func itoa(n int64) string   { return strconv.FormatInt(n, 10) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

func TestIsRateLimitKey(t *testing.T) {
	for k, want := range map[string]bool{
		"Ratelimit": true, "RateLimit-Policy": true, "X-Ratelimit-Remaining": true, "X-RATELIMIT-RESET": true,
		"X-Rate-Limit-Limit": true, "X-App-Ratelimit": true, "Retry-After": false, "X-Rate": false,
		"Ratelimi": false, "Rate-Limi": false, "Content-Type": false, "X-Rrate-Limit": true, "": false,
	} {
		if got := isRateLimitKey(k); got != want {
			t.Errorf("isRateLimitKey(%q) = %v, want %v", k, got, want)
		}
	}
}
