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
// history query language. It holds one window of the matches, rows
// [base, base+len(rows)), grown a page at a time at either end, so a jump
// to the real end does not load everything before it.
type historyBrowser struct {
	query   textinput.Model
	rows    []entry
	base    int   // the offset of rows[0] among the matches
	total   int64 // how many match, -1 until counted
	list    listView
	tag     int  // tag of the search whose results are wanted
	loadTag int  // tag of the entry being opened
	loading bool // a search is in flight
	done    bool // the last page was short: nothing more to fetch
	keepID  int64
	err     error
	width   int
	live    int // the current live-refresh chain (team stores)
}

func newHistoryBrowser() historyBrowser {
	q := textinput.New()
	q.Prompt = "filter: "
	q.Placeholder = "text, status:4xx, code:, rid:, host:, method:, api:, after:2024-01-01, is:error …"
	q.CharLimit = 500
	return historyBrowser{query: q, total: -1}
}

// begin starts a new search from the first page; the caller runs the
// returned tag's command.
func (h *historyBrowser) begin() int {
	h.tag++
	h.loading = true
	return h.tag
}

// pageKind says where a page of results goes.
type pageKind int

const (
	pageFirst   pageKind = iota // a new search: the window starts over
	pageNext                    // appended at the end of the window
	pagePrev                    // prepended at its start
	pageLast                    // the last page: the window moves there
	pageRefresh                 // the window again, on coming back
)

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
	if msg.counted {
		h.total = msg.total
	}
	switch msg.kind {
	case pageFirst:
		h.rows, h.base = msg.rows, 0
		h.list.cursor, h.list.offset = 0, 0
	case pageNext:
		if msg.offset != h.base+len(h.rows) {
			return true
		}
		h.rows = append(h.rows, msg.rows...)
	case pagePrev:
		if msg.offset+len(msg.rows) != h.base {
			return true
		}
		h.rows = append(append([]entry{}, msg.rows...), h.rows...)
		h.base = msg.offset
		h.list.cursor += len(msg.rows)
		h.list.offset += len(msg.rows)
	case pageLast:
		h.rows, h.base = msg.rows, msg.offset
		h.list.cursor = len(msg.rows) - 1
	case pageRefresh:
		cursor := h.list.cursor
		h.rows = msg.rows
		for i, e := range h.rows {
			if e.ID == h.keepID {
				cursor = i
			}
		}
		h.list.cursor = cursor
	}
	h.keepID = 0
	end := h.base + len(h.rows)
	if h.total >= 0 {
		h.done = int64(end) >= h.total
	} else if msg.kind != pagePrev {
		h.done = len(msg.rows) < historyPage
	}
	h.list.setLen(len(h.rows))
	return true
}

// wantsMore reports whether the cursor is close enough to the end of the
// loaded rows to fetch the next page.
func (h historyBrowser) wantsMore() bool {
	return !h.done && !h.loading && h.err == nil && len(h.rows) > 0 && h.list.cursor >= len(h.rows)-h.list.height
}

// wantsEarlier reports whether the cursor nears the start of a window
// that does not begin at the first match.
func (h historyBrowser) wantsEarlier() bool {
	return h.base > 0 && !h.loading && h.err == nil && h.list.cursor < h.list.height
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
	foot := st.Muted.Render(h.countLine())
	if h.err != nil || unavailable != nil {
		foot = ""
	}
	return lipgloss.JoinVertical(lipgloss.Left, title, h.query.View(), body, foot)
}

// countLine is the browser's footer: where the cursor is among all the
// matches, and how many there are.
func (h historyBrowser) countLine() string {
	if len(h.rows) == 0 {
		return ""
	}
	pos := h.base + h.list.cursor + 1
	if h.total >= 0 {
		noun := "exchanges"
		switch {
		case h.query.Value() != "" && h.total == 1:
			noun = "match"
		case h.query.Value() != "":
			noun = "matches"
		case h.total == 1:
			noun = "exchange"
		}
		return fmt.Sprintf("%d of %d %s · home/end: first/last", pos, h.total, noun)
	}
	s := fmt.Sprintf("%d of %d loaded", pos, h.base+len(h.rows))
	if !h.done {
		s += " · more below"
	}
	return s
}

// historyRows lays out the visible rows of the browser: time, method,
// host+path, status, format, code, request_id. The host+path takes the
// slack and, when too long, loses its middle; below 150 columns the
// request_id is shortened (its start is what people match on), and below
// 110 the format and code too.
func historyRows(rows []entry, width int, now time.Time) []string {
	cells := make([][]string, len(rows))
	notes := false
	for i, e := range rows {
		status := strconv.Itoa(e.Status)
		if e.Status == 0 {
			status = "ERR"
		}
		cells[i] = []string{historyTime(e.Time, now), e.Method, render.InertLine(hostPath(e.URL)),
			status, e.Format, render.InertLine(e.Code), render.InertLine(e.RequestID)}
		if e.Note != "" {
			notes = true
		}
	}
	if notes {
		// A note column only when some row has a note.
		for i, e := range rows {
			n := ""
			switch {
			case e.Note == "":
			case width < 110:
				n = "✎" // a mark only: the row has no room for the text
			default:
				n = "✎ " + render.InertLine(e.Note)
			}
			cells[i] = append(cells[i], n)
		}
	}
	caps := []int{0, 7, 0, 3, 18, 24, 36, 30}
	switch {
	case width < 110:
		caps = []int{0, 7, 0, 3, 12, 10, 9, 12}
	case width < 150:
		caps = []int{0, 7, 0, 3, 18, 24, 9, 16}
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
