package formats

import (
	"strings"
)

// explain fills the explanation half of d: status text and class, whose
// side acts, retryability, the matched API profile, and the merged
// explanation and recovery steps. The API's own docs come first (its
// status row and suggested action, its error-code row, its advice for this
// status, for the status's class, then general advice); the generic
// catalogue follows. Transport diagnoses are probe's and are left alone.
func explain(d *Diagnosis, opts Options) {
	if d.Format == "transport" {
		return
	}
	v := catalogViewOf(d.Status)
	entry, known := &v.entry, v.known
	if known {
		d.StatusText = entry.Name
	}
	d.StatusClass = entry.Class
	d.WhoActs = entry.WhoActs
	d.Retryable = entry.Retryable
	// A Retry-After on an error invites a retry, whatever the code says.
	if d.RetryAfterSeconds != nil && d.Status >= 400 {
		d.Retryable = true
	}

	r, pi := matchIndex(opts, d)
	var m explainMerge
	if pi >= 0 {
		m.fromProfile(r, pi, d)
		if !known && m.status != nil {
			d.StatusText = m.status.Name
		}
	}
	m.fromCatalog(d, v)
	m.fill(d)
}

// explainMerge gathers the pieces of an explanation before they are
// copied into the Diagnosis in one allocation each.
type explainMerge struct {
	source   string // the profile's source, "" without a profile
	status   *StatusDoc
	code     *ErrorCodeDoc
	profile  *Profile // nil without a profile
	class    string   // "4xx" for the advice lookup
	nAdvice  int      // steps in the applicable advice sections
	view     *catalogView
	meaning  string // the catalogue's meaning, with a prefix for unlisted codes
	unlisted bool
}

func (m *explainMerge) fromProfile(r *Registry, i int, d *Diagnosis) {
	p := &r.profiles[i]
	m.source = p.Source
	m.status, _ = r.statusDoc(i, d.Status)
	m.code, _ = r.errorCodeDoc(i, d.Code)
	m.profile, m.class = p, classKey(d.Status)
	m.eachAdvice(d.Status, func(a *Advice) { m.nAdvice += len(a.Steps) })
}

// eachAdvice calls fn with the profile's sections that apply to status:
// status-specific sections first, then class notes, then general ones,
// each group in the docs' order.
func (m *explainMerge) eachAdvice(status int, fn func(*Advice)) {
	if m.profile == nil {
		return
	}
	for pass := 0; pass < 3; pass++ {
		for j := range m.profile.Advice {
			if a := &m.profile.Advice[j]; adviceApplies(a, pass, status, m.class) {
				fn(a)
			}
		}
	}
}

// adviceApplies tells whether a applies to status in the given pass:
// 0 by status, 1 by class, 2 general.
func adviceApplies(a *Advice, pass, status int, class string) bool {
	switch pass {
	case 0:
		for _, s := range a.Statuses {
			if s == status {
				return true
			}
		}
	case 1:
		if len(a.Statuses) > 0 || class == "" {
			return false
		}
		for _, c := range a.Classes {
			if c == class {
				return true
			}
		}
	case 2:
		return len(a.Statuses) == 0 && len(a.Classes) == 0
	}
	return false
}

// classKey is "4xx" for 404, "" outside 100-599.
func classKey(status int) string {
	switch classIndex(status) {
	case 1:
		return "1xx"
	case 2:
		return "2xx"
	case 3:
		return "3xx"
	case 4:
		return "4xx"
	case 5:
		return "5xx"
	}
	return ""
}

func (m *explainMerge) fromCatalog(d *Diagnosis, v *catalogView) {
	m.view = v
	m.meaning = v.entry.Meaning
	m.unlisted = !v.known && classIndex(d.Status) != 0
}

// fill writes Explanation, Steps, Recovery and Sources.
func (m *explainMerge) fill(d *Diagnosis) {
	d.Explanation = m.explanation(d)
	if !m.usedProfile() {
		// Only the catalogue speaks: its steps depend on the status alone.
		v := m.view
		d.Steps, d.Recovery, d.Sources = v.steps, v.recovery, v.sources
		return
	}

	n := m.nAdvice + len(m.view.entry.Steps) + 2
	steps := make([]Step, 0, n)
	// The error-code row says what exactly went wrong (OCTO's
	// "INVALID_PRODUCT_ID: Missing or invalid productId in the request"),
	// which is the first thing to fix.
	if m.code != nil && m.code.Description != "" {
		steps = append(steps, Step{Text: m.code.Code + ": " + m.code.Description, Source: m.source})
	}
	if m.status != nil && m.status.Action != "" {
		steps = append(steps, Step{Text: m.status.Action, Source: m.source})
	}
	m.eachAdvice(d.Status, func(a *Advice) {
		for _, s := range a.Steps {
			steps = append(steps, Step{Text: s, Source: m.source})
		}
	})
	for _, s := range m.view.entry.Steps {
		steps = append(steps, Step{Text: s, Source: m.view.entry.Cite})
	}
	d.Steps = steps
	d.Recovery = make([]string, len(steps))
	for i, s := range steps {
		d.Recovery[i] = s.Text
	}
	if m.source != m.view.entry.Cite {
		d.Sources = []string{m.source, m.view.entry.Cite}
	} else {
		d.Sources = []string{m.source}
	}
}

// catalogView is what explain reads from the catalogue for one status:
// its entry (that of its class for a code the catalogue does not list)
// and the Steps, Recovery and Sources of a diagnosis that quotes only the
// catalogue.
type catalogView struct {
	entry    StatusEntry
	known    bool
	steps    []Step
	recovery []string
	sources  []string
}

// catalogViewOf returns the view of status.
func catalogViewOf(status int) *catalogView {
	e, known := StatusInfo(status)
	v := &catalogView{entry: e, known: known, sources: []string{e.Cite},
		steps: make([]Step, len(e.Steps)), recovery: make([]string, len(e.Steps))}
	for i, s := range e.Steps {
		v.steps[i] = Step{Text: s, Source: e.Cite}
		v.recovery[i] = s
	}
	return v
}

// usedProfile tells whether any text of the profile made it into the
// explanation or the steps, so Sources names only documents quoted.
func (m *explainMerge) usedProfile() bool {
	return m.source != "" && (m.nAdvice > 0 || m.code != nil && m.code.Description != "" ||
		m.status != nil && (m.status.Description != "" || m.status.Action != ""))
}

// explanation is the docs' description of the status followed by the
// catalogue's generic meaning, one paragraph each. The error code's row is
// the first recovery step instead: it names what to fix.
func (m *explainMerge) explanation(d *Diagnosis) string {
	var parts [2]string
	k := 0
	if m.status != nil && m.status.Description != "" {
		parts[k] = m.status.Description
		k++
	}
	generic := m.meaning
	if m.unlisted {
		generic = "This code is not in the catalogue; as a " + classKey(d.Status) + " code: " + m.meaning
	}
	parts[k] = generic
	k++
	if k == 1 {
		// Nothing to join: the catalogue's text is the explanation as it
		// stands, without a copy.
		return generic
	}
	size := 0
	for _, p := range parts[:k] {
		size += len(p) + 3
	}
	var b strings.Builder
	b.Grow(size)
	for i, p := range parts[:k] {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
		if i < k-1 && !endsSentence(p) {
			b.WriteByte('.')
		}
	}
	return b.String()
}

// endsSentence tells whether s already ends with punctuation, so a docs
// fragment like "Resource not found" reads as a sentence when joined.
func endsSentence(s string) bool {
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ')', '"':
		return true
	}
	return false
}
