package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// diagnosisPane shows what apierr concluded about the shown response, in a
// scrollable viewport re-rendered when the diagnosis, the width or the
// Retry-After countdown changes.
type diagnosisPane struct {
	vp      viewport.Model
	d       *formats.Diagnosis
	retryAt time.Time
	// note is the note a person attached to the exchange in history.
	note string
	// reg holds the profiles, to name their documents.
	reg *formats.Registry
}

func newDiagnosisPane() diagnosisPane { return diagnosisPane{vp: viewport.New(0, 0)} }

// set shows d; retryAt is when Retry-After elapses (zero when none).
func (p *diagnosisPane) set(d *formats.Diagnosis, retryAt time.Time, st Styles, now time.Time) {
	p.d, p.retryAt = d, retryAt
	p.refresh(st, now)
	p.vp.GotoTop()
}

func (p *diagnosisPane) setSize(w, h int, st Styles, now time.Time) {
	p.vp.Width, p.vp.Height = max(w, 0), max(h, 0)
	p.refresh(st, now)
}

// refresh re-renders the content, keeping the scroll position.
func (p *diagnosisPane) refresh(st Styles, now time.Time) {
	if p.d == nil {
		p.vp.SetContent(st.Muted.Render("The diagnosis of the response shows here."))
		return
	}
	off := p.vp.YOffset
	text := renderDiagnosisWith(*p.d, p.vp.Width, st, countdown(p.retryAt, now), p.reg, p.retryAt)
	if p.note != "" {
		text = st.Label.Render(fmt.Sprintf("%-11s", "Note")) + hang(render.InertLine(p.note), max(p.vp.Width, 20)-11, 11) + "\n" + text
	}
	p.vp.SetContent(text)
	p.vp.SetYOffset(off)
}

// counting reports whether a Retry-After countdown is still running.
func (p diagnosisPane) counting(now time.Time) bool {
	return !p.retryAt.IsZero() && now.Before(p.retryAt)
}

