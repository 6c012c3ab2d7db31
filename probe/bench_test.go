package probe

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/apierr/apierr/formats"
)

// BenchmarkSendOverhead compares probe.Send with a bare http.Client.Do to
// the same loopback server and the same response; the target is probe ≤
// 1.1× bare per request. Both sides send the same bytes: bare sets the
// User-Agent and Accept that Send adds by default, as curl does. Both use
// the same kind of shared keep-alive transport: bare gets a clone of the
// transport Send itself uses (proxy from the environment, no transparent
// gzip, the same limits), with its own connection pool. "probe" includes
// the Diagnosis; "probe-send-only" leaves it out (formats.DetectText), to
// show what sending itself costs.
//
// "bare" and "probe" are timed one after the other, each paying for its
// own garbage collection; "alternating" times blocks of each in turn and
// reports the median of the blocks' probe/bare ratios, the figure to read
// on a machine whose load changes while it runs (a shared host). Run it
// with -count 6. With -cpu 1 the client, the transport's goroutines and
// the server share one thread, and the ratio shows probe's own work
// alone; with two, what probe does after a response also delays the
// server's and the transport's goroutines running beside it.
func BenchmarkSendOverhead(b *testing.B) {
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
			probeSend(b, req)
		}
	})
	b.Run("alternating", func(b *testing.B) {
		// Blocks of bare and probe requests take turns, each timed on
		// its own, so that both see the same machine. Whichever block
		// runs second in a round tends to meet the garbage collection
		// that both rounds' allocations brought on, so the order flips
		// from one round to the next and a ratio is taken over two
		// rounds, one in each order. On a shared host the load moves from
		// one second to the next more than probe's overhead is: the
		// figure is the median of those ratios, which a burst of load in
		// a few rounds does not move.
		const block = 250
		var bare, probe time.Duration
		var ratios []float64
		var pairBare, pairProbe time.Duration
		n := 0
		for round := 0; n < b.N; round++ {
			first, second := func() { bareBlock(b, client, url, block) }, func() { probeBlock(b, req, block) }
			if round%2 == 1 {
				first, second = second, first
			}
			start := time.Now()
			first()
			mid := time.Now()
			second()
			tFirst, tSecond := mid.Sub(start), time.Since(mid)
			tb, tp := tFirst, tSecond
			if round%2 == 1 {
				tb, tp = tSecond, tFirst
			}
			bare, probe = bare+tb, probe+tp
			pairBare, pairProbe = pairBare+tb, pairProbe+tp
			if round%2 == 1 {
				ratios = append(ratios, float64(pairProbe)/float64(pairBare))
				pairBare, pairProbe = 0, 0
			}
			n += block
		}
		if len(ratios) == 0 {
			ratios = append(ratios, float64(probe)/float64(bare))
		}
		slices.Sort(ratios)
		b.ReportMetric(float64(bare.Nanoseconds())/float64(n), "bare-ns/req")
		b.ReportMetric(float64(probe.Nanoseconds())/float64(n), "probe-ns/req")
		b.ReportMetric(ratios[len(ratios)/2], "probe/bare")
	})
	b.Run("probe-send-only", func(b *testing.B) {
		defer func(d func(int, http.Header, string, formats.Options) formats.Diagnosis) { detect = d }(detect)
		detect = func(status int, _ http.Header, _ string, _ formats.Options) formats.Diagnosis {
			return formats.Diagnosis{Status: status}
		}
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			probeSend(b, req)
		}
	})
}

// bareDo is the baseline: one request through http.Client.Do, with the
// headers Send adds by default, body read.
func bareDo(b *testing.B, client *http.Client, url string) {
	req := must(http.NewRequest("GET", url, nil))
	req.Header.Set("User-Agent", UserAgent())
	req.Header.Set("Accept", "*/*")
	resp, err := client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
}

// bareBlock sends n requests with bareDo.
func bareBlock(b *testing.B, client *http.Client, url string, n int) {
	for range n {
		bareDo(b, client, url)
	}
}

// probeBlock sends n requests with probeSend.
func probeBlock(b *testing.B, req Request, n int) {
	for range n {
		probeSend(b, req)
	}
}

// probeSend is the same request through Send, Diagnosis included.
func probeSend(b *testing.B, req Request) {
	if ex := Send(context.Background(), req); ex.Error != "" {
		b.Fatal(ex.Error)
	}
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
