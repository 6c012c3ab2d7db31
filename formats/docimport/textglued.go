package docimport

import (
	"strings"
)

// runTogetherTable reads rows copied with no separator between cells:
// "HTTP Status CodeNameDescriptionSuggestion Action" then
// "400Bad RequestThe server cannot…Verify input parameters…". Cells are
// found again from the status code, the known reason phrases and, between
// a description and an action, a sentence end followed at once by a
// capital letter.
func runTogetherTable(lines []tline, i int) (int, block) {
	if lines[i].code {
		return 0, block{}
	}
	header := splitRunTogether(lines[i].text)
	if header == nil {
		// Headings the vocabulary lacks ("Error CodeSlugTypePotential
		// causes") over rows of statuses glued to codes: the rows say what
		// the columns hold.
		if n, b := statusCodeRows(lines, i, []string{"Status", "Code", "Description"}); n > 0 && gluedCodes(b) {
			return n, b
		}
		// Two headings run together, "Error codeDescription", over rows
		// "400Bad request error: …": a code column and the rest.
		if h := gluedPair(lines[i].text); h != nil && i+1 < len(lines) && statusGlued(lines[i+1].text) {
			header = h
		} else {
			return 0, block{}
		}
	}
	if n, b := codeStatusRows(lines, i, header); n > 0 {
		return n, b
	}
	if n, b := statusCodeRows(lines, i, header); n > 0 {
		return n, b
	}
	if c, _ := headerColumn(header[0]); c != colStatus && !(c == colCode && len(header) == 2) {
		return 0, block{}
	}
	j := i + 1
	var rows [][]string
	for ; j < len(lines) && !lines[j].code; j++ {
		t := cleanCell(lines[j].text)
		if len(t) < 3 {
			break
		}
		if _, ok := parseStatus(t[:3]); !ok {
			break
		}
		row := []string{t[:3]}
		if len(header) == 2 {
			rows = append(rows, append(row, strings.TrimSpace(t[3:])))
			continue
		}
		name, rest, ok := cutKnownName(strings.TrimSpace(t[3:]))
		if !ok {
			// Unknown phrase: keep the whole remainder as the name cell so
			// the extractor reports it rather than inventing a split.
			row = append(row, rest)
			rows = append(rows, row)
			continue
		}
		row = append(row, name)
		if len(header) == 3 {
			row = append(row, rest)
		} else {
			row = append(row, splitSentenceCells(rest)...)
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return 0, block{}
	}
	return j - i, block{kind: bTable, header: header, rows: rows}
}

// splitSentenceCells splits "…fields).Verify input…" into two cells at
// the first sentence end glued to a capital letter. A remainder with no
// such point is one cell (the extractor reports the missing one).
func splitSentenceCells(s string) []string {
	for k := 0; k+1 < len(s); k++ {
		c := s[k]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if n := s[k+1]; n >= 'A' && n <= 'Z' {
			// "e.g.E" or "U.S." style abbreviations have a letter and a
			// dot two bytes before; a real sentence end does not.
			if k >= 2 && s[k-2] == '.' {
				continue
			}
			return []string{strings.TrimSpace(s[:k+1]), strings.TrimSpace(s[k+1:])}
		}
	}
	return []string{s}
}

// definitionRows reads a definition list copied from a page that renders
// each row as "- Name" / "200 OK- Description" / "Request succeeded".
func definitionRows(lines []tline, i int) (int, block) {
	first := labelOf(lines[i])
	if first == "" {
		return 0, block{}
	}
	var header []string
	var rows [][]string
	j := i
	for j < len(lines) && labelOf(lines[j]) == first {
		j++
		hdr := []string{first}
		var rec []string
		for j < len(lines) && !lines[j].code && labelOf(lines[j]) == "" {
			if m := labelSuffix.FindStringSubmatch(lines[j].text); m != nil && isHeaderLine(m[2]) {
				rec = append(rec, cleanCell(m[1]))
				hdr = append(hdr, cleanCell(m[2]))
				j++
				continue
			}
			rec = append(rec, cleanCell(lines[j].text))
			j++
			break // the last label's value is one line
		}
		if len(hdr) > len(header) {
			header = hdr
		}
		rows = append(rows, rec)
	}
	if len(header) < 2 {
		return 0, block{}
	}
	return j - i, block{kind: bTable, header: header, rows: rows}
}

func labelOf(l tline) string {
	if l.code {
		return ""
	}
	m := labelOnly.FindStringSubmatch(l.text)
	if m == nil || !isHeaderLine(m[1]) {
		return ""
	}
	return cleanCell(m[1])
}

// gluedPair splits a line that is exactly two column headings copied
// without a space between them ("Error codeDescription"); nil otherwise.
func gluedPair(s string) []string {
	s = cleanCell(s)
	for k := 1; k < len(s); k++ {
		if s[k] < 'A' || s[k] > 'Z' || s[k-1] == ' ' {
			continue
		}
		a, b := s[:k], s[k:]
		if _, ok := headerColumn(a); !ok {
			continue
		}
		if _, ok := headerColumn(b); ok {
			return []string{a, b}
		}
	}
	return nil
}

// statusGlued: a line starts with a status glued to a word, "400Bad".
func statusGlued(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 4 {
		return false
	}
	_, ok := parseStatus(s[:3])
	return ok && (s[3] >= 'A' && s[3] <= 'Z' || s[3] >= 'a' && s[3] <= 'z')
}

// codeStatusGlued matches a row copied as "rate_limited429Too many
// requests; …": a code, its status and the description, run together.
var codeStatusGlued = lazyRE(`^([A-Za-z_][A-Za-z0-9_.]*?[A-Za-z_])([1-5][0-9][0-9])(\S.*)$`)

// codeStatusRows reads rows of codes glued to their statuses under a
// run-together header of three headings; none when the row after the
// header is not one.
func codeStatusRows(lines []tline, i int, header []string) (int, block) {
	if len(header) != 3 {
		return 0, block{}
	}
	return gluedRows(lines, i, header, codeStatusGlued)
}

// statusCodeGlued matches a row copied as "400bad_requestThe request was
// invalid": a status, the API's code in lower case (or none), and the
// description, run together.
var statusCodeGlued = lazyRE(`^([1-5][0-9][0-9])([a-z][a-z0-9]*(?:_[a-z0-9]+)*)?([A-Z].*)$`)

// statusCodeRows reads rows of statuses glued to codes under a
// run-together header "Status CodeError CodeDescription".
func statusCodeRows(lines []tline, i int, header []string) (int, block) {
	if len(header) != 3 {
		return 0, block{}
	}
	if c, _ := headerColumn(header[0]); c != colStatus {
		return 0, block{}
	}
	if c, _ := headerColumn(header[1]); c != colCode {
		return 0, block{}
	}
	return gluedRows(lines, i, header, statusCodeGlued)
}

// gluedRows reads the rows after a run-together header at i that glued
// split into three cells; none when fewer than two rows match.
func gluedRows(lines []tline, i int, header []string, glued *lazyRegexp) (int, block) {
	var rows [][]string
	j := i + 1
	for ; j < len(lines) && !lines[j].code; j++ {
		m := glued.FindStringSubmatch(cleanCell(lines[j].text))
		if m == nil {
			break
		}
		rows = append(rows, []string{m[1], m[2], strings.TrimSpace(m[3])})
	}
	if len(rows) < 2 {
		return 0, block{}
	}
	return j - i, block{kind: bTable, header: header, rows: rows}
}

// statusRun reads three or more lines in a row that each start with a
// status and a separator, "400 - invalid request", as the list a copy
// lost its bullets from.
func statusRun(lines []tline, i int) (int, block) {
	j := i
	for j < len(lines) && !lines[j].code && singleStatusItem.MatchString(strings.TrimSpace(lines[j].text)) {
		j++
	}
	if j-i < 3 {
		return 0, block{}
	}
	b := block{kind: bList}
	for k := i; k < j; k++ {
		b.addItem(cleanCell(lines[k].text), 0)
	}
	return j - i, b
}

// gluedCodes: most rows of a table read by statusCodeRows have a code.
func gluedCodes(b block) bool {
	n := 0
	for _, r := range b.rows {
		if r[1] != "" {
			n++
		}
	}
	return n*3 >= len(b.rows)*2
}
