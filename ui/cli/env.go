// Package cli implements apierr's non-interactive commands (explain, send,
// history, apis, demo) and their plain, styled and JSON printers.
// main.go only routes arguments here; each command lives in its own file.
package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/apierr/apierr/history"

	"golang.org/x/term"
)

// Exit statuses, as DESIGN.md fixes them.
const (
	// ExitOK: the command ran, whatever the HTTP status.
	ExitOK = 0
	// ExitTransport: send got no response (DNS, refused, TLS, timeout...).
	ExitTransport = 1
	// ExitUsage: bad usage or unreadable input.
	ExitUsage = 2
)

// Env is what a command may touch of the outside world. Tests build one
// with buffers; main.go builds it from the process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads an environment variable.
	Getenv func(string) string
	// StdoutTTY is true when Stdout is a terminal.
	StdoutTTY bool
	// HistoryFlag is the global --history PATH, "" when not given.
	HistoryFlag string
}

// NewEnv returns the Env of this process.
func NewEnv() *Env {
	return &Env{
		Stdin:     os.Stdin,
		Stdout:    os.Stdout,
		Stderr:    os.Stderr,
		Getenv:    os.Getenv,
		StdoutTTY: term.IsTerminal(int(os.Stdout.Fd())),
	}
}

// Color reports whether styled output may be written: Stdout is a terminal
// and NO_COLOR is unset.
func (e *Env) Color() bool {
	return e.StdoutTTY && e.Getenv("NO_COLOR") == ""
}

// Fail prints one line "apierr: MESSAGE" on Stderr and returns code.
func (e *Env) Fail(code int, format string, args ...any) int {
	fmt.Fprintf(e.Stderr, "apierr: "+format+"\n", args...)
	return code
}

// HistoryPath is where the history lives: --history, then
// APIERR_HISTORY, then `history` in config.toml, then LocalHistoryPath. It
// is a file path or a team store's postgres:// URL.
func (e *Env) HistoryPath() string {
	if e.HistoryFlag != "" {
		return e.HistoryFlag
	}
	if p := e.Getenv("APIERR_HISTORY"); p != "" {
		return p
	}
	if p := e.configHistory(); p != "" {
		return p
	}
	return e.LocalHistoryPath()
}

// LocalHistoryPath is the local history file,
// $XDG_DATA_HOME/apierr/history.db (with the XDG default of
// ~/.local/share); a file given by --history, APIERR_HISTORY or the config
// file when that is not a postgres:// URL.
func (e *Env) LocalHistoryPath() string {
	for _, p := range []string{e.HistoryFlag, e.Getenv("APIERR_HISTORY"), e.configHistory()} {
		if p != "" && !history.IsRemote(p) {
			return p
		}
	}
	return filepath.Join(e.xdg("XDG_DATA_HOME", ".local/share"), "apierr", "history.db")
}

// ConfigDir is $XDG_CONFIG_HOME/apierr (with the XDG default ~/.config).
func (e *Env) ConfigDir() string {
	return filepath.Join(e.xdg("XDG_CONFIG_HOME", ".config"), "apierr")
}

// ProfilesDir is where user API profiles live.
func (e *Env) ProfilesDir() string { return filepath.Join(e.ConfigDir(), "apis") }

func (e *Env) xdg(name, fallback string) string {
	if p := e.Getenv(name); p != "" {
		return p
	}
	home := e.Getenv("HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	return filepath.Join(home, fallback)
}
