package cli

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/ui/render"
)

func historyShow(env *Env, args []string) int {
	var asJSON bool
	f := cmdFlags{cmd: "history show", bools: map[string]*bool{"--json": &asJSON}}
	pos, help, err := f.parse(args)
	if help {
		fmt.Fprint(env.Stdout, historyUsage)
		return ExitOK
	}
	if err == nil && len(pos) != 1 {
		err = errors.New("give one ID or REQUEST_ID, e.g. 'apierr history show 12' (ids are in 'apierr history list')")
	}
	if err != nil {
		return env.Fail(ExitUsage, "history show: %v", err)
	}
	s, code := env.openHistory("show")
	if s == nil {
		return code
	}
	defer s.Close()
	e, err := findExchange(context.Background(), s, pos[0])
	if err != nil {
		return env.historyErr("show", err)
	}
	// Stored exchanges were redacted when saved; again here, for names
	// added to the config since.
	if r, err := env.Redactor(); err == nil {
		e = r.Exchange(e)
	}
	if asJSON {
		return env.historyJSON(e)
	}
	fmt.Fprint(env.Stdout, renderExchange(e, env.termWidth(), env.styles()))
	return ExitOK
}

// findExchange reads an id (digits) or a request_id or its prefix.
func findExchange(ctx context.Context, s *history.Store, ref string) (exchange.Exchange, error) {
	ref = strings.TrimPrefix(ref, "#")
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		e, err := s.Get(ctx, id)
		if !errors.Is(err, history.ErrNotFound) {
			return e, err
		}
		// All-digit request_ids exist too.
		if byRID, err2 := s.GetByRequestID(ctx, ref); err2 == nil {
			return byRID, nil
		}
		return e, err
	}
	return s.GetByRequestID(ctx, ref)
}

// renderExchange prints the whole exchange: where and when, the request,
// the response, timings and attempts, then the Diagnosis as explain
// prints it. Everything from the server is made inert.
func renderExchange(e exchange.Exchange, width int, st render.Styles) string {
	var b strings.Builder
	head := func(s string) {
		if st.Color {
			s = st.Heading.Render(s)
		}
		b.WriteString(s + "\n")
	}
	src := ""
	if e.Source != "" {
		src = " · from " + e.Source
	}
	head(fmt.Sprintf("Exchange #%d · %s UTC%s", e.ID, e.Time.UTC().Format("2006-01-02 15:04:05.000"), src))
	if e.Note != "" {
		fmt.Fprintf(&b, "Note: %s\n", render.InertLine(e.Note))
	}
	b.WriteString("\n")
	head("Request")
	if e.Request.Method == "" && e.Request.URL == "" {
		b.WriteString("(none: a response pasted into apierr explain --save)\n")
	} else {
		fmt.Fprintf(&b, "%s %s\n", render.InertLine(e.Request.Method), render.InertLine(e.Request.URL))
	}
	writeHeaders(&b, e.Request.Headers)
	if e.Request.Body != "" {
		b.WriteString("\n" + render.Inert(e.Request.Body, true) + "\n")
	}
	b.WriteString("\n")
	head("Response")
	if r := e.Response; r != nil {
		proto := r.Proto
		if proto == "" {
			proto = "HTTP/1.1"
		}
		fmt.Fprintf(&b, "%s %d %s\n", render.InertLine(proto), r.Status, http.StatusText(r.Status))
		writeHeaders(&b, r.Headers)
		if r.Body != "" {
			b.WriteString("\n" + render.Inert(r.Body, true) + "\n")
		}
		if r.Truncated {
			fmt.Fprintf(&b, "[body cut at %d of %d bytes]\n", len(r.Body), r.Size)
		}
	} else {
		fmt.Fprintf(&b, "no response: %s\n", render.InertLine(e.Error))
	}
	b.WriteString("\n")
	if line := timingLine(e.Timings); line != "" {
		fmt.Fprintf(&b, "Timings: %s\n", line)
	}
	for _, a := range e.Attempts {
		what := strconv.Itoa(a.Status)
		if a.Error != "" {
			what = render.InertLine(a.Error)
		}
		fmt.Fprintf(&b, "Attempt %d: %s after %s (waited %s)\n", a.N, what, ms(a.Duration), ms(a.Waited))
	}
	for _, h := range e.Redirects {
		fmt.Fprintf(&b, "Redirect: %d %s → %s\n", h.Status, render.InertLine(h.URL), render.InertLine(h.Location))
	}
	b.WriteString("\n")
	b.WriteString(render.Diagnosis(e.Diagnosis, width, st))
	return b.String()
}

func writeHeaders(b *strings.Builder, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			fmt.Fprintf(b, "%s: %s\n", render.InertLine(k), render.InertLine(v))
		}
	}
}

func timingLine(t exchange.Timings) string {
	var parts []string
	add := func(name string, d exchange.Duration) {
		if d > 0 {
			parts = append(parts, name+" "+ms(d))
		}
	}
	add("dns", t.DNS)
	add("connect", t.Connect)
	add("tls", t.TLS)
	add("ttfb", t.TTFB)
	add("transfer", t.Transfer)
	add("total", t.Total)
	if t.Reused {
		parts = append(parts, "(reused connection)")
	}
	return strings.Join(parts, " · ")
}

func ms(d exchange.Duration) string {
	return d.D().Round(100 * time.Microsecond).String()
}
