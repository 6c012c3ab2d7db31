package openapi

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
)

// ApplyOptions tune Apply.
type ApplyOptions struct {
	// CheckAlways checks the request against the document whatever the
	// status; by default only a 4xx answer is checked.
	CheckAlways bool
}

// Apply ties d's response to the operation req called and adds what the
// document says: the operation (d.Operation), its documented description
// of the status as the first paragraph of the explanation, and for a 4xx
// answer (or always, with CheckAlways) the places where the request
// breaks the operation's rules, each as a violation and as a step before
// the others. A request that conforms adds no violation, and a request no
// operation matches adds a note and nothing else.
func (ix *Index) Apply(d *formats.Diagnosis, req Request, opts ApplyOptions) {
	if ix == nil || d.Format == "transport" {
		return
	}
	u, err := url.Parse(req.URL)
	if err != nil {
		return
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	op, params, methods, found := ix.Lookup(req.Method, path)
	if !found {
		d.Notes = append(d.Notes, "no operation of "+ix.name()+" matches the path "+path)
		return
	}
	if op == nil {
		d.Notes = append(d.Notes, ix.name()+" documents "+strings.Join(methods, ", ")+" for this path, not "+strings.ToUpper(req.Method))
		return
	}
	d.Operation = op.Name()
	source := ix.sourceOf(op)
	var steps []formats.Step
	r, byCode := op.responseFor(d)
	// An API that answers errors with 200 (Slack's "ok": false) is
	// checked too when the body's error code is one the operation documents.
	if opts.CheckAlways || d.Status >= 400 && d.Status < 500 || byCode {
		d.Violations = ix.Check(op, params, req)
		for _, v := range d.Violations {
			steps = append(steps, formats.Step{Text: stepOf(v), Source: v.Source})
		}
	}
	if r != nil && r.Description != "" {
		head := op.Name() + " — " + r.Status + ": "
		if strings.HasPrefix(d.Explanation, r.Description) {
			// The profile's status row has the same words: say them once.
			d.Explanation = head + d.Explanation
		} else {
			d.Explanation = join(head+r.Description, d.Explanation)
		}
	}
	if len(steps) > 0 {
		all := make([]formats.Step, 0, len(steps)+len(d.Steps))
		all = append(all, steps...)
		all = append(all, d.Steps...)
		d.Steps = all
		d.Recovery = make([]string, len(all))
		for i, s := range all {
			d.Recovery[i] = s.Text
		}
	}
	d.Sources = prependSource(d.Sources, source)
}

// stepOf words a violation as a recovery step: "query parameter limit=500:
// the spec's maximum is 100".
func stepOf(v formats.Violation) string {
	where := v.In + " parameter " + v.Name
	switch v.In {
	case "body":
		where = "body member " + v.Name
		if v.Name == "body" {
			where = "request body"
		}
	case "security":
		where = "credentials (" + v.Name + ")"
	}
	if v.Value != "" {
		where += "=" + v.Value
	}
	return where + ": " + v.Rule
}

// name is how the document is named in notes.
func (ix *Index) name() string {
	if ix.Title != "" {
		return "the OpenAPI document of " + ix.Title
	}
	return "the OpenAPI document"
}

// responseFor returns the documented response d answers: the error
// response whose schema enumerates d's error code (byCode), else the one
// for its status.
func (op *Operation) responseFor(d *formats.Diagnosis) (r *Response, byCode bool) {
	if d.Code != "" {
		for i := range op.Responses {
			for _, c := range op.Responses[i].Codes {
				if c == d.Code {
					return &op.Responses[i], true
				}
			}
		}
	}
	return op.response(d.Status), false
}

// response returns the documented response for status: the exact code,
// then its range ("4XX"), then "default".
func (op *Operation) response(status int) *Response {
	code := strconv.Itoa(status)
	var rng, def *Response
	for i := range op.Responses {
		r := &op.Responses[i]
		switch {
		case r.Status == code:
			return r
		case len(code) == 3 && r.Status == code[:1]+"XX":
			rng = r
		case r.Status == "default":
			def = r
		}
	}
	if rng != nil {
		return rng
	}
	if status >= 400 {
		return def
	}
	return nil
}

func join(first, rest string) string {
	rest = strings.TrimLeft(rest, " \n.")
	if rest == "" {
		return first
	}
	if !strings.HasSuffix(first, ".") && !strings.HasSuffix(first, ":") {
		first += "."
	}
	return first + "\n\n" + rest
}

func prependSource(sources []string, s string) []string {
	out := make([]string, 0, len(sources)+1)
	out = append(out, s)
	for _, x := range sources {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}
