package docimport

import (
	"fmt"
	"strings"

	"github.com/apierr/apierr/formats"
)

var (
	// listStatus matches a list item that starts with a status code:
	// "400 for Validation failure", "401: Unauthorized",
	// "400 Bad Request - Malformed request syntax".
	listStatus = lazyRE(`^([1-5][0-9][0-9])\b\s*(?:[-:–—]\s*)?(.*)$`)
	// listRange matches "200 to 299 if it succeeded".
	listRange = lazyRE(`^([1-5])00\s*(?:to|-|–)\s*([1-5])99\b\s*(.*)$`)
	// listClass matches "5xx: server errors" and "50X - Internal Server Error".
	listClass = lazyRE(`^([1-5])(?:[xX][xX]|0[xX])\b\s*(?:[-:–—]\s*)?(.*)$`)
)

// statusLists reads bullet lists whose items start with a status code,
// the shape of short error pages ("- 400 for Validation failure"). At
// least two thirds of the items must start so; the others are reported.
func (x *extractor) statusLists() {
	for i, b := range x.doc {
		if x.used[i] || b.kind != bList || len(b.items) < 2 && !(len(b.items) == 1 && singleStatusItem.MatchString(b.items[0])) {
			continue
		}
		b.items = splitRunOnItems(b.items)
		if why := x.otherParty(i); why != "" && x.startsWithStatuses(b) {
			x.rep.unplaced("list of statuses under " + quote(x.headingAbove(i)) + ", skipped: " + why)
			x.used[i] = true
			continue
		}
		if isAdviceHeading(x.headingAbove(i)) && x.adviceList(i, b) {
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

// runOnItem finds where a copy ran the next status item into this one:
// "…field-level errors. - 429 Too Many Requests — You’ve hit…".
var runOnItem = lazyRE(`[.!?]\s+[-•*]\s+([1-5][0-9][0-9]\s)`)

// splitRunOnItems splits items a browser copy ran together.
func splitRunOnItems(items []string) []string {
	var out []string
	for _, it := range items {
		for {
			loc := runOnItem.FindStringSubmatchIndex(it)
			if loc == nil {
				break
			}
			out = append(out, strings.TrimSpace(it[:loc[0]+1]))
			it = it[loc[2]:]
		}
		out = append(out, strings.TrimSpace(it))
	}
	return out
}

// isAdviceHeading: a heading over what to do about errors rather than
// over what they mean.
func isAdviceHeading(h string) bool {
	l := strings.ToLower(h)
	for _, w := range []string{"troubleshoot", "resolv", "how to fix", "fixing", "solution", "what to do", "recover", "remed"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// adviceList reads a list under a troubleshooting heading whose items
// start with a status ("401 Unauthorized — Check that your token…"):
// each item is the advice for its status. It reports false, using
// nothing, when most items do not start so.
func (x *extractor) adviceList(i int, b block) bool {
	type item struct {
		code int
		text string
	}
	var items []item
	for _, it := range b.items {
		m := listStatus.FindStringSubmatch(it)
		if m == nil {
			continue
		}
		code, ok := parseStatus(m[1])
		if !ok {
			continue
		}
		_, text := splitItem(m[2])
		if text == "" {
			text = m[2]
		}
		items = append(items, item{code, text})
	}
	if len(items)*3 < len(b.items)*2 {
		return false
	}
	x.used[i] = true
	title := x.headingAbove(i)
	for _, it := range items {
		x.p.Advice = append(x.p.Advice, formats.Advice{Title: title, Statuses: []int{it.code}, Steps: []string{it.text}})
	}
	if len(items) < len(b.items) {
		x.rep.unplaced(fmt.Sprintf("%d items of the list under %s start with no status; not placed", len(b.items)-len(items), quote(title)))
	}
	return true
}

// startsWithStatuses: most items start with a status or a class.
func (x *extractor) startsWithStatuses(b block) bool {
	n := 0
	for _, it := range b.items {
		if listStatus.MatchString(it) || listClass.MatchString(it) || listRange.MatchString(it) {
			n++
		}
	}
	return n*3 >= len(b.items)*2
}

// singleStatusItem is a list of one item that is plainly a status row,
// as pages split by kind of error write them ("Server Errors" over
// "500: Internal server error").
var singleStatusItem = lazyRE(`^[1-5][0-9][0-9]\s*(?::|\s-|\s–|\s—)\s+\S`)
