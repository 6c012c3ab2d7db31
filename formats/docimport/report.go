package docimport

import (
	"fmt"
	"sort"
	"strings"

	"github.com/apierr/apierr/formats"
)

// Kinds of input, as kept in Report.Kind.
const (
	KindHTML     = "html"
	KindMarkdown = "markdown"
	KindText     = "text"
)

// Report says what Import found in a page and what it could not use. Its
// JSON form is printed by `apierr apis import --json`.
type Report struct {
	// Kind is how the page was read: html, markdown or text.
	Kind string `json:"kind"`
	// Format is the error body family recognized in the page's example
	// bodies, "" when it has none.
	Format string `json:"format"`
	// StatusRows, ErrorCodeRows, FieldRows and Examples count what each
	// table of the profile received.
	StatusRows    int `json:"status_rows"`
	ErrorCodeRows int `json:"error_code_rows"`
	FieldRows     int `json:"field_rows"`
	Examples      int `json:"examples"`
	// AdviceStatuses lists the statuses that got advice, ascending: a
	// troubleshooting section, or an action in their status table row.
	AdviceStatuses []int `json:"advice_statuses"`
	// AdviceClasses lists the status classes that got advice ("4xx").
	AdviceClasses []string `json:"advice_classes"`
	// Placed explains choices that were made from the docs' own words
	// (a section title matched to a status through the status table).
	Placed []string `json:"placed"`
	// Unplaced lists text that looked meaningful but fit no table.
	Unplaced []string `json:"unplaced"`
	// Warnings lists everything ambiguous or lossy: conflicting rows,
	// missing cells, unknown statuses, undecodable bytes.
	Warnings []string `json:"warnings"`

	moreWarnings, morePlaced, moreUnplaced int
}

// Found reports whether the page gave anything a profile can use: a
// status row, an error code or a piece of advice.
func (r Report) Found() bool {
	return r.StatusRows > 0 || r.ErrorCodeRows > 0 || len(r.AdviceStatuses) > 0 || len(r.AdviceClasses) > 0
}

// Lines renders the report as short lines for a person, most useful
// first. Text quoted from the page is not made inert here.
func (r Report) Lines() []string {
	out := []string{
		fmt.Sprintf("read as %s", r.Kind),
		fmt.Sprintf("status codes: %d rows", r.StatusRows),
		fmt.Sprintf("error codes: %d rows", r.ErrorCodeRows),
		fmt.Sprintf("body fields: %d rows", r.FieldRows),
	}
	if r.Format != "" {
		out = append(out, fmt.Sprintf("error body format: %s (from %d example bodies)", r.Format, r.Examples))
	} else {
		out = append(out, fmt.Sprintf("error body format: not recognized (%d example bodies)", r.Examples))
	}
	adv := make([]string, 0, len(r.AdviceStatuses)+len(r.AdviceClasses))
	for _, s := range r.AdviceStatuses {
		adv = append(adv, fmt.Sprint(s))
	}
	adv = append(adv, r.AdviceClasses...)
	if len(adv) == 0 {
		out = append(out, "advice: none found")
	} else {
		out = append(out, "advice for: "+strings.Join(adv, ", "))
	}
	for _, p := range r.Placed {
		out = append(out, "placed: "+p)
	}
	for _, u := range r.Unplaced {
		out = append(out, "not placed: "+u)
	}
	for _, w := range r.Warnings {
		out = append(out, "warning: "+w)
	}
	return out
}

// maxLines bounds each list of the report: a broken page can produce
// thousands of the same remark, and a person reads the first few.
const maxLines = 30

func (r *Report) warnf(format string, args ...any) {
	r.Warnings = appendCapped(r.Warnings, fmt.Sprintf(format, args...), &r.moreWarnings)
}

func (r *Report) placedf(format string, args ...any) {
	r.Placed = appendCapped(r.Placed, fmt.Sprintf(format, args...), &r.morePlaced)
}

func (r *Report) unplaced(what string) {
	r.Unplaced = appendCapped(r.Unplaced, clip(what, 160), &r.moreUnplaced)
}

func appendCapped(list []string, s string, more *int) []string {
	if len(list) >= maxLines {
		*more++
		return list
	}
	return append(list, s)
}

// finish fills the counts from the finished profile so that the report
// can never disagree with what is saved.
func (r *Report) finish(p formats.Profile) {
	for _, m := range []struct {
		list *[]string
		n    int
	}{{&r.Warnings, r.moreWarnings}, {&r.Placed, r.morePlaced}, {&r.Unplaced, r.moreUnplaced}} {
		if m.n > 0 {
			*m.list = append(*m.list, fmt.Sprintf("… and %d more like these", m.n))
		}
	}
	r.Format = p.Format
	r.StatusRows = len(p.Statuses)
	r.ErrorCodeRows = len(p.ErrorCodes)
	r.FieldRows = len(p.Fields)
	r.Examples = len(p.Examples)
	seen := map[int]bool{}
	classes := map[string]bool{}
	r.AdviceStatuses, r.AdviceClasses = nil, nil
	for _, a := range p.Advice {
		for _, s := range a.Statuses {
			if !seen[s] {
				seen[s] = true
				r.AdviceStatuses = append(r.AdviceStatuses, s)
			}
		}
		for _, c := range a.Classes {
			if !classes[c] {
				classes[c] = true
				r.AdviceClasses = append(r.AdviceClasses, c)
			}
		}
	}
	// A status row's action column ("Retry? Yes") is advice for it too.
	for _, st := range p.Statuses {
		if st.Action != "" && !seen[st.Code] {
			seen[st.Code] = true
			r.AdviceStatuses = append(r.AdviceStatuses, st.Code)
		}
	}
	sort.Ints(r.AdviceStatuses)
	sort.Strings(r.AdviceClasses)
	// Lists are [] rather than null in the JSON report.
	if r.AdviceStatuses == nil {
		r.AdviceStatuses = []int{}
	}
	for _, l := range []*[]string{&r.AdviceClasses, &r.Placed, &r.Unplaced, &r.Warnings} {
		if *l == nil {
			*l = []string{}
		}
	}
}

// clip shortens s to at most n runes for quoting in a report line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
