package docimport

import (
	"regexp"
	"strings"
)

// tline is one non-blank line of copied text, or one whole example body
// cut out of it.
type tline struct {
	text string
	code bool
}

var (
	textBullet  = regexp.MustCompile(`^\s*(?:[-*•·▪◦‣]\s+|[•·▪◦‣])(\S.*)$`)
	labelOnly   = regexp.MustCompile(`^\s*-\s*([A-Z][A-Za-z ]{1,30})$`)
	labelSuffix = regexp.MustCompile(`^(.*\S)\s*-\s*([A-Z][A-Za-z ]{1,30})$`)
)

// parseText reads the plain text a person copies from a rendered docs
// page. Its tables arrive as one cell per line under a run of heading
// cells, as rows whose cells are run together, or as definition lists
// ("- Name" / "200 OK- Description" / "Request succeeded"); its headings
// are short lines without final punctuation.
func parseText(s string) []block {
	lines := textLines(s)
	var out []block
	for i := 0; i < len(lines); {
		if n, b := pipeTable(lines, i); n > 0 {
			out = append(out, b)
			i += n
			continue
		}
		if n, b := bareRows(lines, i); n > 0 {
			out = append(out, b)
			i += n
			continue
		}
		if n, b := statusLines(lines, i); n > 0 {
			out = append(out, b)
			i += n
			continue
		}
		if n, b := spacedTable(lines, i); n > 0 {
			out = append(out, b)
			i += n
			continue
		}
		if items := runOnStatuses(cleanCell(lines[i].text)); items != nil && !lines[i].code {
			b := block{kind: bList}
			for _, it := range items {
				b.addItem(it, 0)
			}
			out = append(out, b)
			i++
			continue
		}
		if n, b := runTogetherTable(lines, i); n > 0 {
			out = append(out, b)
			i += n
			continue
		}
		if n, b := cellTable(lines, i); n > 0 {
			out = append(out, b)
			i += n
			continue
		}
		if n, b := definitionRows(lines, i); n > 0 {
			out = append(out, b)
			i += n
			continue
		}
		l := lines[i]
		i++
		switch {
		case l.code:
			out = append(out, block{kind: bCode, text: l.text})
		case textBullet.MatchString(l.text):
			item := cleanCell(textBullet.FindStringSubmatch(l.text)[1])
			indent := len(l.text) - len(strings.TrimLeft(l.text, " "))
			if n := len(out); n > 0 && out[n-1].kind == bList {
				out[n-1].addItem(item, indent)
			} else {
				b := block{kind: bList}
				b.addItem(item, indent)
				out = append(out, b)
			}
		case continuesItem(out, l.text):
			// A copy broke an item's line: "…Check the" / "detailsarray in…".
			b := &out[len(out)-1]
			b.items[len(b.items)-1] += " " + cleanCell(l.text)
		case looksLikeHeading(l.text):
			out = append(out, block{kind: bHeading, text: cleanCell(l.text), raw: cleanCell(l.text)})
		default:
			out = append(out, block{kind: bPara, text: cleanCell(l.text)})
		}
	}
	return out
}

