package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats/redact"
	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// An environment is a KEY=VALUE file, as apierr send --env-file reads:
// its values fill ${KEY} in every field when a request is sent, and the
// [REDACTED:hash] markers of an exchange opened from history whose hash
// is one of its values' (so a replay carries the real token without
// retyping it; the fields on screen keep the marker).
type environment struct {
	name, path string
	vars       map[string]string
}

// envsMsg carries the environment files found.
type envsMsg struct {
	envs []environment
	errs []string
}

// envFiles are where environments are looked for: the config
// directory's envs/ and the .env files of the current directory.
func envFiles(configDir string) []string {
	var out []string
	if configDir != "" {
		m, _ := filepath.Glob(filepath.Join(configDir, "envs", "*"))
		out = append(out, m...)
	}
	for _, pat := range []string{".env", ".env.*", "*.env"} {
		m, _ := filepath.Glob(pat)
		out = append(out, m...)
	}
	sort.Strings(out)
	return out
}

func loadEnvsCmd(configDir string) tea.Cmd {
	return func() tea.Msg {
		var msg envsMsg
		seen := map[string]bool{}
		for _, p := range envFiles(configDir) {
			if st, err := os.Stat(p); err != nil || st.IsDir() || seen[p] {
				continue
			}
			seen[p] = true
			vars, err := probe.ReadEnvFile(p)
			if err != nil {
				msg.errs = append(msg.errs, err.Error())
				continue
			}
			msg.envs = append(msg.envs, environment{name: envName(p), path: p, vars: vars})
		}
		return msg
	}
}

// envName is what the header calls an environment: "staging" for
// envs/staging.env or .env.staging, ".env" for .env.
func envName(path string) string {
	base := filepath.Base(path)
	switch {
	case base == ".env":
		return ".env"
	case strings.HasPrefix(base, ".env."):
		return strings.TrimPrefix(base, ".env.")
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// envRows are the environment picker's rows: none first.
func envRows(envs []environment) [][]string {
	out := [][]string{{"none", "no environment: ${VAR} is taken from the process environment", ""}}
	for _, e := range envs {
		n := strconv.Itoa(len(e.vars)) + " variables"
		if len(e.vars) == 1 {
			n = "1 variable"
		}
		out = append(out, []string{render.InertLine(e.name), n, render.InertLine(e.path)})
	}
	return out
}

// activeEnv is the chosen environment, nil when none.
func (m model) activeEnv() *environment {
	if m.env < 0 || m.env >= len(m.envs) {
		return nil
	}
	return &m.envs[m.env]
}

// envLookup finds ${NAME}: in the active environment, else the process'.
func (m model) envLookup() probe.Lookup {
	env := m.activeEnv()
	return func(name string) (string, bool) {
		if env != nil {
			if v, ok := env.vars[name]; ok {
				return v, true
			}
		}
		return os.LookupEnv(name)
	}
}

// envSecrets are the active environment's values, which are redacted
// wherever they go (history, tickets, copies).
func (m model) envSecrets() []string {
	env := m.activeEnv()
	if env == nil {
		return nil
	}
	out := make([]string, 0, len(env.vars))
	for _, v := range env.vars {
		out = append(out, v)
	}
	return out
}

var markerRE = regexp.MustCompile(`\[REDACTED:[0-9a-f]{8}\]`)

// fillMarkers puts back, in the request to send, each [REDACTED:hash]
// marker whose hash is that of a value of the active environment, and
// says which were filled (by variable name) and which were not.
func (m model) fillMarkers(req probe.Request) (probe.Request, []string, []string) {
	env := m.activeEnv()
	byMarker := map[string]string{}
	names := map[string]string{}
	if env != nil {
		for k, v := range env.vars {
			mk := redact.Marker(v)
			byMarker[mk], names[mk] = v, k
		}
	}
	var filled, missing []string
	seen := map[string]bool{}
	fill := func(s string) string {
		return markerRE.ReplaceAllStringFunc(s, func(mk string) string {
			v, ok := byMarker[mk]
			if !seen[mk] {
				seen[mk] = true
				if ok {
					filled = append(filled, names[mk])
				} else {
					missing = append(missing, mk)
				}
			}
			if ok {
				return v
			}
			return mk
		})
	}
	req.URL = fill(req.URL)
	for k, vs := range req.Header {
		for i := range vs {
			vs[i] = fill(vs[i])
		}
		req.Header[k] = vs
	}
	req.Body = []byte(fill(string(req.Body)))
	if len(req.Body) == 0 {
		req.Body = nil
	}
	sort.Strings(filled)
	return req, filled, missing
}

// envKey: enter makes the row's environment the active one.
func (m model) envKey(k tea.KeyMsg) (model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Back):
		m.screen = screenRequest
		return m, nil
	case key.Matches(k, m.keys.Choose):
		i, ok := m.envPick.selected()
		if !ok {
			return m, nil
		}
		m.env = i - 1
		m.screen = screenRequest
		if env := m.activeEnv(); env != nil {
			m.status = info("environment %s: ${VAR} and redacted markers are filled from its %d variables when sending", render.InertLine(env.name), len(env.vars))
		} else {
			m.status = info("no environment: ${VAR} is taken from the process environment")
		}
		return m, nil
	}
	if !m.listKey(&m.envPick.list, k) {
		m.envPick.typeKey(k)
	}
	return m, nil
}
