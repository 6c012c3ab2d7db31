package demo_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apierr/apierr/probe/demo"
)

// BenchmarkHandler measures one answer of each documented API's error
// route through the handler alone (no sockets): the demo's own cost.
func BenchmarkHandler(b *testing.B) {
	h := demo.Handler()
	var routes []demo.Route
	for _, rt := range demo.Routes() {
		if rt.API != "" && rt.Status >= 400 {
			routes = append(routes, rt)
		}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		rt := routes[i%len(routes)]
		req := httptest.NewRequest(rt.Method, rt.Path, strings.NewReader(rt.Body))
		for k, v := range rt.Header {
			req.Header[k] = v
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != rt.Status {
			b.Fatalf("%s %s: %d", rt.Method, rt.Path, rec.Code)
		}
	}
}

// BenchmarkLoopbackRoundTrip is one request to the running demo over
// loopback with a kept-alive connection, what a client sees.
func BenchmarkLoopbackRoundTrip(b *testing.B) {
	srv, err := demo.Start("")
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL()+"/octo/products/123", nil)
	req.Header.Set("Authorization", "Bearer "+demo.Token)
	b.ReportAllocs()
	for b.Loop() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body) // drained, so the connection is reused
		resp.Body.Close()
	}
}
