package probe

import (
	"sync"
	"time"
)

// watchdog cancels the attempts that outlive their -m/--max-time.
//
// One runtime timer serves every attempt in flight, rather than one timer
// (context.WithTimeout) per attempt: arming a timer that is due earlier
// than anything else the runtime waits for wakes the network poller with
// a system call, and on a fast exchange that costs more than the rest of
// probe's bookkeeping together. Here attempts come and go without touching
// the timer as long as it is already set to fire no later than their
// deadline; when it fires it cancels whatever is due and sets itself for
// the earliest deadline left, so every attempt is still cancelled at its
// own deadline.
type watchdog struct {
	mu    sync.Mutex
	first *watch      // attempts in flight, a doubly linked list
	timer *time.Timer // nil until the first attempt
	at    time.Time   // when the timer fires; zero while it is stopped
}

// watch is one attempt under the watchdog.
type watch struct {
	deadline   time.Time
	ctx        *attemptCtx // cancelled at deadline
	prev, next *watch
}

// maxTimeWatch is the watchdog of every Send.
var maxTimeWatch watchdog

// start puts a under watch: a.ctx is cancelled with errMaxTime at a.deadline
// unless stop(a) comes first.
func (w *watchdog) start(a *watch) {
	w.mu.Lock()
	a.prev, a.next = nil, w.first
	if w.first != nil {
		w.first.prev = a
	}
	w.first = a
	if w.at.IsZero() || a.deadline.Before(w.at) {
		w.at = a.deadline
		if w.timer == nil {
			w.timer = time.AfterFunc(time.Until(a.deadline), w.fire)
		} else {
			w.timer.Reset(time.Until(a.deadline))
		}
	}
	w.mu.Unlock()
}

// stop takes a off watch. The timer is left as it is: firing with nothing
// due costs one look at the list, stopping it would cost a re-arm on the
// next attempt.
func (w *watchdog) stop(a *watch) {
	w.mu.Lock()
	w.unlink(a)
	w.mu.Unlock()
}

func (w *watchdog) unlink(a *watch) {
	if a.prev != nil {
		a.prev.next = a.next
	} else if w.first == a {
		w.first = a.next
	}
	if a.next != nil {
		a.next.prev = a.prev
	}
	a.prev, a.next = nil, nil
}

// fire cancels the attempts that are due and sets the timer for the
// earliest deadline left.
func (w *watchdog) fire() {
	now := time.Now()
	var due []*attemptCtx
	w.mu.Lock()
	var next time.Time
	for a := w.first; a != nil; {
		following := a.next
		if !a.deadline.After(now) {
			due = append(due, a.ctx)
			w.unlink(a)
		} else if next.IsZero() || a.deadline.Before(next) {
			next = a.deadline
		}
		a = following
	}
	w.at = next
	if !next.IsZero() {
		w.timer.Reset(next.Sub(now))
	}
	w.mu.Unlock()
	// Cancelling runs the transport's own cleanup: not under the lock.
	for _, ctx := range due {
		ctx.cancel(errMaxTime)
	}
}
