package ui

import (
	"cmp"

	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// openHistory shows the history browser and refreshes its first page.
func (m model) openHistory() (model, tea.Cmd) {
	m.screen = screenHistory
	cmd := m.hist.query.Focus()
	if m.store == nil {
		return m, cmd
	}
	tag := m.hist.begin()
	live := m.startLive()
	return m, tea.Batch(cmd, searchCmd(m.store, tag, m.hist.query.Value(), historyPage, 0), live)
}

// historyKey: list keys move the cursor (fetching the next page near the
// end), enter opens, esc leaves; every other key edits the filter.
func (m model) historyKey(k tea.KeyMsg) (model, tea.Cmd) {
	h := &m.hist
	switch {
	case key.Matches(k, m.keys.Back):
		m.screen = screenRequest
		h.query.Blur()
		return m, m.setFocus(m.focus)
	case key.Matches(k, m.keys.Choose):
		e, ok := h.selected()
		if !ok || m.store == nil {
			return m, nil
		}
		return m, loadCmd(m.store, e.ID)
	case key.Matches(k, m.keys.Up):
		h.list.move(-1)
	case key.Matches(k, m.keys.Down):
		h.list.move(1)
	case key.Matches(k, m.keys.PageUp):
		h.list.move(-h.list.height)
	case key.Matches(k, m.keys.PageDown):
		h.list.move(h.list.height)
	case key.Matches(k, m.keys.Top):
		h.list.move(-h.list.n)
	case key.Matches(k, m.keys.Bottom):
		h.list.move(h.list.n)
	default:
		return m.forwardToFocused(k)
	}
	return m, m.moreHistory()
}

// moreHistory fetches the next page when the cursor nears the end.
func (m *model) moreHistory() tea.Cmd {
	if m.store == nil || !m.hist.wantsMore() {
		return nil
	}
	m.hist.loading = true
	return searchCmd(m.store, m.hist.tag, m.hist.query.Value(), historyPage, len(m.hist.rows))
}

// listKey moves a picker's cursor; it reports whether k was a list key.
func (m model) listKey(l *listView, k tea.KeyMsg) bool {
	switch {
	case key.Matches(k, m.keys.Up):
		l.move(-1)
	case key.Matches(k, m.keys.Down):
		l.move(1)
	case key.Matches(k, m.keys.PageUp):
		l.move(-l.height)
	case key.Matches(k, m.keys.PageDown):
		l.move(l.height)
	case key.Matches(k, m.keys.Top):
		l.move(-l.n)
	case key.Matches(k, m.keys.Bottom):
		l.move(l.n)
	default:
		return false
	}
	return true
}

// demoKey: enter fills the request view from the chosen route.
func (m model) demoKey(k tea.KeyMsg) (model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Back):
		m.screen = screenRequest
		return m, m.setFocus(focusURL)
	case key.Matches(k, m.keys.Choose):
		if m.demo == nil || len(m.demo.Routes) == 0 {
			return m, nil
		}
		r := m.demo.Routes[m.demoPick.list.cursor]
		m.req.fill(r.Method, m.demo.URL+r.Path, r.Header, r.Body)
		m.api = r.API
		// A new request: nothing of an exchange opened from history
		// (its replay, its diff) applies to it.
		m.saved, m.replayed, m.offline = nil, nil, false
		m.screen = screenRequest
		m.status = info("%s %s: press enter to send (profile %s)", r.Method, r.Path, cmp.Or(r.API, "auto"))
		return m, m.setFocus(focusURL)
	}
	m.listKey(&m.demoPick.list, k)
	return m, nil
}

// profileKey: enter re-explains the shown response with the chosen
// profile, and later sends use it.
func (m model) profileKey(k tea.KeyMsg) (model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Back):
		m.screen = screenRequest
		return m, nil
	case key.Matches(k, m.keys.Choose):
		switch i := m.profPick.list.cursor; i {
		case 0:
			m.api = ""
		case 1:
			m.api = profileNone
		default:
			m.api = m.profiles.Profiles[i-2].Name
		}
		m.screen = screenRequest
		return m.reexplain()
	}
	m.listKey(&m.profPick.list, k)
	return m, nil
}

