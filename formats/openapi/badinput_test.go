package openapi

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
)

// A document that cannot be used gets one error naming where it is wrong.
func TestLoadBadInput(t *testing.T) {
	cases := []struct{ name, doc, want string }{
		{"empty", "", "api.yaml: the document is empty"},
		{"yaml syntax", "openapi: 3.0.3\ninfo:\n  title: x\n   version: 1\npaths: {}\n", "api.yaml: invalid YAML: line 4"},
		{"json syntax", "{\n \"openapi\": \"3.0.3\",\n \"paths\": {\n  \"/a\": {\n }\n", "api.yaml: line 6: invalid JSON"},
		{"not openapi", "name: acme\nerrors: []\n", "not an OpenAPI or Swagger document"},
		{"asyncapi", "asyncapi: 2.6.0\npaths: {}\n", "not an OpenAPI or Swagger document"},
		{"no paths", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {}\n", "the document has no paths"},
		{"dangling ref", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Missing'}\n",
			"#/components/responses/Missing"},
		{"wrong type", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      parameters: 5\n      responses: {'200': {description: ok}}\n",
			`api.yaml: paths /a: member "parameters" of this operation must be a list or map, not a number`},
		{"wrong type json", `{"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": 7}}}}}}`,
			`api.yaml: paths /a: member "description" of this response must be a string, not a number`},
		{"wrong type in components", `{"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}, "components": {"schemas": {"Item": {"type": "object", "required": "id"}}}}`,
			`api.yaml: components schemas Item: member "required" of this schema must be a list or map, not a string`},
		{"remote ref", "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    $ref: 'https://example.com/paths.yaml#/a'\n",
			`$ref "https://example.com/paths.yaml#/a" points outside the document; it is not fetched unless you pass --follow-refs`},
		{"file ref", "swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: 'common.yaml#/ok'}\n",
			`$ref "common.yaml#/ok" points outside the document`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load([]byte(c.doc), LoadOptions{Location: "api.yaml"})
			if err == nil {
				t.Fatalf("no error")
			}
			if !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q, want one line containing %q", err, c.want)
			}
		})
	}
}

// With FollowRefs the document's $refs to other files are read through
// ReadRef, and only then.
func TestFollowRefs(t *testing.T) {
	main := "openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /items:\n    get:\n      parameters:\n        - $ref: 'common.yaml#/components/parameters/Limit'\n      responses: {'200': {description: ok}}\n"
	common := "components:\n  parameters:\n    Limit:\n      name: limit\n      in: query\n      schema: {type: integer, maximum: 100}\n"
	var asked []string
	spec, err := Load([]byte(main), LoadOptions{Location: "/specs/api.yaml", FollowRefs: true, ReadRef: func(u *url.URL) ([]byte, error) {
		asked = append(asked, u.String())
		return []byte(common), nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 1 || !strings.HasSuffix(asked[0], "/specs/common.yaml") {
		t.Errorf("read %v, want /specs/common.yaml", asked)
	}
	_, ix := Build(spec, BuildOptions{Source: "api.yaml"})
	d := formats.Diagnosis{Status: 400}
	ix.Apply(&d, Request{Method: "GET", URL: "https://x.test/items?limit=101", Header: http.Header{}}, ApplyOptions{})
	if len(d.Violations) != 1 || d.Violations[0].Rule != "the spec's maximum is 100" {
		t.Errorf("violations %+v", d.Violations)
	}
}

// A schema that refers to itself loads, is stored as numbers pointing at
// each other, survives encoding, and a deep body is checked without
// looping.
func TestRefCycle(t *testing.T) {
	doc := `openapi: 3.0.3
info: {title: tree, version: '1'}
paths:
  /nodes:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Node'}
      responses:
        '201': {description: created}
        '422': {description: The node tree is not valid.}
components:
  schemas:
    Node:
      type: object
      required: [name]
      properties:
        name: {type: string, maxLength: 5}
        children:
          type: array
          items: {$ref: '#/components/schemas/Node'}
`
	spec, err := Load([]byte(doc), LoadOptions{Location: "tree.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	_, built := Build(spec, BuildOptions{Source: "tree.yaml"})
	enc, err := built.Encode()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := DecodeIndex(enc)
	if err != nil {
		t.Fatal(err)
	}
	body := `{"name": "root", "children": [{"name": "a", "children": [{"children": []}, {"name": "toolong"}]}]}`
	d := formats.Diagnosis{Status: 422, Explanation: "generic"}
	ix.Apply(&d, Request{Method: "POST", URL: "https://x.test/nodes", Header: http.Header{"Content-Type": {"application/json"}}, Body: body}, ApplyOptions{})
	var got []string
	for _, v := range d.Violations {
		got = append(got, v.Name+": "+v.Rule)
	}
	want := []string{"/children/0/children/0/name: required member; the body has none", "/children/0/children/1/name: at most 5 characters (the value has 7)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("violations %q, want %q", got, want)
	}
	if !strings.HasPrefix(d.Explanation, "POST /nodes — 422: The node tree is not valid.") {
		t.Errorf("explanation %q", d.Explanation)
	}
}

// A corrupt index is refused, not trusted.
func TestDecodeIndexBad(t *testing.T) {
	if _, err := DecodeIndex([]byte("not gzip")); err == nil {
		t.Error("garbage decoded")
	}
	ix := &Index{Schemas: []Schema{{}}, Ops: []Operation{{Method: "GET", Path: "/a", Params: []Param{{In: "query", Name: "q", Schema: 7}}}}}
	enc, _ := ix.Encode()
	if _, err := DecodeIndex(enc); err == nil || !strings.Contains(err.Error(), "GET /a names schema 7") {
		t.Errorf("error %v", err)
	}
}
