package docimport

import (
	"net/http"

	"github.com/apierr/apierr/formats"
)

// extractor walks the blocks of one page once per kind of content, and
// marks what it used so that the rest can be reported.
type extractor struct {
	doc  []block
	used []bool
	rep  *Report
	p    formats.Profile
	// statusSeen and codeSeen index rows already taken, to spot
	// conflicting duplicates.
	statusSeen map[int]int
	codeSeen   map[string]int
	// rowHeading marks "200 OK" headings that were read as rows of a
	// status table, not as sections.
	rowHeading map[int]bool
	// hstatus caches headingStatus.
	hstatus map[int]int
	// above[i] is the index of the nearest heading before block i, -1
	// when none: computed once so that long pages stay linear.
	above []int
}

// extract builds a profile from a page's blocks. The order matters: tables
// first (they are the least ambiguous), then sections headed by a status,
// then other sections placed by the statuses they name, then example
// bodies, fields and the summary.
func extract(doc []block, rep *Report) formats.Profile {
	x := &extractor{
		doc:        doc,
		used:       make([]bool, len(doc)),
		rep:        rep,
		statusSeen: map[int]int{},
		codeSeen:   map[string]int{},
		rowHeading: map[int]bool{},
		above:      make([]int, len(doc)),
		hstatus:    map[int]int{},
	}
	last := -1
	for i, b := range doc {
		x.above[i] = last
		if b.kind == bHeading {
			last = i
		}
	}
	x.recordTables()
	for i, b := range doc {
		if b.kind == bTable && !x.used[i] {
			x.table(i)
		}
	}
	x.codeLists()
	x.statusLists()
	x.statusSections()
	x.codeSections()
	x.classNotes()
	x.fieldLists()
	x.examples()
	x.summary()
	x.otherSections()
	x.fieldSentence()
	x.rowsForAdvice()
	x.reportLeftovers()
	return x.p
}

// rowsForAdvice gives every status that has advice a row of the status
// table (profiles require one), named as the HTTP registry names it, and
// says so: the docs spoke of the status without listing it.
func (x *extractor) rowsForAdvice() {
	for _, a := range x.p.Advice {
		for _, s := range a.Statuses {
			if _, ok := x.statusSeen[s]; ok {
				continue
			}
			x.rep.warnf("advice %q is for status %d, which the docs' status table does not list; a row named %q was added",
				clip(a.Title, 40), s, http.StatusText(s))
			x.addStatus(formats.StatusDoc{Code: s, Name: http.StatusText(s)})
		}
	}
}

// ownContent returns the blocks directly under heading i, before any
// sub-heading.
func (x *extractor) ownContent(i int) (int, int) {
	j := i + 1
	for j < len(x.doc) && x.doc[j].kind != bHeading {
		j++
	}
	return i + 1, j
}

// stepsOf turns paragraphs and list items into advice steps. A paragraph
// ending in a colon right before a list is the section's intro.
func (x *extractor) stepsOf(from, to int) (intro string, steps []string) {
	for k := from; k < to; k++ {
		b := x.doc[k]
		switch b.kind {
		case bPara:
			if k+1 < to && x.doc[k+1].kind == bList && len(steps) == 0 && endsWithColon(b.text) && intro == "" {
				intro = b.text
			} else {
				steps = append(steps, b.text)
			}
		case bList:
			steps = append(steps, b.items...)
		default:
			continue
		}
		x.used[k] = true
	}
	return intro, steps
}

func endsWithColon(s string) bool {
	return len(s) > 0 && s[len(s)-1] == ':'
}
