package formats

import (
	"strings"
)

// Member names that carry a field's name, a message and a per-field code
// in the field-error lists of the families this package knows. Order is
// preference: "field" beats "name" when an item has both.
var (
	fieldNameKeys = []string{"field", "name", "pointer", "param", "parameter", "property", "propertyPath", "path", "target", "location", "loc"}
	fieldMsgKeys  = []string{"message", "reason", "detail", "msg", "description", "defaultMessage", "errorMessage", "error_message", "errorSummary", "error", "title"}
	fieldCodeKeys = []string{"code", "error_code", "errorCode", "issue", "type"}
)

// maxFieldErrors bounds how many field errors one Diagnosis keeps, so a
// pathological body cannot make the result itself huge.
const maxFieldErrors = 500

// fieldName renders a field reference as the API wrote it: a string as
// is, a location array (FastAPI ["body", "name"]) joined with dots.
func fieldName(v any) string {
	if s := scalar(v); s != "" {
		return s
	}
	a, ok := asArr(v)
	if !ok || len(a) == 0 {
		return ""
	}
	var b strings.Builder
	for i, e := range a {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(scalar(e))
	}
	return b.String()
}

// fieldErrorOf reads one field error from an item of a list such as
// problem+json errors[], error.details[] or fieldViolations[]. It needs at
// least a field name; JSON:API's source.pointer/parameter count as one.
func fieldErrorOf(item any) (FieldError, bool) {
	m, ok := asObj(item)
	if !ok {
		return FieldError{}, false
	}
	var fe FieldError
	for _, k := range fieldNameKeys {
		if f := fieldName(m[k]); f != "" {
			fe.Field = f
			break
		}
	}
	if fe.Field == "" {
		if src := obj(m, "source"); src != nil {
			fe.Field, _ = firstText(src, "pointer", "parameter", "header")
		}
	}
	if fe.Field == "" {
		return FieldError{}, false
	}
	msgKey := ""
	fe.Message, msgKey = firstText(m, fieldMsgKeys...)
	for _, k := range fieldCodeKeys {
		if k == msgKey {
			continue
		}
		if c := text(m, k); c != "" {
			fe.Code = c
			break
		}
	}
	return fe, true
}

// appendFieldList appends the field errors of a JSON array of items.
func appendFieldList(d *Diagnosis, v any) int {
	a, ok := asArr(v)
	if !ok {
		return 0
	}
	n := 0
	for _, item := range a {
		if len(d.FieldErrors) >= maxFieldErrors {
			break
		}
		if fe, ok := fieldErrorOf(item); ok {
			d.FieldErrors = append(d.FieldErrors, fe)
			n++
		}
	}
	return n
}

// appendFieldMap appends the field errors of an object that maps field
// names to a message or a list of messages (ASP.NET, Laravel, Rails, Django
// REST framework). Fields come out in name order; each message is its own
// field error.
func appendFieldMap(d *Diagnosis, m map[string]any) int {
	n := 0
	for _, k := range sortedKeys(m) {
		switch v := m[k].(type) {
		case []any:
			for _, e := range v {
				if len(d.FieldErrors) >= maxFieldErrors {
					return n
				}
				msg := scalar(e)
				if msg == "" {
					if o, ok := asObj(e); ok {
						msg, _ = firstText(o, fieldMsgKeys...)
					}
				}
				d.FieldErrors = append(d.FieldErrors, FieldError{Field: k, Message: msg})
				n++
			}
		default:
			if msg := scalar(v); msg != "" && len(d.FieldErrors) < maxFieldErrors {
				d.FieldErrors = append(d.FieldErrors, FieldError{Field: k, Message: msg})
				n++
			}
		}
	}
	return n
}

// isFieldMap reports whether every member of m is a list of strings (or a
// string), the shape of a field-error dictionary, and m is no error
// object of its own (see isFieldTree).
func isFieldMap(m map[string]any) bool {
	if len(m) == 0 || !isFieldTree(m) {
		return false
	}
	for _, v := range m {
		switch x := v.(type) {
		case string:
		case []any:
			if _, ok := x[0].(string); !ok {
				return false
			}
		default:
			return false
		}
	}
	return true
}
