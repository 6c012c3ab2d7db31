package openapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v4"
)

// LoadOptions says how to read a document.
type LoadOptions struct {
	// Location is the document's path or URL, for messages and for
	// resolving relative $refs.
	Location string
	// FollowRefs allows $refs to other files or URLs; without it such a
	// $ref is an error naming it.
	FollowRefs bool
	// ReadRef reads the document a $ref points at (an absolute URL, or a
	// file: URL). Required with FollowRefs.
	ReadRef func(uri *url.URL) ([]byte, error)
}

// Spec is a loaded document.
type Spec struct {
	// Doc is the document in OpenAPI 3 form (a Swagger 2.0 document is
	// converted).
	Doc *openapi3.T
	// Version is the version the document declares ("3.0.1", "3.1.0", "2.0").
	Version string
	// Warnings are problems of the document that do not stop its use
	// (invalid examples, unknown formats), each naming its place.
	Warnings []string
}

// Kind tells whether data is an OpenAPI or Swagger document, by content:
// the top-level "openapi" or "swagger" member. It returns the declared
// version, or "" for anything else.
func Kind(data []byte) string {
	root, err := decodeTree(data)
	if err != nil {
		return ""
	}
	v, _ := versionOf(root)
	return v
}

// versionOf reads the declared version and says whether it is Swagger 2.
func versionOf(root any) (string, bool) {
	m, ok := root.(map[string]any)
	if !ok {
		return "", false
	}
	if _, hasPaths := m["paths"]; !hasPaths {
		if _, hooks := m["webhooks"]; !hooks {
			if _, comps := m["components"]; !comps {
				return "", false
			}
		}
	}
	if v, ok := m["openapi"].(string); ok && strings.HasPrefix(v, "3.") {
		return v, false
	}
	switch v := m["swagger"].(type) {
	case string:
		if strings.HasPrefix(v, "2") {
			return v, true
		}
	case float64:
		if v == 2 {
			return "2.0", true
		}
	}
	return "", false
}

// Load parses an OpenAPI 3.0/3.1 or Swagger 2.0 document, YAML or JSON,
// and resolves its $refs. Errors name the place: the line of a syntax
// error, the $ref that cannot be resolved, the member of the wrong type.
func Load(data []byte, opts LoadOptions) (spec *Spec, err error) {
	name := opts.Location
	if name == "" {
		name = "the document"
	}
	defer func() {
		// A document the library cannot cope with must cost the user an
		// error, not the program.
		if r := recover(); r != nil {
			spec, err = nil, fmt.Errorf("%s: the document cannot be read (%v)", name, r)
		}
	}()
	if spec, ok, err := loadJSONDirect(data, opts, name); ok {
		if err != nil {
			return nil, err
		}
		return finish(spec, name)
	}
	root, err := decodeTree(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	version, v2 := versionOf(root)
	if version == "" {
		return nil, fmt.Errorf("%s: not an OpenAPI or Swagger document (no top-level \"openapi: 3.x\" or \"swagger: \"2.0\"\" with paths)", name)
	}
	if !opts.FollowRefs {
		if ref := firstExternalRef(root); ref != "" {
			return nil, fmt.Errorf("%s: $ref %q points outside the document; it is not fetched unless you pass --follow-refs", name, ref)
		}
	}
	normalize(root)
	clean, err := json.Marshal(root)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	spec, err = decodeDoc(clean, version, v2, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, jsonTypeError(err))
	}
	return finish(spec, name)
}

// finish checks what every document must have and validates it.
func finish(spec *Spec, name string) (*Spec, error) {
	if spec.Doc.Paths == nil || spec.Doc.Paths.Len() == 0 {
		return nil, fmt.Errorf("%s: the document has no paths, so there are no operations to learn", name)
	}
	spec.Warnings = validate(spec.Doc)
	return spec, nil
}

