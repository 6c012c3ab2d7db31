package cli

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// sendPreviewBytes and sendPreviewLines bound the body shown by send: the
// Diagnosis carries the message; the body is there to glance at.
const (
	sendPreviewBytes = 2048
	sendPreviewLines = 20
	sendBarWidth     = 30
)

// renderSend is send's text output: the request, the TLS warning,
// the response line, redirects and attempts, the timing breakdown, the
// headers worth seeing, a body preview and the Diagnosis. Everything the
// server sent is made inert.
func renderSend(ex exchange.Exchange, width int, st render.Styles) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s); b.WriteByte('\n') }
	heading := func(s string) { line(""); line(sendPaint(st, st.Heading, s)) }

	line(sendPaint(st, st.Label, "Request   ") + render.InertLine(ex.Request.Method+" "+ex.Request.URL))
	if ex.Insecure {
		line(sendPaint(st, st.Warn, "Insecure  TLS certificate NOT verified (-k/--insecure): the server's identity was not checked"))
	}
	if r := ex.Response; r != nil {
		size := probe.FormatSize(r.Size)
		if r.Truncated {
			size = "first " + probe.FormatSize(int64(len(r.Body))) + " kept of more than " + probe.FormatSize(r.Size-1)
		}
		if enc := r.Headers.Get("Content-Encoding"); enc != "" {
			size += ", " + probe.FormatSize(r.WireSize) + " on the wire (" + render.InertLine(enc) + ")"
		}
		status := fmt.Sprintf("%s %d %s", render.InertLine(r.Proto), r.Status, http.StatusText(r.Status))
		line(sendPaint(st, st.Label, "Response  ") + strings.TrimSpace(status) + ", body " + size)
	}

	if len(ex.Redirects) > 0 {
		heading("Redirects")
		for _, h := range ex.Redirects {
			line(fmt.Sprintf("  %d  %s", h.Status, render.InertLine(h.URL)))
			line("       -> " + render.InertLine(h.Location))
		}
	}
	if len(ex.Attempts) > 1 {
		heading("Attempts")
		for _, a := range ex.Attempts {
			outcome := fmt.Sprint(a.Status)
			if a.Error != "" {
				outcome = render.InertLine(a.Error)
			}
			line(fmt.Sprintf("  %d. after waiting %-8s took %-8s %s", a.N, sendMS(a.Waited.D()), sendMS(a.Duration.D()), outcome))
		}
	}
	sendTimings(&b, ex.Timings, ex.Response == nil, st)
	sendHeaders(&b, ex.Response, st)
	sendBody(&b, ex.Response, st)
	line("")
	b.WriteString(render.Diagnosis(clipDiagnosis(ex.Diagnosis), width, st))
	return b.String()
}

// sendTimings draws one bar per phase, scaled to the longest. When no
// answer came, the time the phases do not account for (spent waiting on
// the phase that never finished: a timeout) gets a bar of its own, so a
// 0.1 ms connect is not drawn as where a 30 s timeout went.
func sendTimings(b *strings.Builder, t exchange.Timings, failed bool, st render.Styles) {
	if t.Total <= 0 {
		return
	}
	b.WriteString("\n" + sendPaint(st, st.Heading, "Timing") + "  " + sendMS(t.Total.D()) + " total")
	if t.Reused {
		b.WriteString(sendPaint(st, st.Muted, "  (connection reused: no DNS, connect or TLS)"))
	}
	b.WriteByte('\n')
	phases := []struct {
		name string
		d    time.Duration
	}{
		{"dns", t.DNS.D()}, {"connect", t.Connect.D()}, {"tls", t.TLS.D()},
		{"waiting", t.TTFB.D()}, {"transfer", t.Transfer.D()},
	}
	if failed {
		var sum time.Duration
		for _, p := range phases {
			sum += p.d
		}
		// Bookkeeping around a quick failure (refused, reset) is not
		// worth a bar; a wait that outlasts every phase is.
		if rest := t.Total.D() - sum; rest >= 10*time.Millisecond && rest > sum {
			phases = append(phases, struct {
				name string
				d    time.Duration
			}{"no answer", rest})
		}
	}
	longest := time.Duration(1)
	for _, p := range phases {
		longest = max(longest, p.d)
	}
	for _, p := range phases {
		if p.d <= 0 {
			continue // a phase that did not happen (reused connection, no TLS, failure before it)
		}
		n := int(int64(p.d) * sendBarWidth / int64(longest))
		if n == 0 && p.d > 0 {
			n = 1
		}
		fmt.Fprintf(b, "  %-9s %9s  %s\n", sendPaint(st, st.Label, p.name), sendMS(p.d), sendPaint(st, st.Number, strings.Repeat("█", n)))
	}
}

