package probe

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// A request that cannot be sent as typed is refused by Check with one
// line naming the input, and Send refuses it the same way without
// opening a connection.
func TestCheck(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	cases := []struct {
		name string
		req  Request
		kind string
		want string
	}{
		{"NUL in a header", Request{Header: http.Header{"X-A": {"a\x00b"}}}, KindInvalidOption, `header X-A: its value "a\x00b" holds a NUL byte at byte 2`},
		{"newline in a header", Request{Header: http.Header{"X-A": {"a\r\nX-Injected: 1"}}}, KindInvalidOption, "holds a carriage return at byte 2"},
		{"bad header name", Request{Header: http.Header{"X A": {"1"}}}, KindInvalidOption, `header name "X A" is not one HTTP allows`},
		{"bad method", Request{Method: "GET\n"}, KindInvalidURL, `method "GET\n" is not an HTTP method`},
		{"proxy that is no URL", Request{Options: Options{Proxy: "http://not a url"}}, KindInvalidOption, `-x/--proxy: "http://not a url" is not a proxy URL`},
		{"proxy scheme", Request{Options: Options{Proxy: "ftp://proxy.example:21"}}, KindInvalidOption, `scheme "ftp" is not one of http, https, socks5`},
		{"missing cacert", Request{Options: Options{CACert: "/nonexistent/ca.pem"}}, KindInvalidOption, "--cacert: cannot read /nonexistent/ca.pem: no such file or directory"},
		{"cacert without PEM", Request{Options: Options{CACert: "check_test.go"}}, KindInvalidOption, "check_test.go holds no PEM certificate"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.req.URL = srv.URL
			err := c.req.Check()
			if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("Check: %v; want one line containing %q", err, c.want)
			}
			ex := Send(context.Background(), c.req)
			if ex.Diagnosis.TransportKind != c.kind || ex.Error != err.Error() {
				t.Errorf("Send: kind %q error %q; want %q %q", ex.Diagnosis.TransportKind, ex.Error, c.kind, err)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server got %d requests", n)
	}
	if err := (Request{URL: srv.URL, Method: "PATCH", Header: http.Header{"X-A": {"tab\tok"}}}).Check(); err != nil {
		t.Errorf("a good request refused: %v", err)
	}
}
