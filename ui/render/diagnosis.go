package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/charmbracelet/x/ansi"
)

// diagLabelWidth is the width of the label column of the summary lines.
const diagLabelWidth = 12

// Diagnosis renders d as text for a terminal width wide (80 when width is
// 0 or less): the status line, then formats.Sections in their order (the
// summary, field errors, what to do with each step's source, what it
// means, details, notes), the same sections and headings as the TUI and
// the tickets. Every string that came from the server is made inert first.
func Diagnosis(d formats.Diagnosis, width int, st Styles) string {
	if width <= 0 {
		width = 80
	}
	width = max(width, 30)
	w := &diagWriter{st: st, width: width}

	w.statusLine(d)
	label := SourceLabel(d, nil)
	for _, sec := range formats.Sections(d) {
		if sec.Title != "" {
			w.heading(sec.Title)
		}
		switch {
		case len(sec.Fields) > 0:
			for _, f := range sec.Fields {
				w.field(f.Label, f.Value)
			}
		case len(sec.FieldErrors) > 0:
			w.fieldErrors(sec.FieldErrors)
		case len(sec.Steps) > 0:
			w.steps(sec.Steps, label)
		case sec.Title == formats.SectionNotes:
			for _, n := range sec.Paragraphs {
				w.wrapped("  - ", "    ", n)
			}
		default:
			for i, para := range sec.Paragraphs {
				if i > 0 {
					w.line("")
				}
				w.wrapped("  ", "  ", para)
			}
		}
	}
	return strings.TrimRight(w.b.String(), "\n") + "\n"
}

// diagWriter accumulates the rendered lines.
type diagWriter struct {
	b     strings.Builder
	st    Styles
	width int
}

func (w *diagWriter) line(s string) {
	w.b.WriteString(s)
	w.b.WriteByte('\n')
}

func (w *diagWriter) statusLine(d formats.Diagnosis) {
	var head string
	switch {
	case d.Status == 0 && d.Format == "transport":
		head = "No response"
	case d.Status == 0:
		head = "No status"
	default:
		head = strconv.Itoa(d.Status)
		if d.StatusText != "" {
			head += " " + d.StatusText
		}
	}
	line := w.st.paint(w.st.ForClass(d.StatusClass), head)
	if d.StatusClass != "" {
		line += "  " + w.st.paint(w.st.Muted, strings.ReplaceAll(d.StatusClass, "_", " "))
	}
	w.line(line)
}

// field writes "Label       value", the value made inert and wrapped.
func (w *diagWriter) field(label, value string) {
	if value == "" {
		return
	}
	w.rawField(label, Inert(value, false))
}

// rawField is field for a value that is already inert.
func (w *diagWriter) rawField(label, value string) {
	pad := strings.Repeat(" ", max(diagLabelWidth-ansi.StringWidth(label), 1))
	first := w.st.paint(w.st.Label, label) + pad
	lines := strings.Split(Wrap(value, w.width-diagLabelWidth), "\n")
	for i, l := range lines {
		if i == 0 {
			w.line(first + w.st.paint(w.st.Value, l))
		} else {
			w.line(strings.Repeat(" ", diagLabelWidth) + w.st.paint(w.st.Value, l))
		}
	}
}

func (w *diagWriter) heading(title string) {
	w.line("")
	w.line(w.st.paint(w.st.Heading, title))
}

// wrapped writes text made inert and wrapped, the first line after first
// and the others after rest.
func (w *diagWriter) wrapped(first, rest, text string) {
	text = Inert(text, false)
	lines := strings.Split(Wrap(text, w.width-len(rest)), "\n")
	for i, l := range lines {
		if i == 0 {
			w.line(first + l)
		} else {
			w.line(rest + l)
		}
	}
}

// SourceLabel names a step's document for people: the profile's own file
// as "OCTO docs · URL (002_….txt)", any other source as it is. reg holds
// the profiles (the built-in ones when nil).
func SourceLabel(d formats.Diagnosis, reg *formats.Registry) func(string) string {
	if reg == nil {
		reg = formats.Builtin()
	}
	p, ok := reg.Lookup(d.API)
	return func(src string) string {
		if !ok || src == "" || src != p.Source {
			return src
		}
		s := p.Title
		if s == "" {
			s = p.Name
		}
		s += " docs"
		if p.DocsURL != "" {
			s += " · " + p.DocsURL
		}
		return s + " (" + src + ")"
	}
}

// fieldErrors draws a two-column table, the field column as wide as its
// longest name (up to a third of the width).
func (w *diagWriter) fieldErrors(fes []formats.FieldError) {
	if len(fes) == 0 {
		return
	}
	col := len("Field")
	fields := make([]string, len(fes))
	for i, fe := range fes {
		fields[i] = Inert(fe.Field, false)
		if fields[i] == "" {
			fields[i] = "-"
		}
		col = max(col, ansi.StringWidth(fields[i]))
	}
	col = min(col, w.width/3)
	w.line("  " + w.st.paint(w.st.Label, padRight("Field", col)+"  Message"))
	for i, fe := range fes {
		msg := Inert(fe.Message, false)
		if fe.Code != "" {
			msg += " [" + Inert(fe.Code, false) + "]"
		}
		name := ansi.Truncate(fields[i], col, "…")
		lines := strings.Split(Wrap(msg, max(w.width-col-4, 10)), "\n")
		for j, l := range lines {
			if j == 0 {
				w.line("  " + padRight(name, col) + "  " + l)
			} else {
				w.line("  " + strings.Repeat(" ", col) + "  " + l)
			}
		}
	}
}

func padRight(s string, n int) string {
	if gap := n - ansi.StringWidth(s); gap > 0 {
		return s + strings.Repeat(" ", gap)
	}
	return s
}

// steps numbers the recovery steps, each followed by its source.
func (w *diagWriter) steps(steps []formats.Step, label func(string) string) {
	digits := len(strconv.Itoa(len(steps)))
	for i, s := range steps {
		num := fmt.Sprintf("%*d. ", digits, i+1)
		indent := strings.Repeat(" ", 2+len(num))
		text := Inert(s.Text, false)
		lines := strings.Split(Wrap(text, w.width-len(indent)), "\n")
		for j, l := range lines {
			if j == 0 {
				w.line("  " + w.st.paint(w.st.Number, num) + l)
			} else {
				w.line(indent + l)
			}
		}
		if s.Source != "" {
			w.line(indent + w.st.paint(w.st.Muted, "source: "+Inert(label(s.Source), false)))
		}
	}
}
