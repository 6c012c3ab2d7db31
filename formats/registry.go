package formats

import (
	"sort"
	"strings"
)

// Registry is a set of API docs profiles, at most one per name, indexed for
// the cheap lookups explain needs on every response. A Registry is never
// modified after it is built, so it is safe for concurrent use.
type Registry struct {
	profiles []Profile // sorted by name
	byName   map[string]int
	// statusRow[i][code] and codeRow[i][errorCode] index profile i's tables.
	statusRow []map[int]int
	codeRow   []map[string]int
	// hosts, typePrefixes and instancePrefixes are every profile's match
	// rules of each kind in one list, in profile order: matching reads
	// them for every response, and a short list is read faster than the
	// same strings spread over the profiles.
	hosts, typePrefixes, instancePrefixes []matchRule
}

// matchRule is one host pattern or prefix and the profile it belongs to.
type matchRule struct {
	text    string
	profile int
}

// NewRegistry builds a registry from profiles; when two share a name the
// later one wins.
func NewRegistry(profiles ...Profile) *Registry {
	byName := make(map[string]Profile, len(profiles))
	for _, p := range profiles {
		byName[p.Name] = p
	}
	r := &Registry{byName: make(map[string]int, len(byName))}
	for _, p := range byName {
		r.profiles = append(r.profiles, p)
	}
	sort.Slice(r.profiles, func(i, j int) bool { return r.profiles[i].Name < r.profiles[j].Name })
	r.statusRow = make([]map[int]int, len(r.profiles))
	r.codeRow = make([]map[string]int, len(r.profiles))
	for i, p := range r.profiles {
		r.byName[p.Name] = i
		r.statusRow[i] = make(map[int]int, len(p.Statuses))
		for j, s := range p.Statuses {
			if _, dup := r.statusRow[i][s.Code]; !dup {
				r.statusRow[i][s.Code] = j
			}
		}
		r.codeRow[i] = make(map[string]int, len(p.ErrorCodes))
		for j, c := range p.ErrorCodes {
			if _, dup := r.codeRow[i][c.Code]; !dup {
				r.codeRow[i][c.Code] = j
			}
		}
		for _, h := range p.Hosts {
			r.hosts = append(r.hosts, matchRule{h, i})
		}
		for _, t := range p.TypePrefixes {
			r.typePrefixes = append(r.typePrefixes, matchRule{t, i})
		}
		for _, t := range p.InstancePrefixes {
			r.instancePrefixes = append(r.instancePrefixes, matchRule{t, i})
		}
	}
	return r
}

// With returns a new registry holding r's profiles and then profiles; a
// profile with the same name as one of r's replaces it (user files
// override the built-in ones this way).
func (r *Registry) With(profiles ...Profile) *Registry {
	all := make([]Profile, 0, len(r.All())+len(profiles))
	all = append(all, r.All()...)
	all = append(all, profiles...)
	return NewRegistry(all...)
}

// Lookup returns the profile called name.
func (r *Registry) Lookup(name string) (Profile, bool) {
	if r == nil {
		return Profile{}, false
	}
	i, ok := r.byName[name]
	if !ok {
		return Profile{}, false
	}
	return r.profiles[i], true
}

// All returns every profile, sorted by name. The slice is a copy; the
// profiles' own slices are shared and must not be modified.
func (r *Registry) All() []Profile {
	if r == nil {
		return nil
	}
	return append([]Profile(nil), r.profiles...)
}

// Names returns the profiles' names, sorted.
func (r *Registry) Names() []string {
	if r == nil {
		return nil
	}
	names := make([]string, len(r.profiles))
	for i, p := range r.profiles {
		names[i] = p.Name
	}
	return names
}

// statusDoc returns profile i's row for a status code.
func (r *Registry) statusDoc(i, code int) (*StatusDoc, bool) {
	j, ok := r.statusRow[i][code]
	if !ok {
		return nil, false
	}
	return &r.profiles[i].Statuses[j], true
}

// errorCodeDoc returns profile i's row for an error code.
func (r *Registry) errorCodeDoc(i int, code string) (*ErrorCodeDoc, bool) {
	if code == "" {
		return nil, false
	}
	j, ok := r.codeRow[i][code]
	if !ok {
		return nil, false
	}
	return &r.profiles[i].ErrorCodes[j], true
}

// MatchRule says in words how a profile is recognized, for `apis list`:
// "host api.example.com, problem type URI https://...", or "--api only".
func MatchRule(p Profile) string {
	var parts []string
	for _, h := range p.Hosts {
		parts = append(parts, "host "+h)
	}
	for _, t := range p.TypePrefixes {
		parts = append(parts, "problem type URI "+t)
	}
	for _, t := range p.InstancePrefixes {
		parts = append(parts, "instance path "+t)
	}
	if len(p.ErrorCodes) > 0 {
		parts = append(parts, "error code vocabulary")
	}
	if len(parts) == 0 {
		return "--api only"
	}
	return strings.Join(parts, ", ")
}
