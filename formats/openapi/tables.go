package openapi

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/apierr/apierr/formats"
)

// maxProfileExamples caps the example bodies copied into the profile.
const maxProfileExamples = 12

// fillTables writes the profile's status, error-code, field and example
// rows from what the operations share.
func fillTables(p *formats.Profile, ix *Index) {
	type statusUse struct {
		ops   int
		descs map[string]int
	}
	uses := map[int]*statusUse{}
	codeStatus := map[string]map[int]bool{}
	var codeOrder []string
	fields := map[string]formats.FieldDoc{}
	var fieldOrder []string
	problem, errorResponses := 0, 0
	exampleSeen := map[string]bool{}
	for i := range ix.Ops {
		op := &ix.Ops[i]
		counted := map[int]bool{}
		for _, r := range op.Responses {
			code, err := strconv.Atoi(r.Status)
			if err == nil && !counted[code] {
				counted[code] = true
				u := uses[code]
				if u == nil {
					u = &statusUse{descs: map[string]int{}}
					uses[code] = u
				}
				u.ops++
				u.descs[r.Description]++
			}
			if !isError(r.Status) {
				continue
			}
			// Only error responses that document a body say which format it has.
			if r.Problem || len(r.Members) > 0 || r.Example != "" {
				errorResponses++
			}
			if r.Problem {
				problem++
			}
			for _, c := range r.Codes {
				if codeStatus[c] == nil {
					codeStatus[c] = map[int]bool{}
					codeOrder = append(codeOrder, c)
				}
				if err == nil {
					codeStatus[c][code] = true
				}
			}
			for _, m := range r.Members {
				if _, ok := fields[m.Name]; !ok {
					fields[m.Name] = formats.FieldDoc{Name: m.Name, Type: m.Type, Description: m.Description}
					fieldOrder = append(fieldOrder, m.Name)
				} else if f := fields[m.Name]; f.Description == "" && m.Description != "" {
					f.Description = m.Description
					fields[m.Name] = f
				}
			}
			// One example per status (or per "default"/"4XX", whose
			// status is 0: the document names none).
			if key := r.Status; r.Example != "" && !exampleSeen[key] && len(p.Examples) < maxProfileExamples {
				exampleSeen[key] = true
				if err != nil {
					code = 0
				}
				p.Examples = append(p.Examples, formats.Example{
					Title: op.Name() + " " + r.Status, Status: code, Body: r.Example, Description: r.Description,
				})
			}
		}
	}
	codes := make([]int, 0, len(uses))
	for c, u := range uses {
		if u.ops == len(ix.Ops) && c >= 100 && c <= 599 {
			codes = append(codes, c)
		}
	}
	sort.Ints(codes)
	for _, c := range codes {
		row := formats.StatusDoc{Code: c, Name: http.StatusText(c)}
		// The description every operation gives, or the one most give;
		// when none is shared by most, the row says nothing rather than
		// quote one operation's words for all.
		best, n := "", 0
		for d, k := range uses[c].descs {
			if k > n || k == n && d < best {
				best, n = d, k
			}
		}
		if 2*n > uses[c].ops {
			row.Description = best
		}
		p.Statuses = append(p.Statuses, row)
	}
	for _, c := range codeOrder {
		row := formats.ErrorCodeDoc{Code: c}
		if len(codeStatus[c]) == 1 {
			for s := range codeStatus[c] {
				row.Status = s
			}
		}
		p.ErrorCodes = append(p.ErrorCodes, row)
	}
	for _, n := range fieldOrder {
		p.Fields = append(p.Fields, fields[n])
	}
	if errorResponses > 0 && 2*problem > errorResponses {
		p.Format = "problem+json"
	}
	if p.Format == "" {
		p.Format = exampleFamily(p.Examples)
	}
}

// exampleFamily is the error format family every documented example body
// is recognized as, "" when they disagree or none is an error family. A
// profile's error codes count as evidence only for bodies of its family,
// so Slack's "invalid_auth" does not claim another API's body.
func exampleFamily(examples []formats.Example) string {
	family := ""
	for _, ex := range examples {
		status := ex.Status
		if status < 400 {
			status = 400
		}
		f := formats.DetectText(status, http.Header{"Content-Type": {"application/json"}}, ex.Body, formats.Options{Profiles: formats.NewRegistry()}).Format
		switch {
		case f == "json" || f == "text" || f == "empty" || f == "binary" || f == "html":
			return ""
		case family == "":
			family = f
		case family != f:
			return ""
		}
	}
	return family
}
