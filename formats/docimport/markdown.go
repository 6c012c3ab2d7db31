package docimport

import (
	"strings"
)

var (
	mdATX      = lazyRE(`^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdSetext   = lazyRE(`^ {0,3}(=+|-+)\s*$`)
	mdFenceRe  = lazyRE("^ {0,3}(```+|~~~+)")
	mdListItem = lazyRE(`^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$`)
	mdSepRow   = lazyRE(`^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$`)
	mdLink     = lazyRE(`!?\[([^\]]*)\]\([^)]*\)`)
	mdRefLink  = lazyRE(`\[([^\]]+)\]\[[^\]]*\]`)
	mdBold     = lazyRE(`\*\*([^*]+)\*\*|__([^_]+)__`)
	mdItalic   = lazyRE(`(^|\s)\*([^*\s][^*]*)\*`)
	mdTag      = lazyRE(`</?[A-Za-z][^>]{0,200}>`)
	// mdAnchor is a heading's explicit id: "## 404 Not Found {#not-found}".
	mdAnchor = lazyRE(`\s*\{#[^}]*\}\s*$`)
	// mdEscape is a backslash escape of punctuation: "\-1000", "TOO\_MANY".
	mdEscape = lazyRE("\\\\([!-/:-@\\[-`{-~])")
	mdH1     = lazyRE(`(?m)^ {0,3}# \S`)
	fmTitle  = lazyRE(`(?m)^title:\s*['"]?(.+?)['"]?\s*$`)
)

// parseMarkdown reads a Markdown page: ATX and setext headings, pipe
// tables, bullet and numbered lists, fenced code blocks and paragraphs.
// Inline markup (links, emphasis, code spans, stray HTML tags) is removed
// from the text kept.
func parseMarkdown(s string) []block {
	body := stripFrontMatter(s)
	lines := strings.Split(stripSyntax(body), "\n")
	// Blocks are many words wide: growing the slice by doubling would
	// copy them over and over on a long page.
	out := make([]block, 0, len(lines)/2+1)
	if title := frontMatterTitle(s[:len(s)-len(body)]); title != "" && !mdH1.MatchString(body) {
		// The site renders the front matter's title as the page's h1.
		out = append(out, block{kind: bHeading, level: 1, text: title, raw: title})
	}
	var para []string
	flush := func() {
		if len(para) > 0 {
			if t := mdInline(strings.Join(para, " ")); t != "" {
				out = append(out, block{kind: bPara, text: t})
			}
			para = nil
		}
	}
	// atx matches line l as an ATX heading once, however often asked.
	var atxLine string
	var atxMatch []string
	atx := func(l string) []string {
		if l != atxLine || atxMatch == nil {
			atxLine, atxMatch = l, mdATX.FindStringSubmatch(l)
		}
		return atxMatch
	}
	tabLabels := map[string]string{}
	lastLevel := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		if n := len(out); n > 0 && out[n-1].kind == bHeading && out[n-1].raw != "" {
			lastLevel = out[n-1].level
		}
		switch {
		case t == "":
			flush()
		case t[0] == '<' && tabItem.MatchString(l):
			// A tab of a tabbed component is a section headed by its
			// label: <TabItem value="400"> under values {label: '400 Bad
			// Request', value: '400'}.
			flush()
			v := tabItem.FindStringSubmatch(l)[1]
			title := tabLabels[v]
			if title == "" {
				title = v
			}
			out = append(out, block{kind: bHeading, level: lastLevel + 1, text: mdInline(title), raw: title})
		case t[0] == '<' && jsxOpen.MatchString(t) && !strings.HasSuffix(t, ">"):
			// A component's opening tag over several lines: its props are
			// code, not text. Tab labels are kept for the tabs below.
			flush()
			j := i
			for ; j < len(lines) && j-i < maxBlockLines; j++ {
				for _, m := range tabLabel.FindAllStringSubmatch(lines[j], -1) {
					tabLabels[m[2]] = m[1]
				}
				if e := strings.TrimSpace(lines[j]); j > i && strings.HasSuffix(e, ">") && !strings.HasSuffix(e, "=>") {
					break
				}
			}
			i = j
		case t[0] == '<' && wrapperTag.MatchString(l):
			// The element only wraps Markdown, which is read on.
			flush()
		case t[0] == '<' && htmlBlockStart.MatchString(l):
			flush()
			n := htmlBlockEnd(lines, i)
			out = append(out, parseHTMLFragment(strings.Join(lines[i:n], "\n"))...)
			i = n - 1
		case (t[0] == '`' || t[0] == '~') && mdFenceRe.MatchString(l):
			flush()
			fence := mdFenceRe.FindStringSubmatch(l)[1]
			var code []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), fence[:3]); i++ {
				code = append(code, lines[i])
			}
			out = append(out, block{kind: bCode, text: strings.TrimSpace(strings.Join(code, "\n"))})
		case t[0] == '#' && atx(l) != nil:
			flush()
			m := atx(l)
			text := mdAnchor.ReplaceAllString(m[2], "")
			out = append(out, block{kind: bHeading, level: len(m[1]), text: mdInline(text), raw: text})
		case len(para) == 1 && (t[0] == '=' || t[0] == '-') && mdSetext.MatchString(l) && !mdListItem.MatchString(para[0]):
			lvl := 1
			if strings.HasPrefix(t, "-") {
				lvl = 2
			}
			out = append(out, block{kind: bHeading, level: lvl, text: mdInline(para[0]), raw: para[0]})
			para = nil
		case strings.Contains(t, "|") && i+1 < len(lines) && mdSepRow.MatchString(lines[i+1]) && strings.Contains(lines[i+1], "-"):
			flush()
			b := block{kind: bTable, header: mdCells(t)}
			for i += 2; i < len(lines) && strings.Contains(lines[i], "|") && strings.TrimSpace(lines[i]) != ""; i++ {
				b.addPipeRow(lines[i])
			}
			i--
			out = append(out, b)
		// An indented "- x" inside a paragraph continues it, unless the
		// paragraph has ended its sentence ("…by the application." then
		// "  * 401 - Unauthorized"): a bullet list may interrupt a
		// paragraph. Anywhere else it starts or extends a list.
		case listStart(t[0]) && mdListItem.MatchString(l) && !(len(para) > 0 && !mdListItem.MatchString(para[0]) && strings.HasPrefix(l, " ") && !sentenceEnd(para[len(para)-1], t)):
			flush()
			m := mdListItem.FindStringSubmatch(l)
			item := m[2]
			// Continuation lines: indented text that starts no new item.
			for i+1 < len(lines) && strings.HasPrefix(lines[i+1], " ") && strings.TrimSpace(lines[i+1]) != "" && !mdListItem.MatchString(lines[i+1]) {
				i++
				item += " " + strings.TrimSpace(lines[i])
			}
			if n := len(out); n == 0 || out[n-1].kind != bList {
				out = append(out, block{kind: bList})
			}
			lb := &out[len(out)-1]
			lb.addItem(mdInline(item), len(m[1]))
			lb.rawItems = append(lb.rawItems, item)
		default:
			para = append(para, t)
		}
	}
	flush()
	return out
}

