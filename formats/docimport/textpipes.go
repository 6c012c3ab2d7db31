package docimport

import "strings"

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
