package demo_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/apierr/apierr/probe/demo"
)

func TestRetryAfterOn429And503(t *testing.T) {
	srv := start(t)
	n := 0
	for _, rt := range demo.Routes() {
		if rt.Status != 429 && rt.Status != 503 {
			continue
		}
		n++
		resp, _ := fetch(t, srv.URL(), rt)
		secs, err := strconv.Atoi(resp.Header.Get("Retry-After"))
		if err != nil || secs <= 0 {
			t.Errorf("%s: Retry-After %q, want a number of seconds", name(rt), resp.Header.Get("Retry-After"))
		}
	}
	if n < 6 {
		t.Errorf("only %d routes answer 429 or 503", n)
	}
}

// requestIDHeaders are the headers the demo APIs carry their ids in.
var requestIDHeaders = []string{"X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Amz-Request-Id"}

func requestID(h http.Header) string {
	for _, k := range requestIDHeaders {
		if v := h.Get(k); v != "" {
			return v
		}
	}
	return ""
}

func TestRequestIDOnEveryAPIRoute(t *testing.T) {
	srv := start(t)
	for _, rt := range demo.Routes() {
		if rt.API == "" {
			continue
		}
		first, _ := fetch(t, srv.URL(), rt)
		second, _ := fetch(t, srv.URL(), rt)
		a, b := requestID(first.Header), requestID(second.Header)
		if a == "" || a == b {
			t.Errorf("%s: request ids %q then %q, want a fresh one per response", name(rt), a, b)
		}
	}
}

func TestFlakySucceedsOnThirdTryPerKey(t *testing.T) {
	srv := start(t)
	try := func(key string) int {
		resp, _ := fetch(t, srv.URL(), demo.Route{Method: "GET", Path: "/other/flaky?key=" + key})
		if resp.StatusCode == 503 && resp.Header.Get("Retry-After") != "1" {
			t.Errorf("503 with Retry-After %q, want 1", resp.Header.Get("Retry-After"))
		}
		return resp.StatusCode
	}
	// Interleaved keys do not disturb each other.
	got := []int{try("a"), try("b"), try("a"), try("a"), try("b"), try("b"), try("a")}
	want := []int{503, 503, 503, 200, 503, 200, 503}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("statuses %v, want %v", got, want)
		}
	}
	// Parallel users with their own keys each get through on the third try.
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			key := "p" + strconv.Itoa(i)
			if s := []int{try(key), try(key), try(key)}; s[2] != 200 || s[0] != 503 || s[1] != 503 {
				t.Errorf("key %s: %v, want [503 503 200]", key, s)
			}
		})
	}
	wg.Wait()
}

func TestRedirectChainEndsInOK(t *testing.T) {
	srv := start(t)
	resp, err := http.Get(srv.URL() + "/other/redirect?n=3")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Request.URL.RawQuery != "n=0" {
		t.Errorf("following the chain ended at %d %s", resp.StatusCode, resp.Request.URL)
	}
	if _, err := http.Get(srv.URL() + "/other/redirect?n=20"); err == nil || !strings.Contains(err.Error(), "stopped after 10 redirects") {
		t.Errorf("a 20-hop chain gave %v, want Go's too-many-redirects error", err)
	}
}

// observed serves the demo through httptest and reports when the handler
// of each request returns, to prove slow answers end with the client.
func observed(t *testing.T) (*httptest.Server, <-chan string) {
	t.Helper()
	h := demo.Handler()
	done := make(chan string, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() { done <- r.URL.Path }()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, done
}

func waitReturn(t *testing.T, done <-chan string, path string) {
	t.Helper()
	select {
	case p := <-done:
		if p != path {
			t.Fatalf("handler of %s returned, want %s", p, path)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("handler of %s still running after the client went away", path)
	}
}

func TestSlowEndsWhenClientCancels(t *testing.T) {
	srv, done := observed(t)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/other/slow?seconds=100", nil)
	if _, err := http.DefaultClient.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("slow route: %v, want the client's deadline", err)
	}
	waitReturn(t, done, "/other/slow")
}

func TestEndlessStopsWhenClientCloses(t *testing.T) {
	srv, done := observed(t)
	resp, err := http.Get(srv.URL + "/other/hostile/endless")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 500 {
		t.Errorf("status %d, want 500", resp.StatusCode)
	}
	n, err := io.CopyN(io.Discard, resp.Body, 4<<20)
	if n != 4<<20 || err != nil {
		t.Fatalf("read %d bytes (%v), want an endless body", n, err)
	}
	resp.Body.Close()
	waitReturn(t, done, "/other/hostile/endless")
}

func TestDripSendsOneByteThenStopsWithClient(t *testing.T) {
	srv, done := observed(t)
	resp, err := http.Get(srv.URL + "/other/hostile/drip")
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 8)
	n, _ := resp.Body.Read(b)
	if resp.StatusCode != 500 || n != 1 || b[0] != '{' {
		t.Errorf("drip: %d, first read %q, want 500 and one byte", resp.StatusCode, b[:n])
	}
	resp.Body.Close()
	waitReturn(t, done, "/other/hostile/drip")
}

func TestCloseEndsSlowRequests(t *testing.T) {
	srv, err := demo.Start("")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") {
		t.Errorf("URL %s, want a loopback address", srv.URL())
	}
	conn, err := net.Dial("tcp", srv.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /other/slow?seconds=100 HTTP/1.1\r\nHost: demo\r\n\r\n")
	// No answer yet: the handler is waiting.
	conn.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	if n, err := conn.Read(make([]byte, 1)); n != 0 || !errors.Is(err, context.DeadlineExceeded) && !isTimeout(err) {
		t.Fatalf("slow route answered at once (%d, %v)", n, err)
	}
	srv.Close()
	srv.Close() // twice is harmless
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	got, err := io.ReadAll(conn)
	if isTimeout(err) {
		t.Fatal("a slow request outlived Close")
	}
	if len(got) > 0 {
		t.Errorf("Close made the slow route answer %q, want the connection dropped", got)
	}
	if _, err := http.Get(srv.URL() + "/"); err == nil {
		t.Error("the server still answers after Close")
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func TestStartOnBusyPort(t *testing.T) {
	srv := start(t)
	_, err := demo.Start(srv.Addr().String())
	if !errors.Is(err, syscall.EADDRINUSE) {
		t.Errorf("Start on a busy port: %v, want EADDRINUSE", err)
	}
}

func TestStartOnIPv6Loopback(t *testing.T) {
	srv, err := demo.Start("[::1]:0")
	if err != nil {
		t.Skipf("no IPv6 loopback here: %v", err)
	}
	defer srv.Close()
	if !strings.HasPrefix(srv.URL(), "http://[::1]:") {
		t.Errorf("URL %s", srv.URL())
	}
	resp, err := http.Get(srv.URL() + "/")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET / over IPv6: %v", err)
	}
	resp.Body.Close()
}
