package cli

import (
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/ui/render"
)

var updateSendGolden = flag.Bool("update-send", false, "rewrite ui/cli/testdata/send/*.golden")

func sendTestMS(f float64) exchange.Duration { return exchange.Duration(f * float64(time.Millisecond)) }

// sendGoldenExchange is a retried, redirected, compressed exchange with a
// hostile body, built by hand so the golden file does not move with the
// network or with formats' wording.
func sendGoldenExchange() exchange.Exchange {
	return exchange.Exchange{
		Request:  exchange.Request{Method: "GET", URL: "https://api.example.test/v1/items?x=1", Headers: http.Header{"User-Agent": {"apierr/0.1.0"}}},
		Insecure: true,
		Response: &exchange.Response{
			Status: 503, Proto: "HTTP/1.1", Size: 62, WireSize: 58,
			Headers: http.Header{
				"Content-Type": {"application/json"}, "Content-Encoding": {"gzip"}, "Retry-After": {"1"},
				"X-Request-Id": {"req-\x1b[31m42"}, "X-Noise": {"a"}, "Date": {"Sun, 22 Nov 2026 02:00:00 GMT"},
			},
			Body: "{\"error\":\"down for maintenance \x1b]52;c;ZXZpbA==\x07\xff\"}\n",
		},
		Redirects: []exchange.Hop{{Status: 301, URL: "http://api.example.test/v1/items?x=1", Location: "https://api.example.test/v1/items?x=1"}},
		Attempts: []exchange.Attempt{
			{N: 1, Status: 503, Duration: sendTestMS(12.5)},
			{N: 2, Error: "connection reset by peer", Waited: sendTestMS(1000), Duration: sendTestMS(3)},
			{N: 3, Status: 503, Waited: sendTestMS(1500), Duration: sendTestMS(8)},
		},
		Timings: exchange.Timings{DNS: sendTestMS(1.2), Connect: sendTestMS(2.4), TLS: sendTestMS(9.6), TTFB: sendTestMS(4.8), Transfer: sendTestMS(0.3), Total: sendTestMS(18.3)},
		Diagnosis: formats.Diagnosis{
			Status: 503, StatusText: "Service Unavailable", StatusClass: formats.ClassServerError,
			Format: "error-string", FormatName: "Error string", Message: "down for maintenance \x1b]52;c;ZXZpbA==\x07",
			RequestID: "req-42", RequestIDSource: "header X-Request-Id", Retryable: true,
			Explanation: "The server cannot handle the request right now.",
			Steps:       []formats.Step{{Text: "Wait for Retry-After and send again.", Source: "RFC 9110, 15.6.4"}},
		},
	}
}

func TestRenderSendGolden(t *testing.T) {
	ex := sendGoldenExchange()
	got := renderSend(ex, 80, render.PlainStyles())
	if strings.ContainsAny(got, "\x1b\x07") {
		t.Errorf("control characters in plain output")
	}
	// The Diagnosis part is render.Diagnosis' own, tested there.
	diag := render.Diagnosis(ex.Diagnosis, 80, render.PlainStyles())
	if !strings.HasSuffix(got, "\n"+diag) {
		t.Fatalf("the Diagnosis does not end the output:\n%s", got)
	}
	got = strings.TrimSuffix(got, diag)
	path := filepath.Join("testdata", "send", "plain.golden")
	if *updateSendGolden {
		os.WriteFile(path, []byte(got), 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestRenderSendGolden ./ui/cli/ -update-send)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n%s", path, got)
	}
}

// A request that timed out spent its time in the phase that never
// finished: that time has its own bar, not the short connect before it.
func TestSendTimingsOfATimeout(t *testing.T) {
	var b strings.Builder
	sendTimings(&b, exchange.Timings{Connect: sendTestMS(0.1), Total: sendTestMS(1000)}, true, render.PlainStyles())
	got := b.String()
	connect, noAnswer := "", ""
	for _, l := range strings.Split(got, "\n") {
		switch {
		case strings.Contains(l, "connect"):
			connect = l
		case strings.Contains(l, "no answer"):
			noAnswer = l
		}
	}
	if !strings.Contains(noAnswer, "999.9 ms") || strings.Count(noAnswer, "█") != sendBarWidth {
		t.Errorf("no full bar for the time without an answer:\n%s", got)
	}
	if strings.Count(connect, "█") != 1 {
		t.Errorf("the 0.1 ms connect is not drawn as the short phase it was:\n%s", got)
	}
}

// A refused connection fails at once: its sub-millisecond remainder gets
// no bar.
func TestSendTimingsOfARefusedConnection(t *testing.T) {
	var b strings.Builder
	sendTimings(&b, exchange.Timings{Connect: sendTestMS(0.1), Total: sendTestMS(0.5)}, true, render.PlainStyles())
	if strings.Contains(b.String(), "no answer") {
		t.Errorf("a bar for a refused connection's bookkeeping:\n%s", b.String())
	}
}
