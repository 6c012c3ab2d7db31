package docimport

import (
	"html"
	"strings"
)

var (
	htmlComment = lazyRE(`(?s)<!--.*?-->`)
	// templateTag matches Liquid and Jinja block tags and comments:
	// {% data variables.x %}, {% endif %}, {# note #}.
	// A tag starts with a space and a word ("{% endif %}"), stays on one
	// line and is short: a message's placeholder "{%s}" is not one.
	templateTag = lazyRE(`\{%-?\s+[A-Za-z][^%{}\n]{0,300}?-?%\}|\{#\s[^#{}\n]{0,300}?\s#\}`)
	// templateVar matches a Liquid or Jinja expression written with the
	// padding those languages use, "{{ page.title }}"; an error message's
	// own placeholder ("{{key0}}") is written without it and is kept.
	templateVar = lazyRE(`\{\{-?\s+[^{}]*?\s+-?\}\}`)
	// attrList matches Kramdown and Pandoc attribute lists: {: #id},
	// {:toc}, {#anchor}, {.class}, {class="compact"}.
	attrList = lazyRE(`\s*\{(?::[^{}]*|[#.][\w-]+|[a-z-]+="[^"]*")\}`)
	// mdxStatement matches the import and export lines of an MDX page.
	mdxStatement = lazyRE(`^(import\s.+\sfrom\s+['"].+['"]|import\s+['"].+['"]|export\s+(const|default|function)\s.*);?\s*$`)
	// wrapperTag matches a line that is only an opening or closing tag of
	// an element that wraps Markdown (MDX and docs generators render the
	// Markdown inside): <div>, </details>, <Tabs …>, <TabItem value="1">.
	wrapperTag = lazyRE(`^\s*</?(div|details|section|span|center|Tabs|TabItem|Tab|Note|Tip|Warning|Info|Callout|Accordion|AccordionGroup|Card|CardGroup|Steps|Step)\b[^<>]*>\s*$`)
	struckCell = lazyRE(`^~~.+~~$`)
	listBreak  = lazyRE(`(?i)</li>\s*<li[^>]*>|<br\s*/?>|</p>\s*<p[^>]*>`)
)

// stripSyntax removes what a docs site's build consumes before a reader
// sees the page: HTML comments, template tags, attribute lists, MDX
// import lines and the fences of MDC components (::callout). Line breaks
// inside a removed comment are kept so that the page keeps its shape.
func stripSyntax(s string) string {
	if strings.Contains(s, "<!--") {
		s = htmlComment.ReplaceAllStringFunc(s, func(c string) string {
			return strings.Repeat("\n", strings.Count(c, "\n"))
		})
	}
	if strings.Contains(s, "{%") || strings.Contains(s, "{#") {
		s = templateTag.ReplaceAllStringFunc(s, func(c string) string {
			return strings.Repeat("\n", strings.Count(c, "\n"))
		})
	}
	if strings.Contains(s, "{{") {
		s = templateVar.ReplaceAllString(s, "")
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.Contains(l, "{") && strings.ContainsAny(l, ":#.=") {
			l = attrList.ReplaceAllString(l, "")
			lines[i] = l
		}
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "::"):
			lines[i] = ""
		case strings.HasPrefix(t, "import ") || strings.HasPrefix(t, "export "):
			if mdxStatement.MatchString(t) {
				lines[i] = ""
			}
		}
	}
	return strings.Join(lines, "\n")
}

// stripTemplates removes the template tags a page saved from a site's
// sources keeps (Liquid, Jinja, Blade): HTML's own comments are the HTML
// reader's to drop.
func stripTemplates(s string) string {
	if strings.Contains(s, "{%") || strings.Contains(s, "{#") {
		s = templateTag.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "{{") {
		s = templateVar.ReplaceAllString(s, "")
	}
	return s
}

// struckRow reports whether a pipe-table row's first cell, the code or
// status it is about, is struck through (~~10018~~): the docs keep the
// row to say it is withdrawn.
func struckRow(row string) bool {
	for _, c := range strings.Split(strings.Trim(strings.TrimSpace(row), "|"), "|") {
		if c = strings.TrimSpace(c); c != "" {
			return struckCell.MatchString(c)
		}
	}
	return false
}

// addPipeRow appends one row to a pipe table, or records it as withdrawn
// when it is struck through.
func (b *block) addPipeRow(row string) {
	if struckRow(row) {
		cells := mdCells(row)
		b.withdrawn = append(b.withdrawn, cells[0])
		return
	}
	b.rows = append(b.rows, mdCells(row))
}

// inlineHTML turns the HTML a Markdown cell or paragraph may hold into
// its text: list items and line breaks become "; " and " ", tags go, and
// entities are decoded.
func inlineHTML(s string) string {
	if strings.Contains(s, "<") {
		s = listBreak.ReplaceAllStringFunc(s, func(m string) string {
			if strings.HasPrefix(strings.ToLower(m), "</li") {
				return "; "
			}
			return " "
		})
		s = mdTag.ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return s
}

var (
	// tabItem matches the opening tag of one tab: <TabItem value="400">.
	tabItem = lazyRE(`^\s*<TabItem\b[^>]*\bvalue=["']([^"']+)["'][^>]*>\s*$`)
	// jsxOpen matches the start of a component's opening tag: <Tabs.
	jsxOpen = lazyRE(`^<[A-Z][A-Za-z0-9]*(\s|$)`)
	// tabLabel matches one tab's label and value among a component's props.
	tabLabel = lazyRE(`label:\s*['"]([^'"]+)['"]\s*,\s*value:\s*['"]([^'"]+)['"]`)
)

// htmlBlockStart matches a line that opens a block of raw HTML inside
// Markdown: a table, list, definition list, heading or preformatted text.
var htmlBlockStart = lazyRE(`(?i)^ {0,3}<(table|dl|ul|ol|pre|h[1-6]|blockquote)[\s>]`)

// htmlBlockEnd returns the index after the last line of the raw HTML
// block opening at line i: the line that closes its element, or, when a
// page forgets to close it, the first blank line, as CommonMark ends it.
func htmlBlockEnd(lines []string, i int) int {
	m := htmlBlockStart.FindStringSubmatch(lines[i])
	tag := strings.ToLower(m[1])
	open := lazyRE(`(?i)<` + tag + `[\s>]`)
	closing := lazyRE(`(?i)</` + tag + `\s*>`)
	depth := 0
	for j := i; j < len(lines) && j-i < maxBlockLines; j++ {
		depth += len(open.FindAllStringIndex(lines[j], -1)) - len(closing.FindAllStringIndex(lines[j], -1))
		if depth <= 0 {
			return j + 1
		}
	}
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == "" {
			return j
		}
	}
	return len(lines)
}

// maxBlockLines bounds how far a raw HTML block's end is looked for.
const maxBlockLines = 5000

// parseHTMLFragment reads a raw HTML block of a Markdown page into blocks.
func parseHTMLFragment(s string) []block {
	var scratch Report
	return parseHTML(s, &scratch)
}
