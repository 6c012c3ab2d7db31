package formats

import (
	"net/http"
	"strings"
	"testing"
)

// Retry advice, whose side acts and the generic steps follow what the
// error means, not only the status class.
func TestExplainFollowsTheErrorsMeaning(t *testing.T) {
	for _, c := range []struct {
		name, source string
		status       int
		header       http.Header
		body         string
		req          *RequestFacts
		retryable    bool
		who          string
		wantStep     string // a generic step that must be there
		noStep       string // one that must not
		note         string
	}{
		{
			name: "OCTO INTERNAL_SERVER_ERROR sent as 400",
			// seeds/002_35605f8ad837da5c.txt: "every request with either a
			// 200 OK ... or 400 Bad Request"; INTERNAL_SERVER_ERROR in its
			// list of error codes.
			source: "002_35605f8ad837da5c.txt",
			status: 400, header: http.Header{"Content-Type": {"application/json"}},
			body:      `{"error":"INTERNAL_SERVER_ERROR","errorMessage":"Internal server error"}`,
			retryable: true, who: ActServer,
			wantStep: "Retry after a short wait", noStep: "Check the JSON syntax",
			note: "is the name of 500 Internal Server Error",
		},
		{
			name: "GitHub 403 with no request left",
			// docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api:
			// "If you exceed your primary rate limit, you will receive a 403
			// or 429 response, and the x-ratelimit-remaining header will be 0."
			source: "https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api",
			status: 403,
			header: http.Header{"Content-Type": {"application/json; charset=utf-8"}, "X-Ratelimit-Limit": {"60"},
				"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"1796230020"}, "Date": {"Wed, 02 Dec 2026 17:00:00 GMT"}},
			body:      `{"message":"API rate limit exceeded for 203.0.113.7.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}`,
			retryable: true, who: ActClient,
			wantStep: "Wait as long as Retry-After says", noStep: "will not help",
			note: "this 403 is a rate limit",
		},
		{
			name:   "a plain 403 stays a refusal",
			status: 403, header: http.Header{"Content-Type": {"application/json"}, "X-Ratelimit-Remaining": {"12"}},
			body:      `{"message":"Resource not accessible by integration"}`,
			retryable: false, who: ActClient, wantStep: "will not help",
		},
		{
			name:   "a GET without a body is not told to check its body",
			status: 400, header: http.Header{"Content-Type": {"application/json"}}, body: `{"error":"bad"}`,
			req:      &RequestFacts{Method: "GET"},
			who:      ActClient,
			wantStep: "Read the error message", noStep: "Content-Type header matches the body",
		},
		{
			name:   "a POST with a body is",
			status: 400, header: http.Header{"Content-Type": {"application/json"}}, body: `{"error":"bad"}`,
			req:      &RequestFacts{Method: "POST", HasBody: true},
			who:      ActClient,
			wantStep: "Content-Type header matches the body",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := DetectWith(c.status, c.header, []byte(c.body), Options{Request: c.req})
			if d.Retryable != c.retryable || d.WhoActs != c.who {
				t.Errorf("retryable %v, who acts %q; want %v, %q", d.Retryable, d.WhoActs, c.retryable, c.who)
			}
			steps := strings.Join(d.Recovery, "\n")
			if c.wantStep != "" && !strings.Contains(steps, c.wantStep) {
				t.Errorf("steps lack %q:\n%s", c.wantStep, steps)
			}
			if c.noStep != "" && strings.Contains(steps, c.noStep) {
				t.Errorf("steps hold %q, which cannot apply:\n%s", c.noStep, steps)
			}
			if notes := strings.Join(d.Notes, "\n"); c.note != "" && !strings.Contains(notes, c.note) {
				t.Errorf("notes lack %q: %q", c.note, notes)
			}
		})
	}
}

// The body steps left out for a request without a body are still in the
// catalogue word for word, or the rule would silently stop working.
func TestBodyStepsAreInTheCatalogue(t *testing.T) {
	found := map[string]bool{}
	for s := 400; s < 600; s++ {
		e, _ := StatusInfo(s)
		for _, st := range e.Steps {
			if bodySteps[st] {
				found[st] = true
			}
		}
	}
	for st := range bodySteps {
		if !found[st] {
			t.Errorf("body step %q is in no catalogue entry", st)
		}
	}
}

func TestStatusNamed(t *testing.T) {
	for code, want := range map[string]int{
		"INTERNAL_SERVER_ERROR": 500, "not-found": 404, "TooManyRequests": 429, "SERVICE_UNAVAILABLE": 503,
		"UNAUTHORIZED": 401, "INVALID_PRODUCT_ID": 0, "gone": 0, "": 0,
	} {
		if got := statusNamed(code); got != want {
			t.Errorf("statusNamed(%q) = %d, want %d", code, got, want)
		}
	}
}