// validate runs the library's validation without the checks real
// documents commonly fail (examples that do not match their schemas,
// patterns Go cannot compile); what remains is reported, not fatal: a
// document its vendor publishes is worth using even when it is not
// perfectly valid.
func validate(doc *openapi3.T) []string {
	err := doc.Validate(context.Background(),
		openapi3.DisableSchemaDefaultsValidation(),
		openapi3.DisableExamplesValidation(),
		openapi3.DisableSchemaPatternValidation(),
		openapi3.DisableSchemaFormatValidation(),
		openapi3.AllowExtraSiblingFields("$recursiveRef", "$dynamicRef", "$anchor", "$schema", "$id", "$comment"),
	)
	if err == nil {
		return nil
	}
	msg := strings.TrimSpace(err.Error())
	if i := strings.IndexByte(msg, '\n'); i > 0 {
		msg = msg[:i]
	}
	return []string{msg}
}

// decodeTree decodes JSON or YAML into plain values. JSON is read with
// encoding/json (much faster on large documents); a syntax error gives
// its line.
func decodeTree(data []byte) (any, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 {
		return nil, errors.New("the document is empty")
	}
	if trimmed[0] == '{' {
		var v any
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				off := int(se.Offset) + len(data) - len(trimmed)
				return nil, fmt.Errorf("line %d: invalid JSON: %v", 1+bytes.Count(data[:min(off, len(data))], []byte{'\n'}), se)
			}
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, fmt.Errorf("line %d: invalid JSON: the document ends before its last object or string is closed", 1+bytes.Count(data, []byte{'\n'}))
			}
			return nil, fmt.Errorf("invalid JSON: %v", err)
		}
		return numbersToFloat(v), nil
	}
	var v any
	if err := yaml.Unmarshal(trimmed, &v); err != nil {
		return nil, fmt.Errorf("invalid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return yamlToJSON(v), nil
}

// numbersToFloat turns json.Number into float64 (or int64 when exact),
// as the rest of the package expects.
func numbersToFloat(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = numbersToFloat(x)
		}
	case []any:
		for i, x := range t {
			t[i] = numbersToFloat(x)
		}
	case json.Number:
		f, err := t.Float64()
		if err != nil {
			return t.String()
		}
		return f
	}
	return v
}

// yamlToJSON makes YAML's values JSON's: string keys, no binary or times.
func yamlToJSON(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = yamlToJSON(x)
		}
		return t
	case map[any]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[fmt.Sprint(k)] = yamlToJSON(x)
		}
		return m
	case []any:
		for i, x := range t {
			t[i] = yamlToJSON(x)
		}
		return t
	case int:
		return float64(t)
	case int64:
		return float64(t)
	case uint64:
		return float64(t)
	case []byte:
		return string(t)
	case nil, string, bool, float64:
		return t
	}
	return fmt.Sprint(v)
}

// normalize rewrites the JSON Schema forms real documents use but the
// OpenAPI 3.0 and Swagger 2.0 schemas do not allow, so that they load:
// a tuple-form "items" array becomes "anyOf" its members (it constrains
// nothing apierr checks), and a non-object "example"-free member stays.
func normalize(v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if k == "items" {
				if arr, ok := x.([]any); ok {
					if len(arr) == 1 {
						t[k] = arr[0]
					} else {
						t[k] = map[string]any{}
					}
				}
			}
			normalize(t[k])
		}
	case []any:
		for _, x := range t {
			normalize(x)
		}
	}
}

// firstExternalRef returns the first $ref that names another document.
func firstExternalRef(v any) string {
	switch t := v.(type) {
	case map[string]any:
		if r, ok := t["$ref"].(string); ok && !strings.HasPrefix(r, "#") {
			return r
		}
		for _, x := range t {
			if r := firstExternalRef(x); r != "" {
				return r
			}
		}
	case []any:
		for _, x := range t {
			if r := firstExternalRef(x); r != "" {
				return r
			}
		}
	}
	return ""
}

// typeErrorRE reads encoding/json's type error as the model's decoding
// passes it on (as text): "json: cannot unmarshal number into field
// Operation.parameters of type openapi3.Parameters".
var typeErrorRE = regexp.MustCompile(`json: cannot unmarshal (\w+) into (?:Go struct )?field (\w+)\.([\w.]+) of type (\S+)`)

