package openapi

import (
	"net/url"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// serverSet gathers the hosts and base paths of every servers list.
type serverSet struct {
	hosts map[string]bool
	bases map[string]bool
}

func newServerSet() *serverSet {
	return &serverSet{hosts: map[string]bool{}, bases: map[string]bool{}}
}

func (s *serverSet) add(servers openapi3.Servers) {
	for _, sv := range servers {
		if sv == nil {
			continue
		}
		raw := sv.URL
		for name, v := range sv.Variables {
			if v != nil {
				raw = strings.ReplaceAll(raw, "{"+name+"}", v.Default)
			}
		}
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		if h := strings.ToLower(u.Hostname()); h != "" && !strings.ContainsAny(h, "{}") {
			s.hosts[h] = true
		}
		if b := strings.TrimRight(u.Path, "/"); b != "" && !strings.ContainsAny(b, "{}") {
			s.bases[b] = true
		}
	}
}

func (s *serverSet) hostList() []string {
	out := make([]string, 0, len(s.hosts))
	for h := range s.hosts {
		out = append(out, h)
	}
	sort.Strings(out)
	return out
}

// basePaths are longest first, so /api/v10 is tried before /api.
func (s *serverSet) basePaths() []string {
	out := make([]string, 0, len(s.bases))
	for b := range s.bases {
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}
