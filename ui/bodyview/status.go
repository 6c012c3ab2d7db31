package bodyview

import (
	"github.com/apierr/apierr/ui/render"

	"fmt"
	"strconv"
	"strings"
)

// Status is a one-line summary of what is shown and why it looks as it
// does: "JSON · 1 204 lines · highlighted", "JSON · 50.0 MiB · 3 510 082
// lines · plain (over the 1 MiB highlight limit)", and during a search
// "match 3/17 on line 12 · …". The status line of View shows it; a
// parent may show it elsewhere.
func (m Model) Status() string {
	var parts []string
	switch {
	case m.searchBusy:
		parts = append(parts, fmt.Sprintf("searching for %q…", m.query))
	case m.query != "" && len(m.matches) == 0:
		parts = append(parts, fmt.Sprintf("no match for %q", m.query))
	case m.query != "":
		total := group(len(m.matches))
		if m.capped {
			total += "+"
		}
		// The line number finds the hit even where the terminal shows no
		// highlight (NO_COLOR).
		line := m.txt.lineOf(m.matches[max(m.cur, 0)].start) + 1
		parts = append(parts, fmt.Sprintf("match %s/%s on line %s", group(m.cur+1), total, group(line)))
	}
	if m.size == 0 {
		return strings.Join(append(parts, "empty body"), " · ")
	}
	parts = append(parts, m.kind.String())
	if m.size >= 64<<10 {
		parts = append(parts, humanSize(m.size))
	}
	n := m.txt.lineCount()
	unit := " lines"
	if n == 1 {
		unit = " line"
	}
	parts = append(parts, group(n)+unit)
	if m.formatting {
		parts = append(parts, "re-indenting…")
	}
	if m.note != "" {
		parts = append(parts, m.note)
	}
	switch {
	case m.hl != nil:
		parts = append(parts, "highlighted")
	case lexerKind(m.kind) && m.size > HighlightLimit:
		parts = append(parts, "plain (over the "+humanSize(HighlightLimit)+" highlight limit)")
	}
	return strings.Join(parts, " · ")
}

// lexerKind reports whether k has a highlighter at all.
func lexerKind(k kind) bool { return k != kindText }

// scrollLabel is the right end of the status line.
func scrollLabel(frac float64, fits bool) string {
	switch {
	case fits:
		return "all"
	case frac <= 0:
		return "top"
	case frac >= 1:
		return "end"
	}
	return strconv.Itoa(int(frac*100)) + "%"
}

// humanSize is render.Size: one unit system in every pane.
func humanSize(n int) string { return render.Size(int64(n)) }

// group writes n with a space between thousands: 3 510 082.
func group(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}
