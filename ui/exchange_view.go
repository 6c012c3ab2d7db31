package ui

import (
	"context"
	"strings"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/probe"
	tea "github.com/charmbracelet/bubbletea"
)

// show puts ex on screen, received at the given time: the Retry-After
// countdown runs from it.
func (m *model) show(ex *exchange.Exchange, received time.Time) tea.Cmd {
	m.ex = ex
	m.received = received
	cmd := m.resp.set(ex, m.st)
	now := m.svc.now()
	m.diag.set(&ex.Diagnosis, retryDeadline(ex.Diagnosis, received), m.st, now)
	m.tickTag++
	if m.diag.counting(now) {
		return tea.Batch(cmd, tickCmd(m.tickTag))
	}
	return cmd
}

// send starts req in the background; an earlier request still in flight
// is cancelled and its reply will be dropped.
func (m model) send(req probe.Request, replay bool) (model, tea.Cmd) {
	if m.cancel != nil {
		m.cancel()
	}
	m.sendTag++
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.sending, m.replaying = true, replay
	m.started = m.svc.now()
	opts := m.explainOptions(req.URL)
	req.Options.API, req.Options.Profiles = opts.API, opts.Profiles
	return m, tea.Batch(sendCmd(ctx, m.sendTag, m.svc.send, req), m.spin.Tick)
}

// sendFields sends what the request view holds.
func (m model) sendFields() (model, tea.Cmd) {
	req, err := m.req.request()
	if err != nil {
		m.status = failure(err)
		return m, nil
	}
	m.offline = false
	return m.send(req, false)
}

// cancelSend stops the request in flight; its late reply is dropped.
func (m model) cancelSend() model {
	if m.cancel != nil {
		m.cancel()
	}
	m.cancel = nil
	m.sending, m.replaying = false, false
	m.status = info("request cancelled")
	return m
}

// replay sends the request again and keeps the saved answer for the diff.
// It sends what the fields hold: the saved request as it was, unless a
// field was edited since. Secrets were redacted when it was saved, so an
// authenticated call only passes once the real ones are typed in again.
func (m model) replay() (model, tea.Cmd) {
	req, err := m.req.request()
	if err != nil {
		m.status = failure(err)
		return m, nil
	}
	m, cmd := m.send(req, true)
	m.replayRedacted = strings.Contains(req.URL+string(req.Body)+formatHeaders(req.Header), "[REDACTED:")
	if m.replayRedacted {
		m.status = info("replaying #%d with its secrets redacted, as saved: type the real ones in the fields, then r again", m.saved.ID)
	}
	return m, cmd
}

// openOffline shows a saved exchange exactly as it was: no network, and
// read-only until a field is edited.
func (m model) openOffline(ex exchange.Exchange) (model, tea.Cmd) {
	m.req.fill(ex.Request.Method, ex.Request.URL, ex.Request.Headers, ex.Request.Body)
	saved := ex
	cmd := m.show(&ex, ex.Time)
	m.saved, m.replayed, m.offline = &saved, nil, true
	m.screen = screenRequest
	m.setFocus(focusDiagnosis)
	m.shown = focusDiagnosis
	m.status = info("opened #%d from history, offline: read-only until you edit a field · r replays it", ex.ID)
	return m, cmd
}

// reexplain explains the shown response again with the chosen profile.
func (m model) reexplain() (model, tea.Cmd) {
	if m.ex == nil || m.ex.Response == nil {
		m.status = info("later sends use %s", profileLabel(m.api))
		return m, nil
	}
	m.explainTag++
	return m, reexplainCmd(m.explainTag, *m.ex.Response, m.ex.Request, m.explainOptions(m.ex.Request.URL), m.opts.ProfilesDir)
}

// emptyRegistry is a registry with no profile: the "none" choice.
func emptyRegistry() *formats.Registry { return formats.NewRegistry() }
