package openapi

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// Index is what a diagnosis needs from an OpenAPI document, in a compact
// form that is cheap to store and to decode: every operation with its
// parameters, request body, security and documented responses, and one
// table of schemas that they point into by number (so a $ref cycle is
// just two numbers pointing at each other).
type Index struct {
	// Title and Version are the document's info.
	Title   string `json:"title"`
	Version string `json:"version,omitempty"`
	// Source names the document (its path or URL).
	Source string `json:"source"`
	// BasePaths are the servers' path prefixes ("/api/v10"), longest first.
	BasePaths []string `json:"base_paths,omitempty"`
	// Security are the document's security schemes by name.
	Security map[string]SecurityScheme `json:"security,omitempty"`
	// Schemas is the schema table; 0 is the empty schema, which allows anything.
	Schemas []Schema `json:"schemas"`
	// Ops are the operations, in path then method order.
	Ops []Operation `json:"operations"`

	routerOnce sync.Once
	router     *router
}

// Operation is one documented method on one path.
type Operation struct {
	Method  string `json:"m"`
	Path    string `json:"p"`
	ID      string `json:"id,omitempty"`
	Summary string `json:"s,omitempty"`
	// Params are the operation's parameters, path-level ones included.
	Params []Param `json:"pa,omitempty"`
	// Body is the request body, nil when none is documented.
	Body *Body `json:"b,omitempty"`
	// Security lists alternatives, any one of which satisfies the
	// operation; each alternative names schemes that must all be met.
	// Nil (or an empty alternative) means no credentials are needed.
	Security [][]string `json:"sec,omitempty"`
	// Responses are the documented responses, in the document's order.
	Responses []Response `json:"r,omitempty"`
}

// Name is how an operation is shown: "GET /v1/items/{id}".
func (o *Operation) Name() string { return o.Method + " " + o.Path }

// Param is one parameter.
type Param struct {
	In       string `json:"in"`
	Name     string `json:"n"`
	Required bool   `json:"req,omitempty"`
	Schema   int32  `json:"sc,omitempty"`
	// Explode is false for a form-style array sent as "a,b,c".
	Explode *bool `json:"x,omitempty"`
}

// Body is a request body.
type Body struct {
	Required bool `json:"req,omitempty"`
	// Media are the documented media types with their schemas.
	Media []Media `json:"media"`
}

// Media is one media type of a body and its schema.
type Media struct {
	Type   string `json:"t"`
	Schema int32  `json:"sc,omitempty"`
}

// Response is one documented response.
type Response struct {
	// Status is "404", "4XX" or "default".
	Status      string `json:"s"`
	Description string `json:"d,omitempty"`
	// Members are the error body's described members (error responses only).
	Members []Member `json:"mem,omitempty"`
	// Example is an example error body, when the document gives one.
	Example string `json:"x,omitempty"`
	// Codes are the error codes its schema enumerates.
	Codes []string `json:"codes,omitempty"`
	// Problem is true when the body is application/problem+json.
	Problem bool `json:"pj,omitempty"`
}

// Member is one described member of an error body.
type Member struct {
	Name        string `json:"n"`
	Type        string `json:"t,omitempty"`
	Description string `json:"d,omitempty"`
}

// SecurityScheme is the part of a security scheme a check needs.
type SecurityScheme struct {
	// Type is apiKey, http, oauth2, openIdConnect or mutualTLS.
	Type string `json:"t"`
	// In and Name locate an apiKey (header, query or cookie).
	In   string `json:"in,omitempty"`
	Name string `json:"n,omitempty"`
	// Scheme is an http scheme: bearer, basic, ...
	Scheme string `json:"s,omitempty"`
}

// Schema is the part of a JSON Schema the checks read. Numbers name other
// schemas in the Index's table.
type Schema struct {
	Types    []string         `json:"t,omitempty"`
	Format   string           `json:"f,omitempty"`
	Enum     []any            `json:"e,omitempty"`
	Min      *float64         `json:"min,omitempty"`
	Max      *float64         `json:"max,omitempty"`
	ExclMin  bool             `json:"xmin,omitempty"`
	ExclMax  bool             `json:"xmax,omitempty"`
	MinLen   uint64           `json:"minl,omitempty"`
	MaxLen   *uint64          `json:"maxl,omitempty"`
	Pattern  string           `json:"p,omitempty"`
	MinItems uint64           `json:"mini,omitempty"`
	MaxItems *uint64          `json:"maxi,omitempty"`
	Required []string         `json:"r,omitempty"`
	Props    map[string]int32 `json:"pr,omitempty"`
	Items    int32            `json:"i,omitempty"`
	AllOf    []int32          `json:"all,omitempty"`
	AnyOf    []int32          `json:"any,omitempty"`
	OneOf    []int32          `json:"one,omitempty"`
	Nullable bool             `json:"n,omitempty"`
	// Closed is additionalProperties: false.
	Closed   bool `json:"c,omitempty"`
	ReadOnly bool `json:"ro,omitempty"`
}

// Encode writes the index as gzipped JSON.
func (ix *Index) Encode() ([]byte, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err := json.NewEncoder(zw).Encode(ix); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DecodeIndex reads an index written by Encode.
func DecodeIndex(data []byte) (*Index, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not an operations index: %v", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("operations index: %v", err)
	}
	ix := new(Index)
	if err := json.Unmarshal(raw, ix); err != nil {
		return nil, fmt.Errorf("operations index: %v", err)
	}
	if len(ix.Schemas) == 0 {
		ix.Schemas = []Schema{{}}
	}
	for i := range ix.Ops {
		for _, n := range ix.schemaRefs(&ix.Ops[i]) {
			if n < 0 || int(n) >= len(ix.Schemas) {
				return nil, fmt.Errorf("operations index: %s names schema %d of %d", ix.Ops[i].Name(), n, len(ix.Schemas))
			}
		}
	}
	for i := range ix.Schemas {
		s := &ix.Schemas[i]
		refs := append(append(append([]int32{s.Items}, s.AllOf...), s.AnyOf...), s.OneOf...)
		for _, n := range s.Props {
			refs = append(refs, n)
		}
		for _, n := range refs {
			if n < 0 || int(n) >= len(ix.Schemas) {
				return nil, fmt.Errorf("operations index: schema %d names schema %d of %d", i, n, len(ix.Schemas))
			}
		}
	}
	return ix, nil
}

// schemaRefs lists the schema numbers an operation uses directly.
func (ix *Index) schemaRefs(op *Operation) []int32 {
	var out []int32
	for _, p := range op.Params {
		out = append(out, p.Schema)
	}
	if op.Body != nil {
		for _, m := range op.Body.Media {
			out = append(out, m.Schema)
		}
	}
	return out
}

// schema returns schema n (the empty one for 0 or out of range).
func (ix *Index) schema(n int32) *Schema {
	if n <= 0 || int(n) >= len(ix.Schemas) {
		return &ix.Schemas[0]
	}
	return &ix.Schemas[n]
}
