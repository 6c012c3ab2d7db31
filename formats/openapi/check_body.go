package openapi

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/url"
	"sort"
	"strings"
)

// body checks the request body against the operation's documented one.
func (c *checker) body(op *Operation, req Request) {
	b := op.Body
	if b == nil || len(b.Media) == 0 {
		return
	}
	if strings.TrimSpace(req.Body) == "" {
		if b.Required {
			c.add("body", "body", "", "a request body is required ("+mediaList(b.Media)+")")
		}
		return
	}
	ctype, _, _ := mime.ParseMediaType(req.Header.Get("Content-Type"))
	media := pickMedia(b.Media, ctype, req.Body)
	if media == nil {
		c.add("header", "Content-Type", req.Header.Get("Content-Type"), "the body must be one of: "+mediaList(b.Media))
		return
	}
	s := c.ix.schema(media.Schema)
	switch {
	case strings.Contains(media.Type, "json"):
		v, err := decodeJSON(req.Body)
		if err != nil {
			c.add("body", "body", "", "must be valid JSON ("+media.Type+"): "+err.Error())
			return
		}
		c.jsonValue(s, v, "", 0)
	case strings.Contains(media.Type, "x-www-form-urlencoded"):
		form, err := url.ParseQuery(req.Body)
		if err != nil {
			c.add("body", "body", "", "must be form-encoded ("+media.Type+")")
			return
		}
		c.form(s, form)
	case strings.HasPrefix(media.Type, "multipart/form-data"):
		form, err := multipartFields(req.Header.Get("Content-Type"), req.Body)
		if err != nil {
			c.add("body", "body", "", "must be multipart/form-data with its boundary: "+err.Error())
			return
		}
		c.form(s, form)
	}
}

// pickMedia chooses the documented media type the body was sent as.
func pickMedia(media []Media, ctype, body string) *Media {
	if ctype != "" {
		for i := range media {
			if strings.EqualFold(media[i].Type, ctype) {
				return &media[i]
			}
		}
		for i := range media {
			mt := media[i].Type
			if mt == "*/*" || strings.HasSuffix(mt, "/*") && strings.HasPrefix(ctype, strings.TrimSuffix(mt, "*")) {
				return &media[i]
			}
		}
		return nil
	}
	// No Content-Type: judge by the body, as servers often do.
	jsonish := strings.HasPrefix(strings.TrimSpace(body), "{") || strings.HasPrefix(strings.TrimSpace(body), "[")
	for i := range media {
		if strings.Contains(media[i].Type, "json") == jsonish {
			return &media[i]
		}
	}
	return &media[0]
}

func mediaList(media []Media) string {
	out := make([]string, len(media))
	for i, m := range media {
		out[i] = m.Type
	}
	return strings.Join(out, ", ")
}

// form checks form-encoded members against an object schema.
func (c *checker) form(s *Schema, form url.Values) {
	props, required := c.objectShape(s)
	for _, r := range required {
		if _, ok := form[r]; !ok && !c.ix.schema(props[r]).ReadOnly {
			c.add("body", r, "", "required body member; the request has none")
		}
	}
	names := make([]string, 0, len(form))
	for n := range form {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ps, ok := props[n]
		if !ok {
			continue
		}
		sch := c.ix.schema(ps)
		vals := form[n]
		if hasType(sch, "array") {
			sch = c.ix.schema(sch.Items)
		}
		for _, v := range vals {
			if rule := c.textRule(sch, v, 0); rule != "" {
				c.add("body", n, v, rule)
				break
			}
		}
	}
}

// objectShape merges an object schema's properties and required members
// with those of its allOf parts.
func (c *checker) objectShape(s *Schema) (map[string]int32, []string) {
	props := map[string]int32{}
	var required []string
	var walk func(s *Schema, depth int)
	walk = func(s *Schema, depth int) {
		if depth > 8 {
			return
		}
		for k, v := range s.Props {
			if _, ok := props[k]; !ok {
				props[k] = v
			}
		}
		required = append(required, s.Required...)
		for _, n := range s.AllOf {
			walk(c.ix.schema(n), depth+1)
		}
	}
	walk(s, 0)
	return props, required
}

