package docimport

import (
	"net/http"
	"strconv"
	"strings"
)

// fuzzyColumn is headerColumn for the headings docs write in their own
// words: "Default message", "HTTP Definition", "Error code (string)".
// The exact vocabulary is tried first, then the word a heading is about.
func fuzzyColumn(s string) (column, bool) {
	if c, ok := headerColumn(s); ok {
		return c, true
	}
	l := strings.ToLower(cleanCell(strings.Trim(s, "*_`:")))
	if len(l) > 40 {
		return 0, false
	}
	for _, kw := range []struct {
		word string
		col  column
	}{
		{"retry", colRetry}, {"solution", colAction}, {"resolution", colAction}, {"action", colAction},
		{"recommend", colAction}, {"behavior", colAction}, {"behaviour", colAction}, {"what to do", colAction},
		{"how to", colAction}, {"remed", colAction}, {"fix", colAction},
		{"http", colStatus}, {"status", colStatus},
		{"reason", colName}, {"name", colName}, {"title", colName}, {"definition", colName},
		{"description", colDescription}, {"message", colDescription}, {"meaning", colDescription},
		{"explanation", colDescription}, {"detail", colDescription}, {"remark", colDescription}, {"cause", colDescription},
		{"code", colCode}, {"error", colCode},
	} {
		if strings.Contains(l, kw.word) {
			return kw.col, true
		}
	}
	return 0, false
}

// strongMention finds statuses a text names unmistakably: with their
// reason phrase ("404 Not Found"), after "HTTP" ("HTTP-400", "HTTP 429")
// or before a word about statuses ("429 response", "500 error").
var strongMention = lazyRE(`(?i)\b(HTTP[- ]?)?([1-5][0-9][0-9])\b(\s*[-–—:]?\s*[A-Za-z][A-Za-z'’ -]{1,40})?`)

// dashedName is a name written after a status the way docs head one:
// "429 - Request Limit Exceeded", "401: Unauthorized".
var dashedName = lazyRE(`^\s*[-–—:]\s*[A-Z][a-z]+(\s+[A-Z][a-z]+)*`)

var statusWordAfter = lazyRE(`(?i)^\s+(status|response|error|http|code|errors|responses)\b`)

func strongMentions(s string) []int {
	if !hasStatusNumber(s) {
		return nil
	}
	var out []int
	seen := map[int]bool{}
	for _, loc := range strongMention.FindAllStringSubmatchIndex(s, -1) {
		if loc[0] > 0 && (s[loc[0]-1] == '-' || s[loc[0]-1] == '/') && loc[2] < 0 {
			continue // "non-200 status", "4/500": not a mention of the status
		}
		m := make([]string, 4)
		for g := 0; g < 4; g++ {
			if loc[2*g] >= 0 {
				m[g] = s[loc[2*g]:loc[2*g+1]]
			}
		}
		n, _ := strconv.Atoi(m[2])
		ok := m[1] != "" || statusWordBefore(s[:loc[0]])
		if !ok && m[3] != "" {
			after := m[3]
			if name := http.StatusText(n); name != "" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(after)), strings.ToLower(name)) {
				ok = true
			} else if statusWordAfter.MatchString(after) || dashedName.MatchString(after) {
				ok = true
			}
		}
		if ok && !seen[n] && (http.StatusText(n) != "" || unofficialStatus[n]) {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// headingStatus is the one status heading h is about: named in its title
// ("409 Conflict", "400 – BAD_REQUEST", "`404 Not Found` for an existing
// resource"), or else in the first two paragraphs of its section
// ("If your request could not be processed, you may receive a 422 …").
// 0 when none, or when several are named.
func (x *extractor) headingStatus(h int) int {
	if s, ok := x.hstatus[h]; ok {
		return s
	}
	s := 0
	t := x.doc[h].text
	if code, _, ok := splitStatusTitle(t); ok {
		s = code
	} else if code, _, ok := statusCategoryTitle(t); ok {
		s = code
	} else if m := strongMentions(t); len(m) == 1 {
		s = m[0]
	} else if len(m) == 0 {
		from, to := x.ownContent(h)
		paras := 0
		for k := from; k < to && paras < 2; k++ {
			if x.doc[k].kind != bPara {
				continue
			}
			paras++
			if m := strongMentions(x.doc[k].text); len(m) > 0 {
				if len(m) == 1 {
					s = m[0]
				}
				break
			}
		}
	}
	x.hstatus[h] = s
	return s
}

// sectionStatus is the status of the nearest section around block i that
// is about one status, 0 when none is.
func (x *extractor) sectionStatus(i int) int {
	level := 99
	if x.doc[i].kind == bHeading {
		level = x.doc[i].level
	}
	for h := x.above[i]; h >= 0; h = x.above[h] {
		if x.doc[h].level >= level && level != 0 {
			continue
		}
		level = x.doc[h].level
		if s := x.headingStatus(h); s != 0 {
			return s
		}
		if level <= 1 {
			break
		}
	}
	return 0
}

// statusCategory matches "400 – BAD_REQUEST": a status and the API's
// own category for it, which is not the status's name.
var statusCategory = lazyRE(`^([1-5][0-9][0-9])\s*[-–—:]\s*([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$`)

// statusCategoryTitle reads such a title; the name is the registry's.
func statusCategoryTitle(s string) (int, string, bool) {
	m := statusCategory.FindStringSubmatch(cleanCell(s))
	if m == nil {
		return 0, "", false
	}
	n, _ := strconv.Atoi(m[1])
	return n, m[2], true
}

// hasStatusNumber is a quick look for three digits that could be a
// status, so that long prose without one costs no regular expression.
func hasStatusNumber(s string) bool {
	for k := 0; k+2 < len(s); k++ {
		if s[k] >= '1' && s[k] <= '5' && s[k+1] >= '0' && s[k+1] <= '9' && s[k+2] >= '0' && s[k+2] <= '9' {
			return true
		}
	}
	return false
}

// statusWordBefore: the words just before a number say it is a status:
// "status code 404", "the error "403, access too frequent"", "error 500".
func statusWordBefore(before string) bool {
	if len(before) > 16 {
		before = before[len(before)-16:]
	}
	l := strings.ToLower(strings.TrimRight(before, " \"'`*“”"))
	for _, w := range []string{"status", "status code", "error", "error code", "response", "response code"} {
		if strings.HasSuffix(l, w) {
			return true
		}
	}
	return false
}
