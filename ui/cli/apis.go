package cli

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/inert"
	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/x/ansi"
)

const apisUsage = `Usage:
  apierr apis list [--json]                 the API docs profiles known (built-in and yours)
  apierr apis show NAME [--json]            one profile: status table, error codes, advice
  apierr apis import FILE|URL [--name NAME] [--host HOST]... [--dry-run] [--json] [--force]
                                            learn an API from its error documentation page
  apierr apis add FILE                      check a hand-written profile and install it
  apierr apis remove NAME                   remove one of your profiles
  apierr apis test NAME --raw FILE [--json] what a response would be told with that profile

Your profiles live in $XDG_CONFIG_HOME/apierr/apis/. Run 'apierr apis COMMAND --help' for more.
`

// APIs is `apierr apis SUBCOMMAND`: it lists, shows, imports, adds,
// removes and tests API docs profiles; with no subcommand it lists them.
func APIs(env *Env, args []string) int {
	if len(args) == 0 {
		return APIsList(env, nil)
	}
	return runSubcommand(env, "apis", apisUsage, []subcommand{
		{"list", APIsList}, {"show", APIsShow}, {"import", APIsImport},
		{"add", APIsAdd}, {"remove", APIsRemove}, {"test", APIsTest},
	}, args)
}

// apiListEntry is one element of `apis list --json`.
type apiListEntry struct {
	Name             string   `json:"name"`
	Title            string   `json:"title"`
	Source           string   `json:"source"`
	Hosts            []string `json:"hosts"`
	TypePrefixes     []string `json:"type_prefixes"`
	InstancePrefixes []string `json:"instance_prefixes"`
	ErrorCodes       []string `json:"error_codes"`
	// MatchedBy says in words how the profile is recognized.
	MatchedBy string `json:"matched_by"`
	Format    string `json:"format"`
	DocsURL   string `json:"docs_url"`
	// Statuses lists the status codes the docs' table has.
	Statuses []int `json:"statuses"`
}

// APIsList is `apierr apis list [--json]`: the API docs profiles known,
// built in and from the user's profile directory.
func APIsList(env *Env, args []string) int {
	asJSON := false
	f := cmdFlags{cmd: "apis list", bools: map[string]*bool{"--json": &asJSON}}
	pos, help, err := f.parse(args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, "Usage: apierr apis list [--json]\n")
		return ExitOK
	case err != nil:
		return env.Fail(ExitUsage, "apis list: %v", err)
	case len(pos) > 0:
		return env.Fail(ExitUsage, "apis list: unexpected argument %q (usage: apierr apis list [--json])", pos[0])
	}
	reg := env.LoadRegistry()
	profiles := reg.All()
	if asJSON {
		list := make([]apiListEntry, 0, len(profiles))
		for _, p := range profiles {
			e := apiListEntry{Name: p.Name, Title: p.Title, Source: p.Source, Hosts: orEmpty(p.Hosts),
				TypePrefixes: orEmpty(p.TypePrefixes), InstancePrefixes: orEmpty(p.InstancePrefixes),
				ErrorCodes: []string{}, Statuses: []int{}, MatchedBy: formats.MatchRule(p), Format: p.Format, DocsURL: p.DocsURL}
			for _, c := range p.ErrorCodes {
				e.ErrorCodes = append(e.ErrorCodes, c.Code)
			}
			for _, s := range p.Statuses {
				e.Statuses = append(e.Statuses, s.Code)
			}
			list = append(list, e)
		}
		return env.printJSON(list)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTITLE\tSOURCE\tMATCHED BY")
	for _, p := range profiles {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", render.InertLine(p.Name), render.InertLine(p.Title),
			render.InertLine(p.Source), render.InertLine(formats.MatchRule(p)))
	}
	tw.Flush()
	return ExitOK
}

