package formats

import (
	"fmt"
	"strconv"
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
	if v.known {
		d.StatusText = v.entry.Name
	}
	d.StatusClass = v.entry.Class

	r, pi := matchIndex(opts, d)
	var m explainMerge
	if pi >= 0 {
		m.fromProfile(r, pi, d)
		if !v.known && m.status != nil {
			d.StatusText = m.status.Name
		}
	}
	// Whose side acts, whether to retry and the generic steps follow what
	// the error is, which the status alone may not say: OCTO sends every
	// error as 400, INTERNAL_SERVER_ERROR included, and GitHub answers an
	// exhausted rate limit with 403.
	if as, why := meantStatus(d, m.code); as != nil {
		d.Notes = append(d.Notes, why)
		v = as
	}
	d.WhoActs = v.entry.WhoActs
	d.Retryable = v.entry.Retryable
	// A Retry-After on an error invites a retry, whatever the code says.
	if d.RetryAfterSeconds != nil && d.Status >= 400 {
		d.Retryable = true
	}
	m.fromCatalog(d, v, opts.Request)
	m.fill(d)
}

// meantStatus is the catalogue view of the status the error means when it
// is not the one sent, and a note saying why: the status the docs pair
// with the body's error code, else the status whose reason phrase the
// code spells (INTERNAL_SERVER_ERROR, "Too Many Requests"), else 429 for
// a 4xx whose rate-limit headers say no request is left. nil when the
// status stands.
func meantStatus(d *Diagnosis, code *ErrorCodeDoc) (*catalogView, string) {
	if d.Status < 400 || d.Status > 599 {
		return nil, ""
	}
	if code != nil && code.Status >= 400 && code.Status <= 599 && code.Status != d.Status {
		v := catalogViewOf(code.Status)
		return v, fmt.Sprintf("The API's docs pair the error code %s with %d %s, though it came with status %d: whose side acts, the retry advice and the generic steps follow the code.",
			code.Code, code.Status, v.entry.Name, d.Status)
	}
	if s := statusNamed(d.Code); s != 0 && s != d.Status && s >= 400 {
		v := catalogViewOf(s)
		return v, fmt.Sprintf("The error code %s is the name of %d %s, though it came with status %d: whose side acts, the retry advice and the generic steps follow the code.",
			d.Code, s, v.entry.Name, d.Status)
	}
	if rl := d.RateLimit; rl != nil && rl.Remaining != nil && *rl.Remaining == 0 && d.Status >= 400 && d.Status < 500 && d.Status != 429 {
		v := catalogViewOf(429)
		return v, fmt.Sprintf("The %s headers say no request is left: this %d is a rate limit, so the retry advice and the generic steps are those of 429 Too Many Requests.",
			rl.Header, d.Status)
	}
	return nil, ""
}

// statusNamed is the 4xx or 5xx status whose registered reason phrase code
// spells, ignoring case, spaces, '_' and '-' (INTERNAL_SERVER_ERROR,
// "not-found", TooManyRequests); 0 when none does.
func statusNamed(code string) int {
	if phraseLen(code) < 6 { // "gone" and the like are too common as words
		return 0
	}
	for s := 400; s <= 599; s++ {
		if e, ok := StatusInfo(s); ok && e.Official && samePhrase(e.Name, code) {
			return s
		}
	}
	return 0
}

// samePhrase reports whether a and b spell the same words, ignoring case,
// spaces, '_' and '-', without building either folded form: Detect asks
// this of every status for every code.
func samePhrase(a, b string) bool {
	i, j := 0, 0
	for {
		i, j = len(a)-len(phraseLetters(a, i)), len(b)-len(phraseLetters(b, j))
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if lowerASCII(a[i]) != lowerASCII(b[j]) {
			return false
		}
		i, j = i+1, j+1
	}
}

// phraseLen counts the characters of s other than the separators.
func phraseLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '_' && c != '-' && c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// phraseLetters returns s from offset i on, less the separators it starts
// with.
func phraseLetters(s string, i int) string {
	for i < len(s) && (s[i] == ' ' || s[i] == '_' || s[i] == '-') {
		i++
	}
	return s[i:]
}

// lowerASCII lower-cases an ASCII letter.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
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

func (m *explainMerge) fromCatalog(d *Diagnosis, v *catalogView, req *RequestFacts) {
	if req != nil && !req.HasBody {
		v = v.withoutBodySteps()
	}
	m.view = v
	m.meaning = v.entry.Meaning
	m.unlisted = !v.known && classIndex(d.Status) != 0
	if v.entry.Code != d.Status && v.known {
		m.meaning = "As " + strconv.Itoa(v.entry.Code) + " " + v.entry.Name + ": " + v.entry.Meaning
		m.unlisted = false
	}
}

// bodySteps are the catalogue's generic steps about the request's body:
// they cannot apply to a request that sent none, such as a GET. A test
// checks each is still in the catalogue word for word.
var bodySteps = map[string]bool{
	"Check the JSON syntax, required fields, types and formats against the API docs.": true,
	"Check the Content-Type header matches the body you send.":                        true,
}

// withoutBodySteps is v without the steps about a request body.
func (v *catalogView) withoutBodySteps() *catalogView {
	out := &catalogView{entry: v.entry, known: v.known, sources: v.sources}
	out.entry.Steps = nil
	for _, s := range v.entry.Steps {
		if !bodySteps[s] {
			out.entry.Steps = append(out.entry.Steps, s)
		}
	}
	for _, s := range v.steps {
		if !bodySteps[s.Text] {
			out.steps = append(out.steps, s)
			out.recovery = append(out.recovery, s.Text)
		}
	}
	return out
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
	v := &catalogView{entry: e, known: known, sources: []string{e.Cite}}
	for _, s := range e.Steps {
		v.steps = append(v.steps, Step{Text: s, Source: e.Cite})
		v.recovery = append(v.recovery, s)
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
