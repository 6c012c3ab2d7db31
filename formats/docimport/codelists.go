package docimport

import (
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
)

var (
	// codeItemRaw matches a list item, as written, that starts with an
	// error code set off as code or bold: "`not_found` (404)",
	// "**0001** - Item Not Found (404)", "`E_AUTH`: the token is bad".
	codeItemRaw = lazyRE("^(?:`([^`\\s]{1,80})`|\\*\\*([^*\\s]{1,80})\\*\\*)\\s*(.*)$")
	// itemStatus is a status in parentheses: "(404)", "(HTTP 404)".
	itemStatus = lazyRE(`\((?:HTTP\s*)?([1-5][0-9][0-9])\)`)
)

// codeLists reads bullet lists that map error codes to statuses or
// describe them, one code per item. At least two thirds of the items
// must start with a code set off as code or bold, and one must give a
// status or the list must sit under a heading about errors; the items
// that do not are reported.
func (x *extractor) codeLists() {
	for i, b := range x.doc {
		if x.used[i] || b.kind != bList || len(b.rawItems) < 2 || len(b.rawItems) != len(b.items) {
			continue
		}
		n, withStatus := 0, 0
		for _, raw := range b.rawItems {
			if m := codeItemRaw.FindStringSubmatch(strings.TrimSpace(raw)); m != nil && codeToken(m[1]+m[2]) {
				n++
				if itemStatus.MatchString(m[3]) {
					withStatus++
				}
			}
		}
		if n*3 < len(b.items)*2 || withStatus == 0 && !x.codesHeading(i) || x.listOfMembers(i) {
			continue
		}
		x.used[i] = true
		for k, raw := range b.rawItems {
			m := codeItemRaw.FindStringSubmatch(strings.TrimSpace(raw))
			if m == nil || !codeToken(m[1]+m[2]) {
				x.rep.unplaced("item " + quote(b.items[k]) + " of a list of error codes: names no code")
				continue
			}
			code := m[1] + m[2]
			rest := mdInline(m[3])
			e := formats.ErrorCodeDoc{Code: code}
			if s := itemStatus.FindStringSubmatch(rest); s != nil {
				e.Status, _ = strconv.Atoi(s[1])
				rest = strings.TrimSpace(strings.Replace(rest, s[0], "", 1))
			} else {
				e.Status = x.sectionStatus(i)
			}
			rest = strings.TrimSpace(strings.TrimLeft(rest, "-–—:"))
			e.Description = rest
			x.addCode(e, "")
		}
	}
}

// codeToken: an error code as docs write one, not a status (those are
// read as status lists) and not a sentence.
func codeToken(s string) bool {
	if _, isStatus := parseStatus(s); isStatus {
		return false
	}
	if _, err := strconv.Atoi(s); err == nil {
		return true
	}
	return isIdentifier(s)
}

// substantialSection: heading at has paragraphs or lists of its own that
// nothing used.
func (x *extractor) substantialSection(at int) bool {
	from, to := x.ownContent(at)
	for k := from; k < to; k++ {
		if !x.used[k] && (x.doc[k].kind == bPara || x.doc[k].kind == bList) {
			return true
		}
	}
	return false
}

// codesHeading: the nearest heading over block i speaks of error codes.
func (x *extractor) codesHeading(i int) bool {
	l := strings.ToLower(x.headingAbove(i))
	return strings.Contains(l, "code") || strings.Contains(l, "error")
}

// listOfMembers: the sentence before list i or the heading over it says
// the list documents the body's members ("A Twirp error has the
// following properties:").
func (x *extractor) listOfMembers(i int) bool {
	if i > 0 && x.doc[i-1].kind == bPara {
		// "…has the following properties:", "…with the keys:", "…are split
		// into a few classes:": members of a body or a client library's
		// classes, not the API's codes.
		if l := strings.ToLower(x.doc[i-1].text); isFieldHeading(l) || strings.Contains(l, " keys") || strings.Contains(l, " class") || strings.Contains(l, " types") {
			return true
		}
	}
	return isFieldHeading(strings.ToLower(x.headingAbove(i)))
}
