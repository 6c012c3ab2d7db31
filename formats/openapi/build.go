package openapi

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/apierr/apierr/formats"
	"github.com/getkin/kin-openapi/openapi3"
)

// BuildOptions name the profile being built.
type BuildOptions struct {
	// Name is the profile's name (used with --api).
	Name string
	// Source is where the document came from (a path or URL).
	Source string
	// Hosts replace the servers' hosts as the profile's hosts when given.
	Hosts []string
	// OperationsFile is the name of the file the index will be saved as,
	// recorded in the profile.
	OperationsFile string
}

// methods in the order operations are listed.
var methods = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY"}

// maxExample caps an example body kept in the index or the profile.
const maxExample = 2048

// maxDescription caps a response description kept in the index.
const maxDescription = 2000

// Build turns a loaded document into a profile and its operations index.
// The profile's tables are what every operation shares: a status every
// operation documents becomes a status row, an error code an error schema
// enumerates becomes an error-code row, and the members of the error
// schemas become the profile's fields.
func Build(spec *Spec, opts BuildOptions) (formats.Profile, *Index) {
	doc := spec.Doc
	ix := &Index{Source: opts.Source, Security: map[string]SecurityScheme{}}
	if doc.Info != nil {
		ix.Title, ix.Version = doc.Info.Title, doc.Info.Version
	}
	tab := newSchemaTable()
	srv := newServerSet()
	srv.add(doc.Servers)
	if doc.Components != nil {
		for name, ref := range doc.Components.SecuritySchemes {
			if ref == nil || ref.Value == nil {
				continue
			}
			s := ref.Value
			ix.Security[name] = SecurityScheme{Type: s.Type, In: s.In, Name: s.Name, Scheme: strings.ToLower(s.Scheme)}
		}
	}
	paths := doc.Paths.Keys()
	sort.Strings(paths)
	for _, path := range paths {
		item := doc.Paths.Value(path)
		if item == nil {
			continue
		}
		srv.add(item.Servers)
		ops := item.Operations()
		for _, m := range methods {
			op := ops[m]
			if op == nil {
				continue
			}
			if op.Servers != nil {
				srv.add(*op.Servers)
			}
			ix.Ops = append(ix.Ops, buildOperation(doc, tab, m, path, item, op))
		}
	}
	ix.Schemas = tab.list
	ix.BasePaths = srv.basePaths()

	p := formats.Profile{
		Name:       opts.Name,
		Title:      ix.Title,
		Source:     opts.Source,
		Hosts:      opts.Hosts,
		Operations: opts.OperationsFile,
	}
	if len(p.Hosts) == 0 {
		p.Hosts = srv.hostList()
	}
	if doc.ExternalDocs != nil {
		p.DocsURL = doc.ExternalDocs.URL
	}
	if doc.Info != nil {
		p.Summary = firstParagraph(doc.Info.Description)
	}
	fillTables(&p, ix)
	return p, ix
}

func buildOperation(doc *openapi3.T, tab *schemaTable, method, path string, item *openapi3.PathItem, op *openapi3.Operation) Operation {
	out := Operation{Method: method, Path: path, ID: op.OperationID, Summary: op.Summary}
	// Operation parameters override path-level ones of the same name and place.
	byKey := map[string]int{}
	addParam := func(ref *openapi3.ParameterRef) {
		if ref == nil || ref.Value == nil {
			return
		}
		pv := ref.Value
		prm := Param{In: pv.In, Name: pv.Name, Required: pv.Required || pv.In == "path"}
		if pv.Schema != nil {
			prm.Schema = tab.add(pv.Schema)
		} else {
			for _, mt := range pv.Content {
				prm.Schema = tab.add(mt.Schema)
				break
			}
		}
		prm.Explode = pv.Explode
		if pv.In == "query" && pv.Style == "form" && pv.Explode != nil {
			prm.Explode = pv.Explode
		}
		key := pv.In + "\x00" + strings.ToLower(pv.Name)
		if i, ok := byKey[key]; ok {
			out.Params[i] = prm
			return
		}
		byKey[key] = len(out.Params)
		out.Params = append(out.Params, prm)
	}
	for _, ref := range item.Parameters {
		addParam(ref)
	}
	for _, ref := range op.Parameters {
		addParam(ref)
	}
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		rb := op.RequestBody.Value
		b := &Body{Required: rb.Required}
		types := make([]string, 0, len(rb.Content))
		for t := range rb.Content {
			types = append(types, t)
		}
		sort.Strings(types)
		for _, t := range types {
			b.Media = append(b.Media, Media{Type: t, Schema: tab.add(rb.Content[t].Schema)})
		}
		out.Body = b
	}
	sec := doc.Security
	if op.Security != nil {
		sec = *op.Security
	}
	for _, req := range sec {
		alt := make([]string, 0, len(req))
		for name := range req {
			alt = append(alt, name)
		}
		sort.Strings(alt)
		if len(alt) == 0 {
			// An empty requirement makes credentials optional.
			out.Security = nil
			break
		}
		out.Security = append(out.Security, alt)
	}
	if op.Responses != nil {
		keys := op.Responses.Keys()
		sort.Slice(keys, func(i, j int) bool { return statusOrder(keys[i]) < statusOrder(keys[j]) })
		for _, k := range keys {
			ref := op.Responses.Value(k)
			if ref == nil || ref.Value == nil || k == "" {
				continue
			}
			out.Responses = append(out.Responses, buildResponse(strings.ToUpper(k), ref.Value))
		}
	}
	return out
}

