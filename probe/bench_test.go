package probe

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"github.com/apierr/apierr/formats"
)

// BenchmarkSendOverhead compares probe.Send with a bare http.Client.Do to
// the same loopback server and the same response; the target is probe ≤
// 1.1× bare per request. Both sides use the same kind of shared keep-alive
// transport: bare gets a clone of the transport Send itself uses (proxy
// from the environment, no transparent gzip, the same limits), with its
// own connection pool. "probe-send-only" leaves out the Diagnosis
// (formats.DetectWith), to show what sending itself costs.
//
// Run it with -count 6 and compare the best (or benchstat's median) of
// each: other work on the machine moves wall time; cpu-ns/op moves less.
// "interleaved" sends one request each way per iteration and reports both
// times and their ratio, so that a burst of load elsewhere falls on both
// sides alike.
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
	b.Run("probe-send-only", func(b *testing.B) {
		defer func(d func(int, http.Header, []byte, formats.Options) formats.Diagnosis) { detect = d }(detect)
		detect = func(status int, _ http.Header, _ []byte, _ formats.Options) formats.Diagnosis {
			return formats.Diagnosis{Status: status}
		}
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			probeSend(b, req)
		}
	})
	b.Run("interleaved", func(b *testing.B) {
		var bare, probe time.Duration
		n := 0
		for b.Loop() {
			// Alternate which goes first, so neither always follows
			// the other's leftovers (the server finishing its last
			// response, a GC cycle the other started).
			t0 := time.Now()
			if n%2 == 0 {
				bareDo(b, client, url)
			} else {
				probeSend(b, req)
			}
			t1 := time.Now()
			if n%2 == 0 {
				probeSend(b, req)
			} else {
				bareDo(b, client, url)
			}
			t2 := time.Now()
			if n%2 == 0 {
				bare, probe = bare+t1.Sub(t0), probe+t2.Sub(t1)
			} else {
				probe, bare = probe+t1.Sub(t0), bare+t2.Sub(t1)
			}
			n++
		}
		if n > 0 {
			b.ReportMetric(float64(bare)/float64(n), "bare-ns/op")
			b.ReportMetric(float64(probe)/float64(n), "probe-ns/op")
			b.ReportMetric(float64(probe)/float64(bare), "probe/bare")
		}
	})
}

// bareDo is the baseline: one request through http.Client.Do, body read.
func bareDo(b *testing.B, client *http.Client, url string) {
	resp, err := client.Do(must(http.NewRequest("GET", url, nil)))
	if err != nil {
		b.Fatal(err)
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
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
