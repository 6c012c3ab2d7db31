package ui

import (
	"fmt"
	"strings"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/ui/render"
	"github.com/aymanbagabas/go-udiff"
)

// exchangeText is the part of an exchange the diff compares: status,
// diagnosis and body, one fact per line so the diff reads well.
func exchangeText(ex exchange.Exchange) string {
	var b strings.Builder
	d := ex.Diagnosis
	if ex.Response != nil {
		fmt.Fprintf(&b, "status: %d %s\n", ex.Response.Status, d.StatusText)
	} else {
		fmt.Fprintf(&b, "status: no response (%s)\n", ex.Error)
	}
	fmt.Fprintf(&b, "format: %s\n", d.Format)
	fmt.Fprintf(&b, "api: %s\n", d.API)
	fmt.Fprintf(&b, "code: %s\n", d.Code)
	fmt.Fprintf(&b, "title: %s\n", d.Title)
	fmt.Fprintf(&b, "message: %s\n", d.Message)
	fmt.Fprintf(&b, "request_id: %s\n", d.RequestID)
	for _, f := range d.FieldErrors {
		fmt.Fprintf(&b, "field error: %s: %s\n", f.Field, f.Message)
	}
	b.WriteString("body:\n")
	if ex.Response != nil {
		b.WriteString(prettyBody(ex.Response.Body))
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// renderDiff is a unified diff of the saved and the replayed exchange,
// coloured by line kind; server text is made inert.
func renderDiff(saved, replayed exchange.Exchange, st Styles) string {
	u := udiff.Unified(fmt.Sprintf("saved #%d (%s)", saved.ID, saved.Time.Local().Format("2006-01-02 15:04:05")),
		"replayed now", exchangeText(saved), exchangeText(replayed))
	if u == "" {
		return st.OK.Render("No difference: the replay got the same status, diagnosis and body.")
	}
	lines := strings.Split(strings.TrimRight(render.Inert(u, true), "\n"), "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "+++"), strings.HasPrefix(l, "---"):
			lines[i] = st.Bold.Render(l)
		case strings.HasPrefix(l, "+"):
			lines[i] = st.DiffAdd.Render(l)
		case strings.HasPrefix(l, "-"):
			lines[i] = st.DiffDel.Render(l)
		case strings.HasPrefix(l, "@@"):
			lines[i] = st.DiffHunk.Render(l)
		}
	}
	return strings.Join(lines, "\n")
}
