package openapi

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// components is openapi3.Components without its own UnmarshalJSON, which
// decodes the whole section a second time into a generic map (to find
// extensions) before it decodes the section itself.
type components struct {
	Schemas         openapi3.Schemas         `json:"schemas"`
	Parameters      openapi3.ParametersMap   `json:"parameters"`
	Headers         openapi3.Headers         `json:"headers"`
	RequestBodies   openapi3.RequestBodies   `json:"requestBodies"`
	Responses       openapi3.ResponseBodies  `json:"responses"`
	SecuritySchemes openapi3.SecuritySchemes `json:"securitySchemes"`
	Examples        openapi3.Examples        `json:"examples"`
	Links           openapi3.Links           `json:"links"`
	Callbacks       openapi3.Callbacks       `json:"callbacks"`
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
	if c := top.Components; c != nil {
		doc.Components = &openapi3.Components{
			Schemas: c.Schemas, Parameters: c.Parameters, Headers: c.Headers, RequestBodies: c.RequestBodies,
			Responses: c.Responses, SecuritySchemes: c.SecuritySchemes, Examples: c.Examples, Links: c.Links, Callbacks: c.Callbacks,
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
