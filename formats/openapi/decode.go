package openapi

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// components holds each section of the components object undecoded, so
// that each entry is decoded on its own and an error names it.
type components struct {
	Schemas         map[string]json.RawMessage `json:"schemas"`
	Parameters      map[string]json.RawMessage `json:"parameters"`
	Headers         map[string]json.RawMessage `json:"headers"`
	RequestBodies   map[string]json.RawMessage `json:"requestBodies"`
	Responses       map[string]json.RawMessage `json:"responses"`
	SecuritySchemes map[string]json.RawMessage `json:"securitySchemes"`
	Examples        map[string]json.RawMessage `json:"examples"`
	Links           map[string]json.RawMessage `json:"links"`
	Callbacks       map[string]json.RawMessage `json:"callbacks"`
}

// decodeEach decodes every entry of one components section.
func decodeEach[T any](raw map[string]json.RawMessage, section string) (map[string]*T, error) {
	if raw == nil {
		return nil, nil
	}
	out := make(map[string]*T, len(raw))
	for k, v := range raw {
		t := new(T)
		if err := json.Unmarshal(v, t); err != nil {
			return nil, fmt.Errorf("components %s %s: %w", section, k, err)
		}
		raw[k] = nil
		out[k] = t
	}
	return out, nil
}

// decodeComponents decodes the components object section by section.
func decodeComponents(c *components) (out *openapi3.Components, err error) {
	out = &openapi3.Components{}
	if out.Schemas, err = decodeEach[openapi3.SchemaRef](c.Schemas, "schemas"); err != nil {
		return nil, err
	}
	if out.Parameters, err = decodeEach[openapi3.ParameterRef](c.Parameters, "parameters"); err != nil {
		return nil, err
	}
	if out.Headers, err = decodeEach[openapi3.HeaderRef](c.Headers, "headers"); err != nil {
		return nil, err
	}
	if out.RequestBodies, err = decodeEach[openapi3.RequestBodyRef](c.RequestBodies, "requestBodies"); err != nil {
		return nil, err
	}
	if out.Responses, err = decodeEach[openapi3.ResponseRef](c.Responses, "responses"); err != nil {
		return nil, err
	}
	if out.SecuritySchemes, err = decodeEach[openapi3.SecuritySchemeRef](c.SecuritySchemes, "securitySchemes"); err != nil {
		return nil, err
	}
	if out.Examples, err = decodeEach[openapi3.ExampleRef](c.Examples, "examples"); err != nil {
		return nil, err
	}
	if out.Links, err = decodeEach[openapi3.LinkRef](c.Links, "links"); err != nil {
		return nil, err
	}
	if out.Callbacks, err = decodeEach[openapi3.CallbackRef](c.Callbacks, "callbacks"); err != nil {
		return nil, err
	}
	return out, nil
}

// decodeV3JSON decodes an OpenAPI 3 JSON document into the library's
// model one path and one component at a time. The model's own decoding
// of the document and of its paths first builds a generic tree of all of
// it, which for a 20 MB document is as big as the model itself; here the
// largest transient tree is that of one path item. Extensions (x-*) at
// the top level and of paths are not kept: nothing apierr reads is there.
func decodeV3JSON(data []byte) (*openapi3.T, error) {
	var top struct {
		OpenAPI           string                        `json:"openapi"`
		Info              *openapi3.Info                `json:"info"`
		Paths             map[string]json.RawMessage    `json:"paths"`
		Components        *components                   `json:"components"`
		Security          openapi3.SecurityRequirements `json:"security"`
		Servers           openapi3.Servers              `json:"servers"`
		Tags              openapi3.Tags                 `json:"tags"`
		ExternalDocs      *openapi3.ExternalDocs        `json:"externalDocs"`
		Webhooks          map[string]json.RawMessage    `json:"webhooks"`
		JSONSchemaDialect string                        `json:"jsonSchemaDialect"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, err
	}
	doc := &openapi3.T{
		OpenAPI: top.OpenAPI, Info: top.Info, Security: top.Security, Servers: top.Servers,
		Tags: top.Tags, ExternalDocs: top.ExternalDocs, JSONSchemaDialect: top.JSONSchemaDialect,
	}
	var err error
	if top.Components != nil {
		if doc.Components, err = decodeComponents(top.Components); err != nil {
			return nil, err
		}
	}
	items, err := decodePathItems(top.Paths, "paths")
	if err != nil {
		return nil, err
	}
	doc.Paths = openapi3.NewPathsWithCapacity(len(items))
	for k, it := range items {
		doc.Paths.Set(k, it)
	}
	if len(top.Webhooks) > 0 {
		if doc.Webhooks, err = decodePathItems(top.Webhooks, "webhooks"); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

// decodePathItems decodes each path item on its own, dropping its raw
// bytes as it goes; an error names the path.
func decodePathItems(raw map[string]json.RawMessage, where string) (map[string]*openapi3.PathItem, error) {
	keys := make([]string, 0, len(raw))
	for k := range raw {
		if !strings.HasPrefix(k, "x-") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	out := make(map[string]*openapi3.PathItem, len(keys))
	for _, k := range keys {
		it := new(openapi3.PathItem)
		if err := it.UnmarshalJSON(raw[k]); err != nil {
			return nil, fmt.Errorf("%s %s: %w", where, k, err)
		}
		raw[k] = nil
		out[k] = it
	}
	return out, nil
}
