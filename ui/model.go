package ui

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/probe"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// focus is which part of the request view gets keys.
type focus int

const (
	focusURL focus = iota
	focusHeaders
	focusBody
	focusResponse
	focusDiagnosis
	focusCount
)

// paneTitles names the panes, in tab order.
var paneTitles = [focusCount]string{"URL", "Headers", "Body", "Response", "Diagnosis"}

// typing reports whether f is a text field (where plain keys are text).
func (f focus) typing() bool { return f == focusURL || f == focusHeaders || f == focusBody }

// screen is the view filling the terminal.
type screen int

const (
	screenRequest screen = iota
	screenHistory
	screenHelp
	screenDemo
	screenProfiles
	screenDiff
	screenEnvs
)

// model is the root of the TUI. It owns the layout and the focus, and
// routes keys to the focused child and background results to the child
// that asked for them.
type model struct {
	opts   Options
	svc    services
	keys   KeyMap
	st     Styles
	help   help.Model
	out    io.Writer // the program's output, for OSC 52
	inTmux bool

	lay    layout
	ready  bool
	screen screen
	back   screen // where esc returns from help
	focus  focus
	shown  focus // the pane the compact layout shows

	req      requestEditor
	resp     responsePane
	diag     diagnosisPane
	hist     historyBrowser
	demoPick picker
	profPick picker
	envPick  picker
	jq       jqFilter
	diffView scrollPane
	helpView scrollPane

	// cur is the exchange on screen, where it came from and its replay.
	cur currentExchange

	// reqOpts are the request options (redirects, timeout, retries, TLS,
	// proxy) the next send uses; API and Profiles are set per send.
	reqOpts probe.Options
	// envs are the environment files found; env is the active one's
	// index, -1 for none.
	envs []environment
	env  int

	// The request in flight.
	sending bool
	// sentRedacted is set when the request in flight carries the
	// [REDACTED:…] markers of secrets redacted when it was saved, which
	// ever key sent it.
	sentRedacted bool
	// fillNote says which redacted markers the environment filled in
	// the request in flight, and which it could not.
	fillNote  string
	sendTag   int
	cancel    context.CancelFunc
	started   time.Time
	firstByte time.Time // when the answer began to arrive, zero before
	spin      spinner.Model

	// The history database, opened lazily after the first frame.
	store   historyStore
	histErr error
	pending []pendingSave

	profiles profileSet
	// choice is the profile picked for one host; hostProfiles are the
	// ones remembered per host in the config file.
	choice       profileChoice
	hostProfiles map[string]string
	explainTag   int

	demo    *demoHandle
	demoErr error

	status  statusLine
	tickTag int
}

// currentExchange is the exchange on screen and its replay: what the
// Response and Diagnosis panes show, ctrl+y and ctrl+t copy from, r
// replays and d diffs.
type currentExchange struct {
	ex       *exchange.Exchange
	received time.Time // the Retry-After countdown runs from it
	// stale is set once the request fields no longer hold ex's request:
	// its panes are then marked as the previous request's.
	stale bool
	// offline is set for an exchange opened from history and not edited
	// since; saved is the one opened, replayed the answer to its replay.
	offline         bool
	saved, replayed *exchange.Exchange
	// replaying is set while the request in flight replays saved.
	replaying bool
}

// pendingSave is an exchange waiting for the history to open.
type pendingSave struct {
	tag int
	ex  exchange.Exchange
}

// profileNone is the choice of no profile at all.
const profileNone = "-"

func newModel(opts Options, svc services, out io.Writer, inTmux, noColor bool) model {
	st := DefaultStyles(noColor)
	m := model{
		opts:     opts,
		svc:      svc,
		keys:     DefaultKeyMap(),
		st:       st,
		help:     help.New(),
		out:      out,
		inTmux:   inTmux,
		req:      newRequestEditor(),
		resp:     newResponsePane(noColor),
		diag:     newDiagnosisPane(),
		hist:     newHistoryBrowser(),
		demoPick: picker{title: "Demo API routes", hint: "enter fills the request view · esc closes"},
		envPick:  picker{title: "Environment", hint: "enter: fill ${VAR} and redacted markers from it · esc closes"},
		env:      -1,
		jq:       newJQFilter(),
		profPick: picker{title: "API profile", hint: "enter: use it for this host's requests · ctrl+k: and remember it · esc closes"},
		diffView: newScrollPane(),
		helpView: newScrollPane(),
		spin:     spinner.New(spinner.WithSpinner(spinner.Dot)),
		shown:    focusDiagnosis,
	}
	m.hostProfiles = map[string]string{}
	for h, name := range opts.HostProfiles {
		m.hostProfiles[strings.ToLower(h)] = name
	}
	m.help.Styles.ShortKey = st.HelpKey
	m.help.Styles.ShortDesc = st.Muted
	m.help.Styles.ShortSeparator = st.Muted
	if noColor {
		plainWidgets(&m)
	}
	m.req.focus(focusURL)
	switch {
	case opts.Demo:
		m.screen = screenDemo
		m.status = info("starting the demo API…")
	case opts.History:
		m.screen = screenHistory
		m.hist.query.Focus()
	}
	m.syncKeys()
	return m
}

// Init draws the first frame at once; the history, the profiles and the
// demo server are opened in commands after it.
func (m model) Init() tea.Cmd {
	cmds := []tea.Cmd{
		openHistoryCmd(m.svc.openHistory, m.opts.HistoryPath),
		loadProfilesCmd(m.svc.loadProfiles, m.opts.ProfilesDir),
	}
	if m.opts.Demo {
		cmds = append(cmds, startDemoCmd(m.svc.startDemo))
	}
	if m.opts.ProfilesDir != "" || m.opts.LoadEnvs {
		cmds = append(cmds, loadEnvsCmd(filepath.Dir(m.opts.ProfilesDir)))
	}
	return tea.Batch(cmds...)
}

// shutdown releases what the model holds once the program ends.
func (m model) shutdown() {
	if m.cancel != nil {
		m.cancel()
	}
	if m.store != nil {
		m.store.Close()
	}
	if m.demo != nil && m.demo.Close != nil {
		m.demo.Close()
	}
}
