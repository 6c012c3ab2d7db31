package docimport

import (
	"strings"
)

var (
	htmlDocStart = lazyRE(`(?i)^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]`)
	htmlBlockTag = lazyRE(`(?i)^\s*</?(table|thead|tbody|tr|td|th|p|div|h[1-6]|dl|dt|dd|ul|ol|li|pre|body|section|article|main|header|footer|nav|span|a|br|hr|img|code|strong|b|em)[\s/>]`)
	mdHeading    = lazyRE(`^ {0,3}#{1,6} \S`)
	mdSetextRule = lazyRE(`^ {0,3}(=+|-+)\s*$`)
	mdFence      = lazyRE("^ {0,3}(```|~~~)")
)

// sniffKind tells how to read the page, judged by the whole document
// rather than its first tag: a Markdown page may carry HTML in its table
// cells or a raw <table>, and an HTML page may quote Markdown in a <pre>.
//
// A page is HTML when it is a document (doctype, <html>, <body>) or when
// most of its lines are markup and none is a Markdown heading or fence. It
// is Markdown when it has headings or fences of its own. The rest is text
// copied from a browser, which may still hold pipe tables and bullets.
func sniffKind(s string) string {
	if len(s) > 256<<10 {
		s = s[:256<<10]
	}
	if htmlDocStart.MatchString(s) {
		return KindHTML
	}
	var md, markup, lines int
	prev := ""
	inFence := false
	for _, l := range strings.Split(s, "\n") {
		t := strings.TrimSpace(l)
		if t == "" {
			prev = ""
			continue
		}
		lines++
		switch {
		case mdFence.MatchString(l):
			md++
			inFence = !inFence
		case inFence:
		case mdHeading.MatchString(l):
			md++
		case mdSetextRule.MatchString(l) && prev != "" && strings.HasPrefix(strings.TrimSpace(l), "="):
			md++
		case htmlBlockTag.MatchString(l):
			markup++
		}
		prev = t
	}
	switch {
	case md > 0:
		return KindMarkdown
	case markup > 0 && markup*2 >= lines || markup >= 6:
		return KindHTML
	}
	return KindText
}