// sendMS writes a duration in milliseconds (seconds from one second up).
func sendMS(d time.Duration) string {
	if d >= time.Second {
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

// sendNotableHeaders are the response headers send shows: what explains an
// error (type, length, retry, auth challenge, redirect target), request
// ids, rate limits and the server's name.
var sendNotableHeaders = []string{
	"Content-Type", "Content-Length", "Content-Encoding", "Location", "Retry-After", "Www-Authenticate",
	"X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Amzn-Requestid", "X-Amz-Request-Id",
	"X-Github-Request-Id", "X-Ms-Request-Id", "Cf-Ray", "Traceparent", "X-Trace-Id",
	"Ratelimit", "Ratelimit-Policy", "Ratelimit-Limit", "Ratelimit-Remaining", "Ratelimit-Reset",
	"X-Ratelimit-Limit", "X-Ratelimit-Remaining", "X-Ratelimit-Reset", "Server", "Via",
}

func sendHeaders(b *strings.Builder, r *exchange.Response, st render.Styles) {
	if r == nil || len(r.Headers) == 0 {
		return
	}
	var rows [][2]string
	for _, name := range sendNotableHeaders {
		if vs := r.Headers.Values(name); len(vs) > 0 {
			rows = append(rows, [2]string{name, strings.Join(vs, ", ")})
		}
	}
	b.WriteString("\n" + sendPaint(st, st.Heading, "Headers"))
	if hidden := len(r.Headers) - len(rows); hidden > 0 {
		b.WriteString(sendPaint(st, st.Muted, fmt.Sprintf("  (%d more in --json)", hidden)))
	}
	b.WriteByte('\n')
	for _, row := range rows {
		v := ansi.Truncate(render.InertLine(row[1]), 100, "…")
		fmt.Fprintf(b, "  %s %s\n", sendPaint(st, st.Label, row[0]+":"), v)
	}
}

// sendBody shows the start of the body, inert, at most
// sendPreviewLines lines of sendPreviewBytes.
func sendBody(b *strings.Builder, r *exchange.Response, st render.Styles) {
	if r == nil || r.Body == "" {
		return
	}
	body, cut := r.Body, false
	if len(body) > sendPreviewBytes {
		body, cut = body[:sendPreviewBytes], true
	}
	lines := strings.Split(strings.TrimRight(render.Inert(body, true), "\n"), "\n")
	if len(lines) > sendPreviewLines {
		lines, cut = lines[:sendPreviewLines], true
	}
	b.WriteString("\n" + sendPaint(st, st.Heading, "Body") + "\n")
	for _, l := range lines {
		b.WriteString("  " + ansi.Truncate(l, 160, "…") + "\n")
	}
	if cut {
		b.WriteString(sendPaint(st, st.Muted, "  … (the whole body is in --json)") + "\n")
	}
}

// paint renders s in style on a colour terminal, and leaves it plain
// otherwise, so piped output has no escape sequences.
func sendPaint(st render.Styles, style lipgloss.Style, s string) string {
	if !st.Color || s == "" {
		return s
	}
	return style.Render(s)
}