// mdCells splits a pipe-table row, honouring \| inside a cell.
func mdCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var cur strings.Builder
	inCode := false
	for i := 0; i < len(row); i++ {
		c := row[i]
		switch {
		case c == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteByte('|')
			i++
		case c == '`':
			inCode = !inCode
			cur.WriteByte(c)
		case c == '|' && !inCode:
			cells = append(cells, mdInline(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return append(cells, mdInline(cur.String()))
}

// mdInline removes inline Markdown so that the text reads as rendered.
func mdInline(s string) string {
	if !strings.ContainsAny(s, "[*_<`\\&~") {
		return cleanCell(s)
	}
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	s = mdBold.ReplaceAllString(s, "$1$2")
	s = mdItalic.ReplaceAllString(s, "$1$2")
	s = inlineHTML(s)
	s = strings.ReplaceAll(s, "~~", "")
	s = strings.ReplaceAll(s, "`", "")
	s = mdEscape.ReplaceAllString(s, "$1")
	return cleanCell(s)
}

// stripFrontMatter drops a YAML front matter block ("---" ... "---") that
// static site generators put at the top of a page.
func stripFrontMatter(s string) string {
	if !strings.HasPrefix(s, "---\n") {
		return s
	}
	if end := strings.Index(s[4:], "\n---\n"); end >= 0 {
		return s[4+end+5:]
	}
	return s
}

// frontMatterTitle returns the title key of a YAML front matter block.
func frontMatterTitle(fm string) string {
	if m := fmTitle.FindStringSubmatch(fm); m != nil {
		return cleanCell(m[1])
	}
	return ""
}

// listStart: c can begin a list item's marker ("-", "*", "+", "1.").
func listStart(c byte) bool {
	return c == '-' || c == '*' || c == '+' || c >= '0' && c <= '9'
}

// sentenceEnd: the paragraph line ends a sentence or a lead-in and the
// line after it is a bullet ("-", "*", "+"), so a list starts there.
func sentenceEnd(last, next string) bool {
	if next == "" || next[0] != '-' && next[0] != '*' && next[0] != '+' {
		return false
	}
	last = strings.TrimSpace(last)
	return last != "" && strings.ContainsAny(last[len(last)-1:], ".:!?")
}
