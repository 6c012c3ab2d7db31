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
func BenchmarkSendOverhead(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-123")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"error":"not found","request_id":"req-123"}`)
	}))
	defer srv.Close()

	b.Run("bare", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		shared, err := transportFor(Options{}.withDefaults())
		if err != nil {
			b.Fatal(err)
		}
		client := &http.Client{Transport: shared.Clone()}
		for b.Loop() {
			resp, err := client.Do(must(http.NewRequest("GET", srv.URL+"/v1/x", nil)))
			if err != nil {
				b.Fatal(err)
			}
			io.ReadAll(resp.Body)
			resp.Body.Close()
		}
	})
	b.Run("probe", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		req := Request{URL: srv.URL + "/v1/x"}
		for b.Loop() {
			if ex := Send(context.Background(), req); ex.Error != "" {
				b.Fatal(ex.Error)
			}
		}
	})
	b.Run("probe-send-only", func(b *testing.B) { benchSendOnly(b, srv.URL+"/v1/x") })
}

func benchSendOnly(b *testing.B, url string) {
	defer func(d func(int, http.Header, []byte, formats.Options) formats.Diagnosis) { detect = d }(detect)
	detect = func(status int, _ http.Header, _ []byte, _ formats.Options) formats.Diagnosis {
		return formats.Diagnosis{Status: status}
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	req := Request{URL: url}
	for b.Loop() {
		if ex := Send(context.Background(), req); ex.Error != "" {
			b.Fatal(ex.Error)
		}
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
