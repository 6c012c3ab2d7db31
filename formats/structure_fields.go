package formats

import (
	"reflect"
	"strings"
)

// Field errors, structurally: the reader looks through the tree for the
// member that best holds per-field problems, in any of the shapes APIs
// use: a list of items that name a field (violations with a property
// path, invalid-params, location arrays), a map of field to message or
// messages, or a tree keyed by field name whose leaves are error lists
// (the path then joined with dots). A list of plain strings names no
// field: it is a message (see walker.object).

// fieldListKeys score members as holders of field errors.
var fieldListKeys = map[string]int{
	"fielderrors": 100, "fieldviolations": 100, "invalidparams": 100, "invalidfields": 100,
	"validationerrors": 100, "constraintviolations": 100, "violations": 95, "invalidparameters": 95,
	"validationfailures": 95, "fieldmessages": 90, "inputerrors": 90, "parametererrors": 90,
	"validationmessages": 90, "errorfields": 90, "modelstate": 90, "fields": 85, "errors": 80,
	"suberrors": 80, "validation": 80, "issues": 75, "details": 70, "causes": 70, "failures": 70,
	"errordetails": 70, "children": 60, "problems": 60, "params": 50, "parameters": 50,
	"invalid": 80, "data": 40, // JSend's {"status": "fail", "data": {"title": "A title is required"}}
}

// fieldCandidate is the best field-error holder seen so far.
type fieldCandidate struct {
	fields []FieldError
	path   string
	score  int
}

func (c *fieldCandidate) offer(fes []FieldError, score int, parents []string, key string) {
	if len(fes) == 0 || score <= 0 {
		return
	}
	path := key
	if len(parents) > 0 {
		path = strings.Join(parents, ".") + "." + key
	}
	if c.fields != nil && (score < c.score || score == c.score && path >= c.path) {
		return
	}
	c.fields, c.path, c.score = fes, path, score
}

// findFieldErrors returns the field errors of the best holder in root.
func findFieldErrors(root any, status int) []FieldError {
	var best fieldCandidate
	var path [6]string
	if a, ok := root.([]any); ok && !(status >= 200 && status < 400) {
		// A top-level array of field errors (Sonarr, FluentValidation).
		best.offer(fieldList(a), 60, nil, "")
	}
	searchFields(root, path[:0], status >= 200 && status < 400, &best)
	if m, ok := root.(map[string]any); ok && best.fields == nil && (status >= 400 || status == 0) && isFieldMap(m) && allLists(m) && isFieldTree(m) {
		// The whole body is a map of field to messages (Django REST
		// framework's serializer errors).
		best.fields = fieldTree(m, "", 0, nil)
	}
	if m, ok := root.(map[string]any); ok && best.fields == nil && (status >= 400 || status == 0) && allErrorNodes(m) {
		// The whole body is ASP.NET's ModelState: field → {"errors": [...]}.
		best.fields = fieldTree(m, "", 0, nil)
	}
	return best.fields
}

// singleFieldKeys name the one field an error object is about, beside
// its message (Mollie's {"detail", "field": "from"}, Razorpay's
// error.field, OGC's locator attribute).
var singleFieldKeys = []string{"field", "fieldName", "param", "parameter", "property", "propertyPath", "pointer", "attribute", "locator"}

// singleField reads the one field error of the object holder that holds
// the body's message msg; the code counts when it is holder's too.
func singleField(holder map[string]any, msg string, code candidate) []FieldError {
	if !isProse(msg) {
		return nil
	}
	for _, k := range singleFieldKeys {
		f := str(holder, k)
		if f == "" || isProse(f) {
			continue
		}
		fe := FieldError{Field: f, Message: msg}
		if code.holder != nil && sameObject(code.holder, holder) {
			fe.Code = code.val
		}
		return []FieldError{fe}
	}
	return nil
}

// sameObject reports whether a and b are the same decoded object.
func sameObject(a, b map[string]any) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// searchFields offers every list or map under v that holds field
// errors; path holds the member names down to v. In a success body
// (payload) only error containers are searched: elsewhere a list of
// named things is data.
func searchFields(v any, path []string, payload bool, best *fieldCandidate) {
	depth := len(path)
	if depth > 4 {
		return
	}
	switch x := v.(type) {
	case []any:
		if len(x) > 0 {
			searchFields(x[0], path, payload, best)
		}
	case map[string]any:
		for k, child := range x {
			nk := normKey(k)
			if payload && !isErrorContainer(nk) {
				continue
			}
			switch c := child.(type) {
			case []any:
				if fes := fieldList(c); len(fes) > 0 {
					best.offer(fes, max(fieldListKeys[nk], 50)-8*depth, path, k)
				}
			case map[string]any:
				if (fieldListKeys[nk] >= 80 || fieldListKeys[nk] > 0 && proseLeaves(c)) && isFieldTree(c) {
					best.offer(fieldTree(c, "", 0, nil), fieldListKeys[nk]-8*depth-5, path, k)
				}
				if items := xmlList(c); items != nil && fieldListKeys[nk] > 0 {
					// <errors><error field="..."/>...</errors>
					best.offer(fieldList(items), fieldListKeys[nk]-8*depth, path, k)
				}
			default:
				continue
			}
			searchFields(child, append(path, k), false, best)
		}
	}
}

