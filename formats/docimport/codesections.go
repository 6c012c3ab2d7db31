package docimport

import (
	"strings"

	"github.com/apierr/apierr/formats"
)

var (
	// numericCodeTitle matches a heading that starts with an API's own
	// numeric code: "-1000 UNKNOWN", "10001 Unknown account", "0004".
	numericCodeTitle = lazyRE(`^(-?[0-9]{1,8})(?:(?:\s+|\s*[-–—:]\s*)(\S.*))?$`)
	// tokenTitle matches a heading that is one identifier, optionally
	// followed by a name: "api_key_not_found", "E_AUTH Invalid token".
	tokenTitle = lazyRE(`^([A-Za-z_][A-Za-z0-9_.:-]*)(?:\s*(?:[-–—:]\s*)?(\S.*))?$`)
	backticked = lazyRE("^`[^`]+`")
	camelWord  = lazyRE(`^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$`)
)

// codeTitle reads a heading that names one error code. strong is false
// for a code that reads as a word too (CamelCase "NotFound"), which is
// only taken among siblings under a heading about errors.
func codeTitle(b block) (code, name string, strong, ok bool) {
	t := b.text
	if t == "" || len(t) > 120 || !mayBeCode(t, b.raw) {
		return "", "", false, false
	}
	if m := numericCodeTitle.FindStringSubmatch(t); m != nil {
		if _, isStatus := parseStatus(m[1]); isStatus {
			return "", "", false, false
		}
		return m[1], strings.TrimSpace(m[2]), true, true
	}
	m := tokenTitle.FindStringSubmatch(t)
	if m == nil {
		return "", "", false, false
	}
	code, name = m[1], strings.TrimSpace(m[2])
	switch {
	case backticked.MatchString(strings.TrimSpace(b.raw)):
		return code, name, true, true
	case strings.Contains(code, "_") || strings.ContainsAny(code, "0123456789") && strings.ToUpper(code) == code:
		return code, name, true, true
	case name == "" && camelWord.MatchString(code):
		return code, "", false, true
	}
	return "", "", false, false
}

// codeSections reads headed sections that each document one error code
// ("### -1000 UNKNOWN" over its messages, "## `index_not_found`" over its
// description). Sibling headings are taken together: most of them must
// name a code, so that one heading that happens to look like an
// identifier is not read as a code.
func (x *extractor) codeSections() {
	type member struct {
		at               int
		code, name       string
		strong, codeLike bool
	}
	groups := map[[2]int][]member{} // (parent heading, level) -> headings
	var order [][2]int
	parent := map[int]int{} // level -> last heading index at that level
	for i, b := range x.doc {
		if b.kind != bHeading {
			continue
		}
		p := -1
		for l := b.level - 1; l >= 0; l-- {
			if k, ok := parent[l]; ok {
				p = k
				break
			}
		}
		parent[b.level] = i
		for l := range parent {
			if l > b.level {
				delete(parent, l)
			}
		}
		key := [2]int{p, b.level}
		if _, seen := groups[key]; !seen {
			order = append(order, key)
		}
		m := member{at: i}
		if !x.used[i] && !x.holdsTable(i) {
			m.code, m.name, m.strong, m.codeLike = codeTitle(b)
		}
		groups[key] = append(groups[key], m)
	}
	for _, key := range order {
		g := groups[key]
		codes, strong := 0, 0
		for _, m := range g {
			if m.codeLike {
				codes++
				if m.strong {
					strong++
				}
			}
		}
		if codes < 2 || codes*3 < len(g)*2 {
			continue
		}
		if strong < codes && !x.aboutErrors(key[0]) {
			continue
		}
		for _, m := range g {
			if !m.codeLike {
				if x.substantialSection(m.at) {
					x.rep.unplaced("section " + quote(x.doc[m.at].text) + ": among sections of error codes, but names no code")
				}
				continue
			}
			x.codeSection(m.at, m.code, m.name)
		}
	}
}

// aboutErrors reports whether heading i (or the page, for -1) speaks of
// errors or codes.
func (x *extractor) aboutErrors(i int) bool {
	for ; i >= 0; i = x.above[i] {
		l := strings.ToLower(x.doc[i].text)
		if strings.Contains(l, "error") || strings.Contains(l, "code") {
			return true
		}
	}
	return false
}

// codeSection makes one error code of a section: its own paragraphs and
// list items are the description, unless they are a record of labelled
// values ("Error code: 1", "HTTP code: 500") that say more.
func (x *extractor) codeSection(at int, code, name string) {
	from, to := x.ownContent(at)
	rec := x.recordOf(from, to)
	if c := rec.get(colCode); c != "" && c != code {
		// The heading names the error; the record gives its code.
		if name == "" {
			name = code
		}
		code = c
	}
	desc := rec.get(colDescription)
	if desc == "" {
		desc = strings.Join(rec.rest, " ")
	} else if len(rec.rest) > 0 {
		desc += " " + strings.Join(rec.rest, " ")
	}
	e := formats.ErrorCodeDoc{Code: code, Description: withName(name, desc)}
	if s := rec.get(colStatus); s != "" {
		if n, _, ok := statusCell(firstWord(s)); ok {
			e.Status = n
		} else {
			x.rep.warnf("error code %s: status %q is not a status code; it was left out", code, clip(s, 30))
		}
	}
	if e.Status == 0 {
		e.Status = x.sectionStatus(at)
	}
	x.used[at] = true
	for k := from; k < to; k++ {
		if x.doc[k].kind == bPara || x.doc[k].kind == bList {
			x.used[k] = true
		}
	}
	x.addCode(e, rec.get(colAction))
}

// withName keeps an error's name (the reason column, or the words after
// the code in its heading) at the head of its description.
func withName(name, desc string) string {
	switch {
	case name == "":
		return desc
	case desc == "":
		return name
	case strings.HasPrefix(strings.ToLower(desc), strings.ToLower(name)):
		return desc
	}
	return name + ": " + desc
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return strings.Trim(f[0], "`*,;.")
	}
	return ""
}

func quote(s string) string {
	return `"` + clip(s, 60) + `"`
}

// mayBeCode is a quick look at a heading's first word before the regular
// expressions: a code starts with a digit or "-", is written as `code`,
// or holds "_", a digit or an inner capital.
func mayBeCode(t, raw string) bool {
	if c := t[0]; c == '-' || c >= '0' && c <= '9' || strings.HasPrefix(strings.TrimSpace(raw), "`") {
		return true
	}
	w := t
	if k := strings.IndexByte(t, ' '); k >= 0 {
		w = t[:k]
	}
	for k := 1; k < len(w); k++ {
		if c := w[k]; c == '_' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// holdsTable: heading i's own content has a table. A name over a table
// ("### OrderErrorType" over its codes) heads a list of codes; it is not
// one.
func (x *extractor) holdsTable(i int) bool {
	from, to := x.ownContent(i)
	for k := from; k < to; k++ {
		if x.doc[k].kind == bTable && !isRecordTable(x.doc[k]) {
			return true
		}
	}
	return false
}
