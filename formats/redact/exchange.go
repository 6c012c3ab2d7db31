package redact

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

// Exchange returns a redacted deep copy of e. It first collects the
// request's secrets (see Secrets), then redacts every text of the copy by
// position and shape and scrubs the collected secrets, and their encodings,
// from all of it: the request, the response's headers and body, redirect
// hops, attempts, the transport error, the note and every string of the
// Diagnosis. e is not changed.
func (r *Redactor) Exchange(e exchange.Exchange) exchange.Exchange {
	if r == nil {
		r = &Redactor{}
	}
	first := r.pass()
	first.collect = true
	req := first.request(e.Request)
	lit := newLiterals(append(append([]string(nil), r.known...), first.found...), MinLiteral)
	p := r.pass()
	s := &scrubber{p: p, lit: lit}

	out := e
	out.Request = exchange.Request{
		Method:  s.text(req.Method),
		URL:     lit.scrub(req.URL),
		Headers: s.scrubHeaders(req.Headers),
		Body:    lit.scrub(req.Body),
	}
	if e.Response != nil {
		resp := *e.Response
		resp.Proto = s.text(resp.Proto)
		resp.Headers = s.scrubHeaders(p.headers(e.Response.Headers))
		resp.Body = lit.scrub(p.body(e.Response.Body, e.Response.Headers.Get("Content-Type")))
		out.Response = &resp
	}
	if e.Attempts != nil {
		out.Attempts = make([]exchange.Attempt, len(e.Attempts))
		for i, a := range e.Attempts {
			a.Error = s.text(a.Error)
			out.Attempts[i] = a
		}
	}
	if e.Redirects != nil {
		out.Redirects = make([]exchange.Hop, len(e.Redirects))
		for i, h := range e.Redirects {
			h.URL = s.url(h.URL)
			h.Location = s.url(h.Location)
			out.Redirects[i] = h
		}
	}
	out.Error = s.text(e.Error)
	out.Note = s.text(e.Note)
	out.Source = s.text(e.Source)
	out.Diagnosis = s.diagnosis(e.Diagnosis)
	return out
}

// Diagnosis returns a copy of d with secrets in every one of its texts
// redacted (servers echo keys back in messages, codes and ids), and the
// values given to WithSecrets scrubbed.
func (r *Redactor) Diagnosis(d formats.Diagnosis) formats.Diagnosis {
	if r == nil {
		r = &Redactor{}
	}
	s := &scrubber{p: r.pass(), lit: newLiterals(r.known, MinLiteral)}
	return s.diagnosis(d)
}

// request redacts a request by position, collecting what it redacts when
// p.collect is set.
func (p *pass) request(req exchange.Request) exchange.Request {
	return exchange.Request{
		Method:  req.Method,
		URL:     p.url(req.URL),
		Headers: p.headers(req.Headers),
		Body:    p.body(req.Body, req.Headers.Get("Content-Type")),
	}
}

// scrubber applies position and shape rules, then the literal secrets.
type scrubber struct {
	p   *pass
	lit *literals
}

func (s *scrubber) text(v string) string { return s.lit.scrub(s.p.text(v)) }
func (s *scrubber) url(v string) string  { return s.lit.scrub(s.p.url(v)) }

// scrubHeaders scrubs literal secrets from headers already redacted by
// position, names included (a server may echo a secret as a header name).
func (s *scrubber) scrubHeaders(h map[string][]string) map[string][]string {
	if h == nil {
		return nil
	}
	out := make(map[string][]string, len(h))
	for k, vs := range h {
		cp := make([]string, len(vs))
		for i, v := range vs {
			cp[i] = s.lit.scrub(v)
		}
		out[s.lit.scrub(k)] = cp
	}
	return out
}

// diagnosis redacts every string reachable in d: fields added to the
// Diagnosis later are covered without a change here.
func (s *scrubber) diagnosis(d formats.Diagnosis) formats.Diagnosis {
	v := reflect.ValueOf(&d).Elem()
	s.walk(v, "")
	return d
}

// walk redacts the strings in v in place; v must be settable. name is the
// JSON member name v sits under, when known: under a credential-like name
// every string and number is a secret.
func (s *scrubber) walk(v reflect.Value, name string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s.str(v.String(), name))
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			if t.Field(i).IsExported() {
				s.walk(v.Field(i), "")
			}
		}
	case reflect.Pointer:
		if !v.IsNil() {
			cp := reflect.New(v.Elem().Type())
			cp.Elem().Set(v.Elem())
			s.walk(cp.Elem(), name)
			v.Set(cp)
		}
	case reflect.Slice:
		if !v.IsNil() && v.Type().Elem().Kind() != reflect.Uint8 {
			cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			reflect.Copy(cp, v)
			for i := range cp.Len() {
				s.walk(cp.Index(i), name)
			}
			v.Set(cp)
		}
	case reflect.Map:
		if v.Type().Key().Kind() == reflect.String && v.Type().Elem().Kind() == reflect.Interface && !v.IsNil() {
			v.Set(reflect.ValueOf(s.value(v.Interface(), name)))
		}
	case reflect.Interface:
		if !v.IsNil() {
			v.Set(reflect.ValueOf(s.value(v.Interface(), name)))
		}
	}
}

func (s *scrubber) str(v, name string) string {
	if name != "" && s.p.secretName(name) {
		return s.p.mark(v)
	}
	if (strings.Contains(v, "://") || strings.HasPrefix(v, "/")) && !strings.ContainsAny(v, " \t\r\n") {
		return s.url(v) // a URL or path on its own (type, instance)
	}
	return s.text(v)
}

// value redacts a decoded JSON value: everything under credential-like
// names, secret shapes and literal secrets in every string.
func (s *scrubber) value(v any, name string) any {
	secret := name != "" && s.p.secretName(name)
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			if secret {
				out[k] = s.value(x, name)
			} else {
				out[k] = s.value(x, k)
			}
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = s.value(x, name)
		}
		return out
	case string:
		if IsMarker(t) {
			return t
		}
		return s.str(t, name)
	case float64, int, int64, interface{ String() string }:
		if secret {
			return s.p.mark(fmt.Sprint(t))
		}
	}
	return v
}
