package probe

import (
	"context"
	"sync"
	"time"
)

// attemptCtx is the context of one attempt: its parent's values, deadline
// and cancellation, its own cancellation by the -m watchdog (with a cause,
// errMaxTime, that tells a time limit from a cancel), and the attempt's
// timer under timerKey.
//
// It does what context.WithCancelCause and context.WithValue would, in
// the attempt's own allocation. It also has an AfterFunc method, which the
// context package uses when the transport derives its per-request context
// from it: from a context.WithCancelCause parent that derivation costs a
// map of children and a channel per request; from this one, the
// registration below, usually inline. On a fast exchange over loopback
// the difference is measurable (BenchmarkSendOverhead).
type attemptCtx struct {
	parent context.Context
	timer  *timer

	mu    sync.Mutex
	done  chan struct{} // made by the first Done, or closedChan
	err   error         // set once, by cancel
	cause error
	after []*afterFunc // registered by AfterFunc, not yet run or stopped
	first afterFunc    // the first registration (the transport's), kept inline
	// afterBuf backs after for the usual one or two registrations.
	afterBuf [2]*afterFunc
	unwire   func() bool // stops the propagation of parent's cancel
}

// afterFunc is one AfterFunc registration.
type afterFunc struct {
	ctx *attemptCtx
	f   func()
}

// closedChan is the Done of an attempt cancelled before anyone asked.
var closedChan = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

// init makes c a child of parent for the attempt timed by t.
func (c *attemptCtx) init(parent context.Context, t *timer) {
	c.parent, c.timer = parent, t
	if parent.Done() != nil {
		c.unwire = context.AfterFunc(parent, func() { c.cancel(context.Cause(parent)) })
	}
}

// release ends the attempt: a later cancel of the parent no longer
// reaches it, and whatever was derived from it is cancelled.
func (c *attemptCtx) release() {
	if c.unwire != nil {
		c.unwire()
	}
	c.cancel(context.Canceled)
}

// Deadline is the parent's: -m is enforced by the watchdog, not here.
func (c *attemptCtx) Deadline() (time.Time, bool) { return c.parent.Deadline() }

// Done is closed when the attempt is cancelled.
func (c *attemptCtx) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done == nil {
		c.done = make(chan struct{})
	}
	return c.done
}

// Err is context.Canceled once the attempt is cancelled (by the watchdog
// or the parent, whose own error it is then), nil before.
func (c *attemptCtx) Err() error {
	c.mu.Lock()
	err := c.err
	c.mu.Unlock()
	if err == nil {
		// The parent's cancel reaches c through a goroutine: do not
		// wait for it.
		err = c.parent.Err()
	}
	return err
}

// Cause is what cancelled the attempt: errMaxTime, the parent's cause,
// or nil while it runs.
func (c *attemptCtx) Cause() error {
	c.mu.Lock()
	cause := c.cause
	c.mu.Unlock()
	if cause == nil && c.parent.Err() != nil {
		cause = context.Cause(c.parent)
	}
	return cause
}

// Value answers timerKey with the attempt's timer, anything else as the
// parent does.
func (c *attemptCtx) Value(key any) any {
	if _, ok := key.(timerKey); ok && c.timer != nil {
		return c.timer
	}
	return c.parent.Value(key)
}

// AfterFunc arranges for f to run once c is cancelled, as
// context.AfterFunc does; stop undoes it and reports whether it did.
func (c *attemptCtx) AfterFunc(f func()) (stop func() bool) {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		go f()
		return func() bool { return false }
	}
	a := &c.first
	if a.ctx != nil {
		// Taken, and never reused: its stop may still be called.
		a = &afterFunc{}
	}
	*a = afterFunc{ctx: c, f: f}
	if c.after == nil {
		c.after = c.afterBuf[:0]
	}
	c.after = append(c.after, a)
	c.mu.Unlock()
	return a.stop
}

// stop removes a from its context unless it has run already.
func (a *afterFunc) stop() bool {
	c := a.ctx
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, b := range c.after {
		if b == a {
			c.after = append(c.after[:i], c.after[i+1:]...)
			return true
		}
	}
	return false
}

// cancel cancels the attempt with cause, once: the first cause stands.
func (c *attemptCtx) cancel(cause error) {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = context.Canceled
	if err := c.parent.Err(); err != nil && cause != errMaxTime {
		c.err = err
	}
	c.cause = cause
	if c.done == nil {
		c.done = closedChan
	} else {
		close(c.done)
	}
	after := c.after
	c.after = nil
	c.mu.Unlock()
	// What was derived from the attempt cancels itself: not under the lock.
	for _, a := range after {
		a.f()
	}
}

// contextCause is context.Cause, which cannot see an attemptCtx's own.
func contextCause(ctx context.Context) error {
	if c, ok := ctx.(interface{ Cause() error }); ok {
		return c.Cause()
	}
	return context.Cause(ctx)
}
