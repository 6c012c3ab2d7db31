package history

import (
	"cmp"
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	textinert "github.com/apierr/apierr/formats/inert"
	"github.com/apierr/apierr/formats/redact"
)

// Ticket limits: enough of the response for a vendor to recognize it,
// short enough to paste into a support form.
const (
	excerptLines = 40
	excerptBytes = 2048
)

// TicketData is the content of a support ticket; its JSON form is the
// `history ticket --format json` output.
type TicketData struct {
	RequestID       string       `json:"request_id"`
	RequestIDSource string       `json:"request_id_source"`
	Time            time.Time    `json:"time"`
	Method          string       `json:"method"`
	URL             string       `json:"url"`
	Status          int          `json:"status"`
	StatusText      string       `json:"status_text"`
	Error           string       `json:"error,omitempty"`
	Format          string       `json:"format"`
	Code            string       `json:"code"`
	Message         string       `json:"message"`
	API             string       `json:"api"`
	APITitle        string       `json:"api_title,omitempty"`
	Advice          []TicketStep `json:"advice"`
	Curl            string       `json:"curl"`
	Excerpt         string       `json:"response_excerpt"`
	Truncated       bool         `json:"excerpt_truncated"`
	Note            string       `json:"note,omitempty"`
	// Operation and Violations come from the API's OpenAPI document:
	// the operation called and where the request broke its rules.
	Operation  string              `json:"operation,omitempty"`
	Violations []formats.Violation `json:"violations,omitempty"`
}

// TicketStep is one piece of the docs' advice and where it came from.
type TicketStep struct {
	Text   string `json:"text"`
	Source string `json:"source"`
}

// Ticket renders a support ticket for e as "markdown", "text" or "json".
// curl is the command that reproduces the request (the caller renders it);
// everything, curl included, is redacted again here, and server text is
// made inert.
func Ticket(e exchange.Exchange, format, curl string) (string, error) {
	return ticket(e, format, curl, &redact.Redactor{})
}

// Ticket is the package's Ticket redacting with the store's names too.
func (s *Store) Ticket(e exchange.Exchange, format, curl string) (string, error) {
	return ticket(e, format, curl, &s.redactor)
}

// TicketWith is Ticket redacting with r, the redactor built from the
// user's config.
func TicketWith(r *redact.Redactor, e exchange.Exchange, format, curl string) (string, error) {
	return ticket(e, format, curl, r)
}

func ticket(e exchange.Exchange, format, curl string, r *redact.Redactor) (string, error) {
	// The curl command is redacted apart from the exchange, so it learns
	// the request's secrets first.
	d := TicketOf(r.Exchange(e), redactCurl(r.ForRequest(e.Request), curl))
	switch format {
	case "", "markdown", "md":
		return ticketMarkdown(d), nil
	case "text", "plain":
		return ticketText(d), nil
	case "json":
		b, err := textinert.MarshalIndent(d, "", "  ")
		return string(b) + "\n", err
	}
	return "", fmt.Errorf("unknown ticket format %q: use markdown, text or json", format)
}

// TicketOf gathers a ticket's content from an already redacted exchange.
func TicketOf(e exchange.Exchange, curl string) TicketData {
	dg := e.Diagnosis
	t := TicketData{
		RequestID: oneLine(dg.RequestID), RequestIDSource: oneLine(dg.RequestIDSource),
		Time: e.Time.UTC(), Method: oneLine(e.Request.Method), URL: oneLine(e.Request.URL),
		Status: dg.Status, StatusText: oneLine(dg.StatusText), Error: oneLine(e.Error),
		Format: oneLine(dg.Format), Code: oneLine(dg.Code), Message: oneLine(dg.Message),
		API: oneLine(dg.API), APITitle: oneLine(dg.APITitle), Curl: inert(curl), Note: oneLine(e.Note),
		Advice: []TicketStep{}, Operation: oneLine(dg.Operation),
	}
	for _, v := range dg.Violations {
		t.Violations = append(t.Violations, formats.Violation{In: v.In, Name: oneLine(v.Name), Value: oneLine(v.Value), Rule: oneLine(v.Rule), Source: oneLine(v.Source)})
	}
	if e.Response != nil && t.Status == 0 {
		t.Status = e.Response.Status
	}
	if t.StatusText == "" {
		t.StatusText = http.StatusText(t.Status)
	}
	for _, s := range dg.Steps {
		t.Advice = append(t.Advice, TicketStep{Text: oneLine(s.Text), Source: oneLine(s.Source)})
	}
	if len(dg.Steps) == 0 {
		for _, s := range dg.Recovery {
			t.Advice = append(t.Advice, TicketStep{Text: oneLine(s)})
		}
	}
	if e.Response != nil {
		t.Excerpt, t.Truncated = excerpt(e.Response)
	}
	return t
}

