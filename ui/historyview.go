package ui

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"
)

// historyPage is how many rows one search asks for; more are fetched as
// the cursor nears the end, so the whole history is never loaded.
const historyPage = 100

// searchDebounce is how long typing must pause before the filter runs.
const searchDebounce = 150 * time.Millisecond

// historyBrowser lists saved exchanges, newest first, filtered live by the
// history query language.
type historyBrowser struct {
	query   textinput.Model
	rows    []entry
	list    listView
	tag     int  // tag of the search whose results are wanted
	loading bool // a search is in flight
	done    bool // the last page was short: nothing more to fetch
	err     error
	width   int
	live    int // the current live-refresh chain (team stores)
}

func newHistoryBrowser() historyBrowser {
	q := textinput.New()
	q.Prompt = "filter: "
	q.Placeholder = "text, status:4xx, code:, rid:, host:, method:, api:, after:2024-01-01, is:error …"
	q.CharLimit = 500
	return historyBrowser{query: q}
}

// begin starts a new search from the first page; the caller runs the
// returned tag's command.
func (h *historyBrowser) begin() int {
	h.tag++
	h.loading = true
	return h.tag
}

// apply takes one page of results; stale pages are ignored.
func (h *historyBrowser) apply(msg searchMsg) bool {
	if msg.tag != h.tag {
		return false
	}
	h.loading = false
	h.err = msg.err
	if msg.err != nil {
		return true
	}
	if msg.offset == 0 {
		h.rows = msg.rows
		h.list.cursor, h.list.offset = 0, 0
	} else if msg.offset == len(h.rows) {
		h.rows = append(h.rows, msg.rows...)
	}
	h.done = len(msg.rows) < historyPage
	h.list.setLen(len(h.rows))
	return true
}

// wantsMore reports whether the cursor is close enough to the end of the
// loaded rows to fetch the next page.
func (h historyBrowser) wantsMore() bool {
	return !h.done && !h.loading && h.err == nil && len(h.rows) > 0 && h.list.cursor >= len(h.rows)-h.list.height
}

func (h historyBrowser) selected() (entry, bool) {
	if len(h.rows) == 0 {
		return entry{}, false
	}
	return h.rows[h.list.cursor], true
}

func (h *historyBrowser) setSize(w, listH int) {
	h.width = w
	h.query.Width = max(w-lipgloss.Width(h.query.Prompt)-1, 1)
	h.list.setHeight(listH)
}

// historyChrome is the lines the browser draws besides its rows.
const historyChrome = 3

func (h historyBrowser) view(st Styles, unavailable error, now time.Time) string {
	title := st.Heading.Render("History") + st.Muted.Render("  newest first · enter opens offline · esc back")
	var body string
	switch {
	case unavailable != nil:
		body = st.Error.Render(hang(render.InertLine(unavailable.Error()), h.width, 0))
	case h.err != nil:
		body = st.Error.Render(hang(render.InertLine(h.err.Error()), h.width, 0))
	case len(h.rows) == 0 && h.loading:
		body = st.Muted.Render("searching…")
	case len(h.rows) == 0:
		body = st.Muted.Render("no saved exchange matches")
		if h.query.Value() == "" {
			body = st.Muted.Render("nothing saved yet: every request sent from apierr lands here")
		}
	default:
		from, to := h.list.window()
		lines := historyRows(h.rows[from:to], h.width-2, now)
		body = renderRows(h.list, func(i int) string { return lines[i-from] }, h.width, st)
	}
	foot := st.Muted.Render(fmt.Sprintf("%d shown", len(h.rows)))
	switch {
	case h.err != nil || unavailable != nil:
		foot = ""
	case !h.done:
		foot += st.Muted.Render(" · more below")
	}
	return lipgloss.JoinVertical(lipgloss.Left, title, h.query.View(), body, foot)
}

// historyRows lays out the visible rows of the browser: time, method,
// host+path, status, format, code, request_id. The host+path takes the
// slack and, when too long, loses its middle; below 150 columns the
// request_id is shortened (its start is what people match on), and below
// 110 the format and code too.
func historyRows(rows []entry, width int, now time.Time) []string {
	cells := make([][]string, len(rows))
	for i, e := range rows {
		status := strconv.Itoa(e.Status)
		if e.Status == 0 {
			status = "ERR"
		}
		cells[i] = []string{historyTime(e.Time, now), e.Method, render.InertLine(hostPath(e.URL)),
			status, e.Format, render.InertLine(e.Code), render.InertLine(e.RequestID)}
	}
	caps := []int{0, 7, 0, 3, 18, 24, 36}
	switch {
	case width < 110:
		caps = []int{0, 7, 0, 3, 12, 10, 9}
	case width < 150:
		caps = []int{0, 7, 0, 3, 18, 24, 9}
	}
	// A team store's rows say whose they are, after the time.
	if slices.ContainsFunc(rows, func(e entry) bool { return e.User != "" }) {
		for j := range cells {
			cells[j] = slices.Insert(cells[j], 1, render.InertLine(rows[j].User))
		}
		caps = slices.Insert(caps, 1, 12)
	}
	return columnsCut(cells, width, 2, cutMiddle, caps...)
}

// historyTime is a short timestamp: the time today, the date otherwise.
func historyTime(t, now time.Time) string {
	t = t.Local()
	if y, m, d := t.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return t.Format("15:04:05")
	}
	return t.Format("2006-01-02")
}

// hostPath drops the scheme and query so rows stay short.
func hostPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	return u.Host + u.EscapedPath()
}
