package docimport

import (
	"strings"
)

// tline is one non-blank line of copied text, or one whole example body
// cut out of it.
type tline struct {
	text string
	code bool
}

var (
	textBullet  = lazyRE(`^\s*(?:[-*•·▪◦‣]\s+|[•·▪◦‣])(\S.*)$`)
	labelOnly   = lazyRE(`^\s*-\s*([A-Z][A-Za-z ]{1,30})$`)
	labelSuffix = lazyRE(`^(.*\S)\s*-\s*([A-Z][A-Za-z ]{1,30})$`)
)

// textReaders are the readers of a block that pasted text can start at
// line i, most specific first; each returns how many lines it took (0:
// not its shape) and the block.
var textReaders = []func(lines []tline, i int) (int, block){
	pipeTable, bareRows, statusLines, spacedTable, runOnStatusLine,
	runTogetherTable, cellTable, definitionRows, statusRun,
}

// readTextBlock is the first of textReaders that reads a block at i.
func readTextBlock(lines []tline, i int) (int, block) {
	for _, read := range textReaders {
		if n, b := read(lines, i); n > 0 {
			return n, b
		}
	}
	return 0, block{}
}

// runOnStatusLine reads one line that runs several statuses together
// ("400 Bad Request: …401 Unauthorized: …") as a list of them.
func runOnStatusLine(lines []tline, i int) (int, block) {
	items := runOnStatuses(cleanCell(lines[i].text))
	if items == nil || lines[i].code {
		return 0, block{}
	}
	b := block{kind: bList}
	for _, it := range items {
		b.addItem(it, 0)
	}
	return 1, b
}

// parseText reads the plain text a person copies from a rendered docs
// page. Its tables arrive as one cell per line under a run of heading
// cells, as rows whose cells are run together, or as definition lists
// ("- Name" / "200 OK- Description" / "Request succeeded"); its headings
// are short lines without final punctuation.
func parseText(s string) []block {
	lines := textLines(s)
	var out []block
	for i := 0; i < len(lines); {
		if n, b := readTextBlock(lines, i); n > 0 {
			out = append(out, b)
			i += n
			continue
		}
		l := lines[i]
		i++
		if t := strings.TrimSpace(l.text); (t == "-" || t == "•" || t == "*") && i < len(lines) && !lines[i].code {
			// A bullet copied onto a line of its own: the item is the
			// next line.
			l = tline{text: "- " + strings.TrimSpace(lines[i].text)}
			i++
		}
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
// At the start of a line the word after the status must end in a space:
// "400bad_requestThe request…" is a table row, not prose to part.
var gluedStatus = lazyRE(`([a-z])([1-5][0-9][0-9])([a-z]{2,})|^()([1-5][0-9][0-9])([a-z]{2,}) `)

// unglueStatuses puts back the spaces around such statuses, so that
// "429or" reads as "429 or". Only lower-case words are parted: "400Bad
// Request" is a status run into its name, read as a table row.
func unglueStatuses(s string) string {
	if !hasStatusNumber(s) {
		return s
	}
	return gluedStatus.ReplaceAllStringFunc(s, func(m string) string {
		sub := gluedStatus.FindStringSubmatch(m)
		if sub[1] == "" && sub[2] == "" {
			return sub[5] + " " + sub[6] + " " // at the start of the line
		}
		return sub[1] + " " + sub[2] + " " + sub[3]
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
var xmlStart = lazyRE(`^<(?:\?xml[^>]*\?>\s*<)?([A-Za-z][A-Za-z0-9_.:-]*)[\s>/]`)

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
