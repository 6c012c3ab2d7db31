package ui

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/apierr/apierr/ui/render"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// picker is a titled list to choose one row from: the demo routes and the
// API profiles. Rows are laid out in columns when the size is known.
// Typing filters the rows: every word typed must appear in the row, in
// any column, case aside.
type picker struct {
	title  string
	hint   string
	cells  [][]string
	lines  []string
	flex   int
	filter string
	shown  []int // the rows that match the filter, as indices into cells
	list   listView
	width  int
}

func (p *picker) setRows(cells [][]string, flex int) {
	p.cells, p.flex = cells, flex
	p.lines = columns(cells, p.width-2, flex)
	p.refilter()
}

func (p *picker) setSize(w, h, flex int) {
	p.width, p.flex = w, flex
	p.list.setHeight(h)
	p.lines = columns(p.cells, w-2, flex)
}

// type edits the filter with a key: runes add to it, backspace takes the
// last one off. It reports whether the key was the filter's.
func (p *picker) typeKey(k tea.KeyMsg) bool {
	switch k.Type {
	case tea.KeyRunes:
		p.filter += string(k.Runes)
	case tea.KeySpace:
		p.filter += " "
	case tea.KeyBackspace:
		if p.filter == "" {
			return true
		}
		r := []rune(p.filter)
		p.filter = string(r[:len(r)-1])
	default:
		return false
	}
	p.refilter()
	return true
}

// refilter keeps the rows matching the filter, the cursor on the first.
func (p *picker) refilter() {
	words := strings.Fields(strings.ToLower(p.filter))
	p.shown = p.shown[:0]
	for i, row := range p.cells {
		text := strings.ToLower(strings.Join(row, " "))
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(text, w)
		}
		if ok {
			p.shown = append(p.shown, i)
		}
	}
	if len(words) > 0 {
		p.list.cursor, p.list.offset = 0, 0
	}
	p.list.setLen(len(p.shown))
}

// selected is the index into cells of the row under the cursor.
func (p picker) selected() (int, bool) {
	if len(p.shown) == 0 {
		return 0, false
	}
	return p.shown[p.list.cursor], true
}

// point moves the cursor onto row i of cells, clearing the filter.
func (p *picker) point(i int) {
	p.filter = ""
	p.refilter()
	p.list.move(i - p.list.cursor)
}

func (p picker) view(st Styles) string {
	body := renderRows(p.list, func(i int) string { return p.lines[p.shown[i]] }, p.width, st)
	switch {
	case len(p.cells) == 0:
		body = st.Muted.Render("nothing to choose yet")
	case len(p.shown) == 0:
		body = st.Muted.Render("nothing matches: backspace widens the filter")
	}
	filter := st.Muted.Render("type to filter")
	if p.filter != "" {
		filter = "filter: " + render.InertLine(p.filter) + st.Muted.Render(fmt.Sprintf("  (%d of %d)", len(p.shown), len(p.cells)))
	}
	return lipgloss.JoinVertical(lipgloss.Left, st.Heading.Render(p.title)+"  "+filter, st.Muted.Render(cut(p.hint, p.width)), body)
}

// pickerChrome is the number of lines a picker draws above its rows.
const pickerChrome = 2

// demoRows are the demo picker's cells: method, status, API, path,
// description.
func demoRows(routes []demoRoute) [][]string {
	out := [][]string{}
	for _, r := range routes {
		desc := withoutAPIName(r.Description, r.API)
		out = append(out, []string{r.Method, strconv.Itoa(r.Status), cmp.Or(r.API, "-"), render.InertLine(r.Path), render.InertLine(desc)})
	}
	return out
}

// withoutAPIName drops the API's name from the start of a route's
// description ("Raa Labs: a day of engine RPM readings", "OCTO
// UNAUTHORIZED: ..."): the API column already says it, and on a narrow
// screen the rest is what fits.
func withoutAPIName(desc, api string) string {
	norm := func(s string) string {
		return strings.ToLower(strings.NewReplacer(" ", "", "-", "").Replace(s))
	}
	if api == "" {
		return desc
	}
	for i, r := range desc {
		if r != ' ' && r != ':' {
			continue
		}
		if norm(desc[:i]) == norm(api) {
			if rest := strings.TrimLeft(desc[i:], ": "); rest != "" {
				return rest
			}
		}
		if r == ':' {
			break
		}
	}
	return desc
}

// profileRows are the profile picker's cells; the first two rows are the
// automatic choice and none.
func profileRows(ps []profileInfo) [][]string {
	out := [][]string{
		{"auto", "match by host, then by the body's own clues", ""},
		{"none", "generic explanations only", ""},
	}
	for _, p := range ps {
		src := "built-in"
		if p.User {
			src = "user: " + p.Source
		}
		out = append(out, []string{p.Name, render.InertLine(p.Title), render.InertLine(src)})
	}
	return out
}