// profileIndex is the picker row of the profile in use (a demo route or a
// curl command may have chosen it): auto, none, then the profiles.
func (m model) profileIndex() int {
	switch m.api {
	case "":
		return 0
	case profileNone:
		return 1
	}
	for i, p := range m.profiles.Profiles {
		if p.Name == m.api {
			return i + 2
		}
	}
	return 0
}

// copyRequestID copies the shown request_id and says so.
func (m model) copyRequestID() (model, tea.Cmd) {
	if m.ex == nil || m.ex.Diagnosis.RequestID == "" {
		m.status = info("this response carries no request_id to copy")
		return m, nil
	}
	// The id is redacted like the exchange it came from (a server may put
	// the request's token in it) and made inert: the clipboard gets no
	// escape sequence to paste into someone else's terminal.
	d := m.svc.redactor.ForRequest(m.ex.Request).Diagnosis(m.ex.Diagnosis)
	rid := render.InertLine(d.RequestID)
	return m, copyCmd(m.out, m.inTmux, m.svc.clipboard, rid, "request_id "+rid)
}

// copyTicket renders the support ticket in a command, then copies it.
func (m model) copyTicket() (model, tea.Cmd) {
	if m.ex == nil {
		m.status = info("nothing to put in a ticket yet: send a request or open one from history (ctrl+r)")
		return m, nil
	}
	return m, ticketCmd(m.svc.ticket, m.svc.curl, *m.ex)
}

// handleMouse scrolls the pane under the pointer with the wheel.
func (m model) handleMouse(msg tea.MouseMsg) (model, tea.Cmd) {
	if msg.Action != tea.MouseActionPress {
		return m, nil
	}
	var step int
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		step = -3
	case tea.MouseButtonWheelDown:
		step = 3
	default:
		return m, nil
	}
	switch m.screen {
	case screenHistory:
		m.hist.list.move(step)
	case screenDemo:
		m.demoPick.list.move(step)
	case screenProfiles:
		m.profPick.list.move(step)
	case screenDiff:
		m.diffView.wheel(step)
	case screenHelp:
		m.helpView.wheel(step)
	case screenRequest:
		f, ok := m.lay.paneAt(msg.X, msg.Y, m.shown)
		if !ok {
			return m, nil
		}
		switch f {
		case focusResponse:
			var cmd tea.Cmd
			m.resp.body, cmd = m.resp.body.Update(msg)
			return m, cmd
		case focusDiagnosis:
			m.diag.vp.SetYOffset(m.diag.vp.YOffset + step)
		}
	}
	return m, nil
}

// syncKeys enables the bindings that apply now, so they neither fire nor
// show in the help line where they mean nothing.
func (m *model) syncKeys() {
	k := &m.keys
	req := m.screen == screenRequest
	typing := m.typing()
	k.SendURL.SetEnabled(req && m.focus == focusURL)
	k.Send.SetEnabled(req)
	k.NextPane.SetEnabled(req)
	k.PrevPane.SetEnabled(req)
	k.Method.SetEnabled(req)
	k.Profile.SetEnabled(req)
	k.CopyID.SetEnabled(req && m.ex != nil && m.ex.Diagnosis.RequestID != "")
	k.Ticket.SetEnabled(req && m.ex != nil)
	k.Demo.SetEnabled(req && m.demo != nil)
	k.Replay.SetEnabled(req && !typing && m.saved != nil && !m.sending)
	k.Diff.SetEnabled((req && !typing || m.screen == screenDiff) && m.saved != nil && m.replayed != nil)
	k.History.SetEnabled(req)
	list := m.screen == screenHistory || m.screen == screenDemo || m.screen == screenProfiles
	k.Choose.SetEnabled(list)
	k.Top.SetEnabled(list)
	k.Bottom.SetEnabled(list)
}
