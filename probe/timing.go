package probe

import (
	"context"
	"crypto/tls"
	"net"
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

	start time.Time
	// Each milestone is its offset from start, 0 while it has not
	// happened (see mark): a third of the size of a time.Time each.
	dnsStart, dnsDone, connStart, connDone mark
	tlsStart, tlsDone, gotConn, firstByte  mark
	end                                    mark

	reused bool
	ph     phase
	tlsSet bool // the TLS hooks are in hooks (see dialTrace)

	hooks httptrace.ClientTrace // the attempt's hooks, allocated with it
	watch                       // its place under the -m watchdog
	ctx   attemptCtx            // its context
}

// mark is when a milestone happened, as its offset from the attempt's
// start plus one nanosecond, so that 0 means "never".
type mark time.Duration

// startMark is the mark of the attempt's start.
const startMark mark = 1

// markNow is the mark of the present moment.
func (t *timer) markNow() mark { return mark(time.Since(t.start)) + 1 }

// timerKey finds an attempt's timer in the context the transport hands
// to the dialer.
type timerKey struct{}

func newTimer(start time.Time) *timer { return &timer{start: start} }

func (t *timer) set(ph phase, at *mark) {
	now := t.markNow()
	t.mu.Lock()
	if at != nil {
		*at = now
	}
	if ph > t.ph {
		t.ph = ph
	}
	t.mu.Unlock()
}

// trace returns the hooks every attempt needs: the connection and the
// first response byte. The DNS, connect and TLS hooks are not among them:
// only a request that dials uses them, and the DNS and connect ones make
// httptrace wrap the context once more for the resolver and dialer on
// every request, so the transport's dialer adds them per dial (see
// dialTrace).
func (t *timer) trace() *httptrace.ClientTrace {
	t.hooks = httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) {
			now := t.markNow()
			t.mu.Lock()
			t.gotConn = now
			t.reused = info.Reused
			t.ph = phaseWaiting
			t.mu.Unlock()
		},
		// The first byte is the status line, not the end of the headers:
		// the attempt is in phaseBody only once the transport has read
		// them all (see headersIn), so a server dripping its headers is
		// a header timeout.
		GotFirstResponseByte: func() { t.set(phaseWaiting, &t.firstByte) },
	}
	return &t.hooks
}

// dialTrace returns the hooks of one dial made for the attempt: name
// resolution and TCP connect. It also puts the TLS hooks into the
// attempt's own hooks (once per attempt), which the transport reads from
// the same ClientTrace after the dial returns, for the handshake of the
// connection dialled (to the server, or to an https proxy).
func (t *timer) dialTrace() *httptrace.ClientTrace {
	t.mu.Lock()
	if !t.tlsSet {
		t.tlsSet = true
		// A caller's own trace may have been composed into hooks: it is
		// called after the attempt's, as httptrace composes them.
		start, done := t.hooks.TLSHandshakeStart, t.hooks.TLSHandshakeDone
		t.hooks.TLSHandshakeStart = func() {
			t.set(phaseTLS, &t.tlsStart)
			if start != nil {
				start()
			}
		}
		t.hooks.TLSHandshakeDone = func(cs tls.ConnectionState, err error) {
			t.set(phaseTLS, &t.tlsDone)
			if done != nil {
				done(cs, err)
			}
		}
	}
	t.mu.Unlock()
	return &httptrace.ClientTrace{
		DNSStart: func(httptrace.DNSStartInfo) { t.set(phaseStart, &t.dnsStart) },
		DNSDone:  func(httptrace.DNSDoneInfo) { t.set(phaseStart, &t.dnsDone) },
		ConnectStart: func(string, string) {
			now := t.markNow()
			t.mu.Lock()
			if t.connStart == 0 {
				t.connStart = now
			}
			t.ph = phaseConnect
			t.mu.Unlock()
		},
		ConnectDone: func(string, string, error) { t.set(phaseConnect, &t.connDone) },
	}
}

// dialContext wraps a dial function so that the attempt's DNS and connect
// hooks see the dial; the dial context keeps the request context's values.
func dialContext(dial func(context.Context, string, string) (net.Conn, error)) func(context.Context, string, string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if t, ok := ctx.Value(timerKey{}).(*timer); ok {
			ctx = httptrace.WithClientTrace(ctx, t.dialTrace())
		}
		return dial(ctx, network, addr)
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
func (t *timer) finish() {
	now := t.markNow()
	t.mu.Lock()
	t.end = now
	t.mu.Unlock()
}

// timings converts the milestones into the exchange's breakdown. A phase
// that never happened (reused connection, plain HTTP) is zero.
func (t *timer) timings() exchange.Timings {
	t.mu.Lock()
	defer t.mu.Unlock()
	span := func(a, b mark) exchange.Duration {
		if a == 0 || b == 0 || b < a {
			return 0
		}
		return exchange.Duration(b - a)
	}
	ttfbFrom := t.gotConn
	if ttfbFrom == 0 {
		ttfbFrom = startMark
	}
	if t.reused {
		// A dial racing the idle connection may have reported connect
		// times, but this request did not wait for them.
		return exchange.Timings{
			TTFB: span(ttfbFrom, t.firstByte), Transfer: span(t.firstByte, t.end),
			Total: span(startMark, t.end), Reused: true,
		}
	}
	return exchange.Timings{
		DNS:      span(t.dnsStart, t.dnsDone),
		Connect:  span(t.connStart, t.connDone),
		TLS:      span(t.tlsStart, t.tlsDone),
		TTFB:     span(ttfbFrom, t.firstByte),
		Transfer: span(t.firstByte, t.end),
		Total:    span(startMark, t.end),
		Reused:   t.reused,
	}
}