func (p diagnosisPane) update(msg tea.Msg) (diagnosisPane, tea.Cmd) {
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

func (p diagnosisPane) view() string { return p.vp.View() }

// countdown is the time left until retryAt: nil when there is no
// Retry-After, zero or less once it elapsed.
func countdown(retryAt, now time.Time) *time.Duration {
	if retryAt.IsZero() {
		return nil
	}
	left := retryAt.Sub(now)
	return &left
}

// retryDeadline is when the Retry-After of d elapses, counted from when
// the response was received; zero when the status is not 429 or 503 or
// the response said nothing.
func retryDeadline(d formats.Diagnosis, received time.Time) time.Time {
	if d.RetryAfterSeconds == nil || (d.Status != 429 && d.Status != 503) {
		return time.Time{}
	}
	return received.Add(time.Duration(*d.RetryAfterSeconds * float64(time.Second)))
}

// renderDiagnosis is the diagnosis pane's text for one width: headline,
// profile, message, request_id, retry, meaning, numbered recovery steps
// with their sources, field errors, extra members and notes. Text that
// came from the server is made inert.
func renderDiagnosis(d formats.Diagnosis, width int, st Styles, retryLeft *time.Duration) string {
	return renderDiagnosisWith(d, width, st, retryLeft, nil, time.Time{})
}

// renderDiagnosisWith is renderDiagnosis naming the profile's document by
// the profile's title and docs URL, looked up in reg (the built-in
// profiles when nil).
func renderDiagnosisWith(d formats.Diagnosis, width int, st Styles, retryLeft *time.Duration, reg *formats.Registry, until time.Time) string {
	source := render.SourceLabel(d, reg)
	width = max(width, 20)
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	field := func(label, value string) {
		if value == "" {
			return
		}
		pad := st.Label.Render(fmt.Sprintf("%-11s", label))
		line(pad + hang(value, width-11, 11))
	}

	// Headline: status and class.
	if d.Status == 0 {
		head := "no response"
		if d.TransportKind != "" {
			head += " · " + d.TransportKind
		}
		line(st.Transport.Render(head))
	} else {
		line(st.ForClass(d.StatusClass).Render(fmt.Sprintf("%d %s", d.Status, d.StatusText)) +
			st.Muted.Render(" · "+strings.ReplaceAll(d.StatusClass, "_", " ")))
	}
	sections := formats.Sections(d)
	if len(sections) == 0 || sections[0].Title != "" {
		sections = append([]formats.Section{{}}, sections...)
	}
	for _, sec := range sections {
		if sec.Title != "" {
			line("")
			line(st.Heading.Render(sec.Title))
		}
		switch {
		case sec.Title == "":
			summaryFields(d, sec.Fields, field, width, st, retryLeft, until)
		case len(sec.FieldErrors) > 0:
			b.WriteString(renderFieldErrors(sec.FieldErrors, width, st))
		case len(sec.Steps) > 0:
			for i, s := range sec.Steps {
				num := fmt.Sprintf("%d. ", i+1)
				line(num + hang(render.InertLine(s.Text), width-len(num), len(num)))
				// A run of steps from one document is followed by its name once.
				if s.Source != "" && (i+1 == len(sec.Steps) || sec.Steps[i+1].Source != s.Source) {
					line(strings.Repeat(" ", len(num)) + st.Muted.Render(hang("— "+render.InertLine(source(s.Source)), width-len(num), len(num)+2)))
				}
			}
		case len(sec.Fields) > 0:
			for _, f := range sec.Fields {
				if f.Key == formats.FieldExtra {
					line(cut(st.Label.Render(render.InertLine(f.Label)+": ")+render.InertLine(f.Value), width))
					continue
				}
				field(f.Label, render.InertLine(f.Value))
			}
		case sec.Title == formats.SectionNotes:
			for _, n := range sec.Paragraphs {
				line(st.Warn.Render(hang(render.InertLine(n), width, 0)))
			}
		default:
			for _, para := range sec.Paragraphs {
				line(hang(render.Inert(para, true), width, 0))
			}
		}
	}
	if len(d.Steps) == 0 && len(d.Recovery) == 0 && len(d.Sources) > 0 {
		line(st.Muted.Render(hang("Sources: "+render.InertLine(strings.Join(d.Sources, "; ")), width, 0)))
	}
	return strings.TrimRight(b.String(), "\n")
}

// summaryFields draws the summary with the TUI's own touches: the API
// line says ctrl+p switches, the request_id that ctrl+y copies it, and the
// retry counts Retry-After down.
func summaryFields(d formats.Diagnosis, fields []formats.Field, field func(string, string), width int, st Styles, retryLeft *time.Duration, until time.Time) {
	hasAPI := false
	for _, f := range fields {
		switch f.Key {
		case formats.FieldFormat, formats.FieldFailure:
			field(f.Label, f.Value)
		case formats.FieldAPI:
			hasAPI = true
			if d.Status != 0 || d.API != "" {
				field("API", apiLine(d))
			}
		case formats.FieldMessage:
			field(f.Label, capLines(render.InertLine(f.Value), width-11, messageLines, st))
		case formats.FieldRequestID:
			v := st.Bold.Render(render.InertLine(d.RequestID)) + "  " + st.Key.Render("ctrl+y copies")
			if d.RequestIDSource != "" {
				v += st.Muted.Render(" · from " + render.InertLine(d.RequestIDSource))
			}
			field("request_id", v)
		case formats.FieldRetry:
			field("Retry", retryLine(d, retryLeft, until, st))
		default:
			field(f.Label, render.InertLine(f.Value))
		}
		// The API line comes right after the format, even when no
		// profile matched: it says how to pick one.
		if f.Key == formats.FieldFormat && !hasAPI && d.API == "" && d.APIMatch == "" && d.Status != 0 {
			field("API", apiLine(d))
			hasAPI = true
		}
	}
}

// retryLine is the summary's Retry value: the Retry-After countdown when
// there is one, else whether a resend may work and whose side acts.
func retryLine(d formats.Diagnosis, retryLeft *time.Duration, until time.Time, st Styles) string {
	switch {
	case retryLeft != nil && *retryLeft > 0:
		wait := "wait " + formats.DescribeWait(retryLeft.Seconds())
		if retryLeft.Hours() >= 1 && !until.IsZero() {
			// A long wait reads better with the clock time it ends.
			wait += " (until " + until.UTC().Format("2006-01-02 15:04") + " UTC)"
		}
		return st.Warn.Render(wait + " before retrying (Retry-After)")
	case retryLeft != nil:
		return st.OK.Render("Retry-After has elapsed: you may retry now")
	case d.Status < 400:
		return ""
	}
	retry := "no: it fails again unchanged"
	if d.Retryable {
		retry = "yes: sending it again may work"
	}
	if who := whoActsText[d.WhoActs]; who != "" {
		retry += " · " + who
	}
	return retry
}

// whoActsText says whose side must act, as the Retry line ends.
var whoActsText = map[string]string{
	formats.ActClient: "your side acts",
	formats.ActServer: "the server's side acts",
	formats.ActEither: "either side may act",
}

// messageLines is how many lines the body's message may take: a large or
// endless body whose start is taken as the message must not push the
// request_id and the advice off screen.
const messageLines = 4

// capLines keeps the first n wrapped lines of s at width, ending the last
// with a pointer to the whole text.
func capLines(s string, width, n int, st Styles) string {
	if width < 10 {
		return s
	}
	lines := strings.Split(wrapWords(s, width), "\n")
	if len(lines) <= n {
		return s
	}
	const more = "more in the Response pane"
	last := ansi.Truncate(lines[n-1], max(width-ansi.StringWidth(more)-2, 1), "")
	return strings.Join(append(lines[:n-1], strings.TrimRight(last, " ")+"… "+st.Muted.Render(more)), " ")
}

// diagnosisSteps prefers Steps (with sources) and falls back to Recovery.
func diagnosisSteps(d formats.Diagnosis) []formats.Step {
	if len(d.Steps) > 0 {
		return d.Steps
	}
	out := make([]formats.Step, len(d.Recovery))
	for i, r := range d.Recovery {
		out[i] = formats.Step{Text: r}
	}
	return out
}

// apiLine says which profile explained the response and how it was chosen.
func apiLine(d formats.Diagnosis) string {
	if d.API == "" {
		if d.APIMatch != "" {
			return render.InertLine(d.APIMatch) + " (generic explanation) · ctrl+p switches"
		}
		return "no API profile matched (generic explanation) · ctrl+p picks one"
	}
	s := d.API
	if d.APITitle != "" {
		s = d.APITitle + " (" + d.API + ")"
	}
	switch m := d.APIMatch; {
	case m == "":
		s += ", reason not recorded"
	case m == "--api":
		s += ", as chosen"
	case matcherReason(m):
		s += ", matched by " + m
	default:
		// A choice of the TUI's, said as it was made.
		s += ", " + m
	}
	return render.InertLine(s) + " · ctrl+p switches"
}

// matcherReason reports whether how is one of formats.Match's own
// reasons ("host api.occuspace.io", "problem type URI", ...), which read
// after "matched by".
func matcherReason(how string) bool {
	for _, p := range []string{"host ", "problem type URI", "instance path", "error code vocabulary"} {
		if strings.HasPrefix(how, p) {
			return true
		}
	}
	return false
}

// renderFieldErrors is a two- or three-column table cut to width.
func renderFieldErrors(fe []formats.FieldError, width int, st Styles) string {
	fw, hasCode := len("FIELD"), false
	for _, f := range fe {
		fw = max(fw, ansi.StringWidth(render.InertLine(f.Field)))
		hasCode = hasCode || f.Code != ""
	}
	fw = min(fw, max(width/3, 8))
	var b strings.Builder
	head := fmt.Sprintf("%-*s  %s", fw, "FIELD", "MESSAGE")
	if hasCode {
		head += "  (CODE)"
	}
	b.WriteString(st.Label.Render(cut(head, width)) + "\n")
	for _, f := range fe {
		name := cut(render.InertLine(f.Field), fw)
		msg := render.InertLine(f.Message)
		if f.Code != "" {
			msg += " (" + render.InertLine(f.Code) + ")"
		}
		pad := strings.Repeat(" ", fw-ansi.StringWidth(name))
		b.WriteString(name + pad + "  " + hang(msg, width-fw-2, fw+2) + "\n")
	}
	return b.String()
}

// hang wraps s to width and indents continuation lines by indent spaces.
func hang(s string, width, indent int) string {
	if width < 10 {
		return s
	}
	return strings.ReplaceAll(wrapWords(s, width), "\n", "\n"+strings.Repeat(" ", indent))
}

// wrapWords wraps at spaces only, so ids such as error-object stay whole.
func wrapWords(s string, width int) string { return render.Wrap(s, width) }

// cut truncates s to width cells with an ellipsis.
func cut(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}
