package probe

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
)

func TestSendRecordsTheExchange(t *testing.T) {
	var seen http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r.Header.Clone()
		w.Header().Set("Content-Type", "application/problem+json")
		w.Header().Set("X-Request-Id", "f1b8698f")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"type":"about:blank","title":"Not Found","status":404}`)
	}))
	defer srv.Close()

	ex := Send(context.Background(), Request{URL: srv.URL + "/v2/locations/1560"})
	if ex.Error != "" || ex.Response == nil {
		t.Fatalf("no response: %q", ex.Error)
	}
	if ex.Request.Method != "GET" || ex.Request.Headers.Get("User-Agent") != "apierr/"+Version || ex.Request.Headers.Get("Accept") != "*/*" {
		t.Errorf("request as sent: %+v", ex.Request)
	}
	if seen.Get("User-Agent") != "apierr/"+Version || seen.Get("Accept-Encoding") != "" {
		t.Errorf("server saw %v", seen)
	}
	if ex.Response.Status != 404 || ex.Response.Headers.Get("X-Request-Id") != "f1b8698f" || !strings.Contains(ex.Response.Body, "Not Found") {
		t.Errorf("response: %+v", ex.Response)
	}
	if ex.Diagnosis.Status != 404 || ex.Timings.Total <= 0 || ex.Timings.Connect <= 0 || ex.Timings.Reused {
		t.Errorf("diagnosis %d, timings %+v", ex.Diagnosis.Status, ex.Timings)
	}
	if len(ex.Attempts) != 1 || ex.Attempts[0].Status != 404 || ex.Time.IsZero() {
		t.Errorf("attempts %+v", ex.Attempts)
	}
	again := Send(context.Background(), Request{URL: srv.URL + "/v2/locations/1560"})
	if !again.Timings.Reused || again.Timings.Connect != 0 {
		t.Errorf("second request did not reuse the connection: %+v", again.Timings)
	}
}

func TestSendInsecure(t *testing.T) {
	srv := httptest.NewTLSServer(okHandler)
	defer srv.Close()
	ex := Send(context.Background(), Request{URL: srv.URL, Options: Options{Insecure: true}})
	if ex.Error != "" || !ex.Insecure || ex.Response.Body != "ok" || ex.Timings.TLS <= 0 {
		t.Errorf("-k: error %q insecure %v timings %+v", ex.Error, ex.Insecure, ex.Timings)
	}
}

func TestSendRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/moved", http.StatusMovedPermanently)
		case "/moved":
			http.Redirect(w, r, "/new", http.StatusFound)
		default:
			io.WriteString(w, "arrived")
		}
	}))
	defer srv.Close()

	ex := Send(context.Background(), Request{URL: srv.URL + "/old"})
	if ex.Response.Status != 301 || len(ex.Redirects) != 0 || ex.Response.Headers.Get("Location") != "/moved" {
		t.Errorf("without -L the redirect itself is the answer: %d %v", ex.Response.Status, ex.Redirects)
	}
	ex = Send(context.Background(), Request{URL: srv.URL + "/old", Options: Options{FollowRedirects: true}})
	if ex.Response.Status != 200 || ex.Response.Body != "arrived" || len(ex.Redirects) != 2 {
		t.Fatalf("with -L: %d %q %v", ex.Response.Status, ex.Response.Body, ex.Redirects)
	}
	if h := ex.Redirects[0]; h.Status != 301 || h.URL != srv.URL+"/old" || h.Location != srv.URL+"/moved" {
		t.Errorf("hop 1: %+v", h)
	}
	if h := ex.Redirects[1]; h.Status != 302 || h.Location != srv.URL+"/new" {
		t.Errorf("hop 2: %+v", h)
	}
}

func compress(t testing.TB, coding string, data []byte) []byte {
	var buf bytes.Buffer
	var w io.WriteCloser
	switch coding {
	case "gzip":
		w = gzip.NewWriter(&buf)
	case "deflate":
		w = zlib.NewWriter(&buf)
	case "br":
		w = brotli.NewWriter(&buf)
	case "zstd":
		w, _ = zstd.NewWriter(&buf)
	}
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

func TestSendDecodesBodies(t *testing.T) {
	plain := []byte(strings.Repeat(`{"error":"rate limited","request_id":"abc"}`, 50))
	for _, coding := range []string{"gzip", "deflate", "br", "zstd"} {
		t.Run(coding, func(t *testing.T) {
			wire := compress(t, coding, plain)
			var acceptEnc string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				acceptEnc = r.Header.Get("Accept-Encoding")
				w.Header().Set("Content-Encoding", coding)
				w.Write(wire)
			}))
			defer srv.Close()
			ex := Send(context.Background(), Request{URL: srv.URL})
			if ex.Response.Body != string(plain) || ex.Response.Size != int64(len(plain)) || ex.Response.WireSize != int64(len(wire)) {
				t.Errorf("body %d bytes (size %d, wire %d), want %d from %d", len(ex.Response.Body), ex.Response.Size, ex.Response.WireSize, len(plain), len(wire))
			}
			if acceptEnc != "" {
				t.Errorf("Accept-Encoding sent without --compressed: %q", acceptEnc)
			}
			Send(context.Background(), Request{URL: srv.URL, Options: Options{Compressed: true}})
			if !strings.Contains(acceptEnc, coding) {
				t.Errorf("--compressed sent Accept-Encoding %q", acceptEnc)
			}
		})
	}
}

func TestSendBadEncodingIsANote(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		io.WriteString(w, "this is not gzip")
	}))
	defer srv.Close()
	ex := Send(context.Background(), Request{URL: srv.URL})
	if ex.Error != "" || ex.Response.Body != "this is not gzip" || !strings.Contains(strings.Join(ex.Diagnosis.Notes, " "), "could not be decoded") {
		t.Errorf("error %q body %q notes %v", ex.Error, ex.Response.Body, ex.Diagnosis.Notes)
	}
}

// An endless body is cut at the cap and costs about the cap in memory.
func TestSendBodyCap(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("y"), 32<<10)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ex := Send(context.Background(), Request{URL: srv.URL, Options: Options{MaxBody: 1 << 20}})
	runtime.ReadMemStats(&after)
	if ex.Error != "" || !ex.Response.Truncated || len(ex.Response.Body) != 1<<20 || ex.Response.Size <= 1<<20 {
		t.Fatalf("error %q truncated %v len %d size %d", ex.Error, ex.Response.Truncated, len(ex.Response.Body), ex.Response.Size)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 16<<20 {
		t.Errorf("reading a capped 1 MiB body allocated %d MiB", grew>>20)
	}
	if !strings.Contains(strings.Join(ex.Diagnosis.Notes, " "), "1 MiB cap") {
		t.Errorf("notes %v", ex.Diagnosis.Notes)
	}
}

// Escape sequences and bytes that are not UTF-8 are kept exactly as sent.
func TestSendKeepsBytes(t *testing.T) {
	raw := "{\"error\":\"\x1b]52;c;ZXZpbA==\x07\x1b[2J\xff\xfe\"}"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, raw)
	}))
	defer srv.Close()
	if ex := Send(context.Background(), Request{URL: srv.URL}); ex.Response.Body != raw {
		t.Errorf("body %q, want %q", ex.Response.Body, raw)
	}
}

func TestSendRetries(t *testing.T) {
	defer func(b time.Duration) { backoffBase = b }(backoffBase)
	backoffBase = time.Millisecond
	var calls atomic.Int32
	flaky := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "third time lucky")
	}))
	defer flaky.Close()

	ex := Send(context.Background(), Request{URL: flaky.URL, Options: Options{Retry: 3}})
	if ex.Response.Status != 200 || len(ex.Attempts) != 3 {
		t.Fatalf("status %d after %d attempts", ex.Response.Status, len(ex.Attempts))
	}
	for i, want := range []int{503, 503, 200} {
		if a := ex.Attempts[i]; a.N != i+1 || a.Status != want {
			t.Errorf("attempt %d: %+v, want status %d", i+1, a, want)
		}
	}

	calls.Store(0)
	ex = Send(context.Background(), Request{Method: "POST", URL: flaky.URL, Body: []byte("x"), Options: Options{Retry: 3}})
	if len(ex.Attempts) != 1 || ex.Response.Status != 503 {
		t.Errorf("POST retried without --retry-all: %d attempts", len(ex.Attempts))
	}
	calls.Store(0)
	ex = Send(context.Background(), Request{Method: "POST", URL: flaky.URL, Body: []byte("x"), Options: Options{Retry: 3, RetryAll: true}})
	if len(ex.Attempts) != 3 || ex.Response.Status != 200 {
		t.Errorf("POST with --retry-all: %d attempts, status %d", len(ex.Attempts), ex.Response.Status)
	}

	// Retry-After is honoured but capped by --retry-max-wait.
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer slow.Close()
	ex = Send(context.Background(), Request{URL: slow.URL, Options: Options{Retry: 1, RetryMaxWait: 50 * time.Millisecond}})
	if len(ex.Attempts) != 2 || ex.Attempts[1].Waited.D() != 50*time.Millisecond {
		t.Errorf("Retry-After 120 capped to 50ms: %+v", ex.Attempts)
	}

	// Transport errors are retried too; each attempt says what happened.
	ex = Send(context.Background(), Request{URL: "http://" + closedPort(t) + "/", Options: Options{Retry: 2}})
	if len(ex.Attempts) != 3 || !strings.Contains(ex.Attempts[2].Error, "refused") {
		t.Errorf("refused retried: %+v", ex.Attempts)
	}
}

func TestBackoffAndRetryAfter(t *testing.T) {
	for n := 1; n <= 5; n++ {
		if d := backoff(n, 0, 3*time.Second); d < 0 || d > 3*time.Second || d > backoffBase<<(n-1) {
			t.Errorf("backoff(%d) = %s", n, d)
		}
	}
	if d := backoff(3, 2*time.Second, time.Minute); d != 2*time.Second {
		t.Errorf("fixed delay: %s", d)
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{"30": 30 * time.Second, "Thu, 01 Jan 2026 00:01:00 GMT": time.Minute, "1.5": 1500 * time.Millisecond} {
		if d, ok := retryAfter(http.Header{"Retry-After": {v}}, now); !ok || d != want {
			t.Errorf("Retry-After %q = %s %v", v, d, ok)
		}
	}
	if _, ok := retryAfter(http.Header{"Retry-After": {"soon"}}, now); ok {
		t.Error("unreadable Retry-After accepted")
	}
}

func ExampleSend() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	ex := Send(context.Background(), Request{URL: srv.URL})
	fmt.Println(ex.Response.Status, ex.Error == "")
	// Output: 429 true
}

// 100 000 small headers fit under the header cap: the response is kept
// whole and the headers merged by name.
func TestSendManySmallHeaders(t *testing.T) {
	addr := rawServer(t, func(c net.Conn) {
		readRequest(c)
		w := bufio.NewWriter(c)
		w.WriteString("HTTP/1.1 200 OK\r\n")
		for i := 0; i < 100000; i++ {
			w.WriteString("X: 1\r\n")
		}
		w.WriteString("Content-Length: 2\r\n\r\nok")
		w.Flush()
		c.Close()
	})
	ex := Send(context.Background(), Request{URL: "http://" + addr + "/"})
	if ex.Error != "" || len(ex.Response.Headers["X"]) != 100000 || ex.Response.Body != "ok" {
		t.Errorf("error %q, %d values", ex.Error, len(ex.Response.Headers["X"]))
	}
}

// user:password@ in the URL becomes Basic credentials, shown as sent.
func TestSendURLCredentials(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Authorization")
	}))
	defer srv.Close()
	ex := Send(context.Background(), Request{URL: strings.Replace(srv.URL, "http://", "http://ann:s3cret@", 1)})
	want := "Basic YW5uOnMzY3JldA=="
	if got != want || ex.Request.Headers.Get("Authorization") != want {
		t.Errorf("server got %q, exchange says %q", got, ex.Request.Headers.Get("Authorization"))
	}
}

// The DNS and connect hooks, which the transport's dialer adds per dial,
// still time a fresh connection to a host name.
func TestSendTimesDNSAndConnect(t *testing.T) {
	srv := httptest.NewServer(okHandler)
	defer srv.Close()
	url := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	ex := Send(context.Background(), Request{URL: url})
	if ex.Error != "" {
		t.Fatal(ex.Error)
	}
	if tm := ex.Timings; tm.Reused || tm.DNS <= 0 || tm.Connect <= 0 || tm.TTFB <= 0 || tm.Total < tm.DNS+tm.Connect+tm.TTFB {
		t.Errorf("timings %+v", tm)
	}
}

// Bodies decoded one after another, a damaged one among them, each come
// out as they went in; the damaged one gets a note.
func TestDecodeBodiesInTurn(t *testing.T) {
	for _, coding := range []string{"gzip", "deflate", "br", "zstd"} {
		t.Run(coding, func(t *testing.T) {
			for i, plain := range []string{`{"error":"first"}`, "", `{"error":"second, longer than the first"}`} {
				wire := compress(t, coding, []byte(plain))
				if i == 1 {
					wire = []byte("damaged beyond repair") // in between, a failure
				}
				b := body{data: wire}
				decodeBody(&b, coding, DefaultMaxBody)
				if i == 1 {
					if len(b.notes) == 0 {
						t.Errorf("damaged body: no note, data %q", b.data)
					}
					continue
				}
				if string(b.data) != plain || len(b.notes) != 0 {
					t.Errorf("body %d: %q, notes %v", i, b.data, b.notes)
				}
			}
		})
	}
}

// A Content-Length near the int64 limit sizes nothing: the cap does.
func TestSendHugeContentLength(t *testing.T) {
	addr := rawServer(t, func(c net.Conn) {
		readRequest(c)
		c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\nonly this"))
		c.Close()
	})
	ex := Send(context.Background(), Request{URL: "http://" + addr + "/", Options: Options{MaxBody: 4}})
	if ex.Response == nil || ex.Response.Body != "only" || !ex.Response.Truncated {
		t.Fatalf("response %+v, error %q", ex.Response, ex.Error)
	}
}

// TestSentHeaderIndependentValues checks that the keys of the sent
// header, whose values share one backing array, behave as separate
// slices: appending to one key leaves the others as they were, and the
// caller's header is not touched.
func TestSentHeaderIndependentValues(t *testing.T) {
	in := http.Header{"x-a": {"1", "2"}, "X-B": {"3"}, "X-Empty": {}}
	out := sentHeader(in, nil, Options{Compressed: true})
	out["X-A"] = append(out["X-A"], "appended")
	out.Add("User-Agent", "other")
	out["X-B"][0] = "changed"
	want := map[string][]string{
		"X-A":             {"1", "2", "appended"},
		"X-B":             {"changed"},
		"User-Agent":      {userAgent(), "other"},
		"Accept":          {"*/*"},
		"Accept-Encoding": {"gzip, deflate, br, zstd"},
	}
	for k, v := range want {
		if got := out[k]; strings.Join(got, "|") != strings.Join(v, "|") {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if v, ok := out["X-Empty"]; !ok || v != nil {
		t.Errorf("X-Empty = %#v (present %v), want a nil value", v, ok)
	}
	if in["x-a"][1] != "2" || in["X-B"][0] != "3" {
		t.Errorf("the request's header changed: %v", in)
	}
}

// TestSendCallerTraceTLS checks that a caller's own httptrace hooks still
// see the TLS handshake, now that Send adds its TLS hooks at dial time.
func TestSendCallerTraceTLS(t *testing.T) {
	srv := httptest.NewTLSServer(okHandler)
	defer srv.Close()
	var start, done atomic.Int32
	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		TLSHandshakeStart: func() { start.Add(1) },
		TLSHandshakeDone:  func(tls.ConnectionState, error) { done.Add(1) },
	})
	ex := Send(ctx, Request{URL: srv.URL, Options: Options{Insecure: true}})
	if ex.Error != "" || ex.Timings.TLS <= 0 {
		t.Errorf("error %q timings %+v", ex.Error, ex.Timings)
	}
	if start.Load() != 1 || done.Load() != 1 {
		t.Errorf("caller's TLS hooks ran %d and %d times, want once each", start.Load(), done.Load())
	}
}
