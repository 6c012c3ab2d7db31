package docimport

import (
	"strings"

	"github.com/apierr/apierr/formats"
)

// fieldItem matches a list item documenting a body member:
// "type: A URI reference…", "`detail` – A human-readable…".
var fieldItem = lazyRE("^`?([A-Za-z_$][A-Za-z0-9_.$\\[\\]-]{0,60})`?\\s*(?:\\([^)]{1,30}\\))?\\s*(?::|–|—|-)\\s+(\\S.*)$")

// fieldLists reads bullet lists of body members, in sections whose title
// speaks of fields ("Top-level fields", "Extended field"). A nested item
// documents a member of its parent, written parent[].name when the parent
// is an array.
func (x *extractor) fieldLists() {
	heading := ""
	for i, b := range x.doc {
		if b.kind == bHeading {
			heading = strings.ToLower(b.text)
			continue
		}
		if x.used[i] || b.kind != bList || !isFieldHeading(heading) {
			continue
		}
		var parents []string // parents[d] is the name at depth d
		var parentDesc []string
		var fields []formats.FieldDoc
		for k, item := range b.items {
			m := fieldItem.FindStringSubmatch(item)
			if m == nil {
				fields = nil
				break // not a list of fields after all
			}
			d := 0
			if b.depth != nil {
				d = b.depth[k]
			}
			name := m[1]
			if d > 0 && d <= len(parents) {
				sep := "."
				if strings.Contains(strings.ToLower(parentDesc[d-1]), "array") {
					sep = "[]."
				}
				name = parents[d-1] + sep + name
			}
			parents = append(parents[:min(d, len(parents))], name)
			parentDesc = append(parentDesc[:min(d, len(parentDesc))], m[2])
			fields = append(fields, formats.FieldDoc{Name: name, Description: m[2]})
		}
		if len(fields) == 0 {
			continue
		}
		x.used[i] = true
		x.addFields(fields)
	}
}

func isFieldHeading(h string) bool {
	for _, w := range []string{"field", "member", "attribute", "propert", "parameter"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

func (x *extractor) addFields(fields []formats.FieldDoc) {
	seen := map[string]bool{}
	for _, f := range x.p.Fields {
		seen[f.Name] = true
	}
	for _, f := range fields {
		if seen[f.Name] {
			x.rep.warnf("body field %s is documented twice; the first description was kept", f.Name)
			continue
		}
		seen[f.Name] = true
		x.p.Fields = append(x.p.Fields, f)
	}
}

// fieldSentence matches prose that names the one member of the body:
// "…include a JSON object with an error field describing what went wrong."
var fieldSentence = lazyRE("\\bwith an? [`'\"]?([A-Za-z_][A-Za-z0-9_]*)[`'\"]? (?:field|member|property)\\b")

// fieldSentence documents the body from prose when the page has no field
// table or list: the sentence naming the field is its description.
func (x *extractor) fieldSentence() {
	if len(x.p.Fields) > 0 {
		return
	}
	for i, b := range x.doc {
		if b.kind != bPara || !strings.Contains(b.text, " with a") {
			continue
		}
		m := fieldSentence.FindStringSubmatchIndex(b.text)
		if m == nil {
			continue
		}
		x.used[i] = true
		x.p.Fields = append(x.p.Fields, formats.FieldDoc{
			Name:        b.text[m[2]:m[3]],
			Description: sentenceAround(b.text, m[0]),
		})
		return
	}
}

// sentenceAround returns the sentence of s that contains byte at.
func sentenceAround(s string, at int) string {
	start := strings.LastIndex(s[:at], ". ")
	if start < 0 {
		start = 0
	} else {
		start += 2
	}
	end := strings.Index(s[at:], ". ")
	if end < 0 {
		return strings.TrimSpace(s[start:])
	}
	return strings.TrimSpace(s[start : at+end+1])
}

// summary is the docs' introduction: the paragraphs before the first
// table, example body or status section that nothing else used, and the
// first paragraph of a section about the error format or an overview.
// Of a lead-in that ends in a colon ("…the response body should be
// similar to this:"), the sentences before the last one are kept.
func (x *extractor) summary() {
	var paras []string
	take := func(i int) {
		t := x.doc[i].text
		if endsWithColon(t) {
			k := strings.LastIndex(strings.TrimSuffix(t, ":"), ". ")
			if k < 0 {
				return
			}
			t = t[:k+1]
		}
		paras = append(paras, t)
		x.used[i] = true
	}
	intro := true
	for i, b := range x.doc {
		// A Markdown or HTML section (h2 and deeper) ends the intro too:
		// its paragraphs belong to it.
		if b.kind == bTable || b.kind == bCode || b.kind == bHeading && (x.used[i] || b.level >= 2) || b.kind == bList && x.used[i] {
			intro = false
		}
		if b.kind != bPara || x.used[i] {
			continue
		}
		if intro {
			take(i)
			continue
		}
		if h := x.above[i]; h >= 0 && h == i-1 && isFormatHeading(x.doc[h].text) {
			take(i)
		}
	}
	x.p.Summary = strings.Join(paras, "\n\n")
}

func isFormatHeading(h string) bool {
	l := strings.ToLower(h)
	return strings.Contains(l, "format") || strings.Contains(l, "overview") || strings.Contains(l, "introduction")
}
