package probe

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/apierr/apierr/formats"
)

// BenchmarkSendOverhead compares probe.Send with a bare http.Client.Do to
// the same loopback server, keep-alive on both sides; the target is
// probe ≤ 1.1× bare per request. "probe-send-only" leaves out the
// Diagnosis (formats.DetectWith), to show what sending itself costs.
func BenchmarkSendOverhead(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-123")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"error":"not found","request_id":"req-123"}`)
	}))
	defer srv.Close()

	b.Run("bare", func(b *testing.B) {
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
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
	req := Request{URL: url}
	for b.Loop() {
		if ex := Send(context.Background(), req); ex.Error != "" {
			b.Fatal(ex.Error)
		}
	}
}

func must(r *http.Request, err error) *http.Request {
	if err != nil {
		panic(err)
	}
	return r
}
