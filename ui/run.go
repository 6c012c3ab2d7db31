// Package ui is everything a person sees of apierr: the bubbletea TUI here,
// the CLI printers in ui/cli, pure renderers in ui/render.
package ui

import (
	"fmt"
	"io"
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
	// Stderr receives the one-line error when the TUI cannot start.
	Stderr io.Writer
}

// Run starts the TUI and returns the process exit status.
func Run(opts Options) int {
	fmt.Fprintln(opts.Stderr, "apierr: the TUI is not built yet")
	return 2
}
