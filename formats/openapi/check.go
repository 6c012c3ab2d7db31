package openapi

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/mail"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/redact"
)

// Request is the request a response answered, as apierr saw it.
type Request struct {
	Method string
	// URL is the full URL as sent (scheme, host, path, query).
	URL    string
	Header http.Header
	Body   string
}

// maxViolations caps the violations reported for one request.
const maxViolations = 20

// checker gathers the violations of one request.
type checker struct {
	ix     *Index
	source string
	out    []formats.Violation
	red    redact.Redactor
}

func (c *checker) add(in, name, value, rule string) {
	if len(c.out) >= maxViolations {
		return
	}
	if value != "" {
		value = c.red.Header(name, value)
		value = clip(value, 200)
	}
	c.out = append(c.out, formats.Violation{In: in, Name: name, Value: value, Rule: rule, Source: c.source})
}

// Check returns the places where req breaks op's documented rules: its
// parameters, its body and its security requirements. pathParams are the
// values the router bound. Nothing is returned for a conforming request.
func (ix *Index) Check(op *Operation, pathParams map[string]string, req Request) []formats.Violation {
	c := &checker{ix: ix, source: ix.sourceOf(op)}
	u, err := url.Parse(req.URL)
	if err != nil {
		u = &url.URL{}
	}
	query := u.Query()
	cookies := map[string]string{}
	for _, ck := range (&http.Request{Header: req.Header}).Cookies() {
		cookies[ck.Name] = ck.Value
	}
	for _, p := range op.Params {
		var vals []string
		present := false
		switch p.In {
		case "path":
			v, ok := pathParams[p.Name]
			vals, present = []string{v}, ok
		case "query":
			vals, present = query[p.Name]
			if !present {
				// Deep-object and bracketed array forms: name[]=a, name[x]=b.
				for k, v := range query {
					if strings.HasPrefix(k, p.Name+"[") {
						vals, present = append(vals, v...), true
					}
				}
			}
		case "header":
			// OpenAPI 3 says such header parameters are ignored: the
			// media types and the security schemes govern them.
			switch strings.ToLower(p.Name) {
			case "accept", "content-type", "authorization":
				continue
			}
			vals = req.Header.Values(p.Name)
			present = len(vals) > 0
		case "cookie":
			v, ok := cookies[p.Name]
			vals, present = []string{v}, ok
		default:
			continue
		}
		if !present {
			if p.Required {
				c.add(p.In, p.Name, "", fmt.Sprintf("required %s parameter; the request has none", p.In))
			}
			continue
		}
		c.param(p, vals)
	}
	c.body(op, req)
	c.security(op, req, query, cookies)
	return c.out
}

// sourceOf is the source every step from op names.
func (ix *Index) sourceOf(op *Operation) string {
	src := ix.Source
	if src == "" {
		src = ix.Title
	}
	return src + " (" + op.Name() + ")"
}

// param checks a parameter's values, given as text, against its schema.
func (c *checker) param(p Param, vals []string) {
	s := c.ix.schema(p.Schema)
	if hasType(s, "array") {
		var items []string
		for _, v := range vals {
			if p.Explode != nil && !*p.Explode || len(vals) == 1 && strings.Contains(v, ",") {
				items = append(items, strings.Split(v, ",")...)
			} else {
				items = append(items, v)
			}
		}
		if s.MaxItems != nil && uint64(len(items)) > *s.MaxItems {
			c.add(p.In, p.Name, strings.Join(vals, ","), fmt.Sprintf("at most %d values", *s.MaxItems))
		}
		is := c.ix.schema(s.Items)
		for _, it := range items {
			if rule := c.textRule(is, it, 0); rule != "" {
				c.add(p.In, p.Name, it, rule)
				return
			}
		}
		return
	}
	if rule := c.textRule(s, vals[0], 0); rule != "" {
		c.add(p.In, p.Name, vals[0], rule)
	}
}

// textRule checks a value sent as text (a parameter or form member)
// against s and returns the rule it breaks, "" when it conforms.
func (c *checker) textRule(s *Schema, v string, depth int) string {
	if depth > 8 {
		return ""
	}
	for _, n := range s.AllOf {
		if r := c.textRule(c.ix.schema(n), v, depth+1); r != "" {
			return r
		}
	}
	if alts := append(append([]int32(nil), s.AnyOf...), s.OneOf...); len(alts) > 0 {
		first := ""
		for _, n := range alts {
			r := c.textRule(c.ix.schema(n), v, depth+1)
			if r == "" {
				first = ""
				break
			}
			if first == "" {
				first = r
			}
		}
		if first != "" {
			return "none of the documented alternatives fits: " + first
		}
	}
	var val any = v
	switch {
	case len(s.Types) == 0:
	case hasType(s, "string"):
	case hasType(s, "integer"):
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || n != math.Trunc(n) {
			return "must be an integer" + formatSuffix(s)
		}
		val = n
	case hasType(s, "number"):
		n, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return "must be a number" + formatSuffix(s)
		}
		val = n
	case hasType(s, "boolean"):
		if v != "true" && v != "false" {
			return "must be true or false"
		}
		val = v == "true"
	}
	return c.valueRule(s, val)
}

