package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// screenSpec is all the root model needs to know of one screen: how it is
// drawn, what its keys do, what the mouse wheel scrolls and which keys the
// help line offers. Adding a screen is a constant in model.go and a case
// in spec below.
type screenSpec struct {
	view func(m model) string
	keys func(m model, k tea.KeyMsg) (model, tea.Cmd)
	// wheel scrolls by step rows; nil where the request view's panes
	// decide (the pane under the pointer).
	wheel func(m *model, step int) tea.Cmd
	// list screens choose a row with enter and jump with home/end.
	list bool
	// help is the help line's bindings beyond back, help and quit; nil
	// for the request view, whose line follows the focus.
	help func(k KeyMap) []key.Binding
}

// spec is the one place that lists the screens.
func (s screen) spec() screenSpec {
	listHelp := func(k KeyMap) []key.Binding { return []key.Binding{k.Choose, k.Up, k.Down} }
	scrollHelp := func(k KeyMap) []key.Binding { return []key.Binding{k.Up, k.Down} }
	switch s {
	case screenHistory:
		return screenSpec{
			view:  func(m model) string { return m.hist.view(m.st, m.histErr, m.svc.now()) },
			keys:  model.historyKey,
			wheel: func(m *model, step int) tea.Cmd { m.hist.list.move(step); return m.moreHistory() },
			list:  true, help: listHelp,
		}
	case screenDemo:
		return screenSpec{
			view:  model.demoView,
			keys:  model.demoKey,
			wheel: func(m *model, step int) tea.Cmd { m.demoPick.list.move(step); return nil },
			list:  true, help: listHelp,
		}
	case screenProfiles:
		return screenSpec{
			view:  func(m model) string { return m.profPick.view(m.st) },
			keys:  model.profileKey,
			wheel: func(m *model, step int) tea.Cmd { m.profPick.list.move(step); return nil },
			list:  true, help: listHelp,
		}
	case screenEnvs:
		return screenSpec{
			view:  func(m model) string { return m.envPick.view(m.st) },
			keys:  model.envKey,
			wheel: func(m *model, step int) tea.Cmd { m.envPick.list.move(step); return nil },
			list:  true, help: listHelp,
		}
	case screenHelp:
		return screenSpec{
			view: func(m model) string { return m.helpView.view() },
			keys: func(m model, k tea.KeyMsg) (model, tea.Cmd) {
				if key.Matches(k, m.keys.Back) || m.isHelpKey(k) {
					m.screen = m.back
					return m, nil
				}
				var cmd tea.Cmd
				m.helpView, cmd = m.helpView.update(k)
				return m, cmd
			},
			wheel: func(m *model, step int) tea.Cmd { m.helpView.wheel(step); return nil },
			help:  scrollHelp,
		}
	case screenDiff:
		return screenSpec{
			view: func(m model) string { return m.diffView.view() },
			keys: func(m model, k tea.KeyMsg) (model, tea.Cmd) {
				if key.Matches(k, m.keys.Back) || key.Matches(k, m.keys.Diff) {
					m.screen = screenRequest
					return m, nil
				}
				var cmd tea.Cmd
				m.diffView, cmd = m.diffView.update(k)
				return m, cmd
			},
			wheel: func(m *model, step int) tea.Cmd { m.diffView.wheel(step); return nil },
			help:  scrollHelp,
		}
	}
	return screenSpec{view: model.requestView, keys: model.requestKey}
}
