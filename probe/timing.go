package probe

import (
	"crypto/tls"
	"net/http/httptrace"
	"sync"
	"time"

	"github.com/apierr/apierr/formats/exchange"
)

// phase is how far one attempt got; a timeout is named after it.
type phase int

const (
	phaseStart   phase = iota // nothing yet (DNS, proxy)
	phaseConnect              // TCP connect under way
	phaseTLS                  // TLS handshake under way
	phaseWaiting              // request written, waiting for headers
	phaseBody                 // headers in, reading the body
	phaseDone
)

// timer records one attempt's milestones through httptrace. The trace
// callbacks may run on the transport's goroutines, hence the mutex.
type timer struct {
	mu sync.Mutex

	start, dnsStart, dnsDone, connStart, connDone time.Time
	tlsStart, tlsDone, gotConn, firstByte, end    time.Time

	reused bool
	ph     phase
}

func newTimer() *timer { return &timer{start: time.Now()} }

func (t *timer) set(ph phase, at *time.Time) {
	now := time.Now()
	t.mu.Lock()
	if at != nil {
		*at = now
	}
	if ph > t.ph {
		t.ph = ph
	}
	t.mu.Unlock()
}

// trace returns the httptrace hooks feeding t.
func (t *timer) trace() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		DNSStart: func(httptrace.DNSStartInfo) { t.set(phaseStart, &t.dnsStart) },
		DNSDone:  func(httptrace.DNSDoneInfo) { t.set(phaseStart, &t.dnsDone) },
		ConnectStart: func(string, string) {
			t.mu.Lock()
			if t.connStart.IsZero() {
				t.connStart = time.Now()
			}
			t.ph = phaseConnect
			t.mu.Unlock()
		},
		ConnectDone:       func(string, string, error) { t.set(phaseConnect, &t.connDone) },
		TLSHandshakeStart: func() { t.set(phaseTLS, &t.tlsStart) },
		TLSHandshakeDone:  func(tls.ConnectionState, error) { t.set(phaseTLS, &t.tlsDone) },
		GotConn: func(info httptrace.GotConnInfo) {
			t.mu.Lock()
			t.gotConn = time.Now()
			t.reused = info.Reused
			t.ph = phaseWaiting
			t.mu.Unlock()
		},
		GotFirstResponseByte: func() { t.set(phaseBody, &t.firstByte) },
	}
}

// phase returns how far the attempt got.
func (t *timer) phase() phase {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.ph
}

// finish stamps the end of the attempt.
func (t *timer) finish() {
	t.mu.Lock()
	t.end = time.Now()
	t.mu.Unlock()
}

// timings converts the milestones into the exchange's breakdown. A phase
// that never happened (reused connection, plain HTTP) is zero.
func (t *timer) timings() exchange.Timings {
	t.mu.Lock()
	defer t.mu.Unlock()
	span := func(a, b time.Time) exchange.Duration {
		if a.IsZero() || b.IsZero() || b.Before(a) {
			return 0
		}
		return exchange.Duration(b.Sub(a))
	}
	ttfbFrom := t.gotConn
	if ttfbFrom.IsZero() {
		ttfbFrom = t.start
	}
	if t.reused {
		// A dial racing the idle connection may have reported connect
		// times, but this request did not wait for them.
		return exchange.Timings{
			TTFB: span(ttfbFrom, t.firstByte), Transfer: span(t.firstByte, t.end),
			Total: span(t.start, t.end), Reused: true,
		}
	}
	return exchange.Timings{
		DNS:      span(t.dnsStart, t.dnsDone),
		Connect:  span(t.connStart, t.connDone),
		TLS:      span(t.tlsStart, t.tlsDone),
		TTFB:     span(ttfbFrom, t.firstByte),
		Transfer: span(t.firstByte, t.end),
		Total:    span(t.start, t.end),
		Reused:   t.reused,
	}
}