// APIsShow is `apierr apis show NAME [--json]`: one profile, every row.
func APIsShow(env *Env, args []string) int {
	asJSON, ops := false, false
	f := cmdFlags{cmd: "apis show", bools: map[string]*bool{"--json": &asJSON, "--operations": &ops}}
	name, help, err := f.parseOne(args, "profile name")
	switch {
	case help:
		fmt.Fprint(env.Stdout, "Usage: apierr apis show NAME [--json] [--operations]\n")
		return ExitOK
	case err != nil:
		return env.Fail(ExitUsage, "apis show: %v", err)
	}
	reg := env.LoadRegistry()
	if name == "" {
		return env.Fail(ExitUsage, "apis show: which profile? known ones are %s", joinProfileNames(reg.Names()))
	}
	p, ok := reg.Lookup(name)
	if !ok {
		return env.unknownAPI(reg, name)
	}
	if ops {
		return showOperations(env, p, asJSON)
	}
	if asJSON {
		return env.printJSON(p)
	}
	fmt.Fprint(env.Stdout, renderProfile(p, env.termWidth()))
	return ExitOK
}

func (e *Env) printJSON(v any) int {
	out, err := inert.MarshalIndent(v, "", "  ")
	if err != nil {
		return e.Fail(ExitUsage, "%v", err)
	}
	fmt.Fprintf(e.Stdout, "%s\n", out)
	return ExitOK
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// renderProfile writes a profile as plain text, every row of every table,
// prose wrapped to width. Profiles may come from user files, so all text
// is made inert.
func renderProfile(p formats.Profile, width int) string {
	var b strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, format+"\n", args...)
	}
	in := func(s string) string { return render.Inert(s, true) }
	// indent wraps s after prefix, continuation lines aligned under it.
	indent := func(prefix, s string) string {
		hang := strings.Repeat(" ", len(prefix))
		wrapped := ansi.Wrap(in(s), max(width-len(prefix), 20), "")
		return prefix + strings.ReplaceAll(wrapped, "\n", "\n"+hang)
	}
	// verbatim indents s without wrapping (example bodies).
	verbatim := func(prefix, s string) string {
		return prefix + strings.ReplaceAll(in(s), "\n", "\n"+prefix)
	}
	line("%s (%s)", in(p.Title), in(p.Name))
	line("Source      %s", in(p.Source))
	if p.DocsURL != "" {
		line("Docs        %s", in(p.DocsURL))
	}
	if p.Format != "" {
		line("Format      %s", in(p.Format))
	}
	line("Matched by  %s", in(formats.MatchRule(p)))
	if p.Summary != "" {
		line("")
		line("%s", indent("", p.Summary))
	}
	if len(p.Statuses) > 0 {
		line("")
		line("Status codes")
		for _, s := range p.Statuses {
			line("  %d %s", s.Code, in(s.Name))
			if s.Description != "" {
				line("%s", indent("      ", s.Description))
			}
			if s.Action != "" {
				line("%s", indent("      Action: ", s.Action))
			}
		}
	}
	if len(p.ErrorCodes) > 0 {
		line("")
		line("Error codes")
		for _, c := range p.ErrorCodes {
			head := "  " + in(c.Code)
			if c.Status != 0 {
				head += " (" + strconv.Itoa(c.Status) + ")"
			}
			if len(c.Attributes) > 0 {
				head += "  attributes: " + in(strings.Join(c.Attributes, ", "))
			}
			line("%s", head)
			line("%s", indent("      ", c.Description))
		}
	}
	if len(p.Fields) > 0 {
		line("")
		line("Body fields")
		for _, f := range p.Fields {
			head := "  " + in(f.Name)
			if f.Type != "" {
				head += " (" + in(f.Type) + ")"
			}
			line("%s", indent(head+": ", f.Description))
		}
	}
	for _, a := range p.Advice {
		line("")
		title := in(a.Title)
		if title == "" {
			title = "Advice"
		}
		var applies []string
		for _, s := range a.Statuses {
			applies = append(applies, strconv.Itoa(s))
		}
		applies = append(applies, a.Classes...)
		if len(applies) == 0 {
			applies = []string{"every error"}
		}
		line("%s  [%s]", title, in(strings.Join(applies, ", ")))
		if a.Intro != "" {
			line("%s", indent("  ", a.Intro))
		}
		for _, s := range a.Steps {
			line("%s", indent("  - ", s))
		}
	}
	for i, e := range p.Examples {
		line("")
		title := in(e.Title)
		if title == "" {
			title = "Example " + strconv.Itoa(i+1)
		}
		if e.Status != 0 {
			title += " (" + strconv.Itoa(e.Status) + ")"
		}
		line("%s", title)
		line("%s", verbatim("    ", e.Body))
		if e.Description != "" {
			line("%s", indent("  ", e.Description))
		}
	}
	return b.String()
}
