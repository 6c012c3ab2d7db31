// Package docimport turns an API's published error documentation into a
// formats.Profile: the status-code table, the error-code table, the
// troubleshooting advice, the documented body fields and the example
// bodies.
//
// It is pure: text goes in, a Profile and a Report come out. It reads
// Markdown (pipe tables, headings, lists, fenced code, raw HTML blocks,
// MDX components), HTML (tables, definition lists, headed sections) and
// the plain text a person copies from a docs site, where table cells
// arrive one per line, run together or separated by spaces. Which of the
// three a page is, is judged by the whole document. What a site's build
// consumes (front matter, comments, Liquid and Jinja tags) never reaches
// the profile.
//
// The page becomes blocks (headings, paragraphs, tables, lists, code);
// the extractor reads status tables, error-code tables, sections headed
// by a status or a code, lists and labelled records from them by what
// their cells and headings hold, not by vendor. Whatever it cannot place,
// could read more than one way, or skips as another party's statuses, is
// said in the Report rather than guessed.
package docimport

import (
	"github.com/apierr/apierr/formats"
)

// MaxInput is the largest document Import reads; the rest is ignored with
// a warning. Error pages are a few hundred kilobytes at most, so this only
// bounds the time and memory spent on a wrong file.
const MaxInput = 8 << 20

// Options say what Import cannot learn from the page itself.
type Options struct {
	// Name is the profile's short id (the --name flag).
	Name string
	// Hosts are the host names the API answers on (the --host flags).
	Hosts []string
	// Source names the document: a file path or URL.
	Source string
}

// Import extracts a profile from one documentation page. The Report says
// what was found and what was not; when Report.Found() is false the
// profile holds nothing worth saving.
func Import(src []byte, opts Options) (formats.Profile, Report) {
	var rep Report
	if len(src) > MaxInput {
		rep.warnf("the page is %d bytes; only the first %d were read", len(src), MaxInput)
		src = src[:MaxInput]
	}
	text := decode(src, &rep)
	kind := sniffKind(text)
	rep.Kind = kind
	var doc []block
	switch kind {
	case KindHTML:
		doc = parseHTML(stripTemplates(text), &rep)
	case KindMarkdown:
		doc = parseMarkdown(text)
	default:
		doc = parseText(stripSyntax(text))
	}
	p := extract(doc, &rep)
	p.Name = opts.Name
	p.Source = opts.Source
	p.Hosts = append([]string(nil), opts.Hosts...)
	if p.Title == "" {
		p.Title = opts.Name
	}
	rep.finish(p)
	return p, rep
}
