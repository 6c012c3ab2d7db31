package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/ui/render"
)

// statusLine is what just happened, shown above the help line.
type statusLine struct {
	text string
	err  bool
}

// info is a status message; its arguments may hold server text (a
// request_id that was copied), so the whole line is made inert.
func info(format string, args ...any) statusLine {
	return statusLine{text: render.InertLine(fmt.Sprintf(format, args...))}
}

func failure(err error) statusLine {
	return statusLine{text: render.InertLine(err.Error()), err: true}
}

// renderStatus draws the status bar: the request in flight with its
// elapsed time, or the last message.
func renderStatus(s statusLine, sending bool, spin, target string, elapsed time.Duration, width int, st Styles) string {
	if sending {
		return cut(strings.TrimSpace(spin)+" "+st.Bold.Render("sending "+render.InertLine(target))+
			st.Muted.Render(fmt.Sprintf(" · %.1fs · esc cancels", elapsed.Seconds())), width)
	}
	text := strings.TrimSpace(s.text)
	if s.err {
		return cut(st.StatusError.Render(text), width)
	}
	return cut(st.StatusInfo.Render(text), width)
}

// summary is the status-bar line for a response that just arrived.
func summary(ex exchange.Exchange) string {
	d := ex.Diagnosis
	if ex.Response == nil {
		return "no response: " + render.InertLine(ex.Error)
	}
	parts := []string{fmt.Sprintf("%d %s", d.Status, d.StatusText)}
	if d.Format != "" {
		parts = append(parts, d.Format)
	}
	if d.API != "" {
		parts = append(parts, "api "+d.API)
	}
	if t := ex.Timings.Total.D(); t > 0 {
		parts = append(parts, fmtDuration(t))
	}
	return strings.Join(parts, " · ")
}
