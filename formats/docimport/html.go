package docimport

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads an HTML page: headings, paragraphs, tables, lists,
// definition lists (as two-column tables) and <pre> blocks. Scripts,
// styles, templates and navigation are dropped unread.
func parseHTML(s string, rep *Report) []block {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		rep.warnf("the HTML could not be parsed (%v); nothing was read from it", err)
		return nil
	}
	h := &htmlReader{}
	h.walk(root)
	h.flush()
	if h.skipped > 0 {
		rep.warnf("%d script, style or template elements were ignored", h.skipped)
	}
	return h.out
}

type htmlReader struct {
	out     []block
	inline  strings.Builder
	skipped int
}

// skipped elements hold no documentation text a person reads.
func skippedElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Object, atom.Head:
		return true
	}
	return false
}

func (h *htmlReader) flush() {
	if t := cleanCell(h.inline.String()); t != "" {
		h.out = append(h.out, block{kind: bPara, text: t})
	}
	h.inline.Reset()
}

func (h *htmlReader) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		h.inline.WriteString(n.Data)
		return
	case html.ElementNode:
		if skippedElement(n) {
			if n.DataAtom != atom.Head {
				h.skipped++
			}
			return
		}
		if n.DataAtom == atom.Nav {
			return // site navigation, not documentation
		}
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			h.flush()
			// Docs generators end headings with a permalink mark.
			if t := strings.TrimSpace(strings.TrimRight(textOf(n), "¶#🔗§ ")); t != "" {
				raw := t
				if c := onlyCode(n); c != "" && strings.HasPrefix(t, c) {
					raw = "`" + c + "`" + strings.TrimPrefix(t, c) // <h2><code>not_found</code></h2>
				}
				h.out = append(h.out, block{kind: bHeading, level: int(n.Data[1] - '0'), text: t, raw: raw})
			}
			return
		case atom.Table:
			h.flush()
			if b, ok := htmlTable(n); ok {
				h.out = append(h.out, b)
			}
			return
		case atom.Ul, atom.Ol:
			h.flush()
			b := block{kind: bList}
			htmlList(n, &b, 0)
			if len(b.items) > 0 {
				h.out = append(h.out, b)
			}
			return
		case atom.Dl:
			h.flush()
			if b, ok := htmlDefinitions(n); ok {
				h.out = append(h.out, b)
			}
			return
		case atom.Pre:
			h.flush()
			if t := strings.TrimSpace(rawText(n)); t != "" {
				h.out = append(h.out, block{kind: bCode, text: t})
			}
			return
		case atom.Br:
			h.inline.WriteByte(' ')
			return
		}
		if isBlockElement(n) {
			h.flush()
			defer h.flush()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.walk(c)
	}
}

func isBlockElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Blockquote, atom.Header,
		atom.Footer, atom.Aside, atom.Nav, atom.Li, atom.Figure, atom.Figcaption, atom.Details,
		atom.Summary, atom.Body, atom.Form, atom.Hr, atom.Address, atom.Caption:
		return true
	}
	return false
}

// textOf returns the visible text of n with whitespace collapsed; block
// children are separated by a space.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && skippedElement(n):
		default:
			block := n.Type == html.ElementNode && (isBlockElement(n) || n.DataAtom == atom.Br || n.DataAtom == atom.Td || n.DataAtom == atom.Th)
			if block {
				b.WriteByte(' ')
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if block {
				b.WriteByte(' ')
			}
		}
	}
	walk(n)
	return cleanCell(b.String())
}

// rawText keeps a <pre> block's line breaks.
func rawText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// htmlTable reads rows of th/td cells; the header is the <thead> row, or
// else the first row.
func htmlTable(t *html.Node) (block, bool) {
	var rows [][]string
	headRows := 0
	var walk func(n *html.Node, inHead bool)
	walk = func(n *html.Node, inHead bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead:
				walk(c, true)
			case atom.Tbody, atom.Tfoot:
				walk(c, false)
			case atom.Tr:
				var row []string
				allTH := true
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
						row = append(row, textOf(td))
						allTH = allTH && td.DataAtom == atom.Th
					}
				}
				if len(row) > 0 {
					rows = append(rows, row)
					if inHead || allTH && len(rows) == headRows+1 {
						headRows++
					}
				}
			}
		}
	}
	walk(t, false)
	if len(rows) == 0 || headRows == len(rows) {
		return block{}, false
	}
	if headRows == 0 {
		// No header row: the columns are judged by their cells alone.
		return block{kind: bTable, header: make([]string, len(rows[0])), rows: rows}, true
	}
	// With several header rows, the last one names the columns.
	return block{kind: bTable, header: rows[headRows-1], rows: rows[headRows:]}, true
}

// htmlList flattens a list and its nested lists, recording their depth.
func htmlList(l *html.Node, b *block, depth int) {
	for li := l.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			continue
		}
		var own, raw strings.Builder
		var nested []*html.Node
		first := true
		for c := li.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Ul || c.DataAtom == atom.Ol) {
				nested = append(nested, c)
				continue
			}
			if c.Type == html.TextNode {
				own.WriteString(c.Data)
				raw.WriteString(c.Data)
				if strings.TrimSpace(c.Data) != "" {
					first = false
				}
			} else if c.Type == html.ElementNode && !skippedElement(c) {
				t := textOf(c)
				own.WriteString(" " + t + " ")
				// The item's raw form keeps a leading <code> or <strong>
				// as Markdown writes it: it sets an error code off.
				switch {
				case first && c.DataAtom == atom.Code:
					raw.WriteString("`" + t + "`")
				case first && (c.DataAtom == atom.Strong || c.DataAtom == atom.B) && !strings.Contains(t, " "):
					raw.WriteString("**" + t + "**")
				default:
					raw.WriteString(" " + t + " ")
				}
				first = false
			}
		}
		if t := cleanCell(own.String()); t != "" {
			b.items = append(b.items, t)
			b.rawItems = append(b.rawItems, strings.TrimSpace(raw.String()))
			b.depth = append(b.depth, depth)
			b.indents = append(b.indents, depth)
		}
		for _, n := range nested {
			htmlList(n, b, depth+1)
		}
	}
}

// htmlDefinitions reads a <dl> as a two-column table of terms and their
// definitions (several <dd> of one term are joined).
func htmlDefinitions(dl *html.Node) (block, bool) {
	b := block{kind: bTable, header: []string{dlTerm, "definition"}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Dt:
				b.rows = append(b.rows, []string{textOf(c)})
			case atom.Dd:
				if k := len(b.rows) - 1; k >= 0 {
					if len(b.rows[k]) == 1 {
						b.rows[k] = append(b.rows[k], textOf(c))
					} else {
						b.rows[k][1] += " " + textOf(c)
					}
				}
			case atom.Div: // <div> wrappers are allowed around dt/dd groups
				walk(c)
			}
		}
	}
	walk(dl)
	return b, len(b.rows) > 0
}

// onlyCode returns the text of the <code> element a heading starts with,
// "" when it starts otherwise: docs mark an error code so in a heading.
func onlyCode(n *html.Node) string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
			continue
		case c.Type == html.ElementNode && c.DataAtom == atom.Code:
			return textOf(c)
		case c.Type == html.ElementNode && c.DataAtom == atom.A:
			if t := onlyCode(c); t != "" {
				return t
			}
		}
		return ""
	}
	return ""
}
