package ui

import (
	"cmp"

	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// openHistory shows the history browser. The first time it fetches the
// first page; coming back it fetches the same window again (new
// exchanges may have been saved) and keeps the cursor on the row it was
// on.
func (m model) openHistory() (model, tea.Cmd) {
	m.screen = screenHistory
	cmd := m.hist.query.Focus()
	if m.store == nil {
		return m, cmd
	}
	h := &m.hist
	tag := h.begin()
	live := m.startLive()
	if e, ok := h.selected(); ok {
		h.keepID = e.ID
		return m, tea.Batch(cmd, searchCmd(m.store, tag, h.query.Value(), max(len(h.rows), historyPage), h.base, pageRefresh), live)
	}
	return m, tea.Batch(cmd, searchCmd(m.store, tag, h.query.Value(), historyPage, 0, pageFirst), live)
}

// historyKey: list keys move the cursor (fetching the next page near the
// end), enter opens, esc leaves; every other key edits the filter. home
// and end go to the first and the last match, not the loaded ones.
func (m model) historyKey(k tea.KeyMsg) (model, tea.Cmd) {
	h := &m.hist
	switch {
	case key.Matches(k, m.keys.Back):
		m.screen = screenRequest
		h.loadTag++ // an entry still loading is given up
		h.query.Blur()
		return m, m.setFocus(m.focus)
	case key.Matches(k, m.keys.Choose):
		e, ok := h.selected()
		if !ok || m.store == nil {
			return m, nil
		}
		h.loadTag++
		return m, loadCmd(m.store, h.loadTag, e.ID)
	case key.Matches(k, m.keys.Up):
		h.list.move(-1)
	case key.Matches(k, m.keys.Down):
		h.list.move(1)
	case key.Matches(k, m.keys.PageUp):
		h.list.move(-h.list.height)
	case key.Matches(k, m.keys.PageDown):
		h.list.move(h.list.height)
	case key.Matches(k, m.keys.Top):
		if h.base > 0 && m.store != nil {
			tag := h.begin()
			return m, searchCmd(m.store, tag, h.query.Value(), historyPage, 0, pageFirst)
		}
		h.list.move(-h.list.n)
	case key.Matches(k, m.keys.Bottom):
		if last := int(h.total) - historyPage; h.total >= 0 && int64(h.base+len(h.rows)) < h.total && m.store != nil {
			tag := h.begin()
			return m, searchCmd(m.store, tag, h.query.Value(), historyPage, max(last, 0), pageLast)
		}
		h.list.move(h.list.n)
	default:
		return m.forwardToFocused(k)
	}
	return m, m.moreHistory()
}

// moreHistory fetches the next page when the cursor nears the end of the
// window, or the previous one when it nears its start.
func (m *model) moreHistory() tea.Cmd {
	h := &m.hist
	switch {
	case m.store == nil:
		return nil
	case h.wantsMore():
		h.loading = true
		return searchCmd(m.store, h.tag, h.query.Value(), historyPage, h.base+len(h.rows), pageNext)
	case h.wantsEarlier():
		h.loading = true
		from := max(h.base-historyPage, 0)
		return searchCmd(m.store, h.tag, h.query.Value(), h.base-from, from, pagePrev)
	}
	return nil
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
		i, ok := m.demoPick.selected()
		if m.demo == nil || !ok || i >= len(m.demo.Routes) {
			return m, nil
		}
		r := m.demo.Routes[i]
		m.req.fill(r.Method, m.demo.URL+r.Path, r.Header, r.Body)
		m.choose(r.API, m.demo.URL+r.Path, "set by the demo route")
		// A new request: nothing of an exchange opened from history
		// (its replay, its diff) applies to it.
		m.cur.saved, m.cur.replayed, m.cur.offline = nil, nil, false
		m.clearShown()
		m.screen = screenRequest
		m.status = info("%s %s: press enter to send (profile %s)", r.Method, r.Path, cmp.Or(r.API, "auto"))
		return m, m.setFocus(focusURL)
	}
	if !m.listKey(&m.demoPick.list, k) {
		m.demoPick.typeKey(k)
	}
	return m, nil
}

