package docimport

import (
	"strings"

	"github.com/apierr/apierr/formats"
)

// record is what a section says of one error in labelled values: list
// items "Error code: 1" or the rows of a two-column table "Message | …".
type record struct {
	vals map[column]string
	// rest are the section's paragraphs and items that are not labelled.
	rest []string
}

func (r record) get(c column) string { return r.vals[c] }

// labelled matches "Label: value" and "**Label**: value".
var labelled = lazyRE(`^([A-Za-z][A-Za-z ()?/-]{0,30}?)\s*:\s+(\S.*)$`)

// recordLabel says what a label names, and whether it is one: the column
// headings of error tables are the labels docs use for one error too.
func recordLabel(s string) (column, bool) {
	// Only the vocabulary's own words: a field named "errorid" or
	// "statusdesc" is not the label "Error" or "Status".
	c, ok := headerColumn(strings.Trim(s, "*_`: "))
	if !ok || c == colField || c == colType || c == colOther {
		return 0, false
	}
	return c, true
}

// recordOf reads the labelled values among blocks from..to.
func (x *extractor) recordOf(from, to int) record {
	r := record{vals: map[column]string{}}
	set := func(c column, v string) {
		if _, dup := r.vals[c]; !dup {
			r.vals[c] = v
		}
	}
	for k := from; k < to; k++ {
		b := x.doc[k]
		switch b.kind {
		case bPara:
			r.rest = append(r.rest, b.text)
		case bList:
			for _, it := range b.items {
				if m := labelled.FindStringSubmatch(it); m != nil {
					if c, ok := recordLabel(m[1]); ok {
						set(c, m[2])
						continue
					}
				}
				r.rest = append(r.rest, it)
			}
		case bTable:
			if isRecordTable(b) {
				for _, row := range append([][]string{b.header}, b.rows...) {
					if len(row) >= 2 {
						if c, ok := recordLabel(row[0]); ok {
							set(c, cleanCell(row[1]))
						}
					}
				}
				x.used[k] = true
			}
		}
	}
	return r
}

// isRecordTable: a two-column table whose first column, header included,
// is mostly labels ("Error", "Message", "Solution") documents one error,
// not a list of them.
func isRecordTable(b block) bool {
	if len(b.header) != 2 {
		return false
	}
	if c, _ := headerColumn(b.header[0]); c == colField {
		return false // "Field | Description" over a body's members
	}
	n, labels := 0, 0
	for _, row := range append([][]string{b.header}, b.rows...) {
		if len(row) == 0 || strings.TrimSpace(row[0]) == "" {
			continue
		}
		n++
		if _, ok := recordLabel(row[0]); ok {
			labels++
		}
	}
	return n >= 2 && labels*3 >= n*2 && !(isHeaderRow(b.header) && labels == 2 && n > 2)
}

// isHeaderRow: both cells of a two-column header are column headings, as
// in "Code | Description" over rows of codes.
func isHeaderRow(h []string) bool {
	for _, c := range h {
		if _, ok := headerColumn(c); !ok {
			return false
		}
	}
	return true
}

// recordTables reads two-column tables of labelled values, each one
// error ("Error | invalid_token", "Message | …", "Solution | …"); the
// section's status, if any, is the error's.
func (x *extractor) recordTables() {
	for i, b := range x.doc {
		if x.used[i] || b.kind != bTable || !isRecordTable(b) {
			continue
		}
		x.used[i] = true
		for _, r := range splitRecords(b) {
			code := firstWord(r.get(colCode))
			if code == "" {
				x.rep.unplaced("table of labelled values (" + clip(strings.Join(b.header, " | "), 40) + "): names no error code")
				continue
			}
			e := formats.ErrorCodeDoc{Code: code, Description: r.get(colDescription), Status: x.sectionStatus(i)}
			if s := r.get(colStatus); s != "" {
				if n, _, ok := statusCell(firstWord(s)); ok {
					e.Status = n
				}
			}
			x.addCode(e, r.get(colAction))
		}
	}
}

// splitRecords reads a table of labelled values as one record per error:
// a label seen again ("Error" after "Solution") starts the next.
func splitRecords(b block) []record {
	var out []record
	cur := record{vals: map[column]string{}}
	for _, row := range append([][]string{b.header}, b.rows...) {
		if len(row) < 2 {
			continue
		}
		c, ok := recordLabel(row[0])
		if !ok {
			continue
		}
		if _, dup := cur.vals[c]; dup {
			out = append(out, cur)
			cur = record{vals: map[column]string{}}
		}
		cur.vals[c] = cleanCell(row[1])
	}
	return append(out, cur)
}

// addCode keeps the first row for an error code and reports a later one
// that differs. What the docs say to do about the code becomes advice for
// its status, titled by the code, or stays in its description when the
// docs give it no status.
func (x *extractor) addCode(e formats.ErrorCodeDoc, action string) {
	if k, dup := x.codeSeen[e.Code]; dup {
		old := x.p.ErrorCodes[k]
		if old.Description != e.Description || old.Status != e.Status {
			x.rep.warnf("error code %s is listed twice with different text; the first row was kept", e.Code)
		}
		return
	}
	if action != "" {
		if e.Status != 0 {
			x.p.Advice = append(x.p.Advice, formats.Advice{Title: e.Code, Statuses: []int{e.Status}, Steps: []string{action}})
		} else {
			d := strings.TrimSpace(e.Description)
			if d != "" && !strings.ContainsAny(d[len(d)-1:], ".!?") {
				d += "."
			}
			e.Description = strings.TrimSpace(d + " What to do: " + action)
		}
	}
	x.codeSeen[e.Code] = len(x.p.ErrorCodes)
	x.p.ErrorCodes = append(x.p.ErrorCodes, e)
}
