package docimport

import (
	"strconv"
	"strings"
)

// column is what a table column holds, judged from its header.
type column int

const (
	colOther column = iota
	colStatus
	colName
	colDescription
	colAction
	colCode
	colField
	colType
	colRetry
)

// headerWords are the column headings docs sites use for error tables,
// with what each column holds. Matching is case-insensitive; the text
// reader also requires a capital first letter so that a body field named
// "type" or "status" is never taken for a heading.
var headerWords = map[string]column{
	"status code":          colStatus,
	"http status code":     colStatus,
	"http status":          colStatus,
	"http code":            colStatus,
	"status":               colStatus,
	"response code":        colStatus,
	"code":                 colCode,
	"error code":           colCode,
	"error":                colCode,
	"error type":           colCode,
	"name":                 colName,
	"status name":          colName,
	"status text":          colName,
	"reason phrase":        colName,
	"description":          colDescription,
	"meaning":              colDescription,
	"definition":           colDescription,
	"message":              colDescription,
	"explanation":          colDescription,
	"details":              colDescription,
	"cause":                colDescription,
	"suggestion action":    colAction,
	"suggested action":     colAction,
	"action":               colAction,
	"resolution":           colAction,
	"solution":             colAction,
	"how to fix":           colAction,
	"what to do":           colAction,
	"recommended action":   colAction,
	"field":                colField,
	"parameter":            colField,
	"attribute":            colField,
	"property":             colField,
	"member":               colField,
	"type":                 colType,
	"data type":            colType,
	"error code (string)":  colCode,
	"http response code":   colStatus,
	"http status code(s)":  colStatus,
	"possible causes":      colDescription,
	"troubleshooting tips": colAction,
	"retry?":               colRetry,
	"retry":                colRetry,
	"retryable":            colRetry,
	"reason":               colName,
}

// headerColumn returns what a heading names, and whether it is one.
func headerColumn(s string) (column, bool) {
	c, ok := headerWords[strings.ToLower(cleanCell(s))]
	return c, ok
}

// isHeaderLine is headerColumn for a line of copied text: the heading
// must start with a capital letter.
func isHeaderLine(s string) bool {
	s = cleanCell(s)
	if s == "" || !(s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	_, ok := headerColumn(s)
	return ok
}

// splitRunTogether splits a header row whose cells were copied without
// separators ("HTTP Status CodeNameDescriptionSuggestion Action"),
// preferring the longest heading at each point. It returns nil unless the
// whole line splits into at least three headings.
func splitRunTogether(s string) []string {
	s = cleanCell(s)
	var out []string
	for s != "" {
		best := ""
		for w := range headerWords {
			if len(w) > len(best) && len(w) <= len(s) && strings.EqualFold(s[:len(w)], w) {
				// A heading must start with a capital letter and end at
				// a word boundary: the end of the line, or a capital.
				if s[0] < 'A' || s[0] > 'Z' {
					continue
				}
				if len(w) < len(s) && !(s[len(w)] >= 'A' && s[len(w)] <= 'Z') && s[len(w)] != ' ' {
					continue
				}
				best = w
			}
		}
		if best == "" {
			return nil
		}
		out = append(out, s[:len(best)])
		s = strings.TrimSpace(s[len(best):])
	}
	if len(out) < 3 {
		return nil
	}
	return out
}

// parseStatus returns the status code s names when s is exactly a three
// digit code from 100 to 599.
func parseStatus(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 3 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 100 || n > 599 {
		return 0, false
	}
	return n, true
}

// statusTitle matches "404 Not Found", "404 - Not Found", "404: Not Found".
var statusTitle = lazyRE(`^([1-5][0-9][0-9])\s*(?:[-–—:]\s*)?\(?([A-Za-z][A-Za-z'’ -]{0,40}[A-Za-z])\)?$`)

// titleNameStatus matches "Not Found (404)" and "Not Found - 404".
var titleNameStatus = lazyRE(`^([A-Za-z][A-Za-z'’ -]{0,40}[A-Za-z])\s*(?:\(([1-5][0-9][0-9])\)|[-–—:]\s*([1-5][0-9][0-9]))$`)

// splitStatusTitle reads a "code name" title such as a section heading
// "400 Bad Request" or a definition term "200 OK".
// The name must read as a reason phrase: a known one, or words that all
// start with a capital ("Rate Limited"), so that "200 items per page"
// is not taken for a status.
func splitStatusTitle(s string) (int, string, bool) {
	s = cleanCell(s)
	if m := statusTitle.FindStringSubmatch(s); m != nil && reasonLike(m[2]) {
		n, _ := strconv.Atoi(m[1])
		return n, strings.TrimSpace(m[2]), true
	}
	if m := titleNameStatus.FindStringSubmatch(s); m != nil && reasonLike(m[1]) {
		code := m[2]
		if code == "" {
			code = m[3]
		}
		n, _ := strconv.Atoi(code)
		return n, strings.TrimSpace(m[1]), true
	}
	return 0, "", false
}

func reasonLike(name string) bool {
	name = strings.TrimSpace(name)
	if _, rest, ok := cutKnownName(name); ok && rest == "" {
		return true
	}
	words := strings.Fields(name)
	if len(words) > 5 {
		return false
	}
	for _, w := range words {
		if c := w[0]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// identifier matches error codes and field names: one token, no spaces.
var identifier = lazyRE(`^[A-Za-z_$@][A-Za-z0-9_.$@:/\[\]-]{0,79}$`)

func isIdentifier(s string) bool {
	s = strings.Trim(cleanCell(s), "`")
	return identifier.MatchString(s) && !strings.HasSuffix(s, ".")
}
