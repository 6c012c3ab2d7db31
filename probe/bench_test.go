package probe

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkSend compares probe.Send with a bare http.Client.Do to the
// same loopback server and the same response. Both send the same bytes
// (bare sets the User-Agent and Accept Send adds) over the same kind of
// keep-alive transport (a clone of Send's own). "probe" includes the
// Diagnosis. The figure a user feels is the whole process's, next to
// curl's: probe/testdata/bench_send.sh.
func BenchmarkSend(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-123")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"error":"not found","request_id":"req-123"}`)
	}))
	defer srv.Close()
	url := srv.URL + "/v1/x"
	shared, err := transportFor(Options{}.withDefaults())
	if err != nil {
		b.Fatal(err)
	}
	client := &http.Client{Transport: shared.Clone()}
	req := Request{URL: url}

	b.Run("bare", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			bareDo(b, client, url)
		}
	})
	b.Run("probe", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			if ex := Send(context.Background(), req); ex.Error != "" {
				b.Fatal(ex.Error)
			}
		}
	})
}

// bareDo is the baseline: one request through http.Client.Do, with the
// headers Send adds by default, body read.
func bareDo(b *testing.B, client *http.Client, url string) {
	req := must(http.NewRequest("GET", url, nil))
	req.Header.Set("User-Agent", userAgent())
	req.Header.Set("Accept", "*/*")
	resp, err := client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
}

// reportCPU adds the process's CPU time per request (client and server
// goroutines alike) as "cpu-ns/op": on a machine shared with other work,
// wall time per request swings with the load, CPU time much less.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func must(r *http.Request, err error) *http.Request {
	if err != nil {
		panic(err)
	}
	return r
}

// BenchmarkDecodeBody measures undoing each Content-Encoding on a small
// API error body, the common case with --compressed.
func BenchmarkDecodeBody(b *testing.B) {
	plain := []byte(strings.Repeat(`{"error":"rate limited","request_id":"abc"}`, 5))
	for _, coding := range []string{"gzip", "deflate", "br", "zstd"} {
		wire := compress(b, coding, plain)
		b.Run(coding, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				body := body{data: wire}
				decodeBody(&body, coding, DefaultMaxBody)
				if len(body.data) != len(plain) {
					b.Fatalf("decoded %d bytes, want %d", len(body.data), len(plain))
				}
			}
		})
	}
}
