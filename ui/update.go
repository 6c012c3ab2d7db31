package ui

import (
	"errors"
	"fmt"
	"strings"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// Update routes each message: keys and the mouse to the focused view,
// background results to the part of the model that asked for them.
func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.syncKeys()
	m, cmd := m.route(msg)
	m.syncKeys()
	if m.ready {
		m.fitURL()
	}
	return m, cmd
}

func (m model) route(msg tea.Msg) (model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	case tea.MouseMsg:
		return m.handleMouse(msg)
	case spinner.TickMsg:
		if !m.sending {
			return m, nil // the request ended: let the spinner stop
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case sentMsg:
		return m.onSent(msg)
	case firstByteMsg:
		if msg.tag == m.sendTag && m.sending && m.firstByte.IsZero() {
			m.firstByte = m.svc.now()
		}
		return m, nil
	case savedMsg:
		return m.onSaved(msg), nil
	case historyOpenedMsg:
		return m.onHistoryOpened(msg)
	case debounceMsg:
		if msg.tag != m.hist.tag || m.store == nil {
			return m, nil
		}
		m.hist.loading = true
		h := &m.hist
		h.total = -1
		return m, searchCmd(m.store, h.tag, h.query.Value(), historyPage, 0, pageFirst)
	case searchMsg:
		m.hist.apply(msg)
		return m, nil
	case liveMsg:
		return m.onLive(msg)
	case loadedMsg:
		if msg.tag != m.hist.loadTag || m.screen != screenHistory {
			return m, nil // given up: the person moved on
		}
		if msg.err != nil {
			m.status = failure(fmt.Errorf("could not open the saved exchange: %w", msg.err))
			return m, nil
		}
		return m.openOffline(msg.ex)
	case profilesMsg:
		return m.onProfiles(msg), nil
	case harImportedMsg:
		return m.onHARImported(msg)
	case jqMsg:
		return m.onJQ(msg)
	case envsMsg:
		m.envs = msg.envs
		m.envPick.setRows(envRows(m.envs), 2)
		if len(msg.errs) > 0 {
			m.status = failure(fmt.Errorf("environment file skipped: %s", msg.errs[0]))
		}
		return m, nil
	case savedBodyMsg:
		if msg.err != nil {
			m.status = failure(fmt.Errorf("could not save the body: %w", msg.err))
		} else {
			m.status = info("saved the response body (secrets redacted) to %s", render.InertLine(msg.path))
		}
		return m, nil
	case rememberedMsg:
		return m.onRemembered(msg), nil
	case reexplainedMsg:
		return m.onReexplained(msg)
	case demoMsg:
		return m.onDemo(msg), nil
	case copiedMsg:
		if msg.system {
			m.status = info("copied %s", msg.what)
		} else {
			// The terminal may drop an OSC 52 sequence without a word:
			// say it was sent, not that it arrived.
			m.status = info("sent %s to the terminal's clipboard (OSC 52; no system clipboard here)%s", msg.what, m.osc52Hint())
		}
		return m, nil
	case clipboardError:
		m.status = failure(msg)
		return m, nil
	case ticketMsg:
		if msg.err != nil {
			m.status = failure(msg.err)
			return m, nil
		}
		// The ticket is redacted and inert already; redacting again costs
		// little and keeps the clipboard safe whatever rendered it.
		red := m.svc.redactor.ForRequest(msg.req)
		text := red.Text(msg.text)
		what := fmt.Sprintf("support ticket (Markdown, %d lines) of %s", strings.Count(text, "\n")+1, msg.of)
		if msg.rid != "" {
			what += " for request_id " + render.InertLine(red.Text(msg.rid))
		}
		return m, copyCmd(m.out, m.inTmux, m.svc.clipboard, text, what)
	case tickMsg:
		if msg.tag != m.tickTag {
			return m, nil
		}
		now := m.svc.now()
		m.diag.refresh(m.st, now)
		if m.diag.counting(now) {
			return m, tickCmd(m.tickTag)
		}
		return m, nil
	}
	return m.background(msg)
}

// background hands any other message (cursor blinks, the body viewer's own
// replies) to the children that may own it; none of them is a key.
func (m model) background(msg tea.Msg) (model, tea.Cmd) {
	var cmds [3]tea.Cmd
	m.resp.body, cmds[0] = m.resp.body.Update(msg)
	if m.focus.typing() {
		_, cmds[1] = m.req.update(m.focus, msg)
	}
	if m.screen == screenHistory {
		m.hist.query, cmds[2] = m.hist.query.Update(msg)
	}
	return m, tea.Batch(cmds[:]...)
}

