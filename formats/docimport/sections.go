package docimport

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
)

// statusSections reads sections headed "400 Bad Request". When the page
// has no status table and each such section is one paragraph, they are
// the status table written as headings (description under each code);
// otherwise each is the docs' advice for its status.
func (x *extractor) statusSections() {
	type sec struct {
		at, from, to int
		code         int
		name         string
	}
	var secs []sec
	for i, b := range x.doc {
		if b.kind != bHeading || x.used[i] {
			continue
		}
		if code, ecode, ok := statusCodeTitle(b); ok {
			// "404 not_found": the section is for a status and documents
			// the error code the API sends with it.
			x.statusCodeSection(i, code, ecode)
			continue
		}
		code, name, ok := splitStatusTitle(b.text)
		if !ok {
			var category string
			if code, category, ok = statusCategoryTitle(b.text); !ok {
				continue
			}
			// "400 – BAD_REQUEST": the words are the API's category of
			// error; the status keeps the registry's name.
			name = http.StatusText(code)
			x.rep.placedf("section %q is for status %d; %s is taken as the API's category, not the status's name", clip(b.text, 40), code, category)
		}
		from, to := x.ownContent(i)
		secs = append(secs, sec{i, from, to, code, name})
	}
	if len(secs) == 0 {
		return
	}
	asTable := len(x.p.Statuses) == 0
	for k, s := range secs {
		paras := 0
		for j := s.from; j < s.to; j++ {
			if x.doc[j].kind == bPara {
				paras++
			} else {
				asTable = asTable && k == len(secs)-1 && j > s.from
			}
		}
		// The last section may run on into text about something else;
		// a lone section with several paragraphs is advice.
		if paras != 1 && (k < len(secs)-1 || len(secs) == 1) || paras == 0 {
			asTable = false
		}
	}
	merged := map[int]int{} // status -> index of its advice
	for _, s := range secs {
		x.used[s.at] = true
		if asTable {
			x.rowHeading[s.at] = true
			// Only the first paragraph: after the last heading the page
			// goes on with text that is not about that status.
			x.used[s.from] = true
			x.addStatus(formats.StatusDoc{Code: s.code, Name: s.name, Description: x.doc[s.from].text})
			continue
		}
		if _, ok := x.statusSeen[s.code]; !ok {
			x.addStatus(formats.StatusDoc{Code: s.code, Name: s.name})
			x.rep.placedf("status %d has a section but no row in a status table; a row named %q was made from its heading", s.code, s.name)
		}
		intro, steps := x.stepsOf(s.from, s.to)
		if len(steps) == 0 {
			continue
		}
		if k, ok := merged[s.code]; ok {
			// Several sections for one status ("403 – Forbidden: scopes",
			// "403 – Forbidden: plan") are one piece of advice.
			a := &x.p.Advice[k]
			if intro != "" {
				steps = append([]string{intro}, steps...)
			}
			a.Steps = append(a.Steps, steps...)
			a.Title += "; " + x.doc[s.at].text
			continue
		}
		merged[s.code] = len(x.p.Advice)
		x.p.Advice = append(x.p.Advice, formats.Advice{
			Title: x.doc[s.at].text, Statuses: []int{s.code}, Intro: intro, Steps: steps,
		})
	}
}

// classLead matches a paragraph or item that starts with a status class.
var classLead = lazyRE(`^[1-5][xX][xX]`)

// classToken finds every "4xx" in a run-together class note.
var classToken = lazyRE(`([1-5])[xX][xX]`)

// classNotes reads notes about status classes: "2xx response codes
// indicate success… 4xx response codes indicate…", also when a copy ran
// the sentences together.
func (x *extractor) classNotes() {
	for i, b := range x.doc {
		if x.used[i] || b.kind != bPara || !classLead.MatchString(b.text) {
			continue
		}
		locs := classToken.FindAllStringIndex(b.text, -1)
		var parts []int
		for _, l := range locs {
			// A class token starts a note when it starts the text or
			// follows the end of the previous note (no space before it in
			// a run-together copy, or a sentence end).
			if l[0] == 0 || b.text[l[0]-1] != ' ' || strings.HasSuffix(strings.TrimSpace(b.text[:l[0]]), ".") {
				parts = append(parts, l[0])
			}
		}
		x.used[i] = true
		for k, at := range parts {
			end := len(b.text)
			if k+1 < len(parts) {
				end = parts[k+1]
			}
			note := strings.TrimSpace(b.text[at:end])
			class := strings.ToLower(note[:3])
			if len(note) > 3 && note[3] != ' ' {
				note = note[:3] + " " + note[3:] // "2xxresponse" as copied
			}
			x.p.Advice = append(x.p.Advice, formats.Advice{Classes: []string{class}, Steps: []string{note}})
		}
	}
}

