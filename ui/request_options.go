package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/apierr/apierr/probe"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// Request options are kept apart from the fields: taken whole from a
// pasted curl command (nothing it says is dropped: ParseCurl refuses a
// flag it cannot apply, by name), and toggled with alt keys.

// timeoutSteps is the cycle of alt+t: the default, then 5 s to 2 min.
var timeoutSteps = []time.Duration{0, 5 * time.Second, 10 * time.Second, 30 * time.Second, 2 * time.Minute}

// optionKey changes the request option of key k; it reports what it did.
func (m *model) optionKey(k tea.KeyMsg) string {
	o := &m.reqOpts
	switch {
	case key.Matches(k, m.keys.Redirects):
		o.FollowRedirects = !o.FollowRedirects
		if o.FollowRedirects {
			return "redirects are followed (-L)"
		}
		return "redirects are shown, not followed"
	case key.Matches(k, m.keys.Insecure):
		o.Insecure = !o.Insecure
		if o.Insecure {
			return "TLS certificates are NOT verified (-k): the server's identity goes unchecked"
		}
		return "TLS certificates are verified"
	case key.Matches(k, m.keys.Timeout):
		next := timeoutSteps[0]
		for i, d := range timeoutSteps {
			if d == o.MaxTime {
				next = timeoutSteps[(i+1)%len(timeoutSteps)]
			}
		}
		o.MaxTime = next
		if next == 0 {
			return "the timeout is the default (" + probe.DefaultMaxTime.String() + " per attempt)"
		}
		return "each attempt times out after " + next.String() + " (-m)"
	case key.Matches(k, m.keys.Retries):
		o.Retry = (o.Retry + 1) % 4
		if o.Retry == 0 {
			return "no retries"
		}
		return "up to " + strconv.Itoa(o.Retry) + " retries of a failed attempt (--retry)"
	}
	return ""
}

// optionsSummary is the options that differ from the defaults, as curl
// flags: "-L -k -m 10s --retry 2 -x http://proxy:3128".
func optionsSummary(o probe.Options) string {
	var parts []string
	if o.FollowRedirects {
		parts = append(parts, "-L")
	}
	if o.Insecure {
		parts = append(parts, "-k")
	}
	if o.MaxTime > 0 {
		parts = append(parts, "-m "+o.MaxTime.String())
	}
	if o.ConnectTimeout > 0 {
		parts = append(parts, "--connect-timeout "+o.ConnectTimeout.String())
	}
	if o.Retry > 0 {
		parts = append(parts, "--retry "+strconv.Itoa(o.Retry))
	}
	if o.Proxy != "" {
		parts = append(parts, "-x "+o.Proxy)
	}
	if o.CACert != "" {
		parts = append(parts, "--cacert "+o.CACert)
	}
	if o.Compressed {
		parts = append(parts, "--compressed")
	}
	return strings.Join(parts, " ")
}