// statusOrder sorts "404" before "4XX" before "default".
func statusOrder(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n * 10
	}
	if len(s) == 3 && s[0] >= '1' && s[0] <= '5' {
		return int(s[0]-'0')*1000 + 999
	}
	return 1 << 30
}

// isError tells whether a response status is an error one.
func isError(status string) bool {
	return status == "DEFAULT" || status == "default" || status != "" && (status[0] == '4' || status[0] == '5')
}

func buildResponse(status string, r *openapi3.Response) Response {
	if status == "DEFAULT" {
		status = "default"
	}
	out := Response{Status: status}
	if r.Description != nil {
		out.Description = clip(strings.TrimSpace(*r.Description), maxDescription)
	}
	if !isError(strings.ToUpper(status)) {
		return out
	}
	types := make([]string, 0, len(r.Content))
	for t := range r.Content {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		mt := r.Content[t]
		if mt == nil {
			continue
		}
		if strings.Contains(t, "problem+json") {
			out.Problem = true
		}
		if mt.Schema != nil && mt.Schema.Value != nil && out.Members == nil {
			out.Members, out.Codes = describe(mt.Schema.Value, "", 0, map[*openapi3.Schema]bool{})
		}
		if out.Example == "" {
			out.Example = exampleOf(mt)
		}
	}
	return out
}

// describe lists an error schema's described members, one level of
// nesting deep ("error.code"), and the codes that code-like members
// enumerate.
func describe(s *openapi3.Schema, prefix string, depth int, seen map[*openapi3.Schema]bool) ([]Member, []string) {
	if seen[s] || depth > 1 {
		return nil, nil
	}
	seen[s] = true
	var members []Member
	var codes []string
	props := map[string]*openapi3.SchemaRef{}
	collectProps(s, props, seen, 0)
	names := make([]string, 0, len(props))
	for n := range props {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		v := props[n].Value
		if v == nil {
			continue
		}
		typ := ""
		if v.Type != nil {
			typ = strings.Join(v.Type.Slice(), "|")
		}
		desc := strings.TrimSpace(v.Description)
		if desc == "" {
			desc = strings.TrimSpace(v.Title)
		}
		members = append(members, Member{Name: prefix + n, Type: typ, Description: firstParagraph(desc)})
		if codeLike(n) {
			for _, e := range v.Enum {
				if str, ok := e.(string); ok && str != "" {
					codes = append(codes, str)
				}
			}
		}
		if typ == "object" || v.Properties != nil {
			m, c := describe(v, prefix+n+".", depth+1, seen)
			members = append(members, m...)
			codes = append(codes, c...)
		}
	}
	return members, codes
}

// collectProps gathers properties through allOf/anyOf/oneOf.
func collectProps(s *openapi3.Schema, into map[string]*openapi3.SchemaRef, seen map[*openapi3.Schema]bool, depth int) {
	if depth > 4 {
		return
	}
	for n, p := range s.Properties {
		if _, ok := into[n]; !ok {
			into[n] = p
		}
	}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
		for _, r := range group {
			if r != nil && r.Value != nil {
				collectProps(r.Value, into, seen, depth+1)
			}
		}
	}
}

// codeLike tells whether a member name holds an error code.
func codeLike(name string) bool {
	n := strings.ToLower(name)
	return n == "error" || n == "type" || n == "reason" || strings.Contains(n, "code")
}

// exampleOf returns a media type's first example as JSON text.
func exampleOf(mt *openapi3.MediaType) string {
	var v any
	switch {
	case mt.Example != nil:
		v = mt.Example
	case len(mt.Examples) > 0:
		names := make([]string, 0, len(mt.Examples))
		for n := range mt.Examples {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if ex := mt.Examples[n]; ex != nil && ex.Value != nil && ex.Value.Value != nil {
				v = ex.Value.Value
				break
			}
		}
	case mt.Schema != nil && mt.Schema.Value != nil && mt.Schema.Value.Example != nil:
		v = mt.Schema.Value.Example
	case mt.Schema != nil && mt.Schema.Value != nil && len(mt.Schema.Value.Examples) > 0:
		v = mt.Schema.Value.Examples[0] // 3.1's JSON Schema examples
	}
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return clip(s, maxExample)
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil || len(b) > maxExample {
		return ""
	}
	return string(b)
}

// clip cuts s to at most n bytes, at a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// firstParagraph keeps a long Markdown description's first paragraph.
func firstParagraph(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n\n"); i > 0 {
		s = s[:i]
	}
	return clip(s, 1000)
}
