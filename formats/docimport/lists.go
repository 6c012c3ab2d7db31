package docimport

import (
	"regexp"
	"strings"

	"github.com/apierr/apierr/formats"
)

var (
	// listStatus matches a list item that starts with a status code:
	// "400 for Validation failure", "401: Unauthorized",
	// "400 Bad Request - Malformed request syntax".
	listStatus = regexp.MustCompile(`^([1-5][0-9][0-9])\b\s*(?:[-:–—]\s*)?(.*)$`)
	// listRange matches "200 to 299 if it succeeded".
	listRange = regexp.MustCompile(`^([1-5])00\s*(?:to|-|–)\s*([1-5])99\b\s*(.*)$`)
	// listClass matches "5xx: server errors" and "50X - Internal Server Error".
	listClass = regexp.MustCompile(`^([1-5])(?:[xX][xX]|0[xX])\b\s*(?:[-:–—]\s*)?(.*)$`)
)

// statusLists reads bullet lists whose items start with a status code,
// the shape of short error pages ("- 400 for Validation failure"). At
// least two thirds of the items must start so; the others are reported.
func (x *extractor) statusLists() {
	for i, b := range x.doc {
		if x.used[i] || b.kind != bList || len(b.items) < 2 {
			continue
		}
		n := 0
		for _, it := range b.items {
			if listStatus.MatchString(it) || listClass.MatchString(it) || listRange.MatchString(it) {
				n++
			}
		}
		if n*3 < len(b.items)*2 {
			continue
		}
		x.used[i] = true
		for _, it := range b.items {
			if m := listRange.FindStringSubmatch(it); m != nil && m[1] == m[2] {
				x.classRow(it, m[1]+"xx", it)
				continue
			}
			if m := listClass.FindStringSubmatch(it); m != nil {
				x.classRow(it, m[1]+"xx", it)
				continue
			}
			m := listStatus.FindStringSubmatch(it)
			code, ok := parseStatus(strings.TrimSpace(firstField(m)))
			if !ok {
				x.rep.warnf("item %q of a list of statuses starts with no status; it was not placed", clip(it, 50))
				continue
			}
			name, desc := splitItem(m[2])
			x.addStatus(formats.StatusDoc{Code: code, Name: name, Description: desc})
		}
	}
}

func firstField(m []string) string {
	if m == nil {
		return ""
	}
	return m[1]
}

// splitItem splits what follows the code into a reason phrase and a
// description when the item has both ("Bad Request - Malformed…"), and
// keeps the words as written otherwise.
func splitItem(rest string) (name, desc string) {
	rest = strings.TrimSpace(rest)
	for _, sep := range []string{" -- ", " — ", " – ", " - ", ": "} {
		if before, after, ok := strings.Cut(rest, sep); ok && reasonLike(before) {
			return strings.TrimSpace(before), strings.TrimSpace(after)
		}
	}
	if reasonLike(rest) {
		return rest, ""
	}
	return "", rest
}
