package ui

import (
	"cmp"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/ui/bodyview"
	"github.com/apierr/apierr/ui/render"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/dustin/go-humanize"
)

// responsePane shows the status line, the timing bar, the headers and,
// below them, the body viewer.
type responsePane struct {
	body bodyview.Model
	head string
	ex   *exchange.Exchange
	w, h int
}

func newResponsePane(noColor bool) responsePane {
	return responsePane{body: newBodyView(noColor)}
}

// set shows ex (nil clears the pane); the command re-indents a large body
// in the background.
func (p *responsePane) set(ex *exchange.Exchange, st Styles) tea.Cmd {
	p.ex = ex
	var body []byte
	ctype := ""
	if ex != nil && ex.Response != nil {
		body = []byte(ex.Response.Body)
		ctype = ex.Response.Headers.Get("Content-Type")
	}
	cmd := p.body.SetContent(body, ctype)
	p.layout(st)
	return cmd
}

// setSize gives the pane its inner size.
func (p *responsePane) setSize(w, h int, st Styles) {
	p.w, p.h = w, h
	p.layout(st)
}

// layout renders the head for the width and gives the body what is left.
func (p *responsePane) layout(st Styles) {
	// Headers get at most a third of the pane so the body stays visible.
	p.head = renderResponseHead(p.ex, p.w, max(p.h/3, 1), st)
	p.body.SetSize(p.w, max(p.h-lipgloss.Height(p.head), 0))
}

func (p responsePane) view(st Styles) string {
	if p.ex == nil {
		return st.Muted.Render(hang("No response yet: type a URL and press enter (or ctrl+s).", p.w, 0))
	}
	if p.ex.Response == nil {
		return p.head
	}
	return lipgloss.JoinVertical(lipgloss.Left, p.head, p.body.View())
}

// renderResponseHead is the status line, the timing bar and up to
// maxHeaders header lines, each cut to width. Header text from the server
// is made inert.
func renderResponseHead(ex *exchange.Exchange, width, maxHeaders int, st Styles) string {
	if ex == nil {
		return ""
	}
	var lines []string
	if ex.Response == nil {
		lines = append(lines, st.Transport.Render("no response:")+" "+render.InertLine(ex.Error))
		lines = append(lines, renderTimings(ex.Timings, width, st))
		return cutLines(lines, width)
	}
	r := ex.Response
	status := fmt.Sprintf("%s %d %s", cmp.Or(r.Proto, "HTTP"), r.Status, http.StatusText(r.Status))
	size := humanize.Bytes(uint64(max(r.Size, int64(len(r.Body)))))
	if r.Truncated {
		size += " (truncated)"
	}
	lines = append(lines, st.ForClass(ex.Diagnosis.StatusClass).Render(render.InertLine(status))+st.Muted.Render(" · "+size))
	lines = append(lines, renderTimings(ex.Timings, width, st))
	names := make([]string, 0, len(r.Headers))
	for k := range r.Headers {
		names = append(names, k)
	}
	sort.Strings(names)
	var hl []string
	for _, k := range names {
		for _, v := range r.Headers[k] {
			hl = append(hl, st.Label.Render(render.InertLine(k)+":")+" "+render.InertLine(v))
		}
	}
	if len(hl) > maxHeaders {
		more := len(hl) - maxHeaders + 1
		hl = append(hl[:maxHeaders-1], st.Muted.Render(fmt.Sprintf("… %d more headers", more)))
	}
	lines = append(lines, hl...)
	return cutLines(lines, width)
}

// renderTimings draws where the time went as one bar: each phase a run of
// blocks proportional to its share, then the figures.
func renderTimings(t exchange.Timings, width int, st Styles) string {
	total := t.Total.D()
	if total <= 0 {
		return st.Muted.Render("no timings")
	}
	phases := []struct {
		name string
		d    time.Duration
		s    lipgloss.Style
		r    string
	}{
		{"dns", t.DNS.D(), st.TimeDNS, "▒"},
		{"connect", t.Connect.D(), st.TimeConnect, "▓"},
		{"tls", t.TLS.D(), st.TimeTLS, "░"},
		{"ttfb", t.TTFB.D(), st.TimeTTFB, "█"},
		{"transfer", t.Transfer.D(), st.TimeTransfer, "▆"},
	}
	// The figures come first; the bar gets what is left of the line, 8
	// to 30 cells, and figures that still do not fit are left out.
	items := []string{"total " + fmtDuration(total)}
	for _, p := range phases {
		if p.d > 0 {
			items = append(items, p.name+" "+fmtDuration(p.d))
		}
	}
	if t.Reused {
		items = append(items, "reused connection")
	}
	full := strings.Join(items, ", ")
	barW := min(max(width-ansi.StringWidth(full)-1, 8), 30)
	if width < barW+1+ansi.StringWidth(items[0]) {
		return items[0]
	}
	text := items[0]
	for _, it := range items[1:] {
		if next := text + ", " + it; barW+1+ansi.StringWidth(next) <= width {
			text = next
		}
	}
	var bar strings.Builder
	used := 0
	for _, p := range phases {
		n := int(float64(barW) * float64(p.d) / float64(total))
		if p.d > 0 && n == 0 {
			n = 1
		}
		n = min(n, barW-used)
		used += n
		bar.WriteString(p.s.Render(strings.Repeat(p.r, n)))
	}
	bar.WriteString(strings.Repeat(" ", barW-used))
	return bar.String() + " " + st.Muted.Render(text)
}

func fmtDuration(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2fs", d.Seconds())
	case d >= 10*time.Millisecond:
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond))
}

// cutLines joins lines, each truncated to width with an ellipsis.
func cutLines(lines []string, width int) string {
	for i, l := range lines {
		if width > 0 && ansi.StringWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "…")
		}
	}
	return strings.Join(lines, "\n")
}
