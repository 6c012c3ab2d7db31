package ui

import (
	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/lipgloss"
)

// palette is the handful of colours every style is built from. Each is
// adaptive so the screen reads on light and dark terminals alike.
type palette struct {
	accent, muted, text, ok, warn, bad, info, border lipgloss.TerminalColor
}

func defaultPalette(noColor bool) palette {
	if noColor {
		n := lipgloss.NoColor{}
		return palette{n, n, n, n, n, n, n, n}
	}
	return palette{
		accent: lipgloss.AdaptiveColor{Light: "#5A56E0", Dark: "#7D79F6"},
		muted:  lipgloss.AdaptiveColor{Light: "#8A8A8A", Dark: "#6C6C6C"},
		text:   lipgloss.AdaptiveColor{Light: "#1A1A1A", Dark: "#DDDDDD"},
		ok:     lipgloss.AdaptiveColor{Light: "#1B7F3B", Dark: "#5FD787"},
		warn:   lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#E5C07B"},
		bad:    lipgloss.AdaptiveColor{Light: "#C01C28", Dark: "#FF6B6B"},
		info:   lipgloss.AdaptiveColor{Light: "#0969DA", Dark: "#61AFEF"},
		border: lipgloss.AdaptiveColor{Light: "#C8C8C8", Dark: "#444444"},
	}
}

// Styles holds every lipgloss style the TUI draws with. It is built once by
// DefaultStyles and carried by the model; nothing reassigns it at run time.
type Styles struct {
	// App is the outermost frame.
	App lipgloss.Style
	// Title is the program name in the header line; Mode the badge next to it.
	Title, Mode lipgloss.Style
	// Pane and FocusedPane frame each pane; PaneTitle names it.
	Pane, FocusedPane, PaneTitle, FocusedPaneTitle lipgloss.Style
	// Tab and ActiveTab draw the pane switcher of the compact layout.
	Tab, ActiveTab lipgloss.Style
	// Plain is set under NO_COLOR, where no colour, bold or underline
	// reaches the screen: marks then tell apart what styles would (the
	// shown tab is drawn in brackets).
	Plain bool
	// Method is the method selector; URLBar frames the URL input.
	Method, URLBar, FocusedURLBar lipgloss.Style
	// Status lines by class.
	Informational, Success, Redirection, ClientError, ServerError, Transport lipgloss.Style
	// Text kinds.
	Bold, Muted, Label, Key, Value, Heading, Error, Warn, OK lipgloss.Style
	// Timing bar segments.
	TimeDNS, TimeConnect, TimeTLS, TimeTTFB, TimeTransfer lipgloss.Style
	// Selected is the cursor row of a list; Row any other row.
	Selected, Row lipgloss.Style
	// StatusBar, StatusInfo and StatusError draw the bottom status line.
	StatusBar, StatusInfo, StatusError lipgloss.Style
	// DiffAdd and DiffDel colour diff lines.
	DiffAdd, DiffDel, DiffHunk lipgloss.Style
	// HelpKey and HelpDesc draw the help screen.
	HelpKey, HelpDesc, HelpGroup lipgloss.Style
}

// DefaultStyles builds the styles from the palette. With noColor the screen
// is plain (NO_COLOR) but complete: borders, bold and reverse video carry
// what colour would.
func DefaultStyles(noColor bool) Styles {
	p := defaultPalette(noColor)
	s := Styles{}
	s.App = lipgloss.NewStyle()
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
	s.Mode = lipgloss.NewStyle().Foreground(p.warn)
	s.Pane = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.border).Padding(0, 1)
	s.FocusedPane = s.Pane.BorderForeground(p.accent)
	if noColor {
		s.FocusedPane = s.Pane.Border(lipgloss.DoubleBorder())
	}
	s.PaneTitle = lipgloss.NewStyle().Foreground(p.muted).Bold(true)
	s.FocusedPaneTitle = lipgloss.NewStyle().Foreground(p.accent).Bold(true)
	s.Tab = lipgloss.NewStyle().Foreground(p.muted).Padding(0, 1)
	s.ActiveTab = lipgloss.NewStyle().Bold(true).Foreground(p.accent).Padding(0, 1).Underline(true)
	if noColor {
		s.Plain = true
		s.ActiveTab = lipgloss.NewStyle() // the brackets take the padding's place
	}
	s.Method = lipgloss.NewStyle().Bold(true).Foreground(p.info)
	s.URLBar = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.border).Padding(0, 1)
	s.FocusedURLBar = s.URLBar.BorderForeground(p.accent)
	if noColor {
		s.FocusedURLBar = s.URLBar.Border(lipgloss.DoubleBorder())
	}
	s.Informational = lipgloss.NewStyle().Bold(true).Foreground(p.info)
	s.Success = lipgloss.NewStyle().Bold(true).Foreground(p.ok)
	s.Redirection = lipgloss.NewStyle().Bold(true).Foreground(p.info)
	s.ClientError = lipgloss.NewStyle().Bold(true).Foreground(p.warn)
	s.ServerError = lipgloss.NewStyle().Bold(true).Foreground(p.bad)
	s.Transport = lipgloss.NewStyle().Bold(true).Foreground(p.bad)
	s.Bold = lipgloss.NewStyle().Bold(true)
	s.Muted = lipgloss.NewStyle().Foreground(p.muted)
	s.Label = lipgloss.NewStyle().Foreground(p.muted)
	s.Key = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
	s.Value = lipgloss.NewStyle().Foreground(p.text)
	s.Heading = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
	s.Error = lipgloss.NewStyle().Foreground(p.bad)
	s.Warn = lipgloss.NewStyle().Foreground(p.warn)
	s.OK = lipgloss.NewStyle().Foreground(p.ok)
	s.TimeDNS = lipgloss.NewStyle().Foreground(p.info)
	s.TimeConnect = lipgloss.NewStyle().Foreground(p.ok)
	s.TimeTLS = lipgloss.NewStyle().Foreground(p.warn)
	s.TimeTTFB = lipgloss.NewStyle().Foreground(p.accent)
	s.TimeTransfer = lipgloss.NewStyle().Foreground(p.bad)
	s.Selected = lipgloss.NewStyle().Reverse(true)
	s.Row = lipgloss.NewStyle()
	s.StatusBar = lipgloss.NewStyle().Foreground(p.muted)
	s.StatusInfo = lipgloss.NewStyle().Foreground(p.ok)
	s.StatusError = lipgloss.NewStyle().Foreground(p.bad).Bold(true)
	s.DiffAdd = lipgloss.NewStyle().Foreground(p.ok)
	s.DiffDel = lipgloss.NewStyle().Foreground(p.bad)
	s.DiffHunk = lipgloss.NewStyle().Foreground(p.info)
	s.HelpKey = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
	s.HelpDesc = lipgloss.NewStyle().Foreground(p.text)
	s.HelpGroup = lipgloss.NewStyle().Bold(true).Underline(true)
	return s
}

// ForClass returns the status-line style for a Diagnosis status class.
func (s Styles) ForClass(class string) lipgloss.Style {
	return render.ByClass(class, s.Informational, s.Success, s.Redirection, s.ClientError, s.ServerError, s.Transport)
}
