package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

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
	u := lineDiff(fmt.Sprintf("saved #%d (%s)", saved.ID, saved.Time.Local().Format("2006-01-02 15:04:05")),
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

// lineDiff is a unified diff that compares whole lines. udiff.Unified
// diffs characters and then widens each change to its lines, so a line
// both sides share next to a change ("body:", "{") shows up as removed
// and added again. Here each distinct line is first turned into one rune
// (from U+10000 on, four bytes each in UTF-8), so the character diff of
// those runes is a line diff.
func lineDiff(fromLabel, toLabel, before, after string) string {
	ids := map[string]rune{}
	var lines []string
	encode := func(text string) (string, []int, bool) {
		var b strings.Builder
		offsets := []int{0} // byte offset in text of each line, and the end
		for _, l := range strings.SplitAfter(text, "\n") {
			if l == "" {
				continue
			}
			r, ok := ids[l]
			if !ok {
				r = rune(0x10000 + len(lines))
				if r > utf8.MaxRune {
					return "", nil, false
				}
				ids[l] = r
				lines = append(lines, l)
			}
			b.WriteRune(r)
			offsets = append(offsets, offsets[len(offsets)-1]+len(l))
		}
		return b.String(), offsets, true
	}
	eb, offsets, ok1 := encode(before)
	ea, _, ok2 := encode(after)
	if !ok1 || !ok2 {
		return udiff.Unified(fromLabel, toLabel, before, after)
	}
	var edits []udiff.Edit
	for _, e := range udiff.Strings(eb, ea) {
		var repl strings.Builder
		for _, r := range e.New {
			repl.WriteString(lines[r-0x10000])
		}
		edits = append(edits, udiff.Edit{Start: offsets[e.Start/4], End: offsets[e.End/4], New: repl.String()})
	}
	u, err := udiff.ToUnified(fromLabel, toLabel, before, edits, udiff.DefaultContextLines)
	if err != nil {
		return udiff.Unified(fromLabel, toLabel, before, after)
	}
	return u
}