// xmlList returns the items of an XML list element read as a tree: its
// one member, repeated (a list) or not (one object); nil otherwise.
func xmlList(m map[string]any) []any {
	var items []any
	for _, v := range m {
		switch x := v.(type) {
		case string:
			// an attribute of the list element (type="array")
		case []any:
			if items != nil {
				return nil
			}
			items = x
		case map[string]any:
			if items != nil {
				return nil
			}
			items = []any{x}
		default:
			return nil
		}
	}
	return items
}

// allErrorNodes reports whether every member of m is an object with the
// value sent and an "errors" list, as in an ASP.NET ModelState
// dictionary.
func allErrorNodes(m map[string]any) bool {
	for _, v := range m {
		node, ok := v.(map[string]any)
		if !ok || !has(node, "value") {
			return false
		}
		if _, ok := node["errors"].([]any); !ok {
			return false
		}
	}
	return len(m) > 0
}

// isFieldTree reports whether m maps field names to messages: every
// member a string, a non-empty list or an object, and m itself not an
// error object (no message or code member of its own).
func isFieldTree(m map[string]any) bool {
	if len(m) == 0 {
		return false
	}
	for k, v := range m {
		nk := normKey(k)
		if requestIDKeys[nk] > 0 || isErrorContainer(nk) || messageKeys[nk] >= 84 || codeKeys[nk] >= 80 {
			// An error object's own members, or {"errors": [...]}
			// of messages: not a field's name.
			return false
		}
		switch x := v.(type) {
		case string:
			// A field's message is a sentence: {"source": "payload"}
			// names a place, not a problem.
			if looksLikeID(x) || !isProse(x) {
				return false
			}
		case []any:
			if len(x) == 0 {
				return false
			}
			switch x[0].(type) {
			case string, map[string]any:
			default:
				return false
			}
		case map[string]any:
		default:
			return false
		}
	}
	return true
}

// proseLeaves reports whether every member of m is a sentence or a
// list: the shape of a field map even under a member of weaker name
// (WordPress's data.params {"email": "Invalid email address."}).
func proseLeaves(m map[string]any) bool {
	for _, v := range m {
		switch x := v.(type) {
		case string:
			if !isProse(x) {
				return false
			}
		case []any:
		default:
			return false
		}
	}
	return true
}

// fieldTree reads a map of field → message(s), descending into nested
// objects with the path dot-joined.
func fieldTree(m map[string]any, prefix string, depth int, out []FieldError) []FieldError {
	if depth > 6 {
		return out
	}
	for _, k := range sortedKeys(m) {
		if len(out) >= maxFieldErrors {
			break
		}
		field := prefix + k
		switch v := m[k].(type) {
		case string:
			out = append(out, FieldError{Field: field, Message: v})
		case []any:
			for _, e := range v {
				if len(out) >= maxFieldErrors {
					break
				}
				switch x := e.(type) {
				case string:
					out = append(out, FieldError{Field: field, Message: x})
				case map[string]any:
					fe := itemError(x)
					fe.Field = field
					out = append(out, fe)
				}
			}
		case map[string]any:
			// Symfony-style nodes: {"errors": [...], "children": {...}};
			// Discord's {"_errors": [{"code", "message"}]}.
			sub, hasSub := v["errors"].([]any)
			if !hasSub {
				sub, hasSub = v["_errors"].([]any)
			}
			children, hasChildren := v["children"].(map[string]any)
			if hasSub || hasChildren {
				out = fieldTree(map[string]any{k: sub}, prefix, depth+1, out)
				if hasChildren {
					out = fieldTree(children, field+".", depth+1, out)
				}
				continue
			}
			if fe := itemError(v); isProse(fe.Message) {
				// {"title": {"code": "validation_required", "message": ...}}
				fe.Field = field
				out = append(out, fe)
				continue
			}
			if isFieldTree(v) {
				out = fieldTree(v, field+".", depth+1, out)
			}
		}
	}
	return out
}
