package docimport

import (
	"strconv"
	"strings"
)

// statusAndClass matches a status cell that also covers its class:
// "500 or other 5XX", "500 and other 5xx errors".
var statusAndClass = lazyRE(`^([1-5][0-9][0-9])\s+(?:or|and|/)\s+(?:other|any other|all other)?\s*([1-5][xX][xX])\b`)

// statusColumn returns the first column most of whose cells are statuses
// ("404", "404 Not Found", "500 or other 5XX"), -1 when none is.
func statusColumn(b block) int {
	if len(b.rows) == 0 {
		return -1
	}
	width := len(b.header)
	for _, r := range b.rows {
		width = max(width, len(r))
	}
	for k := 0; k < width; k++ {
		n := 0
		for _, r := range b.rows {
			if k >= len(r) {
				continue
			}
			c := stripMarks(r[k])
			if _, _, ok := statusCell(c); ok || statusAndClass.MatchString(c) || statusList.MatchString(c) {
				n++
			}
		}
		if n*2 > len(b.rows) {
			return k
		}
	}
	return -1
}

// retryAdvice turns a Retry? cell into advice: "Yes - retry after some
// time" says to retry, "No" says not to.
func retryAdvice(cell string) string {
	c := strings.TrimSpace(cell)
	l := strings.ToLower(c)
	switch {
	case c == "":
		return ""
	case l == "no":
		return "Do not retry."
	case strings.HasPrefix(l, "no ") || strings.HasPrefix(l, "no,") || strings.HasPrefix(l, "no -"):
		return "Do not retry: " + strings.TrimLeft(c[2:], " ,-–—") + "."
	case l == "yes":
		return "Retry."
	case strings.HasPrefix(l, "yes"):
		return "Retry: " + strings.TrimLeft(c[3:], " ,-–—") + "."
	}
	return "Retry: " + c + "."
}

// otherPartyWords mark a table or list about statuses that come from
// someone else than the API: a proxy or load balancer in between.
var otherPartyWords = []string{"intermediar", "proxy", "proxies", "load balancer", "webhook"}

// otherParty says why table i describes another party's statuses, judged
// by the heading over it and the sentence before it; "" when it does not.
func (x *extractor) otherParty(i int) string {
	texts := []string{x.headingAbove(i)}
	for k := i - 1; k >= 0 && k >= i-2 && x.doc[k].kind == bPara; k-- {
		texts = append(texts, x.doc[k].text)
	}
	return x.otherPartyText(texts...)
}

// otherPartyText is otherParty for a section: its title and lead-in.
func (x *extractor) otherPartyText(texts ...string) string {
	for _, t := range texts {
		l := strings.ToLower(t)
		for _, w := range otherPartyWords {
			if strings.Contains(l, w) {
				return "it speaks of statuses of another party (" + quote(t) + "), not the API's own"
			}
		}
	}
	return ""
}

// aboutErrorBody: the headings over block i, or the sentence before it,
// speak of errors or responses, so that a table of fields there documents
// the error body and not, say, a request's or an event's payload.
func (x *extractor) aboutErrorBody(i int) bool {
	var texts []string
	if i > 0 && x.doc[i-1].kind == bPara {
		texts = append(texts, x.doc[i-1].text)
	}
	for _, h := range x.ancestors(i) {
		texts = append(texts, x.doc[h].text)
		if x.headingStatus(h) != 0 {
			return true
		}
	}
	if len(texts) == 0 {
		return true // a bare table: nothing says otherwise
	}
	for _, t := range texts {
		l := strings.ToLower(t)
		for _, w := range []string{"error", "response", "problem", "fault", "failure"} {
			if strings.Contains(l, w) {
				return true
			}
		}
	}
	return false
}

// ancestors returns the headings block i sits under, nearest first: the
// heading above it, then each heading above that of a higher level.
func (x *extractor) ancestors(i int) []int {
	var out []int
	level := 99
	for h := x.above[i]; h >= 0 && len(out) < 8; h = x.above[h] {
		l := x.doc[h].level
		if l == 0 && len(out) > 0 {
			break // guessed headings of copied text have no levels
		}
		if l < level || len(out) == 0 {
			out = append(out, h)
			level = l
			if l <= 1 {
				break
			}
		}
	}
	return out
}

// leadingStatuses reads a cell that starts with one or more statuses
// ("502 or 504", "409, 412", "200 (empty)") and returns them and what
// follows in parentheses.
func leadingStatuses(cell string) ([]int, string) {
	m := statusList.FindStringSubmatch(cell)
	if m == nil {
		return nil, ""
	}
	var out []int
	for _, f := range statusNum.FindAllString(m[1], -1) {
		if n, ok := parseStatus(f); ok {
			out = append(out, n)
		}
	}
	return out, strings.TrimSpace(m[2] + m[3])
}

// numericCodes: most cells are an API's numeric codes ("10001", "-1",
// "0"), with more than statuses among them.
func numericCodes(cells []string) bool {
	n, long := 0, 0
	for _, c := range cells {
		c = stripMarks(c)
		if _, err := strconv.Atoi(c); err == nil && len(c) <= 12 {
			n++
			if isNumericCode(c) || strings.HasPrefix(c, "-") {
				long++
			}
		}
	}
	return n*2 > len(cells) && long*2 > n
}

// unknownHeader: no column heading is in the vocabulary.
func unknownHeader(cols []column) bool {
	for _, c := range cols {
		if c != colOther {
			return false
		}
	}
	return true
}

// repeats: more than a quarter of the cells repeat an earlier one.
func repeats(cells []string) bool {
	seen := map[string]bool{}
	dup := 0
	for _, c := range cells {
		c = stripMarks(c)
		if seen[c] {
			dup++
		}
		seen[c] = true
	}
	return dup*4 > len(cells)
}

// columnCells returns column k's cells, none when k < 0.
func columnCells(b block, k int) []string {
	if k < 0 {
		return nil
	}
	var out []string
	for _, r := range b.rows {
		if k < len(r) {
			out = append(out, r[k])
		} else {
			out = append(out, "")
		}
	}
	return out
}
func hasEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) == "" {
			return true
		}
	}
	return false
}
