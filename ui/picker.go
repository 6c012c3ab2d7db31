package ui

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/lipgloss"
)

// picker is a titled list to choose one row from: the demo routes and the
// API profiles. Rows are laid out in columns when the size is known.
type picker struct {
	title string
	hint  string
	cells [][]string
	lines []string
	list  listView
	width int
}

func (p *picker) setRows(cells [][]string, flex int) {
	p.cells = cells
	p.list.setLen(len(cells))
	p.lines = columns(cells, p.width-2, flex)
}

func (p *picker) setSize(w, h, flex int) {
	p.width = w
	p.list.setHeight(h)
	p.lines = columns(p.cells, w-2, flex)
}

func (p picker) view(st Styles) string {
	body := renderRows(p.list, func(i int) string { return p.lines[i] }, p.width, st)
	if len(p.cells) == 0 {
		body = st.Muted.Render("nothing to choose yet")
	}
	return lipgloss.JoinVertical(lipgloss.Left, st.Heading.Render(p.title), st.Muted.Render(cut(p.hint, p.width)), body)
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
