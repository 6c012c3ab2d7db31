package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// resize lays the screen out for a new terminal size and gives every
// child its share, measured from the styles' frames.
func (m *model) resize(w, h int) {
	m.ready = true
	m.lay = computeLayout(w, h, m.st)
	m.help.Width = w
	m.fitURL()
	hw, hh := inner(m.st.Pane, m.lay.panes[focusHeaders])
	m.req.headers.SetWidth(hw)
	m.req.headers.SetHeight(hh)
	bw, bh := inner(m.st.Pane, m.lay.panes[focusBody])
	m.req.body.SetWidth(bw)
	m.req.body.SetHeight(bh)
	rw, rh := inner(m.st.Pane, m.lay.panes[focusResponse])
	m.resp.setSize(rw, rh, m.st)
	dw, dh := inner(m.st.Pane, m.lay.panes[focusDiagnosis])
	m.diag.setSize(dw, dh, m.st, m.svc.now())
	m.hist.setSize(m.lay.main.w, m.lay.main.h-historyChrome)
	m.demoPick.setSize(m.lay.main.w, m.lay.main.h-pickerChrome, 4)
	m.profPick.setSize(m.lay.main.w, m.lay.main.h-pickerChrome, 1)
	m.envPick.setSize(m.lay.main.w, m.lay.main.h-pickerChrome, 2)
	m.diffView.setSize(m.lay.main.w, m.lay.main.h)
	m.helpView.setSize(m.lay.main.w, m.lay.main.h)
	if m.screen == screenHelp {
		m.helpView.set(renderHelp(m.keys, m.resp.body.KeyMap, m.lay.main.w, m.st))
	}
}

// fitURL gives the URL input the room the method label leaves it in the
// bar. It runs after every update too, as the label's width follows the
// method (GET, POST, OPTIONS).
func (m *model) fitURL() {
	urlInner := m.lay.url.w - m.st.URLBar.GetHorizontalFrameSize()
	w := max(urlInner-lipgloss.Width(m.methodView())-2, 1)
	if w == m.req.url.Width {
		return
	}
	m.req.url.Width = w
	// The input lays out its visible part only as the cursor moves:
	// set the value again so the part is laid out for the new width.
	m.req.setURL(m.req.url.Value(), m.req.url.Position())
}

// View draws the whole screen: header, the current view, the status bar
// and the one-line help.
func (m model) View() string {
	if !m.ready {
		// The first frame comes before the size is known: show the
		// request view at a small default size rather than nothing.
		m.resize(80, 24)
	}
	main := m.screen.spec().view(m)
	main = fill(main, m.lay.main.w, m.lay.main.h)
	target := ""
	if m.sending {
		target = m.req.method + " " + hostPath(m.req.url.Value())
	}
	status := renderStatus(m.status, m.sending, m.spin.View(), target, m.svc.now().Sub(m.started), m.lay.width, m.st)
	if m.jq.active && m.screen == screenRequest {
		status = cut(m.jq.input.View()+m.st.Muted.Render("  "+m.jq.result+" · enter keeps · esc clears"), m.lay.width)
	}
	// The help model's own cut misses a few cells at some widths.
	if strings.Contains(status, "\n") {
		// The message needs two lines: the help line gives its room.
		return lipgloss.JoinVertical(lipgloss.Left, m.headerView(), main, status)
	}
	helpLine := cut(m.help.ShortHelpView(m.contextHelp()), m.lay.width)
	return lipgloss.JoinVertical(lipgloss.Left, m.headerView(), main, status, helpLine)
}

// headerView is the title, what is on screen, and the profile in use.
func (m model) headerView() string {
	left := m.st.Title.Render("apierr")
	mode := ""
	switch {
	case m.cur.offline && m.cur.saved != nil:
		mode = "offline · #" + itoa(m.cur.saved.ID) + " from " + m.cur.saved.Time.Local().Format("2006-01-02 15:04") + " · read-only until edited"
	case m.cur.replayed != nil:
		mode = "replay of #" + itoa(m.cur.saved.ID) + " · d diffs"
	}
	if mode != "" {
		left += "  " + m.st.Mode.Render(mode)
	}
	right := "profile: " + m.profileShown()
	if env := m.activeEnv(); env != nil {
		right = "env: " + render.InertLine(env.name) + " · " + right
	}
	if s := optionsSummary(m.reqOpts); s != "" {
		right = render.InertLine(s) + " · " + right
	}
	if m.demo != nil {
		right += " · demo " + m.demo.URL
	}
	if m.histErr != nil {
		right += " · history unavailable"
	}
	right = m.st.Muted.Render(right)
	gap := m.lay.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return cut(left, m.lay.width)
	}
	return left + strings.Repeat(" ", gap) + right
}

// profileShown names the profile of what is on screen: the shown
// exchange's while the fields still hold its request (the body's clues
// may have beaten a choice), else the one the next send would use.
func (m model) profileShown() string {
	if m.cur.ex != nil && !m.cur.stale {
		if m.cur.ex.Diagnosis.API != "" {
			return m.cur.ex.Diagnosis.API
		}
		if m.cur.ex.Diagnosis.APIMatch != "" {
			return "none"
		}
	}
	c, _ := m.choiceFor(m.req.url.Value())
	return profileName(c.api)
}

