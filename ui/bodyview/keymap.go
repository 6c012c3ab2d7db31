package bodyview

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key the body viewer answers to while focused. The
// parent's help is generated from ShortHelp and FullHelp, so it cannot
// drift from what the keys do.
type KeyMap struct {
	Up, Down             key.Binding
	PageUp, PageDown     key.Binding
	HalfUp, HalfDown     key.Binding
	Top, Bottom          key.Binding
	Left, Right          key.Binding
	Search               key.Binding // opens the "/" prompt
	RunSearch            key.Binding // enter in the prompt
	CancelSearch         key.Binding // esc in the prompt
	NextMatch, PrevMatch key.Binding
}

// DefaultKeyMap returns pager-like keys (less and vim users will feel at
// home).
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("b/pgup", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("space/pgdn", "page down")),
		HalfUp:       key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "½ page up")),
		HalfDown:     key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "½ page down")),
		Top:          key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom")),
		Left:         key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "scroll left")),
		Right:        key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "scroll right")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search body")),
		RunSearch:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "find")),
		CancelSearch: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close search")),
		NextMatch:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:    key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
	}
}

// ShortHelp is the one-line help: the keys a first-time user needs.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.PageDown, k.Search, k.NextMatch}
}

// FullHelp is every key, grouped in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right},
		{k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
		{k.Search, k.NextMatch, k.PrevMatch},
	}
}

// ShortHelp is the one-line help for the viewer's current state: the
// prompt's keys while searching, n/N only when there are matches.
func (m Model) ShortHelp() []key.Binding {
	k := m.KeyMap
	if m.searching {
		return []key.Binding{k.RunSearch, k.CancelSearch}
	}
	if len(m.matches) > 0 {
		return []key.Binding{k.Down, k.PageDown, k.Search, k.NextMatch, k.PrevMatch}
	}
	return []key.Binding{k.Down, k.PageDown, k.Search}
}

// FullHelp is every key that applies in the viewer's current state.
func (m Model) FullHelp() [][]key.Binding {
	k := m.KeyMap
	if m.searching {
		return [][]key.Binding{{k.RunSearch, k.CancelSearch}}
	}
	help := k.FullHelp()
	if len(m.matches) == 0 {
		help[2] = []key.Binding{k.Search}
	}
	return help
}