// excerpt is the status line, the headers worth quoting and the start of
// the body, made inert.
func excerpt(r *exchange.Response) (string, bool) {
	var b strings.Builder
	proto := r.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	fmt.Fprintf(&b, "%s %d %s\n", proto, r.Status, http.StatusText(r.Status))
	for _, k := range slices.Sorted(maps.Keys(r.Headers)) {
		if quotedHeader(k) {
			fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(r.Headers[k], ", "))
		}
	}
	b.WriteString("\n")
	body := r.Body
	cut := r.Truncated
	if len(body) > excerptBytes {
		body, cut = clip(body, excerptBytes), true
	}
	if lines := strings.SplitAfter(body, "\n"); len(lines) > excerptLines {
		body, cut = strings.Join(lines[:excerptLines], ""), true
	}
	b.WriteString(body)
	out := inert(strings.TrimRight(b.String(), "\n"))
	if cut {
		out += "\n[…]"
	}
	return out, cut
}

// quotedHeader keeps the response headers a vendor asks about.
func quotedHeader(name string) bool {
	n := strings.ToLower(name)
	switch n {
	case "content-type", "date", "retry-after", "www-authenticate", "server", "via", "cf-ray", "traceparent":
		return true
	}
	return strings.Contains(n, "request-id") || strings.Contains(n, "requestid") || strings.Contains(n, "correlation") ||
		strings.Contains(n, "trace-id") || strings.HasPrefix(n, "x-ratelimit") || strings.HasPrefix(n, "ratelimit")
}

var curlHeader = regexp.MustCompile(`((?:-H|--header)\s+)(['"])([^'":]+):\s*([^'"]*)(['"])`)
var curlURL = regexp.MustCompile(`https?://[^\s'"]+`)

// redactCurl redacts a curl command again: headers by name, URLs by
// parameter, and secret shapes anywhere.
func redactCurl(r *redact.Redactor, curl string) string {
	curl = curlHeader.ReplaceAllStringFunc(curl, func(m string) string {
		p := curlHeader.FindStringSubmatch(m)
		return p[1] + p[2] + p[3] + ": " + r.Header(p[3], p[4]) + p[5]
	})
	curl = curlURL.ReplaceAllStringFunc(curl, r.URL)
	return r.Text(curl)
}

// inert keeps tickets from carrying terminal control sequences or
// invisible text direction changes from a server's body: formats/inert's
// Text, the one the CLI and TUI use too, with CRs dropped.
func inert(s string) string {
	return textinert.Text(strings.ReplaceAll(s, "\r", ""), true)
}

// oneLine makes server text safe for a single line.
func oneLine(s string) string { return strings.ReplaceAll(inert(strings.TrimSpace(s)), "\n", " ") }

// ticketRow is one line of a ticket's summary.
type ticketRow struct{ label, value string }

// ticketPart is one titled part after the summary: numbered steps, or a
// block quoted as it is (code in lang).
type ticketPart struct {
	title, note string
	steps       []TicketStep
	block, lang string
}

