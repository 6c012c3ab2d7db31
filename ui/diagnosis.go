package ui

import (
	"fmt"
	"math"
	"sort"
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
	p.vp.SetContent(renderDiagnosis(*p.d, p.vp.Width, st, countdown(p.retryAt, now)))
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

	// Headline: status and format.
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
	if d.Format != "" {
		f := d.Format
		if d.FormatName != "" && d.FormatName != d.Format {
			f = d.FormatName + " (" + d.Format + ")"
		}
		field("Format", f)
	}
	if d.Status != 0 || d.API != "" {
		// A request that got no answer has no API to explain it.
		field("API", apiLine(d))
	}
	field("Operation", render.InertLine(d.Operation))
	field("Request", render.InertLine(render.SpecSummary(d)))
	if d.Title != "" && d.Title != d.StatusText && d.Title != d.Message {
		field("Title", render.InertLine(d.Title))
	}
	field("Message", render.InertLine(d.Message))
	field("Code", render.InertLine(d.Code))
	if d.RequestID != "" {
		v := st.Bold.Render(render.InertLine(d.RequestID)) + "  " + st.Key.Render("ctrl+y copies")
		if d.RequestIDSource != "" {
			v += st.Muted.Render(" · from " + render.InertLine(d.RequestIDSource))
		}
		field("request_id", v)
	}
	if retryLeft != nil {
		if *retryLeft > 0 {
			secs := int(math.Ceil(retryLeft.Seconds()))
			field("Retry", st.Warn.Render(fmt.Sprintf("wait %ds before retrying (Retry-After)", secs)))
		} else {
			field("Retry", st.OK.Render("Retry-After has elapsed: you may retry now"))
		}
	} else if d.Retryable && d.Status != 0 {
		field("Retry", "the request may succeed if sent again")
	}
	if d.RateLimit != nil && d.RateLimit.Summary != "" {
		field("Rate limit", render.InertLine(d.RateLimit.Summary))
	}
	if len(d.FieldErrors) > 0 {
		line("")
		line(st.Heading.Render("Field errors"))
		b.WriteString(renderFieldErrors(d.FieldErrors, width, st))
	}
	// The docs' steps come before the explanation: they are what a person
	// acts on.
	if steps := diagnosisSteps(d); len(steps) > 0 {
		line("")
		line(st.Heading.Render("What to do"))
		for i, s := range steps {
			num := fmt.Sprintf("%d. ", i+1)
			line(num + hang(render.InertLine(s.Text), width-len(num), len(num)))
			// A run of steps from one document is followed by its name once.
			if s.Source != "" && (i+1 == len(steps) || steps[i+1].Source != s.Source) {
				line(strings.Repeat(" ", len(num)) + st.Muted.Render("— "+render.InertLine(s.Source)))
			}
		}
	}
	if d.Explanation != "" {
		line("")
		line(st.Heading.Render("What it means"))
		for _, para := range strings.Split(render.Inert(d.Explanation, true), "\n") {
			if para = strings.TrimSpace(para); para != "" {
				line(hang(para, width, 0))
			}
		}
	}
	if len(d.Steps) == 0 && len(d.Sources) > 0 {
		line(st.Muted.Render(hang("Sources: "+render.InertLine(strings.Join(d.Sources, "; ")), width, 0)))
	}
	if d.Type != "" || d.Instance != "" || len(d.Extra) > 0 {
		line("")
		line(st.Heading.Render("Details"))
		field("Type", render.InertLine(d.Type))
		field("Instance", render.InertLine(d.Instance))
		keys := make([]string, 0, len(d.Extra))
		for k := range d.Extra {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			line(cut(st.Label.Render(render.InertLine(k)+": ")+render.InertLine(fmt.Sprint(d.Extra[k])), width))
		}
	}
	for _, n := range d.Notes {
		line(st.Warn.Render(hang("note: "+render.InertLine(n), width, 6)))
	}
	return strings.TrimRight(b.String(), "\n")
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
		return "no API profile matched (generic explanation) · ctrl+p picks one"
	}
	s := d.API
	if d.APITitle != "" {
		s = d.APITitle + " (" + d.API + ")"
	}
	switch d.APIMatch {
	case "":
	case "--api":
		s += ", as chosen"
	default:
		s += ", matched by " + d.APIMatch
	}
	return render.InertLine(s) + " · ctrl+p switches"
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
	wrapped := ansi.Wrap(s, width, "")
	return strings.ReplaceAll(wrapped, "\n", "\n"+strings.Repeat(" ", indent))
}

// cut truncates s to width cells with an ellipsis.
func cut(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}