// profileKey: enter re-explains the shown response with the chosen
// profile, and later sends use it.
func (m model) profileKey(k tea.KeyMsg) (model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Back):
		m.screen = screenRequest
		return m, nil
	case key.Matches(k, m.keys.Choose), key.Matches(k, m.keys.Remember):
		i, ok := m.profPick.selected()
		if !ok {
			return m, nil
		}
		api := ""
		switch i {
		case 0:
		case 1:
			api = profileNone
		default:
			api = m.profiles.Profiles[i-2].Name
		}
		target := m.profileTarget()
		m.choose(api, target, "chosen with ctrl+p for "+urlHost(target))
		m.screen = screenRequest
		if key.Matches(k, m.keys.Remember) {
			return m.rememberProfile(api, urlHost(target))
		}
		return m.reexplain()
	}
	if !m.listKey(&m.profPick.list, k) {
		m.profPick.typeKey(k)
	}
	return m, nil
}

// profileIndex is the picker row of the profile in use (a demo route or a
// curl command may have chosen it): auto, none, then the profiles.
func (m model) profileIndex() int {
	c, _ := m.choiceFor(m.profileTarget())
	switch c.api {
	case "":
		return 0
	case profileNone:
		return 1
	}
	for i, p := range m.profiles.Profiles {
		if p.Name == c.api {
			return i + 2
		}
	}
	return 0
}

// copyRequestID copies the shown request_id and says so.
func (m model) copyRequestID() (model, tea.Cmd) {
	switch {
	case m.cur.ex == nil:
		m.status = info("no exchange shown yet, so no request_id to copy: send a request or open one from history (ctrl+r)")
		return m, nil
	case m.cur.ex.Diagnosis.RequestID == "":
		m.status = info("nothing copied: the answer to %s carries no request_id (none in its body or headers)", exchangeLabel(*m.cur.ex))
		return m, nil
	}
	// The id is redacted like the exchange it came from (a server may put
	// the request's token in it) and made inert: the clipboard gets no
	// escape sequence to paste into someone else's terminal.
	d := m.svc.redactor.ForRequest(m.cur.ex.Request).Diagnosis(m.cur.ex.Diagnosis)
	rid := render.InertLine(d.RequestID)
	what := "request_id " + rid + " of " + exchangeLabel(*m.cur.ex)
	if m.cur.stale {
		what += " (the previous request)"
	}
	return m, copyCmd(m.out, m.inTmux, m.svc.clipboard, rid, what)
}

// copyTicket renders the support ticket in a command, then copies it.
func (m model) copyTicket() (model, tea.Cmd) {
	if m.cur.ex == nil {
		m.status = info("nothing to put in a ticket yet: send a request or open one from history (ctrl+r)")
		return m, nil
	}
	return m, ticketCmd(m.svc.ticket, m.svc.curl, *m.cur.ex, m.cur.stale)
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
	if wheel := m.screen.spec().wheel; wheel != nil {
		return m, wheel(&m, step)
	}
	switch m.screen {
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
	// Enabled without a request_id too, so the key says why nothing was
	// copied rather than doing nothing.
	k.CopyID.SetEnabled(req)
	k.Ticket.SetEnabled(req && m.cur.ex != nil)
	k.Demo.SetEnabled(req && m.demo != nil)
	k.Replay.SetEnabled(req && !typing && m.cur.saved != nil && !m.sending)
	k.Diff.SetEnabled((req && !typing || m.screen == screenDiff) && m.cur.saved != nil && m.cur.replayed != nil)
	k.History.SetEnabled(req)
	list := m.screen.spec().list
	k.HelpMark.SetEnabled(!typing)
	// alt+b, alt+c and alt+l move by and recase words in the headers and
	// body editors, and alt+b in the URL bar (bubbles' editing keys):
	// there they are the field's.
	editor := m.focus == focusHeaders || m.focus == focusBody
	k.CopyBody.SetEnabled(req && !typing)
	for _, b := range []*key.Binding{&k.CopyCurl, &k.CopyCurlSecrets, &k.Redirects} {
		b.SetEnabled(req && !(editor && typing))
	}
	k.Choose.SetEnabled(list)
	k.Remember.SetEnabled(m.screen == screenProfiles)
	k.Top.SetEnabled(list)
	k.Bottom.SetEnabled(list)
}
