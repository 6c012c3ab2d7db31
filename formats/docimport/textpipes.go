package docimport

import (
	"net/http"
	"strings"
)

// pipeTable reads a pipe table as a browser copy or a converter leaves
// it: a header row with pipes, a separator row of dashes, then rows that
// hold a pipe, with or without the outer ones.
func pipeTable(lines []tline, i int) (int, block) {
	if i+1 >= len(lines) || lines[i].code || lines[i+1].code {
		return 0, block{}
	}
	head, sep := lines[i].text, lines[i+1].text
	if !strings.Contains(head, "|") || !strings.Contains(sep, "-") || !mdSepRow.MatchString(sep) {
		return 0, block{}
	}
	b := block{kind: bTable, header: mdCells(head)}
	j := i + 2
	for ; j < len(lines) && !lines[j].code && strings.Contains(lines[j].text, "|"); j++ {
		if j+1 < len(lines) && !lines[j+1].code && mdSepRow.MatchString(lines[j+1].text) && strings.Contains(lines[j+1].text, "-") {
			break // the header of the next table: copies drop the blank line between
		}
		b.addPipeRow(lines[j].text)
	}
	return j - i, b
}

// continuesItem: line goes on with the last item of the list just read,
// which ends mid-sentence, and it starts with a lower-case word.
func continuesItem(out []block, line string) bool {
	n := len(out)
	if n == 0 || out[n-1].kind != bList || len(out[n-1].items) == 0 {
		return false
	}
	last := out[n-1].items[len(out[n-1].items)-1]
	t := strings.TrimSpace(line)
	if t == "" || last == "" || strings.ContainsAny(last[len(last)-1:], ".!?:;") {
		return false
	}
	return t[0] >= 'a' && t[0] <= 'z'
}

// bareRows reads pipe rows copied without a header or separator row,
// "200 OK | the request was successful |": at least two lines in a row
// whose first cell is a status.
func bareRows(lines []tline, i int) (int, block) {
	var rows [][]string
	j := i
	for ; j < len(lines) && !lines[j].code && strings.Contains(lines[j].text, "|"); j++ {
		cells := mdCells(lines[j].text)
		if len(cells) < 2 {
			break
		}
		if _, _, ok := statusCell(stripMarks(cells[0])); !ok {
			break
		}
		rows = append(rows, cells)
	}
	if len(rows) < 2 {
		return 0, block{}
	}
	return j - i, block{kind: bTable, header: make([]string, len(rows[0])), rows: rows}
}

// statusLines reads a status table copied with each row on one line and
// its cells run together, "200 OKthe request was successful", or with
// the description on the line after the status and its name. Every row
// must start with a status and its registered name.
func statusLines(lines []tline, i int) (int, block) {
	var rows [][]string
	j := i
	for j < len(lines) && !lines[j].code {
		t := cleanCell(lines[j].text)
		if len(t) < 5 || t[3] != ' ' {
			break
		}
		code, ok := parseStatus(t[:3])
		if !ok {
			break
		}
		name, rest, ok := cutKnownName(t[4:])
		if !ok || !strings.EqualFold(name, http.StatusText(code)) && !reasonAlias(code, name) {
			break
		}
		j++
		if rest == "" && j < len(lines) && !lines[j].code && startsLower(lines[j].text) {
			rest = cleanCell(lines[j].text) // the description on its own line
			j++
		}
		rows = append(rows, []string{t[:3], name, rest})
	}
	if len(rows) < 3 {
		return 0, block{}
	}
	return j - i, block{kind: bTable, header: []string{"Status code", "Name", "Description"}, rows: rows}
}

// reasonAlias: name is one of the other spellings docs give code's name
// ("Payload Too Large" for 413).
func reasonAlias(code int, name string) bool {
	switch strings.ToLower(name) {
	case "payload too large", "request entity too large":
		return code == 413
	case "unprocessable entity", "unprocessable content":
		return code == 422
	}
	return false
}

func startsLower(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && s[0] >= 'a' && s[0] <= 'z'
}

// runOnStatuses splits a line on which a copy ran a list of statuses
// together, "400 Bad Request: Invalid payload401 Unauthorized: Missing
// token…", at each status that is glued to the text before it and
// followed by its registered name. Fewer than two such points: nil.
func runOnStatuses(line string) []string {
	var cuts []int
	for k := 0; k+3 <= len(line); k++ {
		code, ok := parseStatus(line[k : k+3])
		if !ok || k > 0 && line[k-1] >= '0' && line[k-1] <= '9' || k+3 < len(line) && line[k+3] >= '0' && line[k+3] <= '9' {
			continue
		}
		rest := strings.TrimLeft(line[k+3:], " ")
		name := http.StatusText(code)
		named := name != "" && len(rest) >= len(name) && strings.EqualFold(rest[:len(name)], name)
		// "…idempotent replay201: New resource created": a status and a
		// colon glued to the text before it start an item too.
		colon := strings.HasPrefix(rest, ":") && (k == 0 || isLetterOrClose(line[k-1]))
		if !named && !colon {
			continue
		}
		cuts = append(cuts, k)
		k += 2
	}
	if len(cuts) < 2 || cuts[0] != 0 {
		return nil
	}
	var out []string
	for n, c := range cuts {
		end := len(line)
		if n+1 < len(cuts) {
			end = cuts[n+1]
		}
		// "400Bad Request: …" reads as "400 Bad Request: …".
		out = append(out, line[c:c+3]+" "+strings.TrimSpace(line[c+3:end]))
	}
	return out
}

// spacedTable reads a table copied with its cells separated by single
// spaces: a header line of column headings, then rows that start with a
// status. Only the status and the rest of the row can be told apart.
func spacedTable(lines []tline, i int) (int, block) {
	if lines[i].code || !spacedHeader(lines[i].text) {
		return 0, block{}
	}
	var rows [][]string
	j := i + 1
	for ; j < len(lines) && !lines[j].code; j++ {
		t := cleanCell(lines[j].text)
		if len(t) < 5 || t[3] != ' ' {
			break
		}
		if _, ok := parseStatus(t[:3]); !ok {
			break
		}
		rows = append(rows, []string{t[:3], strings.TrimSpace(t[4:])})
	}
	if len(rows) < 2 {
		return 0, block{}
	}
	return j - i, block{kind: bTable, header: []string{"Status", "Description"}, rows: rows}
}

// spacedHeader: the line is two or more column headings and nothing
// else, the first of them about statuses ("Status Meaning Recommended
// client behavior").
func spacedHeader(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 10 {
		return false
	}
	n := 0
	for k := 0; k < len(words); {
		found := 0
		for l := len(words); l > k; l-- {
			if _, ok := fuzzyColumn(strings.Join(words[k:l], " ")); ok && (l-k == 1 || headerPhrase(strings.Join(words[k:l], " "))) {
				found = l - k
				break
			}
		}
		if found == 0 {
			return false
		}
		if n == 0 {
			if c, _ := fuzzyColumn(strings.Join(words[k:k+found], " ")); c != colStatus && c != colCode {
				return false
			}
		}
		n++
		k += found
	}
	return n >= 2
}

// headerPhrase: a heading of several words is in the vocabulary or ends
// in a word that names what a column holds.
func headerPhrase(s string) bool {
	if _, ok := headerColumn(s); ok {
		return true
	}
	l := strings.ToLower(s)
	for _, w := range []string{"behavior", "behaviour", "action", "description", "meaning", "code", "status"} {
		if strings.HasSuffix(l, w) {
			return true
		}
	}
	return false
}

func isLetterOrClose(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ')' || c == '.'
}