// onSent shows a response, unless it answers a request that was cancelled
// or superseded since, and saves it.
func (m model) onSent(msg sentMsg) (model, tea.Cmd) {
	if msg.tag != m.sendTag || !m.sending {
		return m, nil
	}
	m.sending = false
	m.cancel = nil
	ex := msg.ex
	ex.Source = exchange.SourceTUI
	now := m.svc.now()
	if ex.Time.IsZero() {
		ex.Time = now.UTC()
	}
	// The environment's values are secrets wherever the exchange goes:
	// on screen, in history, tickets and copies.
	if vals := m.envSecrets(); len(vals) > 0 {
		ex = m.svc.redactor.WithSecrets(vals...).Exchange(ex)
	}
	var cmds []tea.Cmd
	cmds = append(cmds, m.show(&ex, now))
	if m.cur.replaying {
		m.cur.replaying = false
		m.cur.replayed, m.cur.offline = &ex, false
		m.status = info("replayed: %s · d shows what changed", summary(ex))
		if m.sentRedacted {
			m.status = info("replayed with redacted secrets (type them in, then r): %s · d shows what changed", summary(ex))
		}
	} else {
		m.cur.saved, m.cur.replayed, m.cur.offline = nil, nil, false
		m.status = info("%s", summary(ex))
		if m.sentRedacted {
			m.status = info("sent with redacted secrets (type the real ones in, then send again): %s", summary(ex))
		}
	}
	if m.fillNote != "" {
		m.status.text += " · " + m.fillNote
	}
	// The compact layout shows one pane: bring the diagnosis forward
	// unless the person is reading another pane.
	switch {
	case m.lay.compact && m.focus == focusURL:
		m.shown = focusDiagnosis
	case m.lay.compact && m.focus.typing():
		cmds = append(cmds, m.setFocus(focusDiagnosis))
	}
	switch {
	case m.store != nil:
		cmds = append(cmds, saveCmd(m.store, m.sendTag, ex))
	case m.histErr != nil:
		m.status.text += " · not saved: history unavailable"
	default:
		m.pending = append(m.pending, pendingSave{m.sendTag, ex})
	}
	return m, tea.Batch(cmds...)
}

func (m model) onSaved(msg savedMsg) model {
	var kept *history.SavedLocallyError
	if errors.As(msg.err, &kept) {
		m.status = failure(msg.err) // saved, but in the local file: say where
		return m
	}
	if msg.err != nil {
		m.status = failure(fmt.Errorf("not saved to history: %w", msg.err))
		return m
	}
	if m.cur.ex != nil && msg.tag == m.sendTag && m.cur.ex.ID == 0 {
		m.cur.ex.ID = msg.id
		if !m.status.err && !m.sending {
			m.status.text += fmt.Sprintf(" · saved as #%d", msg.id)
		}
	}
	return m
}

// onHistoryOpened keeps the store, or one clear line saying why there is
// none; the rest of the TUI works either way and the file is not touched.
func (m model) onHistoryOpened(msg historyOpenedMsg) (model, tea.Cmd) {
	if msg.err != nil {
		where := ""
		if shown := history.Display(m.opts.HistoryPath); !strings.Contains(msg.err.Error(), shown) {
			where = " (" + shown + ")"
		}
		m.histErr = fmt.Errorf("history unavailable%s: %v; nothing is saved this session", where, msg.err)
		m.status = failure(m.histErr)
		m.pending = nil
		return m, nil
	}
	m.store = msg.store
	var cmds []tea.Cmd
	for _, p := range m.pending {
		cmds = append(cmds, saveCmd(m.store, p.tag, p.ex))
	}
	m.pending = nil
	if m.screen == screenHistory {
		tag := m.hist.begin()
		cmds = append(cmds, searchCmd(m.store, tag, m.hist.query.Value(), historyPage, 0, pageFirst), m.startLive())
	}
	return m, tea.Batch(cmds...)
}

func (m model) onProfiles(msg profilesMsg) model {
	if msg.err != nil {
		m.status = failure(fmt.Errorf("API profiles: %w", msg.err))
	}
	m.profiles = msg.set
	m.diag.reg = msg.set.Registry
	if len(msg.set.Warnings) > 0 {
		m.status = failure(fmt.Errorf("API profiles: %s", msg.set.Warnings[0]))
	}
	m.profPick.setRows(profileRows(m.profiles.Profiles), 1)
	return m
}

func (m model) onReexplained(msg reexplainedMsg) (model, tea.Cmd) {
	if msg.tag != m.explainTag || m.cur.ex == nil {
		return m, nil
	}
	ex := *m.cur.ex
	ex.Diagnosis = msg.diag
	cmd := m.show(&ex, m.cur.received)
	if c, ok := m.choiceFor(ex.Request.URL); ok {
		m.status = info("explained again with %s; later requests to %s use it too", profileLabel(c.api), c.host)
	} else {
		m.status = info("explained again with the automatic profile choice")
	}
	return m, cmd
}

func (m model) onDemo(msg demoMsg) model {
	if msg.err != nil {
		m.demoErr = msg.err
		m.status = failure(fmt.Errorf("the demo API could not start: %w", msg.err))
		if m.screen == screenDemo {
			m.screen = screenRequest
		}
		return m
	}
	m.demo = &msg.demo
	m.demoPick.setRows(demoRows(msg.demo.Routes), 4)
	m.status = info("demo API listening on %s: pick a route (ctrl+g brings this list back)", msg.demo.URL)
	return m
}

// profileLabel names a profile choice for people.
func profileLabel(api string) string {
	switch api {
	case "":
		return "the automatic profile choice"
	case profileNone:
		return "no profile"
	}
	return "profile " + api
}
