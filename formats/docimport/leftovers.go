package docimport

import (
	"fmt"
	"strings"
)

// reportLeftovers names, after everything else, each heading that looks
// like a status or an error code but was not imported, with the reason,
// so that the report never hides what the page seemed to say.
func (x *extractor) reportLeftovers() {
	for i, b := range x.doc {
		if b.kind != bHeading || x.used[i] || x.rowHeading[i] {
			continue
		}
		from, to := x.ownContent(i)
		empty := true
		for k := from; k < to; k++ {
			if x.doc[k].kind == bPara || x.doc[k].kind == bList {
				empty = false
			}
		}
		why := "nothing under it was placed"
		if empty {
			why = "its section has no text of its own"
		}
		if s := strongMentions(b.text); len(s) > 0 {
			x.rep.unplaced(fmt.Sprintf("heading %s names status %s, but %s", quote(b.text), joinInts(s), why))
			continue
		}
		if code, _, strong, ok := codeTitle(b); ok && strong {
			x.rep.unplaced(fmt.Sprintf("heading %s looks like error code %s, but it stands alone among its sibling headings; not imported", quote(b.text), code))
		}
	}
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for k, n := range v {
		s[k] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
