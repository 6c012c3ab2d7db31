package demo

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Routes whose answer depends on time or on earlier requests: slow, flaky,
// redirect chain. They exist to exercise timeouts, retries and -L.

const (
	// maxSlow caps /other/slow so a typo cannot park a handler for hours.
	maxSlow = 120
	// maxRedirects caps the redirect chain; above Go's and curl's limits
	// so "too many redirects" can be produced.
	maxRedirects = 60
	// flakyFailures is how many 503s a flaky key gets before a 200.
	flakyFailures = 2
	// maxFlakyKeys bounds the counters a public demo can be made to keep.
	maxFlakyKeys = 10000
)

// state is what one Handler remembers between requests.
type state struct {
	mu    sync.Mutex
	flaky map[string]int
}

func newState() *state { return &state{flaky: map[string]int{}} }

// flakyTry counts one try for key and returns its number, starting at 1.
// After the success the count starts again, so a demo can be replayed.
func (s *state) flakyTry(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.flaky) >= maxFlakyKeys {
		clear(s.flaky)
	}
	n := s.flaky[key] + 1
	if n > flakyFailures {
		delete(s.flaky, key)
	} else {
		s.flaky[key] = n
	}
	return n
}

func timingEndpoints(st *state) []endpoint {
	return []endpoint{
		{
			pattern: "GET /other/slow",
			handler: slow,
			examples: []Route{
				{Method: "GET", Path: "/other/slow?seconds=5", Status: 200, Format: "json", Slow: true,
					Description: "Slow: answers after ?seconds=N (at most " + strconv.Itoa(maxSlow) + "), for timeouts; stops when the client gives up"},
			},
		},
		{
			pattern: "GET /other/flaky",
			handler: st.flakyHandler,
			examples: []Route{
				{Method: "GET", Path: "/other/flaky?key=demo", Status: 503, Format: "error-string",
					Description: "Flaky: 503 with Retry-After: 1 twice, then 200 on the third try (counted per ?key=)"},
			},
		},
		{
			pattern: "GET /other/redirect",
			handler: redirectChain,
			examples: []Route{
				{Method: "GET", Path: "/other/redirect?n=3", Status: 302, Format: "empty",
					Description: "Redirects: a chain of ?n= 302s (at most " + strconv.Itoa(maxRedirects) + ") ending in a 200; follow with -L"},
			},
		},
	}
}

// slow waits ?seconds=N (default 5) before any header, so clients see a
// time-to-first-byte timeout; it returns as soon as the client goes away.
func slow(w http.ResponseWriter, r *http.Request) {
	secs := 5.0
	if v := r.URL.Query().Get("seconds"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 {
			w.Header().Set("X-Request-Id", newRequestID())
			sendJSON(w, http.StatusBadRequest, map[string]string{"error": "seconds must be a number of seconds, e.g. ?seconds=5"})
			return
		}
		secs = min(f, maxSlow)
	}
	t := time.NewTimer(time.Duration(secs * float64(time.Second)))
	defer t.Stop()
	select {
	case <-r.Context().Done():
		// The client left or the server is closing: drop the connection
		// rather than let net/http send an empty 200.
		panic(http.ErrAbortHandler)
	case <-t.C:
	}
	w.Header().Set("X-Request-Id", newRequestID())
	sendJSON(w, http.StatusOK, map[string]any{"waited_seconds": secs})
}

// flakyHandler fails twice per ?key= with 503 and Retry-After: 1, then
// succeeds: a retry loop that honours Retry-After gets through.
func (s *state) flakyHandler(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Query().Get("key")
	n := s.flakyTry(key)
	w.Header().Set("X-Request-Id", newRequestID())
	if n <= flakyFailures {
		retryAfter(w, 1)
		sendJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "Service temporarily unavailable (try " + strconv.Itoa(n) + " of key " + strconv.Quote(key) + "), retry after 1 second"})
		return
	}
	sendJSON(w, http.StatusOK, map[string]any{"ok": true, "key": key, "tries": n})
}

// redirectChain answers ?n=N with a 302 to ?n=N-1, and n=0 with a 200.
func redirectChain(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", newRequestID())
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil || n < 0 || n > maxRedirects {
		sendJSON(w, http.StatusBadRequest, map[string]string{"error": "n must be a whole number from 0 to " + strconv.Itoa(maxRedirects)})
		return
	}
	if n == 0 {
		sendJSON(w, http.StatusOK, map[string]string{"result": "end of the redirect chain"})
		return
	}
	w.Header().Set("Location", "/other/redirect?n="+strconv.Itoa(n-1))
	send(w, http.StatusFound, "", nil)
}