func formatSuffix(s *Schema) string {
	if s.Format != "" {
		return " (format " + s.Format + ")"
	}
	return ""
}

// valueRule checks the constraints of s that do not depend on structure:
// enum, bounds, lengths, pattern and format. v is a decoded JSON value.
func (c *checker) valueRule(s *Schema, v any) string {
	if len(s.Enum) > 0 && !inEnum(s.Enum, v) {
		return "must be one of: " + enumList(s.Enum)
	}
	switch t := v.(type) {
	case float64:
		if s.Min != nil && (t < *s.Min || s.ExclMin && t == *s.Min) {
			if s.ExclMin {
				return "must be greater than " + num(*s.Min) + " (the spec's exclusive minimum)"
			}
			return "the spec's minimum is " + num(*s.Min)
		}
		if s.Max != nil && (t > *s.Max || s.ExclMax && t == *s.Max) {
			if s.ExclMax {
				return "must be less than " + num(*s.Max) + " (the spec's exclusive maximum)"
			}
			return "the spec's maximum is " + num(*s.Max)
		}
		switch s.Format {
		case "int32":
			if t < math.MinInt32 || t > math.MaxInt32 {
				return "must fit in a 32-bit integer (format int32)"
			}
		}
	case string:
		n := uint64(len([]rune(t)))
		if n < s.MinLen {
			return fmt.Sprintf("at least %d characters (the value has %d)", s.MinLen, n)
		}
		if s.MaxLen != nil && n > *s.MaxLen {
			return fmt.Sprintf("at most %d characters (the value has %d)", *s.MaxLen, n)
		}
		if s.Pattern != "" {
			if re := compilePattern(s.Pattern); re != nil && !re.MatchString(t) {
				return "must match the pattern " + s.Pattern
			}
		}
		if r := formatRule(s.Format, t); r != "" {
			return r
		}
	}
	return ""
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func inEnum(enum []any, v any) bool {
	for _, e := range enum {
		if e == nil && v == nil {
			return true
		}
		if fmt.Sprint(e) == fmt.Sprint(v) {
			return true
		}
	}
	return false
}

func enumList(enum []any) string {
	parts := make([]string, 0, len(enum))
	for i, e := range enum {
		if i == 12 {
			parts = append(parts, fmt.Sprintf("… (%d in all)", len(enum)))
			break
		}
		parts = append(parts, fmt.Sprint(e))
	}
	return strings.Join(parts, ", ")
}

// formatRule checks the formats whose meaning is fixed (RFC 3339 dates,
// UUIDs, e-mail addresses, URIs, IP addresses); others are not checked.
func formatRule(format, v string) string {
	bad := false
	switch format {
	case "date-time":
		_, err := time.Parse(time.RFC3339, v)
		bad = err != nil
	case "date":
		_, err := time.Parse("2006-01-02", v)
		bad = err != nil
	case "uuid":
		bad = !uuidRE.MatchString(v)
	case "email":
		a, err := mail.ParseAddress(v)
		bad = err != nil || a.Address != v
	case "uri", "url":
		u, err := url.Parse(v)
		bad = err != nil || u.Scheme == ""
	case "ipv4":
		a, err := netip.ParseAddr(v)
		bad = err != nil || !a.Is4()
	case "ipv6":
		a, err := netip.ParseAddr(v)
		bad = err != nil || !a.Is6()
	default:
		return ""
	}
	if bad {
		return "must be in format " + format + formatHint(format)
	}
	return ""
}

func formatHint(format string) string {
	switch format {
	case "date-time":
		return " (RFC 3339, e.g. 2024-05-01T12:00:00Z)"
	case "date":
		return " (e.g. 2024-05-01)"
	case "uuid":
		return " (e.g. 123e4567-e89b-12d3-a456-426614174000)"
	}
	return ""
}

var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

var patterns sync.Map // pattern -> *regexp.Regexp, nil when Go cannot compile it

// compilePattern compiles an ECMA-262 pattern as Go's regexp understands
// it; a pattern Go cannot read is not checked rather than guessed at.
func compilePattern(p string) *regexp.Regexp {
	if v, ok := patterns.Load(p); ok {
		re, _ := v.(*regexp.Regexp)
		return re
	}
	re, err := regexp.Compile(p)
	if err != nil {
		patterns.Store(p, (*regexp.Regexp)(nil))
		return nil
	}
	patterns.Store(p, re)
	return re
}

func hasType(s *Schema, t string) bool {
	for _, x := range s.Types {
		if x == t {
			return true
		}
	}
	return false
}

// jsonType names a decoded JSON value's type as JSON Schema does.
func jsonType(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		if t == math.Trunc(t) {
			return "integer"
		}
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "unknown"
}

// decodeJSON decodes a body for checking.
func decodeJSON(body string) (any, error) {
	var v any
	err := json.Unmarshal([]byte(body), &v)
	return v, err
}
