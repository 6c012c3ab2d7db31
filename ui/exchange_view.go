package ui

import (
	"cmp"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui/render"
	tea "github.com/charmbracelet/bubbletea"
)

// show puts ex on screen, received at the given time: the Retry-After
// countdown runs from it.
func (m *model) show(ex *exchange.Exchange, received time.Time) tea.Cmd {
	m.cur.ex = ex
	m.cur.received = received
	if m.jq.cancel != nil {
		m.jq.cancel()
	}
	m.jq.filter, m.jq.result, m.jq.cancel = "", "", nil
	m.jq.tag++
	m.cur.stale = false
	cmd := m.resp.set(ex, m.st)
	now := m.svc.now()
	m.diag.note = ex.Note
	m.diag.set(&ex.Diagnosis, retryDeadline(ex.Diagnosis, received), m.st, now)
	m.tickTag++
	if m.diag.counting(now) {
		return tea.Batch(cmd, tickCmd(m.tickTag))
	}
	return cmd
}

// clearShown takes the shown exchange off screen: a new request was put
// in the fields (a demo route, a curl command), and the old answer would
// read as its own.
func (m *model) clearShown() {
	m.cur.ex, m.cur.stale = nil, false
	m.diag.note = ""
	m.resp.set(nil, m.st)
	m.diag.set(nil, time.Time{}, m.st, m.svc.now())
	m.tickTag++
}

// exchangeLabel names the shown exchange in what copies of it say: its
// history id when saved, and its method, host and path.
func exchangeLabel(ex exchange.Exchange) string {
	s := ex.Request.Method + " " + hostPath(ex.Request.URL)
	if ex.ID != 0 {
		s = "#" + itoa(ex.ID) + " " + s
	}
	return render.InertLine(s)
}

// send starts req in the background; an earlier request still in flight
// is cancelled and its reply will be dropped.
func (m model) send(req probe.Request, replay bool) (model, tea.Cmd) {
	req, err := req.Expand(m.envLookup())
	if err != nil {
		m.status = failure(fmt.Errorf("%v: choose an environment that sets it (alt+e), or type the value", err))
		return m, nil
	}
	m.fillNote = ""
	if carriesRedacted(req) {
		var filled, missing []string
		req, filled, missing = m.fillMarkers(req)
		m.fillNote = fillNote(filled, missing, m.activeEnv())
	}
	if m.cancel != nil {
		m.cancel()
	}
	m.sendTag++
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.sending, m.cur.replaying = true, replay
	m.started, m.firstByte = m.svc.now(), time.Time{}
	m.sentRedacted = carriesRedacted(req)
	if m.sentRedacted {
		m.status = info("sending with its secrets redacted, as saved: type the real ones in the fields, then send again")
	}
	if m.fillNote != "" {
		m.status = info("sending · %s", m.fillNote)
	}
	opts, why := m.explainOptions(req.URL)
	req.Options = m.reqOpts
	req.Options.API, req.Options.Profiles = opts.API, opts.Profiles
	return m, tea.Batch(sendCmd(ctx, m.sendTag, m.svc.send, req, opts, why), m.spin.Tick)
}

// fillNote says which markers the environment filled and which it could
// not, for the status bar.
func fillNote(filled, missing []string, env *environment) string {
	var parts []string
	if len(filled) > 0 {
		parts = append(parts, fmt.Sprintf("filled %s from environment %s", strings.Join(filled, ", "), render.InertLine(env.name)))
	}
	// Without an environment the redacted-secrets warning says it all.
	if len(missing) > 0 && env != nil {
		parts = append(parts, fmt.Sprintf("not filled (no value of %s has its hash): %s", render.InertLine(env.name), strings.Join(missing, " ")))
	}
	return strings.Join(parts, "; ")
}

// carriesRedacted reports whether req holds [REDACTED:…] markers where
// secrets were when it was saved.
func carriesRedacted(req probe.Request) bool {
	return strings.Contains(req.URL+string(req.Body)+formatHeaders(req.Header), "[REDACTED:")
}

// sendFields sends what the request view holds. On an exchange opened
// from history and not edited, ctrl+s and enter replay it as r does, with
// the same warning about redacted secrets and the diff after.
func (m model) sendFields() (model, tea.Cmd) {
	if m.cur.offline && m.cur.saved != nil {
		return m.replay()
	}
	req, err := m.req.request()
	if err != nil {
		m.status = failure(err)
		return m, nil
	}
	m.cur.offline = false
	return m.send(req, false)
}

// cancelSend stops the request in flight; its late reply is dropped.
func (m model) cancelSend() model {
	if m.cancel != nil {
		m.cancel()
	}
	m.cancel = nil
	m.sending, m.cur.replaying = false, false
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
	if m.sentRedacted && m.sending {
		m.status = info("replaying #%d with its secrets redacted, as saved: type the real ones in the fields, then r again", m.cur.saved.ID)
	}
	return m, cmd
}

// openOffline shows a saved exchange exactly as it was: no network, and
// read-only until a field is edited.
func (m model) openOffline(ex exchange.Exchange) (model, tea.Cmd) {
	m.req.fill(ex.Request.Method, ex.Request.URL, ex.Request.Headers, ex.Request.Body)
	saved := ex
	cmd := m.show(&ex, ex.Time)
	m.cur.saved, m.cur.replayed, m.cur.offline = &saved, nil, true
	// Its replay is explained as it was saved: with its profile, not
	// whatever was chosen for the last request.
	m.choice = profileChoice{}
	if ex.Diagnosis.API != "" {
		m.choose(ex.Diagnosis.API, ex.Request.URL, "as saved with #"+itoa(ex.ID))
	}
	m.screen = screenRequest
	m.setFocus(focusDiagnosis)
	m.shown = focusDiagnosis
	m.status = info("opened #%d from history, offline: read-only until you edit a field · r replays it", ex.ID)
	return m, cmd
}

// reexplain explains the shown response again with the chosen profile.
func (m model) reexplain() (model, tea.Cmd) {
	if m.cur.ex == nil || m.cur.ex.Response == nil {
		m.status = info("requests to %s use %s", cmp.Or(m.choice.host, "this host"), profileLabel(m.choice.api))
		return m, nil
	}
	m.explainTag++
	opts, why := m.explainOptions(m.cur.ex.Request.URL)
	return m, reexplainCmd(m.explainTag, *m.cur.ex.Response, m.cur.ex.Request, opts, why, m.opts.ProfilesDir)
}

// emptyRegistry is a registry with no profile: the "none" choice.
func emptyRegistry() *formats.Registry { return formats.NewRegistry() }
