package formats

import (
	"strings"
)

// Member names that carry a field's name, a message and a per-field code
// in the field-error lists of the families this package knows. Order is
// preference: "field" beats "name" when an item has both.
var (
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

// appendFieldList appends the field errors of a JSON array of items
// (see fieldList), up to maxFieldErrors in all.
func appendFieldList(d *Diagnosis, v any) int {
	a, ok := asArr(v)
	if !ok {
		return 0
	}
	return appendFields(d, fieldList(a))
}

// appendFields appends fes to d's field errors, up to maxFieldErrors in
// all, and returns how many it took.
func appendFields(d *Diagnosis, fes []FieldError) int {
	if room := maxFieldErrors - len(d.FieldErrors); len(fes) > room {
		fes = fes[:max(room, 0)]
	}
	if len(d.FieldErrors) == 0 {
		d.FieldErrors = fes
	} else {
		d.FieldErrors = append(d.FieldErrors, fes...)
	}
	return len(fes)
}

// appendFieldMap appends the field errors of an object that maps field
// names to a message or a list of messages (ASP.NET, Laravel, Rails, Django
// REST framework), read by fieldTree: fields in name order, each message
// its own field error.
func appendFieldMap(d *Diagnosis, m map[string]any) int {
	return appendFields(d, fieldTree(m, "", 0, nil))
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
