package docimport

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
)

// Table kinds, judged from the header and the first column's cells.
const (
	tableUnknown = iota
	tableStatus
	tableErrorCode
	tableField
)

// table places one table block into the profile.
func (x *extractor) table(i int) {
	b := x.doc[i]
	if len(b.withdrawn) > 0 {
		x.rep.unplaced(fmt.Sprintf("%d rows struck out on the page (withdrawn), not imported: %s",
			len(b.withdrawn), clip(strings.Join(b.withdrawn, ", "), 60)))
	}
	if why := x.otherParty(i); why != "" {
		x.rep.unplaced("table headed " + clip(strings.Join(b.header, " | "), 50) + ", skipped: " + why)
		x.used[i] = true
		return
	}
	cols := make([]column, len(b.header))
	for k, h := range b.header {
		cols[k], _ = fuzzyColumn(h)
	}
	kind := classifyTable(b, cols, x.headingAbove(i))
	switch kind {
	case tableStatus:
		x.statusTable(b, cols)
	case tableErrorCode:
		x.errorCodeTable(i, b, cols)
		if sc := statusColumn(b); sc >= 0 && !repeats(columnCells(b, sc)) && hasEmpty(columnCells(b, colIndex(cols, colCode, sc))) {
			// "Status Code | Error Code | Description" where some rows
			// have no code (200, 201): a status table with a column of
			// codes, each status once. Its rows are the statuses' too.
			x.statusTable(b, cols)
		}
	case tableField:
		if !x.aboutErrorBody(i) {
			x.rep.unplaced("table headed " + clip(strings.Join(b.header, " | "), 50) + " under " + quote(x.headingAbove(i)) +
				": documents fields, but nothing around it speaks of the error body; not imported")
			x.used[i] = true
			return
		}
		x.fieldTable(b, cols)
	default:
		x.rep.unplaced("table headed " + strings.Join(b.header, " | ") + ": not a status, error code or field table")
		return
	}
	x.used[i] = true
}

// classifyTable decides what a table lists. A column of status codes (or
// of "404 Not Found" titles) makes a status table; a code column of words
// an error-code table; a field or type column a field table.
func classifyTable(b block, cols []column, heading string) int {
	first := column0(b)
	statusCells, titleCells, idCells := 0, 0, 0
	for _, c := range first {
		if _, ok := parseStatus(stripMarks(c)); ok {
			statusCells++
		} else if _, _, ok := splitStatusTitle(stripMarks(c)); ok {
			titleCells++
		} else if isIdentifier(c) || isNumericCode(c) {
			idCells++
		}
	}
	n := len(first)
	if n == 0 {
		return tableUnknown
	}
	mostly := func(k int) bool { return k*2 > n }
	has := func(c column) bool {
		for _, x := range cols {
			if x == c {
				return true
			}
		}
		return false
	}
	switch {
	case codeColumnBesideStatus(b, cols):
		return tableErrorCode
	case cols[0] == colCode && strings.Contains(strings.ToLower(b.header[0]), "error") && mostly(statusCells) && repeats(first):
		// "Error Code | Description" over 200, 200, 201, 230…: the API's
		// own codes in the statuses' range. A status table lists each
		// status once.
		return tableErrorCode
	case mostly(statusCells) || mostly(titleCells):
		return tableStatus
	case statusColumn(b) > 0 && !mostly(idCells):
		// "Scenario | HTTP status | Cause": statuses in another column
		// than the first, which describes when they come.
		return tableStatus
	case (cols[0] == colCode || cols[0] == colStatus) && mostly(idCells):
		return tableErrorCode
	case mostly(idCells) && statusColumn(b) > 0:
		// Codes beside a column of statuses, whatever the headings say
		// ("Field | Type | Description" over "bad_request | 400 | …").
		return tableErrorCode
	case cols[0] == colField || has(colType) && mostly(idCells):
		return tableField
	case b.header[0] == dlTerm && mostly(idCells) && isFieldHeading(strings.ToLower(heading)):
		return tableField
	case b.header[0] == dlTerm && mostly(idCells):
		return tableErrorCode
	case numericCodes(first) && len(b.header) >= 2 && unknownHeader(cols):
		// Headings in a language the vocabulary lacks ("錯誤碼 | 描述"):
		// a first column of the API's numeric codes says what it is.
		return tableErrorCode
	}
	return tableUnknown
}

// codeColumnBesideStatus: a table with both a status column and a column
// of error codes lists error codes, each paired with its status.
func codeColumnBesideStatus(b block, cols []column) bool {
	sc, cc := colIndex(cols, colStatus, -1), colIndex(cols, colCode, -1)
	if sc < 0 || cc < 0 || sc == cc {
		return false
	}
	ids := 0
	for _, r := range b.rows {
		if cc < len(r) && (isIdentifier(stripMarks(r[cc])) || isNumericCode(stripMarks(r[cc]))) {
			if _, ok := parseStatus(stripMarks(r[cc])); !ok {
				ids++
			}
		}
	}
	return ids*2 > len(b.rows)
}

