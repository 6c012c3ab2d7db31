package redact

import "slices"

// pass is one redaction run. When collect is set it remembers every value
// it redacted, and the whole values of credential headers, so that their
// other occurrences can be scrubbed afterwards.
type pass struct {
	r       *Redactor
	collect bool
	found   []string
}

func (r *Redactor) pass() *pass {
	if r == nil {
		r = &Redactor{}
	}
	return &pass{r: r}
}

// mark returns the marker for secret, or secret itself when it is empty or
// already a marker, and remembers it.
func (p *pass) mark(secret string) string {
	if secret == "" || IsMarker(secret) {
		return secret
	}
	p.record(secret)
	return Marker(secret)
}

// record remembers a secret without redacting anything.
func (p *pass) record(secret string) {
	if p.collect && secret != "" && !IsMarker(secret) && !slices.Contains(p.found, secret) {
		p.found = append(p.found, secret)
	}
}

func (p *pass) secretName(name string) bool { return p.r.secretName(name) }
