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
//	[redact]
//	names = ["x-tenant-pin", "customer_ssn"]
type Config struct {
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
func (e *Env) OpenHistory() (*history.Store, error) {
	r, err := e.Redactor()
	if err != nil {
		return nil, err
	}
	return e.openHistoryWith(r)
}

// openHistoryWith opens the history database with a redactor the command
// already built.
func (e *Env) openHistoryWith(r *redact.Redactor) (*history.Store, error) {
	return history.OpenWith(e.HistoryPath(), history.Options{Redactor: r})
}
