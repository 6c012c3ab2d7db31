package cli

import (
	"fmt"
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/openapi"
	"github.com/apierr/apierr/ui/render"
	"github.com/apierr/apierr/ui/specdiag"
)

// operationJSON is one operation as `apis show NAME --operations --json` prints it.
type operationJSON struct {
	Operation string             `json:"operation"`
	ID        string             `json:"operation_id,omitempty"`
	Summary   string             `json:"summary,omitempty"`
	Params    []string           `json:"parameters"`
	Body      []string           `json:"body_media_types"`
	Security  [][]string         `json:"security"`
	Responses []openapi.Response `json:"responses"`
}

// showOperations prints the operations an imported OpenAPI document gave
// profile p, read from its index.
func showOperations(env *Env, p formats.Profile, asJSON bool) int {
	if p.Operations == "" {
		return env.Fail(ExitUsage, "apis show: %s has no operations: only a profile imported from an OpenAPI document has them (apierr apis import SPEC)", p.Name)
	}
	ix, err := specdiag.Shared(env.ProfilesDir()).Index(p)
	if err != nil {
		return env.Fail(ExitUsage, "apis show: %s", render.InertLine(err.Error()))
	}
	if asJSON {
		out := make([]operationJSON, 0, len(ix.Ops))
		for _, op := range ix.Ops {
			o := operationJSON{Operation: op.Name(), ID: op.ID, Summary: op.Summary, Params: []string{}, Body: []string{},
				Security: op.Security, Responses: op.Responses}
			for _, prm := range op.Params {
				o.Params = append(o.Params, paramLabel(prm))
			}
			if op.Body != nil {
				for _, m := range op.Body.Media {
					o.Body = append(o.Body, m.Type)
				}
			}
			if o.Security == nil {
				o.Security = [][]string{}
			}
			if o.Responses == nil {
				o.Responses = []openapi.Response{}
			}
			out = append(out, o)
		}
		return env.printJSON(out)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d operations from %s\n", render.InertLine(p.Name), len(ix.Ops), render.InertLine(ix.Source))
	if len(ix.BasePaths) > 0 {
		fmt.Fprintf(&b, "base paths: %s\n", render.InertLine(strings.Join(ix.BasePaths, ", ")))
	}
	for _, op := range ix.Ops {
		b.WriteString("\n" + render.InertLine(op.Name()))
		if op.Summary != "" {
			b.WriteString("  " + render.InertLine(op.Summary))
		}
		b.WriteString("\n")
		if len(op.Params) > 0 {
			labels := make([]string, len(op.Params))
			for i, prm := range op.Params {
				labels[i] = paramLabel(prm)
			}
			fmt.Fprintf(&b, "  parameters: %s\n", render.InertLine(strings.Join(labels, ", ")))
		}
		if op.Body != nil {
			req := ""
			if op.Body.Required {
				req = " (required)"
			}
			types := make([]string, len(op.Body.Media))
			for i, m := range op.Body.Media {
				types[i] = m.Type
			}
			fmt.Fprintf(&b, "  body%s: %s\n", req, render.InertLine(strings.Join(types, ", ")))
		}
		for _, r := range op.Responses {
			fmt.Fprintf(&b, "  %-7s %s\n", render.InertLine(r.Status), render.InertLine(firstLine(r.Description)))
		}
	}
	fmt.Fprint(env.Stdout, b.String())
	return ExitOK
}

// paramLabel is "query limit" or "header X-Key*" (* = required).
func paramLabel(p openapi.Param) string {
	s := p.In + " " + p.Name
	if p.Required {
		s += "*"
	}
	return s
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}
