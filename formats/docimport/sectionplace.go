package docimport

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
)

// onlyStatus returns the one status the paragraphs among blocks name
// plainly, nil when they name none or several.
func (x *extractor) onlyStatus(blocks []int) []int {
	seen := map[int]bool{}
	for _, k := range blocks {
		switch b := x.doc[k]; b.kind {
		case bPara:
			for _, n := range strongMentions(b.text) {
				seen[n] = true
			}
		case bList:
			for _, it := range b.items {
				for _, n := range strongMentions(it) {
					seen[n] = true
				}
			}
		}
	}
	if len(seen) != 1 {
		return nil
	}
	for n := range seen {
		return []int{n}
	}
	return nil
}

// adviceVerb: a title that tells what to do ("Handle rate limiting",
// "Resolving timeouts", "Avoid hitting limits").
func adviceVerb(title string) bool {
	w := strings.ToLower(firstWord(title))
	switch w {
	case "handle", "handling", "fix", "fixing", "resolve", "resolving", "avoid", "avoiding", "recover", "recovering", "troubleshoot", "troubleshooting", "dealing":
		return true
	}
	return false
}

// statusCodeForm matches "404 not_found", "409 - already_exists",
// "403 unauthorized": a status and one lower-case or snake_case token.
// A reason phrase is written in capitals ("403 Unauthorized"); a token in
// lower case beside the status is the API's code for it.
var statusCodeForm = lazyRE(`^([1-5][0-9][0-9])\s*[-–—:]?\s*([a-z][a-z0-9]*(?:[_.-][a-z0-9]+)*|[a-z]+[A-Z][A-Za-z0-9]*)$`)

func statusCodeTitle(b block) (int, string, bool) {
	m := statusCodeForm.FindStringSubmatch(b.text)
	if m == nil {
		return 0, "", false
	}
	n, _ := strconv.Atoi(m[1])
	return n, m[2], true
}

// statusCodeSection makes the error code of a section headed "404
// not_found" (its first paragraph the description), gives the status a
// row when it has none, and makes the rest of the section the status's
// advice.
func (x *extractor) statusCodeSection(at, status int, code string) {
	x.used[at] = true
	from, to := x.ownContent(at)
	desc := ""
	if from < to && x.doc[from].kind == bPara {
		desc = x.doc[from].text
	}
	x.addCode(formats.ErrorCodeDoc{Code: code, Status: status, Description: desc}, "")
	if _, ok := x.statusSeen[status]; !ok {
		x.addStatus(formats.StatusDoc{Code: status, Name: http.StatusText(status)})
		x.rep.placedf("status %d has a section (%q) but no row in a status table; a row was made for it", status, clip(x.doc[at].text, 40))
	}
	intro, steps := x.stepsOf(from, to)
	if len(steps) == 0 {
		return
	}
	x.p.Advice = append(x.p.Advice, formats.Advice{Title: x.doc[at].text, Statuses: []int{status}, Intro: intro, Steps: steps})
}

// introducesExamples: a section holds one paragraph and no list, the rest
// example bodies.
func (x *extractor) introducesExamples(from, to int) bool {
	paras, bodies := 0, 0
	for k := from; k < to; k++ {
		switch b := x.doc[k]; b.kind {
		case bPara:
			paras++
		case bList:
			return false
		case bCode:
			if isBody(strings.TrimSpace(b.text)) || strings.HasPrefix(strings.TrimSpace(b.text), "{") {
				bodies++
			}
		}
	}
	return paras == 1 && bodies > 0
}