// statusMention finds the statuses a troubleshooting section names in its
// title or lead-in: "If you receive a 429 status code:", "For 500 or 502
// status codes:".
var statusMention = lazyRE(`\b([1-5][0-9][0-9])\b`)

func mentionedStatuses(s string) []int {
	var out []int
	seen := map[int]bool{}
	for _, m := range statusMention.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(m[1])
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// otherSections places the remaining headed sections as advice: by the
// statuses their title or lead-in names, else by their title's words
// matching one row of the docs' own status table ("Authentication
// Errors" and 401 "Authentication failed"). The second way is only tried
// for a section beside one placed the first way, or under a
// troubleshooting heading, where a title is known to name a kind of error.
func (x *extractor) otherSections() {
	type sec struct {
		at      int
		content []int
	}
	var secs []sec
	var headings []int
	for i, b := range x.doc {
		if b.kind != bHeading {
			continue
		}
		headings = append(headings, i)
		if x.used[i] {
			continue
		}
		from, to := x.ownContent(i)
		var content []int
		for j := from; j < to; j++ {
			if !x.used[j] && (x.doc[j].kind == bPara || x.doc[j].kind == bList) {
				content = append(content, j)
			}
		}
		if len(content) > 0 {
			secs = append(secs, sec{i, content})
		}
	}
	placed := map[int][]int{}
	for _, s := range secs {
		b, lead := x.doc[s.at], x.doc[s.content[0]]
		// The title names the statuses ("`404 Not Found` for an existing
		// resource"), or a lead-in does ("If you receive a 429 status
		// code:"), or one of the first two paragraphs names them plainly
		// ("you will receive a `403 Forbidden` or `429 Too Many
		// Requests` response").
		statuses := strongMentions(b.text)
		if len(statuses) == 0 && lead.kind == bPara && isLeadIn(lead.text) && mentionsStatusWord(lead.text) {
			statuses = mentionedStatuses(lead.text)
		}
		if len(statuses) == 0 && mentionsStatusWord(b.text) {
			statuses = mentionedStatuses(b.text)
		}
		for k, paras := 0, 0; len(statuses) == 0 && k < len(s.content) && paras < 2; k++ {
			if c := x.doc[s.content[k]]; c.kind == bPara {
				paras++
				statuses = strongMentions(c.text)
			}
		}
		if len(statuses) == 0 {
			// Further down, a section that names one status plainly and
			// no other ("…will receive an HTTP 429 response") is for it.
			statuses = x.onlyStatus(s.content)
		}
		if len(statuses) > 0 {
			placed[s.at] = statuses
		}
	}
	pos := make(map[int]int, len(headings)) // block index -> heading number
	for k, h := range headings {
		pos[h] = k
	}
	neighbour := func(at int) bool {
		if adviceVerb(x.doc[at].text) && len(x.p.Statuses) > 0 {
			return true // "Handle rate limiting": a title that says what to do
		}
		k := pos[at]
		if k > 0 && (placed[headings[k-1]] != nil || strings.Contains(strings.ToLower(x.doc[headings[k-1]].text), "troubleshoot")) {
			return true
		}
		return k+1 < len(headings) && placed[headings[k+1]] != nil
	}
	for _, s := range secs {
		b := x.doc[s.at]
		statuses := placed[s.at]
		if len(statuses) > 0 {
			if why := x.otherPartyText(b.text, x.doc[s.content[0]].text); why != "" {
				x.rep.unplaced("section " + quote(b.text) + ", not placed for " + joinInts(statuses) + ": " + why)
				continue
			}
		}
		if statuses == nil && neighbour(s.at) {
			statuses = x.statusByTitle(b.text)
		}
		if len(statuses) == 0 {
			if x.substantial(s.content) {
				x.rep.unplaced("section " + strconv.Quote(clip(b.text, 60)) + ": names no status")
			}
			continue
		}
		from, to := x.ownContent(s.at)
		if placed[s.at] != nil && strongMentions(b.text) == nil && x.introducesExamples(from, to) {
			// "Returned as status 400 on POST requests" over example
			// bodies says what the examples are, not what to do.
			x.rep.unplaced("section " + quote(b.text) + ": its text introduces example bodies for " + joinInts(statuses) + "; not advice")
			continue
		}
		intro, steps := x.stepsOf(from, to)
		if len(steps) == 0 && intro != "" {
			steps, intro = []string{intro}, ""
		}
		x.used[s.at] = true
		x.p.Advice = append(x.p.Advice, formats.Advice{Title: b.text, Statuses: statuses, Intro: intro, Steps: steps})
	}
}

// isLeadIn: a short sentence that introduces what follows ("If you
// receive a 429 status code:", "When receiving a 404 status code:"), as
// opposed to prose that happens to quote a status.
func isLeadIn(s string) bool {
	if len(s) > 160 {
		return false
	}
	if endsWithColon(s) {
		return true
	}
	l := strings.ToLower(s)
	for _, w := range []string{"if ", "when ", "for ", "on ", "in case of ", "after "} {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return false
}

// mentionsStatusWord: a number in the text is a status only when the
// text also speaks of status codes, errors or responses.
func mentionsStatusWord(s string) bool {
	l := strings.ToLower(s)
	if len(mentionedStatuses(s)) == 0 {
		return false
	}
	for _, w := range []string{"status", "error", "response", "receive", "return", "http"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	_, _, ok := splitStatusTitle(s)
	return ok
}

// titleStopWords carry no meaning for matching a title to a status.
var titleStopWords = map[string]bool{"error": true, "errors": true, "issue": true, "issues": true,
	"common": true, "handling": true, "the": true, "and": true, "of": true, "a": true, "an": true,
	"code": true, "codes": true, "status": true, "problem": true, "problems": true, "response": true,
	"responses": true, "request": true, "requests": true, "troubleshooting": true, "http": true,
	"api": true, "failed": true, "failure": true, "failures": true, "with": true, "for": true, "your": true,
	"handle": true, "fix": true, "fixing": true, "resolve": true, "resolving": true, "avoid": true,
	"avoiding": true, "recover": true, "from": true, "dealing": true}

// statusByTitle returns the one status whose row in the docs' status
// table shares a meaningful word with title; none when zero or several
// rows do (several is reported as ambiguous).
func (x *extractor) statusByTitle(title string) []int {
	words := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(title)) {
		w = strings.Trim(w, ".,:;()")
		if len(w) > 2 && !titleStopWords[w] {
			words[w] = true
		}
	}
	if len(words) == 0 {
		return nil
	}
	var hits []formats.StatusDoc
	for _, s := range x.p.Statuses {
		for _, w := range strings.Fields(strings.ToLower(s.Name + " " + s.Description)) {
			if words[strings.Trim(w, ".,:;()")] {
				hits = append(hits, s)
				break
			}
		}
	}
	switch len(hits) {
	case 0:
		return nil
	case 1:
		x.rep.placedf("section %q applies to %d: the docs' status table says %d means %q",
			clip(title, 40), hits[0].Code, hits[0].Code, clip(strings.TrimSpace(hits[0].Name+": "+hits[0].Description), 60))
		return []int{hits[0].Code}
	}
	codes := make([]string, len(hits))
	for k, h := range hits {
		codes[k] = strconv.Itoa(h.Code)
	}
	sort.Strings(codes)
	x.rep.warnf("section %q could apply to statuses %s; it was not placed", clip(title, 40), strings.Join(codes, ", "))
	return nil
}

// substantial: a section worth reporting as not placed has a list or a
// paragraph that is more than a lead-in to something else.
func (x *extractor) substantial(content []int) bool {
	for _, j := range content {
		if x.doc[j].kind == bList || !endsWithColon(x.doc[j].text) {
			return true
		}
	}
	return false
}
