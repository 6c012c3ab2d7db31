package render

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/charmbracelet/x/ansi"
)

// diagLabelWidth is the width of the label column of the summary lines.
const diagLabelWidth = 12

// Diagnosis renders d as text for a terminal width wide (80 when width is
// 0 or less): the status line, what was recognized, the matched API, the
// body's message and ids, field errors, retry advice, the explanation,
// numbered recovery steps with their sources, and notes. Every string
// that came from the server is made inert first.
func Diagnosis(d formats.Diagnosis, width int, st Styles) string {
	if width <= 0 {
		width = 80
	}
	width = max(width, 30)
	w := &diagWriter{st: st, width: width}

	w.statusLine(d)
	if d.Format != "" {
		name := d.Format
		if d.FormatName != "" && d.FormatName != d.Format {
			name = d.FormatName + " (" + d.Format + ")"
		}
		w.field("Format", name)
	}
	if d.TransportKind != "" {
		w.field("Failure", d.TransportKind)
	}
	if d.API != "" {
		api := d.API
		if d.APITitle != "" {
			api = d.APITitle + " (" + d.API + ")"
		}
		if d.APIMatch != "" {
			api += ", matched by " + d.APIMatch
		}
		w.field("API", api)
	}
	w.field("Operation", d.Operation)
	w.field("Request", SpecSummary(d))
	w.field("Message", d.Message)
	if d.Code != d.Type {
		w.field("Code", d.Code)
	}
	if d.Title != d.Message {
		w.field("Title", d.Title)
	}
	w.field("Type", d.Type)
	w.field("Instance", d.Instance)
	if d.RequestID != "" {
		id := Inert(d.RequestID, false)
		if d.RequestIDSource != "" {
			id += w.st.paint(w.st.Muted, "  ("+Inert(d.RequestIDSource, false)+")")
		}
		w.rawField("Request ID", id)
	}
	w.extra(d.Extra)
	w.retry(d)

	w.fieldErrors(d.FieldErrors)
	if d.Explanation != "" {
		w.heading("Explanation")
		for i, para := range strings.Split(d.Explanation, "\n\n") {
			if i > 0 {
				w.line("")
			}
			w.wrapped("  ", "  ", para)
		}
	}
	w.steps(d.Steps, d.Recovery)
	if len(d.Notes) > 0 {
		w.heading("Notes")
		for _, n := range d.Notes {
			w.wrapped("  - ", "    ", n)
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
	pad := strings.Repeat(" ", diagLabelWidth-len(label))
	first := w.st.paint(w.st.Label, label) + pad
	lines := strings.Split(ansi.Wrap(value, w.width-diagLabelWidth, ""), "\n")
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
	lines := strings.Split(ansi.Wrap(text, w.width-len(rest), ""), "\n")
	for i, l := range lines {
		if i == 0 {
			w.line(first + l)
		} else {
			w.line(rest + l)
		}
	}
}

// extra lists members the format does not define (OCTO's productId ...).
func (w *diagWriter) extra(extra map[string]any) {
	if len(extra) == 0 {
		return
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := extra[k]
		var s string
		switch v := v.(type) {
		case string:
			s = v
		default:
			s = fmt.Sprint(v)
		}
		w.field("Extra", k+" = "+s)
	}
}

func (w *diagWriter) retry(d formats.Diagnosis) {
	if d.StatusClass == formats.ClassUnknown && d.Status == 0 && d.Format == "" {
		return
	}
	var retry string
	switch {
	case d.Retryable:
		retry = "yes"
	case d.StatusClass == formats.ClassClientError:
		retry = "no: the same request will fail again"
	case d.StatusClass == formats.ClassSuccess || d.StatusClass == formats.ClassInformational:
		retry = "not needed"
	default:
		retry = "no"
	}
	if d.RetryAfterSeconds != nil {
		retry += ", after " + fmtSeconds(*d.RetryAfterSeconds) + " (Retry-After)"
	}
	if d.WhoActs != "" {
		retry += "; who acts: " + d.WhoActs
	}
	w.field("Retry", retry)
	if rl := d.RateLimit; rl != nil {
		s := rl.Summary
		if s == "" {
			s = rateLimitSummary(rl)
		}
		w.field("Rate limit", s)
	}
}

func rateLimitSummary(rl *formats.RateLimit) string {
	var parts []string
	if rl.Remaining != nil {
		parts = append(parts, strconv.FormatInt(*rl.Remaining, 10)+" remaining")
	}
	if rl.Limit != nil {
		parts = append(parts, "of "+strconv.FormatInt(*rl.Limit, 10))
	}
	if rl.ResetSeconds != nil {
		parts = append(parts, "resets in "+fmtSeconds(*rl.ResetSeconds))
	}
	if rl.Header != "" {
		parts = append(parts, "("+rl.Header+")")
	}
	return strings.Join(parts, " ")
}

func fmtSeconds(s float64) string {
	return strconv.FormatFloat(s, 'f', -1, 64) + " s"
}

// fieldErrors draws a two-column table, the field column as wide as its
// longest name (up to a third of the width).
func (w *diagWriter) fieldErrors(fes []formats.FieldError) {
	if len(fes) == 0 {
		return
	}
	w.heading("Field errors")
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
		lines := strings.Split(ansi.Wrap(msg, max(w.width-col-4, 10), ""), "\n")
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
func (w *diagWriter) steps(steps []formats.Step, recovery []string) {
	if len(steps) == 0 {
		for _, r := range recovery {
			steps = append(steps, formats.Step{Text: r})
		}
	}
	if len(steps) == 0 {
		return
	}
	w.heading("What to do")
	digits := len(strconv.Itoa(len(steps)))
	for i, s := range steps {
		num := fmt.Sprintf("%*d. ", digits, i+1)
		indent := strings.Repeat(" ", 2+len(num))
		text := Inert(s.Text, false)
		lines := strings.Split(ansi.Wrap(text, w.width-len(indent), ""), "\n")
		for j, l := range lines {
			if j == 0 {
				w.line("  " + w.st.paint(w.st.Number, num) + l)
			} else {
				w.line(indent + l)
			}
		}
		if s.Source != "" {
			w.line(indent + w.st.paint(w.st.Muted, "source: "+Inert(s.Source, false)))
		}
	}
}
