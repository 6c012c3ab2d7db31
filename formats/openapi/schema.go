package openapi

import (
	"github.com/getkin/kin-openapi/openapi3"
)

// schemaTable turns the library's schemas into the Index's table. Each
// distinct schema gets one number, given before its members are read, so
// a schema that refers back to itself (a tree, a linked list) ends up as
// numbers pointing at each other instead of an endless walk.
type schemaTable struct {
	list []Schema
	seen map[*openapi3.Schema]int32
}

func newSchemaTable() *schemaTable {
	return &schemaTable{list: []Schema{{}}, seen: make(map[*openapi3.Schema]int32)}
}

// add returns the number of ref's schema, adding it when new; 0 (allow
// anything) when there is none.
func (t *schemaTable) add(ref *openapi3.SchemaRef) int32 {
	if ref == nil || ref.Value == nil {
		return 0
	}
	s := ref.Value
	if n, ok := t.seen[s]; ok {
		return n
	}
	n := int32(len(t.list))
	t.seen[s] = n
	t.list = append(t.list, Schema{})
	out := Schema{
		Format:   s.Format,
		Min:      s.Min,
		Max:      s.Max,
		MinLen:   s.MinLength,
		MaxLen:   s.MaxLength,
		Pattern:  s.Pattern,
		MinItems: s.MinItems,
		MaxItems: s.MaxItems,
		Nullable: s.Nullable,
		ReadOnly: s.ReadOnly,
	}
	if s.Type != nil {
		for _, typ := range s.Type.Slice() {
			if typ == "null" {
				out.Nullable = true
				continue
			}
			out.Types = append(out.Types, typ)
		}
		if out.Nullable && len(out.Types) == 0 {
			// {"type": "null"} allows null and nothing else.
			out.Types = []string{"null"}
		}
	}
	if len(s.Enum) > 0 {
		out.Enum = s.Enum
	} else if s.Const != nil {
		out.Enum = []any{s.Const}
	}
	// 3.0 writes exclusiveMinimum: true beside minimum; 3.1 gives the
	// bound itself.
	if s.ExclusiveMin.IsTrue() {
		out.ExclMin = true
	} else if v := s.ExclusiveMin.Value; v != nil {
		out.Min, out.ExclMin = v, true
	}
	if s.ExclusiveMax.IsTrue() {
		out.ExclMax = true
	} else if v := s.ExclusiveMax.Value; v != nil {
		out.Max, out.ExclMax = v, true
	}
	out.Required = s.Required
	if len(s.Properties) > 0 {
		out.Props = make(map[string]int32, len(s.Properties))
		for name, p := range s.Properties {
			out.Props[name] = t.add(p)
		}
	}
	out.Items = t.add(s.Items)
	for _, r := range s.AllOf {
		out.AllOf = append(out.AllOf, t.add(r))
	}
	for _, r := range s.AnyOf {
		out.AnyOf = append(out.AnyOf, t.add(r))
	}
	for _, r := range s.OneOf {
		out.OneOf = append(out.OneOf, t.add(r))
	}
	if ap := s.AdditionalProperties.Has; ap != nil && !*ap {
		out.Closed = true
	}
	t.list[n] = out
	return n
}
