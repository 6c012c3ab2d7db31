package ui

import (
	"github.com/apierr/apierr/ui/render"
	"github.com/apierr/apierr/ui/styles"
	"github.com/charmbracelet/lipgloss"
)

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
	p := styles.For(noColor)
	s := Styles{}
	s.App = lipgloss.NewStyle()
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	s.Mode = lipgloss.NewStyle().Foreground(p.Warn)
	s.Pane = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.Border).Padding(0, 1)
	s.FocusedPane = s.Pane.BorderForeground(p.Accent)
	if noColor {
		s.FocusedPane = s.Pane.Border(lipgloss.DoubleBorder())
	}
	s.PaneTitle = lipgloss.NewStyle().Foreground(p.Muted).Bold(true)
	s.FocusedPaneTitle = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
	s.Tab = lipgloss.NewStyle().Foreground(p.Muted).Padding(0, 1)
	s.ActiveTab = lipgloss.NewStyle().Bold(true).Foreground(p.Accent).Padding(0, 1).Underline(true)
	if noColor {
		s.Plain = true
		s.ActiveTab = lipgloss.NewStyle() // the brackets take the padding's place
	}
	s.Method = lipgloss.NewStyle().Bold(true).Foreground(p.Info)
	s.URLBar = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.Border).Padding(0, 1)
	s.FocusedURLBar = s.URLBar.BorderForeground(p.Accent)
	if noColor {
		s.FocusedURLBar = s.URLBar.Border(lipgloss.DoubleBorder())
	}
	s.Informational = lipgloss.NewStyle().Bold(true).Foreground(p.Info)
	s.Success = lipgloss.NewStyle().Bold(true).Foreground(p.OK)
	s.Redirection = lipgloss.NewStyle().Bold(true).Foreground(p.Info)
	s.ClientError = lipgloss.NewStyle().Bold(true).Foreground(p.Warn)
	s.ServerError = lipgloss.NewStyle().Bold(true).Foreground(p.Bad)
	s.Transport = lipgloss.NewStyle().Bold(true).Foreground(p.Bad)
	s.Bold = lipgloss.NewStyle().Bold(true)
	s.Muted = lipgloss.NewStyle().Foreground(p.Muted)
	s.Label = lipgloss.NewStyle().Foreground(p.Muted)
	s.Key = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	s.Value = lipgloss.NewStyle().Foreground(p.Text)
	s.Heading = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	s.Error = lipgloss.NewStyle().Foreground(p.Bad)
	s.Warn = lipgloss.NewStyle().Foreground(p.Warn)
	s.OK = lipgloss.NewStyle().Foreground(p.OK)
	s.TimeDNS = lipgloss.NewStyle().Foreground(p.Info)
	s.TimeConnect = lipgloss.NewStyle().Foreground(p.OK)
	s.TimeTLS = lipgloss.NewStyle().Foreground(p.Warn)
	s.TimeTTFB = lipgloss.NewStyle().Foreground(p.Accent)
	s.TimeTransfer = lipgloss.NewStyle().Foreground(p.Bad)
	s.Selected = lipgloss.NewStyle().Reverse(true)
	s.Row = lipgloss.NewStyle()
	s.StatusBar = lipgloss.NewStyle().Foreground(p.Muted)
	s.StatusInfo = lipgloss.NewStyle().Foreground(p.OK)
	s.StatusError = lipgloss.NewStyle().Foreground(p.Bad).Bold(true)
	s.DiffAdd = lipgloss.NewStyle().Foreground(p.OK)
	s.DiffDel = lipgloss.NewStyle().Foreground(p.Bad)
	s.DiffHunk = lipgloss.NewStyle().Foreground(p.Info)
	s.HelpKey = lipgloss.NewStyle().Bold(true).Foreground(p.Accent)
	s.HelpDesc = lipgloss.NewStyle().Foreground(p.Text)
	s.HelpGroup = lipgloss.NewStyle().Bold(true).Underline(true)
	return s
}

// ForClass returns the status-line style for a Diagnosis status class.
func (s Styles) ForClass(class string) lipgloss.Style {
	return render.ByClass(class, s.Informational, s.Success, s.Redirection, s.ClientError, s.ServerError, s.Transport)
}
