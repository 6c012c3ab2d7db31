package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// handleKey sends a key to the screen that has it. ctrl+c quits from
// anywhere; f1 (and ? when not typing) opens the help.
func (m model) handleKey(k tea.KeyMsg) (model, tea.Cmd) {
	if key.Matches(k, m.keys.Quit) {
		return m, tea.Quit
	}
	if m.screen != screenHelp && m.isHelpKey(k) {
		m.back, m.screen = m.screen, screenHelp
		m.helpView.set(renderHelp(m.keys, m.resp.body.KeyMap, m.lay.main.w, m.st))
		return m, nil
	}
	switch m.screen {
	case screenHelp:
		if key.Matches(k, m.keys.Back) || m.isHelpKey(k) {
			m.screen = m.back
			return m, nil
		}
		var cmd tea.Cmd
		m.helpView, cmd = m.helpView.update(k)
		return m, cmd
	case screenHistory:
		return m.historyKey(k)
	case screenDemo:
		return m.demoKey(k)
	case screenProfiles:
		return m.profileKey(k)
	case screenDiff:
		if key.Matches(k, m.keys.Back) || key.Matches(k, m.keys.Diff) {
			m.screen = screenRequest
			return m, nil
		}
		var cmd tea.Cmd
		m.diffView, cmd = m.diffView.update(k)
		return m, cmd
	}
	return m.requestKey(k)
}

// typing reports whether plain keys are text right now.
func (m model) typing() bool {
	switch m.screen {
	case screenHistory:
		return true
	case screenRequest:
		return m.focus.typing() || (m.focus == focusResponse && m.resp.body.Searching())
	}
	return false
}

// isHelpKey is f1 anywhere, ? only where it is not text.
func (m model) isHelpKey(k tea.KeyMsg) bool {
	return key.Matches(k, m.keys.Help) && (k.String() != "?" || !m.typing())
}

// requestKey handles keys in the request view.
func (m model) requestKey(k tea.KeyMsg) (model, tea.Cmd) {
	// The body viewer's search prompt takes every key while open.
	if m.focus == focusResponse && m.resp.body.Searching() {
		var cmd tea.Cmd
		m.resp.body, cmd = m.resp.body.Update(k)
		return m, cmd
	}
	if k.Paste && m.focus == focusURL && isCurl(string(k.Runes)) {
		return m.importCurl(string(k.Runes)), nil
	}
	switch {
	case key.Matches(k, m.keys.Back):
		return m.escape()
	case key.Matches(k, m.keys.Send):
		return m.sendFields()
	case key.Matches(k, m.keys.SendURL):
		if isCurl(m.req.url.Value()) {
			return m.importCurl(m.req.url.Value()), nil
		}
		return m.sendFields()
	case key.Matches(k, m.keys.NextPane):
		return m, m.setFocus((m.focus + 1) % focusCount)
	case key.Matches(k, m.keys.PrevPane):
		return m, m.setFocus((m.focus + focusCount - 1) % focusCount)
	case key.Matches(k, m.keys.History):
		return m.openHistory()
	case key.Matches(k, m.keys.CopyID):
		return m.copyRequestID()
	case key.Matches(k, m.keys.Ticket):
		return m.copyTicket()
	case key.Matches(k, m.keys.Method):
		m.req.cycleMethod()
		m.edited()
		return m, nil
	case key.Matches(k, m.keys.Profile):
		m.screen = screenProfiles
		m.profPick.list.move(m.profileIndex() - m.profPick.list.cursor)
		return m, nil
	case key.Matches(k, m.keys.Demo):
		m.screen = screenDemo
		return m, nil
	case key.Matches(k, m.keys.Replay):
		return m.replay()
	case key.Matches(k, m.keys.Diff):
		m.diffView.set(renderDiff(*m.saved, *m.replayed, m.st))
		m.screen = screenDiff
		return m, nil
	}
	return m.forwardToFocused(k)
}

// escape cancels the request in flight, or leaves the current field: from
// a text field to the diagnosis, from a pane back to the URL bar.
func (m model) escape() (model, tea.Cmd) {
	if m.sending {
		return m.cancelSend(), nil
	}
	if m.focus.typing() {
		return m, m.setFocus(focusDiagnosis)
	}
	return m, m.setFocus(focusURL)
}

// forwardToFocused gives msg to the focused child of the request view.
func (m model) forwardToFocused(msg tea.Msg) (model, tea.Cmd) {
	if m.screen == screenHistory {
		before := m.hist.query.Value()
		var cmd tea.Cmd
		m.hist.query, cmd = m.hist.query.Update(msg)
		if m.hist.query.Value() != before {
			m.hist.tag++
			return m, tea.Batch(cmd, debounceCmd(m.hist.tag, searchDebounce))
		}
		return m, cmd
	}
	if m.screen != screenRequest {
		return m, nil
	}
	var cmd tea.Cmd
	switch m.focus {
	case focusResponse:
		m.resp.body, cmd = m.resp.body.Update(msg)
	case focusDiagnosis:
		m.diag, cmd = m.diag.update(msg)
	default:
		var changed bool
		changed, cmd = m.req.update(m.focus, msg)
		if changed {
			m.edited()
		}
	}
	return m, cmd
}

// edited turns an exchange opened from history into a new request.
func (m *model) edited() {
	if m.offline {
		m.offline = false
		m.status = info("edited: this is a new request now (enter or ctrl+s sends it)")
	}
}

// setFocus moves the focus and the text cursor to f.
func (m *model) setFocus(f focus) tea.Cmd {
	m.focus = f
	if f != focusURL {
		m.shown = f
	}
	m.resp.body.Blur()
	if f == focusResponse {
		m.resp.body.Focus()
	}
	return m.req.focus(f)
}

// isCurl reports whether s is a curl command rather than a URL.
func isCurl(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "curl ") || strings.HasPrefix(s, "curl\t") || strings.HasPrefix(s, "curl\\")
}

// importCurl fills the request view from a curl command.
func (m model) importCurl(cmdline string) model {
	req, err := m.svc.parseCurl(strings.TrimSpace(cmdline))
	if err != nil {
		m.status = failure(fmt.Errorf("could not read the curl command: %v", err))
		return m
	}
	m.req.fill(req.Method, req.URL, req.Header, string(req.Body))
	if req.Method == "" && len(req.Body) > 0 {
		m.req.method = "POST"
	}
	if req.Options.API != "" {
		m.api = req.Options.API
	}
	// A new request: nothing of an exchange opened from history (its
	// replay, its diff) applies to it.
	m.saved, m.replayed, m.offline = nil, nil, false
	m.status = info("filled from the curl command: enter sends it")
	return m
}
