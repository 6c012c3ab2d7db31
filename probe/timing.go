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

	start                                  time.Time
	dnsStart, dnsDone, connStart, connDone time.Time
	tlsStart, tlsDone, gotConn, firstByte  time.Time
	end                                    time.Time

	reused bool
	ph     phase
}

func newTimer(start time.Time) *timer { return &timer{start: start} }

// set records that the attempt reached ph, and the time in at (if any).
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

// trace returns the attempt's hooks. httptrace composes them with any the
// caller's context carries, which then still run.
func (t *timer) trace() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		DNSStart: func(httptrace.DNSStartInfo) { t.set(phaseStart, &t.dnsStart) },
		DNSDone:  func(httptrace.DNSDoneInfo) { t.set(phaseStart, &t.dnsDone) },
		ConnectStart: func(string, string) {
			t.mu.Lock()
			if t.connStart.IsZero() {
				// A second address tried (IPv6, then IPv4) is the same
				// wait for the user.
				t.connStart = time.Now()
			}
			t.mu.Unlock()
			t.set(phaseConnect, nil)
		},
		ConnectDone:       func(string, string, error) { t.set(phaseConnect, &t.connDone) },
		TLSHandshakeStart: func() { t.set(phaseTLS, &t.tlsStart) },
		TLSHandshakeDone:  func(tls.ConnectionState, error) { t.set(phaseTLS, &t.tlsDone) },
		GotConn: func(info httptrace.GotConnInfo) {
			t.mu.Lock()
			t.reused = info.Reused
			t.mu.Unlock()
			t.set(phaseWaiting, &t.gotConn)
		},
		// The first byte is the status line, not the end of the headers:
		// the attempt is in phaseBody only once the transport has read
		// them all (see headersIn), so a server dripping its headers is
		// a header timeout.
		GotFirstResponseByte: func() { t.set(phaseWaiting, &t.firstByte) },
	}
}

// headersIn marks the response headers as read: what fails from now on
// fails reading the body.
func (t *timer) headersIn() { t.set(phaseBody, nil) }

// phase returns how far the attempt got.
func (t *timer) phase() phase {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.ph
}

// finish stamps the end of the attempt.
func (t *timer) finish() { t.set(phaseStart, &t.end) }

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