// jsonValue checks a decoded JSON value against s; ptr is its JSON
// pointer in the body ("" for the body itself).
func (c *checker) jsonValue(s *Schema, v any, ptr string, depth int) {
	if depth > 32 || len(c.out) >= maxViolations {
		return
	}
	name := ptr
	if name == "" {
		name = "body"
	}
	if v == nil {
		if !s.Nullable && len(s.Types) > 0 {
			c.add("body", name, "null", "must not be null (type "+strings.Join(s.Types, " or ")+")")
		}
		return
	}
	for _, n := range s.AllOf {
		c.jsonValue(c.ix.schema(n), v, ptr, depth+1)
	}
	if alts := append(append([]int32(nil), s.AnyOf...), s.OneOf...); len(alts) > 0 && !c.fitsAny(alts, v, depth) {
		c.add("body", name, preview(v), c.altRule(alts))
		return
	}
	if len(s.Types) > 0 && !typeFits(s.Types, v) {
		c.add("body", name, preview(v), "must be of type "+strings.Join(s.Types, " or ")+", not "+jsonType(v))
		return
	}
	if rule := c.valueRule(s, v); rule != "" {
		c.add("body", name, preview(v), rule)
		return
	}
	switch t := v.(type) {
	case map[string]any:
		if len(s.Props) == 0 && len(s.Required) == 0 && !s.Closed {
			return
		}
		for _, r := range s.Required {
			if _, ok := t[r]; !ok && !c.ix.schema(s.Props[r]).ReadOnly {
				c.add("body", ptr+"/"+escapePointer(r), "", "required member; the body has none")
			}
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n, ok := s.Props[k]
			if !ok {
				if s.Closed && len(s.AllOf) == 0 {
					c.add("body", ptr+"/"+escapePointer(k), "", "not a documented member (additionalProperties is false)")
				}
				continue
			}
			c.jsonValue(c.ix.schema(n), t[k], ptr+"/"+escapePointer(k), depth+1)
		}
	case []any:
		if uint64(len(t)) < s.MinItems {
			c.add("body", name, "", "at least "+num(float64(s.MinItems))+" items")
		}
		if s.MaxItems != nil && uint64(len(t)) > *s.MaxItems {
			c.add("body", name, "", "at most "+num(float64(*s.MaxItems))+" items")
		}
		if s.Items != 0 {
			for i, it := range t {
				c.jsonValue(c.ix.schema(s.Items), it, ptr+"/"+num(float64(i)), depth+1)
			}
		}
	}
}

// fitsAny tells whether v conforms to at least one alternative, checking
// each on a scratch checker.
func (c *checker) fitsAny(alts []int32, v any, depth int) bool {
	for _, n := range alts {
		trial := &checker{ix: c.ix}
		trial.jsonValue(c.ix.schema(n), v, "", depth+1)
		if len(trial.out) == 0 {
			return true
		}
	}
	return false
}

// altRule words the alternatives a value fitted none of: their values
// when every alternative is a list of values (an enum written as oneOf
// consts), else the alternatives' types.
func (c *checker) altRule(alts []int32) string {
	var values []any
	var types []string
	enumsOnly := true
	var walk func(alts []int32, depth int)
	walk = func(alts []int32, depth int) {
		for _, n := range alts {
			s := c.ix.schema(n)
			switch {
			case len(s.Enum) > 0:
				values = append(values, s.Enum...)
			case len(s.Types) == 1 && s.Types[0] == "null":
				values = append(values, nil)
			case depth < 4 && len(s.OneOf)+len(s.AnyOf) > 0:
				walk(append(append([]int32(nil), s.OneOf...), s.AnyOf...), depth+1)
			default:
				enumsOnly = false
				types = append(types, s.Types...)
			}
		}
	}
	walk(alts, 0)
	if enumsOnly && len(values) > 0 {
		for i, v := range values {
			if v == nil {
				values[i] = "null"
			}
		}
		return "must be one of: " + enumList(values)
	}
	if len(types) > 0 {
		return "fits none of the documented alternatives (oneOf/anyOf: " + strings.Join(types, ", ") + ")"
	}
	return "fits none of the documented alternatives (oneOf/anyOf)"
}

func typeFits(types []string, v any) bool {
	got := jsonType(v)
	for _, t := range types {
		if t == got || t == "number" && got == "integer" {
			return true
		}
	}
	return false
}

// preview is a short text of a JSON value for a violation.
func preview(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		return "{…}"
	case []any:
		return "[…]"
	}
	if b, err := json.Marshal(v); err == nil {
		return string(b)
	}
	return ""
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// multipartFields reads a multipart/form-data body's parts by name: the
// text of each field, and "" for a file (its content is not checked).
func multipartFields(ctype, body string) (url.Values, error) {
	_, params, err := mime.ParseMediaType(ctype)
	if err != nil || params["boundary"] == "" {
		return nil, errors.New("the Content-Type names no boundary")
	}
	r := multipart.NewReader(strings.NewReader(body), params["boundary"])
	out := url.Values{}
	for {
		part, err := r.NextPart()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if part.FileName() != "" {
			out.Add(part.FormName(), "")
			continue
		}
		v, _ := io.ReadAll(io.LimitReader(part, 1<<16))
		out.Add(part.FormName(), string(v))
	}
}
