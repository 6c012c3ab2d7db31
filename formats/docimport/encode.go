package docimport

import (
	"bytes"
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
)

// Encode writes p in the TOML schema of the built-in profiles, ready for
// $XDG_CONFIG_HOME/apierr/apis/. formats.ParseProfile reads the result
// back to an equal Profile (absent lists read back empty). Tables come in
// the order a person checks them: fields, examples, statuses, error codes,
// advice.
func Encode(p formats.Profile) ([]byte, error) {
	if strings.TrimSpace(p.Name) == "" {
		return nil, fmt.Errorf("the profile has no name: give one with --name")
	}
	var w tomlWriter
	w.comment(fmt.Sprintf("%s API errors, imported from %s.", oneLine(cmp.Or(p.Title, p.Name)), oneLine(cmp.Or(p.Source, "its docs"))))
	w.comment("Edit freely: 'apierr apis add FILE' checks a profile and installs it.")
	w.str("name", p.Name)
	w.str("title", p.Title)
	w.str("source", p.Source)
	w.strIf("docs_url", p.DocsURL)
	w.str("format", p.Format)
	w.text("summary", p.Summary)
	w.list("hosts", p.Hosts)
	w.listIf("type_prefixes", p.TypePrefixes)
	w.listIf("instance_prefixes", p.InstancePrefixes)
	for _, f := range p.Fields {
		w.table("field")
		w.str("name", f.Name)
		w.str("type", f.Type)
		w.str("description", f.Description)
	}
	for _, e := range p.Examples {
		w.table("example")
		w.str("title", e.Title)
		w.int("status", e.Status)
		w.text("body", e.Body)
		w.strIf("description", e.Description)
	}
	for _, s := range p.Statuses {
		w.table("status")
		w.int("code", s.Code)
		w.str("name", s.Name)
		w.str("description", s.Description)
		w.strIf("action", s.Action)
	}
	for _, e := range p.ErrorCodes {
		w.table("error_code")
		w.str("code", e.Code)
		w.str("description", e.Description)
		if e.Status != 0 {
			w.int("status", e.Status)
		}
		w.listIf("attributes", e.Attributes)
	}
	for _, a := range p.Advice {
		w.table("advice")
		w.str("title", a.Title)
		w.strIf("intro", a.Intro)
		if len(a.Statuses) > 0 {
			nums := make([]string, len(a.Statuses))
			for i, n := range a.Statuses {
				nums[i] = strconv.Itoa(n)
			}
			w.raw("statuses", "["+strings.Join(nums, ", ")+"]")
		}
		w.listIf("classes", a.Classes)
		w.steps("steps", a.Steps)
	}
	return w.buf.Bytes(), nil
}

type tomlWriter struct{ buf bytes.Buffer }

func (w *tomlWriter) comment(s string)  { fmt.Fprintf(&w.buf, "# %s\n", s) }
func (w *tomlWriter) table(name string) { fmt.Fprintf(&w.buf, "\n[[%s]]\n", name) }
func (w *tomlWriter) raw(k, v string)   { fmt.Fprintf(&w.buf, "%s = %s\n", k, v) }
func (w *tomlWriter) str(k, v string)   { w.raw(k, basicString(v)) }
func (w *tomlWriter) int(k string, v int) {
	w.raw(k, strconv.Itoa(v))
}

func (w *tomlWriter) strIf(k, v string) {
	if v != "" {
		w.str(k, v)
	}
}

// text writes a value that may span lines (a summary, a body) as a
// multi-line literal string when it can be one, so that a body reads as
// the docs show it.
func (w *tomlWriter) text(k, v string) {
	if strings.Contains(v, "\n") && literalSafe(v) {
		w.raw(k, "'''"+v+"'''")
		return
	}
	w.str(k, v)
}

func (w *tomlWriter) list(k string, v []string) {
	q := make([]string, len(v))
	for i, s := range v {
		q[i] = basicString(s)
	}
	w.raw(k, "["+strings.Join(q, ", ")+"]")
}

func (w *tomlWriter) listIf(k string, v []string) {
	if len(v) > 0 {
		w.list(k, v)
	}
}

// steps writes one step per line: they are long sentences.
func (w *tomlWriter) steps(k string, v []string) {
	if len(v) == 0 {
		w.raw(k, "[]")
		return
	}
	fmt.Fprintf(&w.buf, "%s = [\n", k)
	for _, s := range v {
		fmt.Fprintf(&w.buf, "  %s,\n", basicString(s))
	}
	w.buf.WriteString("]\n")
}

// literalSafe: a multi-line literal string cannot hold ”' or control
// characters other than tab and newline, drops a newline right after the
// opening quotes, and must not end in a quote.
func literalSafe(s string) bool {
	if strings.Contains(s, "'''") || strings.HasPrefix(s, "\n") || strings.HasSuffix(s, "'") || strings.Contains(s, "\r") {
		return false
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return false
		}
	}
	return true
}

// basicString quotes s as a TOML basic string.
func basicString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}
