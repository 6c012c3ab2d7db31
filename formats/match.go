package formats

import (
	"net"
	"strings"
)

// Match picks the API docs profile for d and records the choice in d.API,
// d.APITitle and d.APIMatch. The order of evidence is: the name forced
// with opts.API, then the request's host (exact or "*.suffix"), then the
// body's own clues (problem type URI prefix, instance path prefix, an
// error code from the profile's vocabulary). A forced name that no
// profile has adds a Note and falls back to the other evidence. The
// profile's slices are shared with the registry: do not modify them.
func Match(opts Options, d *Diagnosis) (Profile, bool) {
	r, i := matchIndex(opts, d)
	if i < 0 {
		return Profile{}, false
	}
	return r.profiles[i], true
}

// matchIndex is Match returning the registry used and the profile's index
// in it (-1 when none matched).
func matchIndex(opts Options, d *Diagnosis) (*Registry, int) {
	r := opts.Profiles
	if r == nil {
		r = Builtin()
	}
	i, how := r.match(opts, d)
	if i >= 0 {
		d.API, d.APITitle, d.APIMatch = r.profiles[i].Name, r.profiles[i].Title, how
	}
	return r, i
}

func (r *Registry) match(opts Options, d *Diagnosis) (int, string) {
	if opts.API != "" {
		if i, ok := r.byName[opts.API]; ok {
			return i, "--api"
		}
		d.Notes = append(d.Notes, `no API profile is named "`+opts.API+`" (known: `+strings.Join(r.Names(), ", ")+`); matched by the response instead`)
	}
	if host := hostOnly(opts.Host); host != "" {
		for _, h := range r.hosts {
			if hostMatches(h.text, host) {
				return h.profile, "host " + host
			}
		}
	}
	if d.Type != "" {
		for _, pre := range r.typePrefixes {
			if strings.HasPrefix(d.Type, pre.text) {
				return pre.profile, "problem type URI"
			}
		}
	}
	if d.Instance != "" {
		for _, pre := range r.instancePrefixes {
			if strings.HasPrefix(d.Instance, pre.text) {
				return pre.profile, "instance path " + pre.text
			}
		}
	}
	if d.Code != "" {
		for i := range r.profiles {
			p := &r.profiles[i]
			// A code such as BAD_REQUEST is common to many APIs, so the
			// vocabulary counts only for bodies of the profile's format.
			if p.Format != "" && p.Format != d.Format {
				continue
			}
			if _, ok := r.codeRow[i][d.Code]; ok {
				return i, "error code vocabulary"
			}
		}
	}
	return -1, ""
}

// hostOnly lower-cases a host and drops any port or brackets.
func hostOnly(h string) string {
	if h == "" {
		return ""
	}
	if strings.IndexByte(h, ':') >= 0 { // a port, or an IPv6 address
		if host, _, err := net.SplitHostPort(h); err == nil {
			h = host
		}
	}
	return strings.ToLower(strings.Trim(h, "[]."))
}

// hostMatches reports whether host is pattern, or a subdomain of it when
// pattern is "*.suffix".
// host is lower-case already (hostOnly); the pattern may not be.
func hostMatches(pattern, host string) bool {
	if suffix, ok := strings.CutPrefix(pattern, "*."); ok {
		cut := len(host) - len(suffix)
		return cut > 0 && host[cut-1] == '.' && strings.EqualFold(host[cut:], suffix)
	}
	return strings.EqualFold(pattern, host)
}