// looksLikeHeading: a short line that does not end a sentence.
func looksLikeHeading(s string) bool {
	s = cleanCell(s)
	if s == "" || len(s) > 70 || len(strings.Fields(s)) > 8 {
		return false
	}
	if _, _, ok := splitStatusTitle(s); ok {
		return true
	}
	if strings.ContainsAny(s[len(s)-1:], ".:;,!?)\"'”") {
		return false
	}
	c := s[0]
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// textLines drops blank lines (copied tables put them between cells, or
// not, at random) and cuts example bodies out whole, so that a JSON
// object spread over many lines is one line here.
func textLines(s string) []tline {
	raw := strings.Split(s, "\n")
	var out []tline
	// Looking for the end of a body that never closes costs up to
	// maxBodyLines lines each time; the budget keeps a page full of
	// stray braces linear.
	budget := len(s) + 1<<20
	for i := 0; i < len(raw); i++ {
		t := strings.TrimRight(raw[i], " ")
		trim := strings.TrimSpace(t)
		if trim == "" {
			continue
		}
		if body, used, ok := cutXML(raw, i, &budget); ok {
			out = append(out, tline{text: body, code: true})
			i += used - 1
			continue
		}
		if body, rest, used, ok := cutBody(raw, i, &budget); ok {
			out = append(out, tline{text: body, code: true})
			i += used - 1
			if strings.TrimSpace(rest) != "" {
				// "}In this example, ..." : the sentence after the body.
				raw[i] = rest
				i--
			}
			continue
		}
		out = append(out, tline{text: unglueStatuses(t)})
	}
	return out
}

// gluedStatus is a status a copy ran into the words around it:
// "Retry only on 429or transient500errors", "429and5xx".
var gluedStatus = regexp.MustCompile(`(^|[a-z])([1-5][0-9][0-9])([a-z]{2,})`)

// unglueStatuses puts back the spaces around such statuses, so that
// "429or" reads as "429 or". Only lower-case words are parted: "400Bad
// Request" is a status run into its name, read as a table row.
func unglueStatuses(s string) string {
	if !hasStatusNumber(s) {
		return s
	}
	return gluedStatus.ReplaceAllStringFunc(s, func(m string) string {
		sub := gluedStatus.FindStringSubmatch(m)
		lead := sub[1]
		if lead != "" {
			lead += " "
		}
		return lead + sub[2] + " " + sub[3]
	})
}

// maxBodyLines bounds how far a body is looked for, so that an opening
// brace that never closes costs little.
const maxBodyLines = 400

// cutBody returns the JSON value starting at line i (an object or array,
// its strings and nesting followed), the text after its end on its last
// line, and how many lines it used.
func cutBody(raw []string, i int, budget *int) (body, rest string, used int, ok bool) {
	first := strings.TrimSpace(raw[i])
	if *budget <= 0 {
		return "", "", 0, false
	}
	if !(strings.HasPrefix(first, "{") || strings.HasPrefix(first, "[{") || strings.HasPrefix(first, "[\n") || first == "[") {
		return "", "", 0, false
	}
	depth, inStr, esc := 0, false, false
	var b strings.Builder
	for j := i; j < len(raw) && j-i < maxBodyLines; j++ {
		line := raw[j]
		if j == i {
			line = strings.TrimLeft(line, " ")
		}
		for k := 0; k < len(line); k++ {
			c := line[k]
			switch {
			case esc:
				esc = false
			case inStr && c == '\\':
				esc = true
			case c == '"':
				inStr = !inStr
			case inStr:
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				depth--
				if depth == 0 {
					b.WriteString(line[:k+1])
					return strings.TrimSpace(b.String()), line[k+1:], j - i + 1, true
				}
			}
		}
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
		*budget -= len(line) + 1
		if *budget <= 0 {
			break
		}
	}
	return "", "", 0, false
}

// xmlStart matches the first line of an XML example body: a prolog or an
// element such as <Error> (AWS, S3) or <soap:Envelope>.
var xmlStart = regexp.MustCompile(`^<(?:\?xml[^>]*\?>\s*<)?([A-Za-z][A-Za-z0-9_.:-]*)[\s>/]`)

// cutXML returns the XML example body starting at line i, up to the line
// that closes its root element.
func cutXML(raw []string, i int, budget *int) (body string, used int, ok bool) {
	first := strings.TrimSpace(raw[i])
	m := xmlStart.FindStringSubmatch(first)
	if m == nil || *budget <= 0 {
		return "", 0, false
	}
	if strings.HasPrefix(first, "<?xml") && !strings.Contains(first[2:], "<") {
		// The prolog is alone on its line: the root is on the next one.
		if i+1 >= len(raw) {
			return "", 0, false
		}
		if m = xmlStart.FindStringSubmatch(strings.TrimSpace(raw[i+1])); m == nil {
			return "", 0, false
		}
	}
	closing := "</" + m[1] + ">"
	var b strings.Builder
	for j := i; j < len(raw) && j-i < maxBodyLines; j++ {
		line := strings.TrimRight(raw[j], " ")
		b.WriteString(line)
		*budget -= len(line) + 1
		if k := strings.Index(line, closing); k >= 0 && strings.TrimSpace(line[k+len(closing):]) == "" {
			return strings.TrimSpace(b.String()), j - i + 1, true
		}
		if *budget <= 0 {
			break
		}
		b.WriteByte('\n')
	}
	return "", 0, false
}

// cellTable reads a table copied one cell per line: a run of two or more
// column headings, then rows of that many cells. Rows go on while the
// first cell is of the same kind as the first row's (a status code, or a
// one-word identifier).
func cellTable(lines []tline, i int) (int, block) {
	var header []string
	seen := map[string]bool{}
	for j := i; j < len(lines) && !lines[j].code && isHeaderLine(lines[j].text); j++ {
		h := strings.ToLower(cleanCell(lines[j].text))
		if seen[h] {
			break
		}
		seen[h] = true
		header = append(header, cleanCell(lines[j].text))
	}
	k := len(header)
	if k < 2 {
		return 0, block{}
	}
	j := i + k
	if j >= len(lines) || lines[j].code {
		return 0, block{}
	}
	_, statusRows := parseStatus(lines[j].text)
	rowStart := func(l tline) bool {
		if l.code {
			return false
		}
		if statusRows {
			_, ok := parseStatus(l.text)
			return ok
		}
		return isIdentifier(l.text)
	}
	var rows [][]string
	for j < len(lines) && rowStart(lines[j]) {
		row := []string{cleanCell(lines[j].text)}
		j++
		for len(row) < k && j < len(lines) && !lines[j].code {
			if statusRows && rowStart(lines[j]) {
				break // a cell is missing: the next row has begun
			}
			row = append(row, cleanCell(lines[j].text))
			j++
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return 0, block{}
	}
	return j - i, block{kind: bTable, header: header, rows: rows}
}

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
var codeStatusGlued = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_.]*?[A-Za-z_])([1-5][0-9][0-9])(\S.*)$`)

// codeStatusRows reads rows of codes glued to their statuses under a
// run-together header of three headings; none when the row after the
// header is not one.
func codeStatusRows(lines []tline, i int, header []string) (int, block) {
	if len(header) != 3 {
		return 0, block{}
	}
	var rows [][]string
	j := i + 1
	for ; j < len(lines) && !lines[j].code; j++ {
		m := codeStatusGlued.FindStringSubmatch(cleanCell(lines[j].text))
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
