package probe

import (
	"context"
	"sync"
	"testing"
	"time"
)

// watched starts an attempt with the given time limit under w and
// returns its context and its watch.
func watched(w *watchdog, limit time.Duration) (context.Context, *watch) {
	ctx := new(attemptCtx)
	ctx.init(context.Background(), nil)
	a := &watch{deadline: time.Now().Add(limit), ctx: ctx}
	w.start(a)
	return ctx, a
}

// Each attempt is cancelled at its own deadline, a shorter one arriving
// after a longer one included, and a stopped attempt never is.
func TestWatchdogCancelsAtEachDeadline(t *testing.T) {
	var w watchdog
	long, longWatch := watched(&w, 10*time.Second)
	stopped, stoppedWatch := watched(&w, 100*time.Millisecond)
	w.stop(stoppedWatch)
	start := time.Now()
	short, _ := watched(&w, 150*time.Millisecond)

	select {
	case <-short.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the short attempt was not cancelled")
	}
	if took := time.Since(start); took < 140*time.Millisecond || took > 2*time.Second {
		t.Errorf("cancelled after %s, want about 150ms", took)
	}
	if contextCause(short) != errMaxTime {
		t.Errorf("cause %v, want errMaxTime", contextCause(short))
	}
	time.Sleep(50 * time.Millisecond)
	if stopped.Err() != nil || long.Err() != nil {
		t.Errorf("cancelled too: stopped %v, long %v", stopped.Err(), long.Err())
	}
	w.stop(longWatch)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.first != nil {
		t.Error("attempts left under watch")
	}
}

// Many attempts coming and going at once: every one that outlives its
// deadline is cancelled, none that stopped in time is.
func TestWatchdogManyAttempts(t *testing.T) {
	var w watchdog
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			limit := time.Duration(20+i%7*10) * time.Millisecond
			ctx, a := watched(&w, limit)
			if i%2 == 0 {
				// Finishes well within its limit.
				time.Sleep(limit / 4)
				w.stop(a)
				time.Sleep(limit)
				if ctx.Err() != nil {
					t.Errorf("attempt %d stopped in time but was cancelled", i)
				}
				return
			}
			select {
			case <-ctx.Done():
			case <-time.After(limit + 2*time.Second):
				t.Errorf("attempt %d (limit %s) was not cancelled", i, limit)
			}
			w.stop(a)
		}()
	}
	wg.Wait()
}
