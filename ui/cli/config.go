package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"
	"github.com/apierr/apierr/history"
)

// Config is the user's config file, $XDG_CONFIG_HOME/apierr/config.toml:
//
//	[redact]
//	names = ["x-tenant-pin", "customer_ssn"]
//
//	[hosts]
//	"api.octo.example" = "octo"
type Config struct {
	Redact struct {
		// Names are more header, query-parameter, form-field and JSON
		// member names whose values are secrets.
		Names []string `toml:"names"`
	} `toml:"redact"`
	// Hosts maps a request's host to the API profile that explains its
	// answers (apierr apis use NAME --host HOST; "none" for no profile).
	Hosts map[string]string `toml:"hosts,omitempty"`
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

// OpenHistory opens the history database at HistoryPath with the config
// file's extra redaction names. Every command that saves or reads
// history goes through it.
func (e *Env) OpenHistory() (*history.Store, error) {
	c, err := e.LoadConfig()
	if err != nil {
		return nil, err
	}
	return history.OpenWith(e.HistoryPath(), history.Options{RedactNames: c.Redact.Names})
}
