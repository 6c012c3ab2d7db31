package ui

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	tea "github.com/charmbracelet/bubbletea"
)

// profileChoice is an API profile picked for one host, and why: with
// ctrl+p, by a demo route or a curl command's --api, as an exchange from
// history was saved, or remembered in the config file. It applies to
// requests to that host only, so a choice made for one API is never used
// to explain another's answer.
type profileChoice struct {
	api  string // a profile name, or profileNone
	host string // the host it applies to, lower-case, without port
	why  string // how it was chosen, for the diagnosis header
}

// applies reports whether c was made for the host of rawURL.
func (c profileChoice) applies(rawURL string) bool {
	return c.api != "" && c.host != "" && c.host == urlHost(rawURL)
}

// urlHost is the lower-case host of rawURL without its port, "" when it
// has none.
func urlHost(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// choiceFor is the profile choice that applies to a request to rawURL:
// the one made in this session for its host, else the one remembered for
// the host, else none (the automatic match).
func (m model) choiceFor(rawURL string) (profileChoice, bool) {
	if m.choice.applies(rawURL) {
		return m.choice, true
	}
	host := urlHost(rawURL)
	if name, ok := m.hostProfiles[host]; ok && host != "" && name != "" {
		return profileChoice{api: name, host: host, why: "remembered for " + host + " (apierr apis use)"}, true
	}
	return profileChoice{}, false
}

// choose makes api the choice for the host of rawURL; "" goes back to
// the automatic match for it.
func (m *model) choose(api, rawURL, why string) {
	host := urlHost(rawURL)
	if api == "" || host == "" {
		m.choice = profileChoice{}
		return
	}
	m.choice = profileChoice{api: api, host: host, why: why}
}

// explainOptions are the formats options for a request to rawURL, and
// how its profile is chosen ("" for the automatic match).
func (m model) explainOptions(rawURL string) (formats.Options, string) {
	opts := formats.Options{Profiles: m.profiles.Registry, Host: urlHost(rawURL)}
	c, ok := m.choiceFor(rawURL)
	if !ok {
		return opts, ""
	}
	if c.api == profileNone {
		opts.Profiles = emptyRegistry()
		return opts, c.why
	}
	opts.API = c.api
	return opts, c.why
}

// settleProfile finishes the diagnosis of a response explained with a
// chosen profile: the body's own clues (a problem type URI, an instance
// path, an error code of another API's vocabulary) beat a choice that no
// longer fits, and the header says why the profile is the one it is.
// It runs in the send or re-explain command, as it may read the body
// again.
func settleProfile(d formats.Diagnosis, resp *exchange.Response, opts formats.Options, why string) formats.Diagnosis {
	if why == "" {
		return d
	}
	if d.APIMatch != "--api" {
		if d.API == "" && opts.API == "" {
			// The choice was no profile at all.
			d.APIMatch = "none, " + why
		}
		return d
	}
	if resp != nil {
		body := opts
		body.API, body.Host = "", ""
		if b := formats.DetectText(resp.Status, resp.Headers, resp.Body, body); b.API != "" && b.API != d.API {
			b.APIMatch = b.APIMatch + " in the body, over " + d.API + " " + why
			return b
		}
	}
	d.APIMatch = why
	return d
}

// profileTarget is the URL a profile chosen now is for: the URL bar's,
// else the shown exchange's.
func (m model) profileTarget() string {
	if u := m.req.url.Value(); urlHost(u) != "" {
		return u
	}
	if m.cur.ex != nil {
		return m.cur.ex.Request.URL
	}
	return ""
}

// rememberedMsg says whether a profile choice was kept in the config.
type rememberedMsg struct {
	host, api string
	err       error
}

// rememberProfile keeps api for host from now on (the config file's
// [hosts] table, as apierr apis use writes it), then explains the shown
// response with it; "" forgets the host's profile.
func (m model) rememberProfile(api, host string) (model, tea.Cmd) {
	if host == "" {
		m.status = info("type a URL first: a profile is remembered for its host")
		return m, nil
	}
	if m.opts.RememberProfile == nil {
		m.status = info("no config file to remember it in; used for %s this session only", host)
		return m.reexplain()
	}
	if api == "" {
		delete(m.hostProfiles, host)
	} else {
		m.hostProfiles[host] = api
	}
	m, cmd := m.reexplain()
	save := m.opts.RememberProfile
	return m, tea.Batch(cmd, func() tea.Msg {
		return rememberedMsg{host: host, api: api, err: save(host, api)}
	})
}

// onRemembered says where the choice was kept, or why it was not.
func (m model) onRemembered(msg rememberedMsg) model {
	if msg.err != nil {
		m.status = failure(fmt.Errorf("could not remember the profile for %s: %w", msg.host, msg.err))
		return m
	}
	if msg.api == "" {
		m.status = info("%s is matched automatically from now on", msg.host)
		return m
	}
	m.status = info("%s uses %s from now on (apierr apis use %s --host %s does the same)", msg.host, profileLabel(msg.api), msg.api, msg.host)
	return m
}
