package ui

import (
	"context"
	"testing"
	"time"

	"github.com/apierr/apierr/formats/exchange"
	tea "github.com/charmbracelet/bubbletea"
)

// sharedMemStore is memStore seen as a team store.
type sharedMemStore struct{ *memStore }

func (sharedMemStore) Shared() bool { return true }

// With a team store, the open history browser re-reads its first page
// every second, so an exchange a colleague saves appears; a local
// history is read when the browser opens, as before.
func TestHistoryBrowserFollowsTeamStore(t *testing.T) {
	m, store := newTestModel(t, 160, 48, Options{})
	shared := sharedMemStore{store}
	m = step(m, historyOpenedMsg{store: shared})
	m, cmd := m.openHistory()
	m = runCmds(t, m, cmd, 0)
	if len(m.hist.rows) != 0 {
		t.Fatalf("%d rows in an empty history", len(m.hist.rows))
	}
	e := exchange.Exchange{Time: time.Now(), Request: exchange.Request{Method: "GET", URL: "https://api.example.com/saved-by-a-colleague"}}
	if _, err := store.Save(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	m, cmd = m.onLive(liveMsg{chain: m.hist.live})
	if cmd == nil {
		t.Fatal("no refresh after a second")
	}
	m = runCmds(t, m, cmd, 0)
	if len(m.hist.rows) != 1 || m.hist.rows[0].URL != e.Request.URL {
		t.Errorf("browser rows %v, want the colleague's exchange", m.hist.rows)
	}
	// Leaving the browser ends the chain.
	m.screen = screenRequest
	if _, cmd := m.onLive(liveMsg{chain: m.hist.live}); cmd != nil {
		t.Error("refreshing a closed browser")
	}
	// A local history does not poll.
	m2, _ := newTestModel(t, 160, 48, Options{})
	m2, _ = m2.openHistory()
	if m2.hist.live != 0 {
		t.Error("a local history started a refresh chain")
	}
}

// runCmds runs cmd and the commands its messages produce, except timers
// (they would wait), feeding each message to the model.
func runCmds(t *testing.T, m model, cmd tea.Cmd, depth int) model {
	t.Helper()
	if cmd == nil || depth > 5 {
		return m
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				m = runCmds(t, m, c, depth+1)
			}
			return m
		}
		next, c := m.Update(msg)
		return runCmds(t, next.(model), c, depth+1)
	case <-time.After(500 * time.Millisecond):
		return m // a timer: not run
	}
}
