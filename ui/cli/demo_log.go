package cli

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/apierr/apierr/ui/render"
)

// demoLogRequests prints one line per request the demo answers, so a person
// running `apierr demo` sees what their client sent. Paths come from the
// network and are made inert first.
func demoLogRequests(h http.Handler, w io.Writer) http.Handler {
	var mu sync.Mutex
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rec := &demoRecorder{ResponseWriter: rw}
		defer func() {
			status := demoStatus(rec.status)
			mu.Lock()
			fmt.Fprintf(w, "%s %s %s -> %s\n", time.Now().Format(time.TimeOnly), r.Method, render.InertLine(r.URL.RequestURI()), status)
			mu.Unlock()
		}()
		h.ServeHTTP(rec, r)
	})
}

func demoStatus(s int) string {
	if s == 0 {
		return "dropped"
	}
	return fmt.Sprint(s)
}

// demoRecorder remembers the status a handler wrote. Unwrap lets
// http.ResponseController reach Flush on the real writer.
type demoRecorder struct {
	http.ResponseWriter
	status int
}

func (s *demoRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *demoRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

func (s *demoRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func demoHeaderNames(h http.Header) []string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
