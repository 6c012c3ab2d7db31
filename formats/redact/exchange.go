package redact

import (
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

// Exchange returns a redacted deep copy of e: URLs, headers and bodies of
// the request and response, redirect hops, errors, the note and the
// Diagnosis' texts (servers echo keys back in messages). e is not changed.
func (r *Redactor) Exchange(e exchange.Exchange) exchange.Exchange {
	out := e
	out.Request = exchange.Request{
		Method:  e.Request.Method,
		URL:     r.URL(e.Request.URL),
		Headers: r.Headers(e.Request.Headers),
		Body:    r.Body(e.Request.Body),
	}
	if e.Response != nil {
		resp := *e.Response
		resp.Headers = r.Headers(e.Response.Headers)
		resp.Body = r.Body(e.Response.Body)
		out.Response = &resp
	}
	if e.Attempts != nil {
		out.Attempts = make([]exchange.Attempt, len(e.Attempts))
		for i, a := range e.Attempts {
			a.Error = r.Text(a.Error)
			out.Attempts[i] = a
		}
	}
	if e.Redirects != nil {
		out.Redirects = make([]exchange.Hop, len(e.Redirects))
		for i, h := range e.Redirects {
			h.URL = r.URL(h.URL)
			h.Location = r.URL(h.Location)
			out.Redirects[i] = h
		}
	}
	out.Error = r.Text(e.Error)
	out.Note = r.Text(e.Note)
	out.Diagnosis = r.Diagnosis(e.Diagnosis)
	return out
}

// Diagnosis returns a copy of d with secrets in its texts redacted.
func (r *Redactor) Diagnosis(d formats.Diagnosis) formats.Diagnosis {
	d.Message = r.Text(d.Message)
	d.Title = r.Text(d.Title)
	d.Instance = r.URL(d.Instance)
	d.Type = r.URL(d.Type)
	if d.FieldErrors != nil {
		fe := make([]formats.FieldError, len(d.FieldErrors))
		for i, f := range d.FieldErrors {
			f.Message = r.Text(f.Message)
			fe[i] = f
		}
		d.FieldErrors = fe
	}
	if d.Extra != nil {
		d.Extra = r.value(d.Extra).(map[string]any)
	}
	if d.Violations != nil {
		vs := make([]formats.Violation, len(d.Violations))
		for i, v := range d.Violations {
			v.Value = r.Header(v.Name, v.Value)
			vs[i] = v
		}
		d.Violations = vs
	}
	if d.Notes != nil {
		notes := make([]string, len(d.Notes))
		for i, n := range d.Notes {
			notes[i] = r.Text(n)
		}
		d.Notes = notes
	}
	return d
}

// value redacts a decoded JSON value: strings under credential-like names,
// secret shapes in every string.
func (r *Redactor) value(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			if s, ok := x.(string); ok && r.secretName(k) {
				out[k] = mark(s)
				continue
			}
			out[k] = r.value(x)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = r.value(x)
		}
		return out
	case string:
		if strings.HasPrefix(t, markerPrefix) {
			return t
		}
		return r.Text(t)
	}
	return v
}
