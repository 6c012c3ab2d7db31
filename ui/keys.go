package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key the TUI answers to. Help is generated from it, so the
// help screen cannot drift from behaviour; bindings that do not apply in
// the current context are disabled with SetEnabled (see model.syncKeys).
type KeyMap struct {
	// Global, in the request view.
	Send     key.Binding // ctrl+s anywhere in the request view
	SendURL  key.Binding // enter in the URL bar
	Back     key.Binding // esc: cancel a request in flight, leave a field or view
	NextPane key.Binding
	PrevPane key.Binding
	History  key.Binding
	CopyID   key.Binding
	Ticket   key.Binding
	// CopyCurl, CopyCurlSecrets, CopyBody and SaveBody copy the request
	// as curl (redacted; with secrets only on its own key), copy the
	// response body and write it to a file.
	CopyCurl, CopyCurlSecrets, CopyBody, SaveBody key.Binding
	// Request options: follow redirects, skip TLS verification, the
	// timeout and the retries of the next send.
	Redirects, Insecure, Timeout, Retries key.Binding
	// Env opens the environment picker.
	Env key.Binding
	// JQ opens the jq filter of the response body.
	JQ       key.Binding
	Help     key.Binding // f1, anywhere
	HelpMark key.Binding // ?, only where it is not text (see syncKeys)
	Quit     key.Binding
	Method   key.Binding
	Profile  key.Binding
	Demo     key.Binding

	// Offline exchange opened from history.
	Replay key.Binding
	Diff   key.Binding

	// Lists (history browser, pickers) and scrolling panes.
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Choose   key.Binding
	// Remember chooses a profile in the picker and keeps it for the host.
	Remember key.Binding
}

// DefaultKeyMap returns the keys of DESIGN.md plus the TUI's own.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Send:            key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "send")),
		SendURL:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "send (URL bar)")),
		Back:            key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel / leave")),
		NextPane:        key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:        key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		History:         key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "history")),
		CopyID:          key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "copy request_id")),
		Ticket:          key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "copy support ticket")),
		JQ:              key.NewBinding(key.WithKeys("alt+j"), key.WithHelp("alt+j", "filter the body with jq")),
		Env:             key.NewBinding(key.WithKeys("alt+e"), key.WithHelp("alt+e", "environment (KEY=VALUE file)")),
		Redirects:       key.NewBinding(key.WithKeys("alt+l"), key.WithHelp("alt+l", "follow redirects on/off (-L)")),
		Insecure:        key.NewBinding(key.WithKeys("alt+k"), key.WithHelp("alt+k", "TLS verification off/on (-k)")),
		Timeout:         key.NewBinding(key.WithKeys("alt+t"), key.WithHelp("alt+t", "next timeout (-m)")),
		Retries:         key.NewBinding(key.WithKeys("alt+r"), key.WithHelp("alt+r", "retries 0-3 (--retry)")),
		CopyCurl:        key.NewBinding(key.WithKeys("alt+c"), key.WithHelp("alt+c", "copy request as curl (redacted)")),
		CopyCurlSecrets: key.NewBinding(key.WithKeys("alt+C"), key.WithHelp("alt+C", "copy as curl with secrets")),
		CopyBody:        key.NewBinding(key.WithKeys("alt+b"), key.WithHelp("alt+b", "copy response body")),
		SaveBody:        key.NewBinding(key.WithKeys("alt+w"), key.WithHelp("alt+w", "save response body to a file")),
		Help:            key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "help")),
		HelpMark:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help (when not typing)")),
		Quit:            key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Method:          key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "next method")),
		Profile:         key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "switch API profile")),
		Demo:            key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "demo routes")),
		Replay:          key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "replay saved request")),
		Diff:            key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "diff saved vs replayed")),
		Up:              key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		Down:            key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
		PageUp:          key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:        key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Top:             key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first")),
		Bottom:          key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last")),
		Choose:          key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open / choose")),
		Remember:        key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", "choose profile, keep it for the host")),
	}
}

// helpGroup is one titled section of the help screen.
type helpGroup struct {
	Title    string
	Bindings []key.Binding
}

// FullHelp returns every binding grouped by the pane it belongs to; the
// help screen and README are built from it.
func (k KeyMap) FullHelp() []helpGroup {
	return []helpGroup{
		{"Request view", []key.Binding{k.SendURL, k.Send, k.Back, k.NextPane, k.PrevPane, k.Method, k.Profile, k.Demo, k.Env, k.Redirects, k.Insecure, k.Timeout, k.Retries}},
		{"Response and diagnosis", []key.Binding{k.JQ, k.CopyID, k.Ticket, k.CopyCurl, k.CopyCurlSecrets, k.CopyBody, k.SaveBody, k.Up, k.Down, k.PageUp, k.PageDown}},
		{"Opened from history", []key.Binding{k.Replay, k.Diff}},
		{"History browser and pickers", []key.Binding{k.History, k.Choose, k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Remember, k.Back}},
		{"Anywhere", []key.Binding{k.Help, k.HelpMark, k.Quit}},
	}
}

// ShortHelp returns the bindings shown in the one-line help of the request
// view, most useful first as a narrow terminal cuts the line; disabled ones
// are skipped by the help renderer.
func (k KeyMap) ShortHelp() []key.Binding {
	// One entry for both help keys keeps the line short.
	help := k.Help
	help.SetHelp("f1/?", "help")
	return []key.Binding{k.Send, help, k.NextPane, k.History, k.CopyID, k.Ticket, k.Replay, k.Diff, k.Profile, k.Back, k.Quit}
}
