package ui

import (
	"context"
	"io"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/probe"
	osc52 "github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"
)

// Every command below is built from copied values and answers with a typed
// message; none reads or writes the model. Replies carry the tag of the
// request that started them so stale ones can be dropped.

// sentMsg is the answer to a send.
type sentMsg struct {
	tag int
	ex  exchange.Exchange
}

func sendCmd(ctx context.Context, tag int, send func(context.Context, probe.Request) exchange.Exchange, req probe.Request) tea.Cmd {
	return func() tea.Msg {
		return sentMsg{tag: tag, ex: send(ctx, req)}
	}
}

// historyOpenedMsg says whether the history database could be opened.
type historyOpenedMsg struct {
	store historyStore
	err   error
}

func openHistoryCmd(open func(string) (historyStore, error), path string) tea.Cmd {
	return func() tea.Msg {
		st, err := open(path)
		return historyOpenedMsg{store: st, err: err}
	}
}

// savedMsg is the answer to a save; tag is the send it belongs to.
type savedMsg struct {
	tag int
	id  int64
	err error
}

func saveCmd(st historyStore, tag int, ex exchange.Exchange) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		id, err := st.Save(ctx, &ex)
		return savedMsg{tag: tag, id: id, err: err}
	}
}

// searchMsg is one page of history search results.
type searchMsg struct {
	tag    int
	offset int
	rows   []entry
	err    error
}

func searchCmd(st historyStore, tag int, query string, limit, offset int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		rows, err := st.Search(ctx, query, limit, offset)
		return searchMsg{tag: tag, offset: offset, rows: rows, err: err}
	}
}

// debounceMsg fires after typing in the history filter pauses.
type debounceMsg struct{ tag int }

func debounceCmd(tag int, d time.Duration) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return debounceMsg{tag: tag} })
}

// loadedMsg is a saved exchange read back from history.
type loadedMsg struct {
	ex  exchange.Exchange
	err error
}

func loadCmd(st historyStore, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		ex, err := st.Get(ctx, id)
		return loadedMsg{ex: ex, err: err}
	}
}

// profilesMsg carries the API profiles once read.
type profilesMsg struct {
	set profileSet
	err error
}

func loadProfilesCmd(load func(string) (profileSet, error), dir string) tea.Cmd {
	return func() tea.Msg {
		set, err := load(dir)
		return profilesMsg{set: set, err: err}
	}
}

// demoMsg says the demo API is up (or why not).
type demoMsg struct {
	demo demoHandle
	err  error
}

func startDemoCmd(start func() (demoHandle, error)) tea.Cmd {
	return func() tea.Msg {
		d, err := start()
		return demoMsg{demo: d, err: err}
	}
}

// reexplainedMsg is a response explained again with another profile.
type reexplainedMsg struct {
	tag  int
	diag formats.Diagnosis
}

func reexplainCmd(tag int, resp exchange.Response, req exchange.Request, opts formats.Options, profilesDir string) tea.Cmd {
	return func() tea.Msg {
		d := formats.DetectWith(resp.Status, resp.Headers, []byte(resp.Body), opts)
		applySpec(profilesDir, opts.Profiles, &d, req)
		return reexplainedMsg{tag: tag, diag: d}
	}
}

// copiedMsg reports a copy to the clipboard: what, for the status bar.
type copiedMsg struct {
	what string
	// system is false when no system clipboard was found (OSC 52 only).
	system bool
}

// clipboardError is a copy that could not be made at all.
type clipboardError struct{ err error }

func (e clipboardError) Error() string { return "could not copy: " + e.err.Error() }

// copyCmd puts text on the clipboard: an OSC 52 sequence written to the
// program's output so it works over SSH, plus the system clipboard when
// there is one. Inside tmux the sequence goes twice: as it is, which tmux
// takes when set-clipboard is on, and wrapped for its passthrough, which
// reaches the outer terminal when allow-passthrough is on; either setting
// alone is enough.
func copyCmd(out io.Writer, inTmux bool, system func(string) error, text, what string) tea.Cmd {
	return func() tea.Msg {
		seq := osc52.New(text).String()
		if inTmux {
			seq += osc52.New(text).Tmux().String()
		}
		var oscErr error
		if out != nil {
			_, oscErr = io.WriteString(out, seq)
		}
		sysErr := error(nil)
		if system != nil {
			sysErr = system(text)
		}
		if oscErr != nil && (system == nil || sysErr != nil) {
			return clipboardError{oscErr}
		}
		return copiedMsg{what: what, system: system != nil && sysErr == nil}
	}
}

// ticketMsg carries a rendered support ticket.
type ticketMsg struct {
	text string
	rid  string
	// req is the exchange's request, whose secrets the status line's
	// request_id is redacted of.
	req exchange.Request
	err error
}

// ticketError is a ticket that could not be rendered.
type ticketError struct{ err error }

func (e ticketError) Error() string { return "could not build the ticket: " + e.err.Error() }

func ticketCmd(render func(exchange.Exchange, string) (string, error), curl func(exchange.Request, bool) string, ex exchange.Exchange) tea.Cmd {
	return func() tea.Msg {
		c := ""
		if curl != nil {
			c = curl(ex.Request, false)
		}
		text, err := render(ex, c)
		if err != nil {
			return ticketMsg{err: ticketError{err}}
		}
		return ticketMsg{text: text, rid: ex.Diagnosis.RequestID, req: ex.Request}
	}
}

// tickMsg drives the Retry-After countdown once a second.
type tickMsg struct{ tag int }

func tickCmd(tag int) tea.Cmd {
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return tickMsg{tag: tag} })
}
