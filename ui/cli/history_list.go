package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/x/ansi"
)

const defaultListLimit = 50

func historyList(env *Env, args []string) int { return listOrSearch(env, "list", args) }

func historySearch(env *Env, args []string) int { return listOrSearch(env, "search", args) }

func listOrSearch(env *Env, cmd string, args []string) int {
	var asJSON bool
	var limitS, offsetS string
	f := cmdFlags{cmd: "history " + cmd, bools: map[string]*bool{"--json": &asJSON},
		values: map[string]*string{"--limit": &limitS, "-n": &limitS, "--offset": &offsetS}}
	pos, help, err := f.parse(args)
	if help {
		fmt.Fprint(env.Stdout, historyUsage)
		return ExitOK
	}
	if err != nil {
		return env.Fail(ExitUsage, "history %s: %v", cmd, err)
	}
	limit, err := intFlag("--limit", limitS, defaultListLimit)
	if err == nil && limit == 0 {
		err = fmt.Errorf("--limit 0 would show nothing; give 1 or more")
	}
	if err != nil {
		return env.Fail(ExitUsage, "history %s: %v", cmd, err)
	}
	offset, err := intFlag("--offset", offsetS, 0)
	if err != nil {
		return env.Fail(ExitUsage, "history %s: %v", cmd, err)
	}
	query := strings.Join(pos, " ")
	if cmd == "list" && query != "" {
		return env.Fail(ExitUsage, "history list takes no query; use 'apierr history search %s'", render.InertLine(query))
	}
	if cmd == "search" && strings.TrimSpace(query) == "" {
		return env.Fail(ExitUsage, "history search needs a QUERY, e.g. 'apierr history search status:5xx after:7d' (or use list)")
	}
	q, err := history.ParseQuery(query)
	if err != nil {
		return env.historyErr(cmd, err)
	}
	s, code := env.openHistory(cmd)
	if s == nil {
		return code
	}
	defer s.Close()
	list, err := s.SearchQuery(context.Background(), q, limit, offset)
	if err != nil {
		return env.historyErr(cmd, err)
	}
	if asJSON {
		return env.historyJSON(list)
	}
	if len(list) == 0 {
		if cmd == "list" {
			fmt.Fprintf(env.Stdout, "No exchanges in %s yet: 'apierr send' and 'apierr history import' add them.\n", s.Path())
		} else {
			fmt.Fprintln(env.Stdout, "No exchanges match.")
		}
		return ExitOK
	}
	fmt.Fprint(env.Stdout, summaryTable(list, env.historyWidth(), env.styles(), s.Shared()))
	if len(list) == limit {
		fmt.Fprintf(env.Stdout, "(first %d shown; --limit N --offset %d for more)\n", limit, offset+limit)
	}
	return ExitOK
}

// historyWidth is the terminal's width; piped output is not cut, so grep
// sees whole URLs and messages.
func (e *Env) historyWidth() int {
	if !e.StdoutTTY && e.Getenv("COLUMNS") == "" {
		return 1 << 16
	}
	return e.termWidth()
}

func (e *Env) styles() render.Styles {
	if e.Color() {
		return render.DefaultStyles()
	}
	return render.PlainStyles()
}

// summaryTable lays out one line per exchange: id, UTC time, status,
// method, URL, code and message, request_id, and in a team store who saved
// it. Long URLs and messages are cut to fit the width; all server text is
// made inert.
func summaryTable(list []history.Summary, width int, st render.Styles, shared bool) string {
	if width <= 0 {
		width = 120
	}
	idW := len("ID")
	for _, s := range list {
		idW = max(idW, len(strconv.FormatInt(s.ID, 10)))
	}
	var b strings.Builder
	head := fmt.Sprintf("%-*s  %-19s  %-6s  %-6s  %s", idW, "ID", "TIME (UTC)", "STATUS", "METHOD", "URL · ERROR · REQUEST_ID")
	if st.Color {
		head = st.Label.Render(head)
	}
	b.WriteString(head + "\n")
	fixed := idW + 2 + 19 + 2 + 6 + 2 + 6 + 2
	for _, s := range list {
		status := strconv.Itoa(s.Status)
		if s.Transport || s.Status == 0 {
			status = "—"
		}
		statusCell := fmt.Sprintf("%-6s", status)
		if st.Color {
			statusCell = st.ForClass(classOf(s.Status)).Render(statusCell)
		}
		rest := render.InertLine(s.URL)
		what := s.Code
		if s.Message != "" {
			if what != "" {
				what += ": "
			}
			what += s.Message
		}
		if what != "" {
			rest += " · " + render.InertLine(what)
		}
		if s.RequestID != "" {
			rest += " · " + render.InertLine(s.RequestID)
		}
		if shared && s.User != "" {
			rest += " · by " + render.InertLine(s.User)
			if s.Machine != "" {
				rest += " on " + render.InertLine(s.Machine)
			}
		}
		rest = ansi.Truncate(rest, max(width-fixed, 20), "…")
		fmt.Fprintf(&b, "%-*d  %s  %s  %-6s  %s\n", idW, s.ID, s.Time.Format("2006-01-02 15:04:05"), statusCell, render.InertLine(s.Method), rest)
	}
	return b.String()
}

func classOf(status int) string {
	switch status / 100 {
	case 1:
		return formats.ClassInformational
	case 2:
		return formats.ClassSuccess
	case 3:
		return formats.ClassRedirection
	case 4:
		return formats.ClassClientError
	case 5:
		return formats.ClassServerError
	}
	return formats.ClassUnknown
}
