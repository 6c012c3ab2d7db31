package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
	"github.com/apierr/apierr/formats/redact"
	"github.com/apierr/apierr/history"
)

// Config is the user's config file, $XDG_CONFIG_HOME/apierr/config.toml:
//
//	history = "postgres://alice@db.internal:5432/apierr?sslmode=verify-full"
//	user = "alice"
//
//	[redact]
//	names = ["x-tenant-pin", "customer_ssn"]
type Config struct {
	// History is where history lives when neither --history nor
	// $APIERR_HISTORY says: a file path or a team store's postgres:// URL.
	History string `toml:"history"`
	// User is recorded as who saved each exchange (default: the OS user).
	User   string `toml:"user"`
	Redact struct {
		// Names are more header, query-parameter, form-field and JSON
		// member names whose values are secrets.
		Names []string `toml:"names"`
	} `toml:"redact"`
}

// ConfigPath is where the config file lives.
func (e *Env) ConfigPath() string { return filepath.Join(e.ConfigDir(), "config.toml") }

// LoadConfig reads the config file; a missing file is an empty Config.
// An unreadable or invalid file is an error naming its path and line.
func (e *Env) LoadConfig() (Config, error) {
	var c Config
	path := e.ConfigPath()
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("cannot read %s: %w", path, err)
	}
	md, err := toml.Decode(string(b), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return c, fmt.Errorf("%s:%d: %s", path, pe.Position.Line, pe.Message)
		}
		return c, fmt.Errorf("%s: %v", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		fmt.Fprintf(e.Stderr, "apierr: warning: %s: unknown setting %q ignored\n", path, und[0].String())
	}
	return c, nil
}

// Redactor builds the redactor from the config file's `[redact] names`.
// A command builds it once and hands it to everything it writes: history,
// exports, tickets and the printed output.
func (e *Env) Redactor() (*redact.Redactor, error) {
	c, err := e.LoadConfig()
	if err != nil {
		return nil, err
	}
	return redact.New(c.Redact.Names), nil
}

// OpenHistory opens the history database at HistoryPath with the config
// file's redactor. Every command that saves or reads history goes
// through it.
//
// A team store (postgres://) falls back to the local file: an exchange
// the server cannot take is kept there, unsynced.
func (e *Env) OpenHistory() (*history.Store, error) { return e.openHistoryWith(history.Options{}) }

// openHistoryWith is OpenHistory with more options (Bulk, or the
// Redactor the command already built).
func (e *Env) openHistoryWith(more history.Options) (*history.Store, error) {
	loc := e.HistoryPath()
	if history.IsRemote(loc) {
		more.Fallback = e.LocalHistoryPath()
	}
	return e.openHistoryAt(loc, more)
}

// OpenHistoryAt opens the history at loc (a file or postgres:// URL) with
// the config file's options, without a fallback.
func (e *Env) OpenHistoryAt(loc string) (*history.Store, error) {
	return e.openHistoryAt(loc, history.Options{})
}

// openHistoryAt is OpenHistoryAt with more options.
func (e *Env) openHistoryAt(loc string, more history.Options) (*history.Store, error) {
	c, err := e.LoadConfig()
	if err != nil {
		return nil, err
	}
	more.RedactNames, more.User = c.Redact.Names, c.User
	return history.OpenWith(loc, more)
}

// configHistory is the config file's history setting, read quietly (the
// commands that load the config report its problems).
func (e *Env) configHistory() string {
	var c struct {
		History string `toml:"history"`
	}
	b, err := os.ReadFile(e.ConfigPath())
	if err != nil {
		return ""
	}
	toml.Decode(string(b), &c)
	return c.History
}
