package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// liveEvery is how often the open history browser re-reads its first page
// when the history is a team store, so what colleagues save shows within
// a second.
const liveEvery = time.Second

// sharedStore is a history store several people write (a team store).
type sharedStore interface{ Shared() bool }

// liveMsg asks the history browser to re-read its first page; chain tells
// the browser's current refresh chain from one left running by an
// earlier visit.
type liveMsg struct{ chain int }

func liveCmd(chain int) tea.Cmd {
	return tea.Tick(liveEvery, func(time.Time) tea.Msg { return liveMsg{chain: chain} })
}

// startLive begins a refresh chain for the browser just opened, when its
// store is shared; nil otherwise.
func (m *model) startLive() tea.Cmd {
	s, ok := m.store.(sharedStore)
	if !ok || !s.Shared() {
		return nil
	}
	m.hist.live++
	return liveCmd(m.hist.live)
}

// onLive re-reads the first page while the browser is open, idle and at
// its top (a person reading further down keeps their place); the chain
// ends when the browser closes.
func (m model) onLive(msg liveMsg) (model, tea.Cmd) {
	if msg.chain != m.hist.live || m.screen != screenHistory || m.store == nil {
		return m, nil
	}
	if m.hist.loading || m.hist.list.cursor != 0 || m.hist.base != 0 {
		return m, liveCmd(msg.chain)
	}
	tag := m.hist.begin()
	return m, tea.Batch(searchCmd(m.store, tag, m.hist.query.Value(), historyPage, 0, pageFirst), liveCmd(msg.chain))
}
