package ui

import (
	"fmt"
	"regexp"
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
	return m.screen.spec().keys(m, k)
}

// typing reports whether plain keys are text right now.
func (m model) typing() bool {
	switch m.screen {
	case screenHistory, screenDemo, screenProfiles, screenEnvs:
		// The pickers filter as you type.
		return true
	case screenRequest:
		return m.jq.active || m.focus.typing() || (m.focus == focusResponse && m.resp.body.Searching())
	}
	return false
}

// isHelpKey is f1 anywhere, ? where it is not text (HelpMark is disabled
// while typing, by syncKeys).
func (m model) isHelpKey(k tea.KeyMsg) bool {
	return key.Matches(k, m.keys.Help) || key.Matches(k, m.keys.HelpMark)
}

// requestKey handles keys in the request view.
func (m model) requestKey(k tea.KeyMsg) (model, tea.Cmd) {
	if m.jq.active {
		return m.jqKey(k)
	}
	// The body viewer's search prompt takes every key while open.
	if m.focus == focusResponse && m.resp.body.Searching() {
		var cmd tea.Cmd
		m.resp.body, cmd = m.resp.body.Update(k)
		return m, cmd
	}
	if k.Paste && isRawResponse(string(k.Runes)) && (m.focus == focusURL || !m.focus.typing()) {
		next, err := m.openPastedResponse(string(k.Runes))
		if err != nil {
			m.status = failure(err)
			return m, nil
		}
		cmd := next.setFocus(focusDiagnosis)
		return next, cmd
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
		if v := m.req.url.Value(); isHARPath(v) {
			return m.importHAR(v)
		}
		if v := m.req.url.Value(); isCurl(v) {
			// A multi-line curl command pasted without bracketed paste
			// arrives a line at a time, each line's enter after its
			// "\": keep collecting until a line ends without one.
			if rest, ok := strings.CutSuffix(strings.TrimRight(v, " \t"), "\\"); ok {
				m.req.setURL(rest+" ", len(rest)+1)
				m.status = info("reading a curl command over several lines: enter after its last line fills the request")
				return m, nil
			}
			return m.importCurl(v), nil
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
	case key.Matches(k, m.keys.JQ):
		m.jq.active = true
		cmd := m.setFocus(focusResponse)
		return m, tea.Batch(cmd, m.jq.input.Focus())
	case key.Matches(k, m.keys.Env):
		m.screen = screenEnvs
		m.envPick.point(m.env + 1)
		return m, nil
	case key.Matches(k, m.keys.Redirects, m.keys.Insecure, m.keys.Timeout, m.keys.Retries):
		m.status = info("%s", m.optionKey(k))
		return m, nil
	case key.Matches(k, m.keys.CopyCurl):
		return m.copyCurl(false)
	case key.Matches(k, m.keys.CopyCurlSecrets):
		return m.copyCurl(true)
	case key.Matches(k, m.keys.CopyBody):
		return m.copyBody()
	case key.Matches(k, m.keys.SaveBody):
		return m.saveBody()
	case key.Matches(k, m.keys.Method):
		m.req.cycleMethod()
		m.edited()
		return m, nil
	case key.Matches(k, m.keys.Profile):
		m.screen = screenProfiles
		m.profPick.point(m.profileIndex())
		return m, nil
	case key.Matches(k, m.keys.Demo):
		m.screen = screenDemo
		return m, nil
	case key.Matches(k, m.keys.Replay):
		return m.replay()
	case key.Matches(k, m.keys.Diff):
		m.diffView.set(renderDiff(*m.cur.saved, *m.cur.replayed, m.st))
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
	if m.cur.saved != nil {
		// An exchange opened from history: back to the list, on its row.
		m.status = info("back in the history list: enter opens the exchange again")
		return m.openHistory()
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
	if m.cur.ex != nil {
		m.cur.stale = true
	}
	if m.cur.offline {
		m.cur.offline = false
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

// lineContinuation is a "\" ending a line of a shell command: before a
// newline as pasted, or, once the URL bar turned newlines into spaces, a
// "\" standing alone as a word (an escaped space on its own would be an
// empty-looking argument no curl command has).
var lineContinuation = regexp.MustCompile(`\\[ \t]*\r?\n|(^|[ \t])\\[ \t]+`)

// joinContinuations joins the lines of a curl command pasted without
// bracketed paste, where shell rules would read "\ " as a literal space.
func joinContinuations(s string) string {
	return strings.TrimSpace(lineContinuation.ReplaceAllString(s, " "))
}

// importCurl fills the request view from a curl command.
func (m model) importCurl(cmdline string) model {
	req, err := m.svc.parseCurl(joinContinuations(cmdline))
	if err != nil {
		m.status = failure(fmt.Errorf("could not read the curl command: %v", err))
		return m
	}
	m.req.fill(req.Method, req.URL, req.Header, string(req.Body))
	m.reqOpts = req.Options
	m.reqOpts.API, m.reqOpts.Profiles = "", nil
	if req.Method == "" && len(req.Body) > 0 {
		m.req.method = "POST"
	}
	if req.Options.API != "" {
		m.choose(req.Options.API, req.URL, "from the curl command's --api")
	}
	// A new request: nothing of an exchange opened from history (its
	// replay, its diff) applies to it.
	m.cur.saved, m.cur.replayed, m.cur.offline = nil, nil, false
	m.clearShown()
	m.status = info("filled from the curl command: enter sends it")
	if s := optionsSummary(m.reqOpts); s != "" {
		m.status = info("filled from the curl command, with its options %s: enter sends it (alt+l/k/t/r change them)", s)
	}
	return m
}