// isNumericCode: an API's own numeric error code (Discord's 50014), not
// a status.
func isNumericCode(s string) bool {
	s = stripMarks(s)
	if len(s) < 4 || len(s) > 12 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// headingAbove returns the text of the nearest heading before block i.
func (x *extractor) headingAbove(i int) string {
	if k := x.above[i]; k >= 0 {
		return x.doc[k].text
	}
	return ""
}

// dlTerm heads the first column of a definition list read as a table.
const dlTerm = "term"

func column0(b block) []string {
	out := make([]string, 0, len(b.rows))
	for _, r := range b.rows {
		if len(r) > 0 {
			out = append(out, r[0])
		}
	}
	return out
}

// stripMarks removes the code and emphasis marks a cell may keep.
func stripMarks(s string) string {
	return strings.TrimSpace(strings.Trim(cleanCell(s), "`*_"))
}

// cell returns row[k] or "" with a warning when the row is short.
func (x *extractor) cell(b block, row []string, k int, key string) string {
	if k < 0 {
		return ""
	}
	if k >= len(row) || strings.TrimSpace(row[k]) == "" {
		col := strings.ToLower(b.header[k])
		if col == "" {
			col = fmt.Sprintf("column %d", k+1)
		}
		x.rep.warnf("row %q has no %s cell; it was left empty", key, col)
		return ""
	}
	return cleanCell(row[k])
}

// colIndex finds the first column holding c, -1 if none.
func colIndex(cols []column, c column, skip int) int {
	for k, x := range cols {
		if x == c && k != skip {
			return k
		}
	}
	return -1
}

func (x *extractor) statusTable(b block, cols []column) {
	// The status column is the one whose cells are statuses, whatever its
	// heading: "Code | Status | Description" puts names under "Status".
	sc := statusColumn(b)
	if sc < 0 {
		sc = 0
		if k := colIndex(cols, colStatus, -1); k >= 0 {
			sc = k
		}
	}
	nc := colIndex(cols, colName, sc)
	if nc < 0 {
		if k := colIndex(cols, colStatus, sc); k >= 0 {
			nc = k
		}
	}
	rc := colIndex(cols, colRetry, sc)
	dc := colIndex(cols, colDescription, sc)
	ac := colIndex(cols, colAction, sc)
	if dc < 0 && nc < 0 && len(cols) >= 2 {
		// Unnamed columns: code then description, by position.
		dc = 1
		if sc != 0 {
			dc = 0
		}
	}
	for _, row := range b.rows {
		if sc >= len(row) {
			continue
		}
		raw := stripMarks(row[sc])
		if m := classRow.FindStringSubmatch(raw); m != nil {
			x.classRow(raw, strings.ToLower(m[1]), x.cell(b, row, dc, raw))
			continue
		}
		code, name, ok := statusCell(raw)
		var also []int
		note := ""
		if !ok {
			// "502 or 504", "200 (empty)": the row is for each status.
			if codes, rest := leadingStatuses(raw); len(codes) > 0 {
				code, also, note, ok = codes[0], codes[1:], rest, true
			}
		}
		if m := statusAndClass.FindStringSubmatch(raw); m != nil {
			// "500 or other 5XX": the row is for the status and its class.
			code, _ = strconv.Atoi(m[1])
			name, ok = "", true
			if text := strings.TrimSpace(x.cell(b, row, dc, raw) + " " + retryAdvice(x.cell(b, row, rc, raw))); text != "" {
				x.classRow(raw, strings.ToLower(m[2]), text)
			}
		}
		if !ok {
			x.rep.warnf("status table row %q has no status code; it was skipped", clip(strings.Join(row, " | "), 60))
			continue
		}
		if nc >= 0 && nc != sc {
			name = x.cell(b, row, nc, raw)
		}
		desc := x.cell(b, row, dc, raw)
		if name == "" {
			name, desc = cutNamedDescription(desc)
		}
		if sc > 0 && nc != 0 && dc != 0 && len(row) > 0 {
			// The first column says when ("LLM rate limited"): it leads
			// the description.
			desc = withName(cleanCell(row[0]), desc)
		}
		if note != "" {
			desc = strings.TrimSpace(desc + " (" + note + ")")
		}
		s := formats.StatusDoc{
			Code:        code,
			Name:        name,
			Description: desc,
			Action:      x.cell(b, row, ac, raw),
		}
		if r := retryAdvice(x.cell(b, row, rc, raw)); r != "" {
			s.Action = strings.TrimSpace(strings.TrimSuffix(s.Action, ".") + ". " + r)
			s.Action = strings.TrimPrefix(s.Action, ". ")
		}
		x.addStatus(s)
		for _, c := range also {
			s.Code = c
			x.addStatus(s)
		}
	}
}

var (
	statusList = lazyRE(`^([1-5][0-9][0-9](?:\s*(?:,|/|or|and)\s*[1-5][0-9][0-9])*)\s*(?:\(([^()]{1,40})\)|([A-Za-z][A-Za-z ]{0,40}))?$`)
	statusNum  = lazyRE(`[1-5][0-9][0-9]`)
)

// classRow matches a status table row for a whole class: "5xx (SERVER ERROR)".
var classRow = lazyRE(`^([1-5][xX][xX])\b`)

// classRow turns a status table row about a class into advice for it.
func (x *extractor) classRow(title, class, text string) {
	if text == "" {
		return
	}
	x.p.Advice = append(x.p.Advice, formats.Advice{Title: title, Classes: []string{class}, Steps: []string{text}})
	x.rep.placedf("row %q is about the class %s; its text became advice for %s", clip(title, 30), class, class)
}

// namedDescription matches "Bad Request -- Your request is invalid." as
// written by Slate-style docs, whose table has no name column.
var namedDescription = lazyRE(`^([A-Za-z][A-Za-z'’ -]{0,40}?)\s+(?:--|—|–)\s+(\S.*)$`)

func cutNamedDescription(desc string) (string, string) {
	if m := namedDescription.FindStringSubmatch(desc); m != nil {
		return m[1], m[2]
	}
	// "Accepted - The event has been accepted": a registered reason
	// phrase, a dash, then the description.
	if name, rest, ok := cutKnownName(desc); ok && len(rest) > 2 && strings.ContainsAny(rest[:1], "-–—:") {
		return name, strings.TrimSpace(strings.TrimLeft(rest, "-–—: "))
	}
	return "", desc
}

// statusCell reads "404", "404 Not Found" or "Not Found (404)".
func statusCell(s string) (int, string, bool) {
	if n, ok := parseStatus(s); ok {
		return n, "", true
	}
	return splitStatusTitle(s)
}

// addStatus keeps the first row for a code; a later row that says the
// same is dropped, one that differs is reported.
func (x *extractor) addStatus(s formats.StatusDoc) {
	if http.StatusText(s.Code) == "" && !unofficialStatus[s.Code] {
		x.rep.warnf("status %d is not a registered HTTP status; check the row", s.Code)
	}
	if k, dup := x.statusSeen[s.Code]; dup {
		old := x.p.Statuses[k]
		if old != s {
			x.rep.warnf("status %d is listed twice with different text; the first row was kept (%q), the other dropped (%q)",
				s.Code, clip(old.Name+" "+old.Description, 50), clip(s.Name+" "+s.Description, 50))
		}
		return
	}
	x.statusSeen[s.Code] = len(x.p.Statuses)
	x.p.Statuses = append(x.p.Statuses, s)
}

// unofficialStatus are codes in common use that IANA does not register.
var unofficialStatus = map[int]bool{419: true, 420: true, 430: true, 440: true, 444: true, 449: true,
	450: true, 460: true, 463: true, 494: true, 495: true, 496: true, 497: true, 498: true, 499: true,
	509: true, 520: true, 521: true, 522: true, 523: true, 524: true, 525: true, 526: true, 527: true,
	529: true, 530: true, 561: true, 598: true, 599: true}

func (x *extractor) errorCodeTable(i int, b block, cols []column) {
	cc := 0
	if k := colIndex(cols, colCode, -1); k >= 0 {
		cc = k
	}
	dc := colIndex(cols, colDescription, cc)
	if dc < 0 {
		dc = colIndex(cols, colOther, cc)
	}
	if dc < 0 && len(cols) > 1 {
		dc = 1
		if cc == 1 {
			dc = 0
		}
	}
	sc := colIndex(cols, colStatus, cc)
	if k := statusColumn(b); k >= 0 && k != cc {
		sc = k
	}
	nc := colIndex(cols, colName, cc)
	if nc < 0 {
		// A second code column ("Code string") names the numeric one.
		nc = colIndex(cols, colCode, cc)
	}
	ac := colIndex(cols, colAction, cc)
	inherited := 0
	if sc < 0 {
		inherited = x.sectionStatus(i)
	}
	for _, row := range b.rows {
		if cc >= len(row) {
			continue
		}
		code := stripMarks(row[cc])
		if code == "" {
			x.rep.warnf("error code table row %q has no code; it was skipped", clip(strings.Join(row, " | "), 60))
			continue
		}
		e := formats.ErrorCodeDoc{Code: code, Description: x.cell(b, row, dc, code), Status: inherited}
		if nc >= 0 && nc != dc && nc < len(row) {
			e.Description = withName(stripMarks(row[nc]), e.Description)
		}
		if sc >= 0 && sc < len(row) {
			n, _, ok := statusCell(stripMarks(row[sc]))
			if ok {
				e.Status = n
			} else if strings.TrimSpace(row[sc]) != "" {
				x.rep.warnf("error code %s: status cell %q is not a status code; it was left out", code, clip(row[sc], 30))
			}
		}
		x.addCode(e, x.cell(b, row, ac, code))
	}
}