// jsonTypeError words a decoding error with the member it was in, in
// the document's terms rather than the library's types.
func jsonTypeError(err error) string {
	msg := err.Error()
	m := typeErrorRE.FindStringSubmatchIndex(msg)
	if m == nil {
		return msg
	}
	got, owner, member, want := msg[m[2]:m[3]], msg[m[4]:m[5]], msg[m[6]:m[7]], msg[m[8]:m[9]]
	return msg[:m[0]] + fmt.Sprintf("member %q of this %s must be %s, not %s", member, strings.ToLower(owner), kindOf(want), article(got)) + msg[m[1]:]
}

// kindOf names a Go type of the model as a JSON kind.
func kindOf(goType string) string {
	t := strings.TrimPrefix(goType, "*")
	switch {
	case t == "string":
		return "a string"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint") || strings.HasPrefix(t, "float"):
		return "a number"
	case strings.HasPrefix(t, "[]") || strings.HasPrefix(t, "openapi") && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "Bounds"):
		return "a list or map"
	}
	return "an object"
}

func article(kind string) string {
	switch kind {
	case "array", "object":
		return "an " + kind
	}
	return "a " + kind
}

// decodeDoc decodes a JSON document of the given version and resolves
// its $refs.
func decodeDoc(data []byte, version string, v2 bool, opts LoadOptions) (*Spec, error) {
	spec := &Spec{Version: version}
	if v2 {
		var d2 openapi2.T
		if err := json.Unmarshal(data, &d2); err != nil {
			return nil, err
		}
		doc, err := openapi2conv.ToV3(&d2)
		if err != nil {
			return nil, err
		}
		spec.Doc = doc
		return spec, nil
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = opts.FollowRefs
	if opts.FollowRefs && opts.ReadRef != nil {
		loader.ReadFromURIFunc = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) { return opts.ReadRef(u) }
	}
	if loc, err := url.Parse(opts.Location); err == nil && opts.FollowRefs && opts.Location != "" {
		doc, err := loader.LoadFromDataWithPath(data, loc)
		spec.Doc = doc
		return spec, err
	}
	// encoding/json reads the document several times faster than the
	// loader's YAML path would, and only local $refs remain to resolve.
	doc, err := decodeV3JSON(data)
	if err != nil {
		return nil, err
	}
	if err := loader.ResolveRefsIn(doc, nil); err != nil {
		return nil, err
	}
	spec.Doc = doc
	return spec, nil
}

// seen records that a member is present without copying its value.
type seen bool

func (s *seen) UnmarshalJSON([]byte) error { *s = true; return nil }

// externalRefRE finds a $ref that does not start with "#".
var externalRefRE = regexp.MustCompile(`"\$ref"\s*:\s*"([^"#][^"]*)"`)

// loadJSONDirect reads a JSON document without building a generic tree
// of it first: the tree of a 20 MB document costs more memory than the
// document's model. ok is false when the document needs the general path
// (YAML, or JSON Schema forms the models cannot hold).
func loadJSONDirect(data []byte, opts LoadOptions, name string) (spec *Spec, ok bool, err error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, false, nil
	}
	var top struct {
		OpenAPI    any  `json:"openapi"`
		Swagger    any  `json:"swagger"`
		Paths      seen `json:"paths"`
		Webhooks   seen `json:"webhooks"`
		Components seen `json:"components"`
	}
	if json.Unmarshal(trimmed, &top) != nil {
		return nil, false, nil // the general path words the syntax error
	}
	m := map[string]any{"openapi": top.OpenAPI, "swagger": top.Swagger}
	if top.Paths {
		m["paths"] = true
	}
	if top.Webhooks || top.Components {
		m["components"] = true
	}
	version, v2 := versionOf(m)
	if version == "" {
		return nil, false, nil
	}
	if !opts.FollowRefs {
		if ref := externalRefRE.FindSubmatch(trimmed); ref != nil {
			return nil, true, fmt.Errorf("%s: $ref %q points outside the document; it is not fetched unless you pass --follow-refs", name, ref[1])
		}
	}
	spec, err = decodeDoc(trimmed, version, v2, opts)
	if err != nil {
		// The general path normalizes what the models cannot hold, and
		// words the error when that does not help.
		return nil, false, nil
	}
	return spec, true, nil
}
