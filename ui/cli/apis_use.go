package cli

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/probe"
)

const apisUseUsage = `Usage:
  apierr apis use NAME --host HOST   explain answers from HOST with profile NAME from now on
  apierr apis use none --host HOST   no profile for HOST: generic explanations only
  apierr apis use auto --host HOST   forget HOST's profile: match it automatically again

The choice is kept in the [hosts] table of $XDG_CONFIG_HOME/apierr/config.toml; apierr send and
the TUI use it for requests to HOST unless --api (or ctrl+p) says otherwise.
`

// APIsUse keeps a profile for a host in the config file.
func APIsUse(env *Env, args []string) int {
	var host string
	f := cmdFlags{cmd: "apis use", values: map[string]*string{"--host": &host}}
	pos, help, err := f.parse(args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, apisUseUsage)
		return ExitOK
	case err != nil:
		return env.Fail(ExitUsage, "%v", err)
	case len(pos) > 1:
		return env.Fail(ExitUsage, "apis use: one profile name only (got %q and %q)", pos[0], pos[1])
	case len(pos) == 0 || host == "":
		return env.Fail(ExitUsage, "apis use: give a profile and a host: apierr apis use NAME --host HOST")
	}
	name := pos[0]
	host = strings.ToLower(strings.TrimSpace(host))
	if strings.ContainsAny(host, "/: ") {
		return env.Fail(ExitUsage, "apis use: %q is not a host name: give it without scheme, port or path, e.g. api.example.com", host)
	}
	if name != "auto" && name != "none" {
		reg := env.LoadRegistry()
		if _, ok := reg.Lookup(name); !ok {
			return env.unknownAPI(reg, name)
		}
	}
	if err := env.RememberProfile(host, name); err != nil {
		return env.Fail(ExitUsage, "apis use: %v", err)
	}
	switch name {
	case "auto":
		fmt.Fprintf(env.Stdout, "%s is matched automatically from now on (kept in %s)\n", host, env.ConfigPath())
	default:
		fmt.Fprintf(env.Stdout, "%s uses profile %s from now on (kept in %s)\n", host, name, env.ConfigPath())
	}
	return ExitOK
}

// RememberProfile writes name as host's profile into the config file's
// [hosts] table ("auto" or "" removes it), keeping its other settings.
// The TUI's ctrl+k uses it too; the TUI's "-" means none.
func (e *Env) RememberProfile(host, name string) error {
	// The file is checked as a Config first, so a broken one is named
	// and left alone; it is then edited as a plain table, so settings
	// this build does not know survive and no empty ones are added.
	if _, err := e.LoadConfig(); err != nil {
		return err
	}
	path := e.ConfigPath()
	doc := map[string]any{}
	if b, err := os.ReadFile(path); err == nil {
		if _, err := toml.Decode(string(b), &doc); err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
	}
	hosts, _ := doc["hosts"].(map[string]any)
	if hosts == nil {
		hosts = map[string]any{}
	}
	if name == "-" {
		name = "none"
	}
	if name == "" || name == "auto" {
		delete(hosts, host)
	} else {
		hosts[host] = name
	}
	if len(hosts) == 0 {
		delete(doc, "hosts")
	} else {
		doc["hosts"] = hosts
	}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(doc); err != nil {
		return fmt.Errorf("cannot write the config: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", filepath.Dir(path), err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// HostProfiles is the config file's [hosts] table, for the TUI ("none"
// is given as the TUI's "-"); nil when the file cannot be read.
func (e *Env) HostProfiles() map[string]string {
	c, err := e.LoadConfig()
	if err != nil {
		return nil
	}
	out := map[string]string{}
	for h, n := range c.Hosts {
		if n == "none" {
			n = "-"
		}
		out[strings.ToLower(h)] = n
	}
	return out
}

// hostProfile is the profile kept for the host of rawHost, "" when none.
func (e *Env) hostProfile(host string) string {
	c, err := e.LoadConfig()
	if err != nil {
		return ""
	}
	return c.Hosts[strings.ToLower(host)]
}

// keptProfile applies the profile kept for the request's host (apierr
// apis use) and returns how it was chosen, "" when none is kept.
func (e *Env) keptProfile(req *probe.Request) string {
	u, err := url.Parse(req.URL)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	switch name := e.hostProfile(host); name {
	case "":
		return ""
	case "none":
		req.Options.Profiles = formats.NewRegistry()
		return ""
	default:
		req.Options.API = name
		return "remembered for " + host + " (apierr apis use)"
	}
}