// ticketLayout is what every ticket format shows, in one order: the
// summary rows, then what to do (titled as in the TUI and the CLI, by
// formats' sections), how to reproduce and the response excerpt. The
// Markdown and text tickets only write it out differently.
func ticketLayout(t TicketData) (title string, rows []ticketRow, parts []ticketPart) {
	title = fmt.Sprintf("%d %s", t.Status, t.StatusText)
	if t.Status == 0 {
		title = "no response"
	}
	row := func(k, v string) {
		if v != "" {
			rows = append(rows, ticketRow{k, v})
		}
	}
	rid := cmp.Or(t.RequestID, "(none found)")
	if t.RequestID != "" && t.RequestIDSource != "" {
		rid += " (" + t.RequestIDSource + ")"
	}
	row("request_id", rid)
	row("Time (UTC)", t.Time.Format("2006-01-02 15:04:05.000"))
	row("Request", t.Method+" "+t.URL)
	if t.Status != 0 {
		row("Status", title)
	}
	row("Transport error", t.Error)
	row("Error code", t.Code)
	row("Message", t.Message)
	row("API", apiName(t))
	row("Operation", t.Operation)
	row("Error format", t.Format)
	row("Note", t.Note)
	// The spec's violations are the first steps already (with their
	// rules and sources), so they are not listed twice.
	if len(t.Advice) > 0 {
		parts = append(parts, ticketPart{title: formats.SectionSteps, note: "the API's own docs first", steps: t.Advice})
	}
	if t.Curl != "" {
		parts = append(parts, ticketPart{title: "To reproduce", note: "secrets redacted", block: t.Curl, lang: "sh"})
	}
	if t.Excerpt != "" {
		parts = append(parts, ticketPart{title: "Response excerpt", block: t.Excerpt, lang: "http"})
	}
	return title, rows, parts
}

func ticketMarkdown(t TicketData) string {
	title, rows, parts := ticketLayout(t)
	var b strings.Builder
	fmt.Fprintf(&b, "### API error: %s — %s %s\n\n", title, t.Method, mdCode(t.URL))
	b.WriteString("| | |\n|---|---|\n")
	for _, r := range rows {
		v := r.value
		switch r.label {
		case "request_id":
			if t.RequestID != "" {
				v = mdCode(t.RequestID)
				if t.RequestIDSource != "" {
					v += " (" + t.RequestIDSource + ")"
				}
			}
		case "Request":
			v = t.Method + " " + mdCode(t.URL)
		case "Error code", "Operation":
			v = mdCode(v)
		}
		fmt.Fprintf(&b, "| %s | %s |\n", r.label, strings.ReplaceAll(v, "|", `\|`))
	}
	markdownParts.write(&b, parts)
	return b.String()
}

func ticketText(t TicketData) string {
	_, rows, parts := ticketLayout(t)
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%-16s %s\n", r.label+":", r.value)
	}
	textParts.write(&b, parts)
	return b.String()
}

// partStyle is how a ticket format writes its parts: the patterns of a
// heading (title, then " (note)" or ""), of a numbered step and of its
// source, and how a block is quoted.
type partStyle struct {
	head, step, source string
	block              func(b *strings.Builder, p ticketPart)
}

var markdownParts = partStyle{
	head: "\n**%s**%s\n\n", step: "%d. %s", source: " _(%s)_",
	block: func(b *strings.Builder, p ticketPart) {
		fence := fenceFor(p.block)
		fmt.Fprintf(b, "%s%s\n%s\n%s\n", fence, p.lang, p.block, fence)
	},
}

var textParts = partStyle{
	head: "\n%s%s:\n", step: "  %d. %s", source: " (%s)",
	block: func(b *strings.Builder, p ticketPart) {
		for _, l := range strings.Split(p.block, "\n") {
			b.WriteString("  " + l + "\n")
		}
	},
}

func (st partStyle) write(b *strings.Builder, parts []ticketPart) {
	for _, p := range parts {
		note := ""
		if p.note != "" {
			note = " (" + p.note + ")"
		}
		fmt.Fprintf(b, st.head, p.title, note)
		for i, s := range p.steps {
			fmt.Fprintf(b, st.step, i+1, s.Text)
			if s.Source != "" {
				fmt.Fprintf(b, st.source, s.Source)
			}
			b.WriteString("\n")
		}
		if p.block != "" {
			st.block(b, p)
		}
	}
}

func apiName(t TicketData) string {
	if t.APITitle != "" && t.API != "" {
		return t.APITitle + " (" + t.API + ")"
	}
	return t.API
}

// mdCode writes s as inline code, with a fence longer than any backtick
// run inside it.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	ticks := "`"
	for strings.Contains(s, ticks) {
		ticks += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return ticks + pad + s + pad + ticks
}

func fenceFor(s string) string {
	f := "```"
	for strings.Contains(s, f) {
		f += "`"
	}
	return f
}

// mdCodeIf is mdCode for a value that may be absent.
func mdCodeIf(s string) string {
	if s == "" {
		return ""
	}
	return mdCode(s)
}
