package probe

import (
	"context"
	"errors"
	"testing"
	"time"
)

// waitDone fails t unless ctx is done within a second.
func waitDone(t *testing.T, what string, ctx context.Context) {
	t.Helper()
	select {
	case <-ctx.Done():
	case <-time.After(time.Second):
		t.Fatalf("%s was not cancelled", what)
	}
}

// A cancel of the caller's context reaches the attempt and what the
// transport derives from it, with the caller's cause.
func TestAttemptCtxFollowsItsParent(t *testing.T) {
	parent, cancel := context.WithCancelCause(context.Background())
	var c attemptCtx
	c.init(parent, nil)
	defer c.release()
	derived, stop := context.WithCancelCause(&c)
	defer stop(nil)
	if c.Err() != nil || derived.Err() != nil {
		t.Fatal("cancelled before anything was cancelled")
	}
	esc := errors.New("esc pressed")
	cancel(esc)
	waitDone(t, "the attempt", &c)
	waitDone(t, "the derived context", derived)
	if !errors.Is(c.Err(), context.Canceled) || contextCause(&c) != esc || context.Cause(derived) != esc {
		t.Errorf("err %v, cause %v, derived cause %v; want Canceled and %v", c.Err(), contextCause(&c), context.Cause(derived), esc)
	}
}

// The watchdog's cancel carries errMaxTime, which classify tells from a
// cancel; the caller's context is untouched.
func TestAttemptCtxMaxTimeCause(t *testing.T) {
	parent, cancel := context.WithCancel(context.Background())
	defer cancel()
	var c attemptCtx
	c.init(parent, nil)
	defer c.release()
	derived, stop := context.WithCancel(&c)
	defer stop()
	c.cancel(errMaxTime)
	c.cancel(errors.New("too late")) // the first cause stands
	waitDone(t, "the derived context", derived)
	if contextCause(&c) != errMaxTime || parent.Err() != nil {
		t.Errorf("cause %v, parent err %v; want errMaxTime and nil", contextCause(&c), parent.Err())
	}
	if got := classify(&c, context.Canceled, phaseWaiting); got != KindTimeoutHeaders {
		t.Errorf("classified as %q, want %q", got, KindTimeoutHeaders)
	}
}

// A context the transport derives and cancels itself (every request that
// completes) leaves nothing registered behind; one registered after the
// attempt ended runs at once.
func TestAttemptCtxAfterFunc(t *testing.T) {
	var c attemptCtx
	c.init(context.Background(), nil)
	for range 3 {
		_, stop := context.WithCancel(&c)
		stop()
	}
	if n := len(c.after); n != 0 {
		t.Errorf("%d registrations left after their contexts ended", n)
	}
	c.release()
	ran := make(chan struct{})
	if c.AfterFunc(func() { close(ran) })() {
		t.Error("stop reported stopping a function that runs at once")
	}
	select {
	case <-ran:
	case <-time.After(time.Second):
		t.Fatal("AfterFunc on an ended attempt did not run")
	}
}

// The attempt answers timerKey with its timer and every other key as its
// parent does.
func TestAttemptCtxValues(t *testing.T) {
	type key struct{}
	tm := newTimer(time.Now())
	tm.ctx.init(context.WithValue(context.Background(), key{}, "v"), tm)
	defer tm.ctx.release()
	if got, _ := tm.ctx.Value(timerKey{}).(*timer); got != tm {
		t.Error("timerKey does not give the attempt's timer")
	}
	if got := tm.ctx.Value(key{}); got != "v" {
		t.Errorf("parent's value = %v, want v", got)
	}
	if _, ok := tm.ctx.Deadline(); ok {
		t.Error("a deadline appeared from nowhere")
	}
}