func profileName(api string) string {
	switch api {
	case "":
		return "auto"
	case profileNone:
		return "none"
	}
	return api
}

func (m model) methodView() string { return m.st.Method.Render(m.req.method) + " ▸" }

// requestView is the URL bar and the panes: side by side when wide, one
// at a time under a tab strip when compact.
func (m model) requestView() string {
	bar := m.st.URLBar
	if m.focus == focusURL {
		bar = m.st.FocusedURLBar
	}
	url := bar.Width(m.lay.url.w - bar.GetHorizontalBorderSize()).
		Render(clip(m.methodView()+" "+m.req.urlView(m.req.url.Width), m.lay.url.w-bar.GetHorizontalFrameSize(), 1))
	if m.lay.compact {
		return lipgloss.JoinVertical(lipgloss.Left, url, m.tabsView(), m.paneBox(m.shown))
	}
	return lipgloss.JoinVertical(lipgloss.Left, url,
		lipgloss.JoinHorizontal(lipgloss.Top, m.paneBox(focusHeaders), m.paneBox(focusBody)),
		lipgloss.JoinHorizontal(lipgloss.Top, m.paneBox(focusResponse), m.paneBox(focusDiagnosis)))
}

// tabsView is the compact layout's pane switcher.
func (m model) tabsView() string {
	var tabs []string
	for f := focusHeaders; f < focusCount; f++ {
		s, title := m.st.Tab, paneTitles[f]
		if f == m.shown {
			s = m.st.ActiveTab
			if m.st.Plain {
				title = "[" + title + "]"
			}
		}
		tabs = append(tabs, s.Render(title))
	}
	return cut(strings.Join(tabs, "")+m.st.Muted.Render("  tab switches"), m.lay.width)
}

// iwOf is the content width of a pane drawn in r with style s.
func iwOf(s lipgloss.Style, r rect) int { w, _ := inner(s, r); return w }

// paneBox frames pane f at its layout size with its title.
func (m model) paneBox(f focus) string {
	r := m.lay.panes[f]
	s := m.st.Pane
	title := m.st.PaneTitle.Render(paneTitles[f])
	if m.focus == f {
		s = m.st.FocusedPane
		title = m.st.FocusedPaneTitle.Render(paneTitles[f])
	}
	var content string
	switch f {
	case focusHeaders:
		content = m.req.headers.View()
	case focusBody:
		content = m.req.body.View()
	case focusResponse:
		if m.jq.filter != "" {
			style := m.st.Muted
			if m.jq.failed {
				style = m.st.Warn
			}
			title += style.Render(" · jq " + cut(render.InertLine(m.jq.filter), 30) + ": " + cut(render.InertLine(m.jq.result), max(iwOf(s, r)-45, 10)))
		}
		if m.cur.stale {
			title += m.st.Warn.Render(" · previous request: " + cut(exchangeLabel(*m.cur.ex), max(iwOf(s, r)-31, 12)))
		}
		content = m.resp.view(m.st)
		if m.sending {
			content = m.spin.View() + " waiting for the response… (esc cancels)"
			if !m.firstByte.IsZero() {
				content = m.spin.View() + fmt.Sprintf(" receiving the body: first byte after %s (esc cancels)",
					fmtDuration(m.firstByte.Sub(m.started)))
			}
		}
	case focusDiagnosis:
		content = m.diag.view()
		switch {
		case m.cur.stale:
			title += m.st.Warn.Render(" · of the previous request, not the fields")
		case m.cur.ex != nil && m.cur.ex.Diagnosis.API != "":
			title += m.st.Muted.Render(" · " + render.InertLine(m.cur.ex.Diagnosis.API))
		}
		if hint := scrollHint(m.diag.vp); hint != "" {
			title += m.st.Muted.Render(" · " + hint)
		}
		title = cut(title, iwOf(s, r))
	}
	iw, ih := inner(s, r)
	body := title + "\n" + clip(content, iw, ih)
	return s.Width(r.w - s.GetHorizontalBorderSize()).Height(r.h - s.GetVerticalBorderSize()).Render(body)
}

func (m model) demoView() string {
	if m.demo == nil {
		msg := "starting the demo API…"
		if m.demoErr != nil {
			msg = "the demo API could not start: " + m.demoErr.Error()
		}
		return m.st.Heading.Render(m.demoPick.title) + "\n" + m.st.Muted.Render(msg)
	}
	return m.demoPick.view(m.st)
}

// contextHelp is the help line's bindings for the current screen; the
// disabled ones are left out by the help renderer.
func (m model) contextHelp() []key.Binding {
	k := m.keys
	back := k.Back
	back.SetHelp("esc", "back")
	if help := m.screen.spec().help; help != nil {
		b := append(help(k), back)
		if m.screen != screenHelp {
			b = append(b, k.ShortHelp()[1])
		}
		return append(b, k.Quit)
	}
	b := k.ShortHelp()
	if m.focus == focusResponse {
		b = append(m.resp.body.KeyMap.ShortHelp(), b...)
	}
	return b
}

// clip cuts s to at most h lines of at most w cells.
func clip(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	return cutLines(lines, w)
}

// fill is clip padded with empty lines to exactly h lines.
func fill(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
