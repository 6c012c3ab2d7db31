// Package ui is everything a person sees of apierr: the bubbletea TUI here,
// the CLI printers in ui/cli, pure renderers in ui/render.
//
// The TUI is one root model (model.go) that owns the layout and the focus
// and routes to concrete child views: the request editor, the response
// and diagnosis panes, the history browser, the pickers, help and diff.
// Everything that touches the outside world runs in a tea.Cmd (commands.go)
// through the services of services.go.
package ui

import (
	"fmt"
	"io"
	"os"

	"github.com/apierr/apierr/formats/redact"
	tea "github.com/charmbracelet/bubbletea"
)

// Options say how the TUI starts.
type Options struct {
	// HistoryPath is the history database (opened lazily).
	HistoryPath string
	// ProfilesDir holds user API profiles.
	ProfilesDir string
	// Demo starts the built-in demo API in-process and opens its route picker.
	Demo bool
	// History opens the history browser first.
	History bool
	// HostProfiles are the API profiles remembered per host (the config
	// file's [hosts] table, written by apierr apis use).
	HostProfiles map[string]string
	// RememberProfile keeps a profile for a host in the config file; nil
	// when there is none to write.
	RememberProfile func(host, name string) error
	// LoadEnvs looks for environment files even without a ProfilesDir
	// (whose parent's envs/ holds them): the current directory's .env
	// files.
	LoadEnvs bool
	// Stderr receives the one-line error when the TUI cannot start.
	Stderr io.Writer
	// RedactNames are the config file's [redact] names.
	RedactNames []string
	// HistoryUser is recorded as who saved each exchange ("" is the OS
	// user); HistoryFallback is the local file that keeps exchanges a team
	// store cannot take.
	HistoryUser, HistoryFallback string
}

// Run starts the TUI and returns the process exit status.
func Run(opts Options) int {
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	out := os.Stdout
	noColor := os.Getenv("NO_COLOR") != ""
	if noColor {
		noColorProfile()
	}
	svc := defaultServices(redact.New(opts.RedactNames), opts)
	svc.send = withSpec(svc.send, opts.ProfilesDir)
	m := newModel(opts, svc, out, os.Getenv("TMUX") != "", noColor)
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithOutput(out))
	final, err := p.Run()
	if fm, ok := final.(model); ok {
		fm.shutdown()
	}
	if err != nil {
		fmt.Fprintf(opts.Stderr, "apierr: the TUI stopped: %v\n", err)
		return 2
	}
	return 0
}
