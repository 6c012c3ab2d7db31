package formats

import "strings"

// Field-error items: the objects of a list of field problems, read one
// by one. An item names its field (field, propertyPath, a location
// array, JSON:API's source.pointer, or in another spelling of those, as
// XML's <Field>) and carries a message and maybe a code; an item that
// lists the fields it is about gives one field error per name.

// itemFieldKeys are the members of a list item that name its field,
// most specific first.
var itemFieldKeys = []string{
	"field", "fieldName", "field_name", "pointer", "param", "parameter", "property", "propertyPath",
	"property_path", "propertyName", "instancePath", "dataPath", "path", "target", "location", "loc",
	"attribute", "member", "entry", "name",
}

// fieldList reads the field errors of a list of items that name a field.
func fieldList(a []any) []FieldError {
	var out []FieldError
	for _, item := range a {
		if len(out) >= maxFieldErrors {
			break
		}
		m, ok := item.(map[string]any)
		if !ok {
			continue
		}
		field := itemField(m)
		if field == "" {
			out = append(out, namedFields(m)...)
			continue
		}
		fe := itemError(m)
		fe.Field = field
		if fe.Message == "" {
			// {"field": "email", "messages": ["is taken", ...]}, or
			// API Manifest's {"entry": "$.email", "rules": [{"description"}]}
			for _, k := range []string{"messages", "errors", "rules"} {
				msgs, ok := m[k].([]any)
				if !ok {
					continue
				}
				for _, e := range msgs {
					sub := FieldError{Field: field, Code: fe.Code}
					switch x := e.(type) {
					case string:
						sub.Message = x
					case map[string]any:
						sub = itemError(x)
						sub.Field = field
					}
					if sub.Message != "" {
						out = append(out, sub)
						fe.Field = ""
					}
				}
				if fe.Field == "" {
					break
				}
			}
			if fe.Field == "" {
				continue
			}
		}
		out = append(out, fe)
	}
	return out
}

// itemError reads the message and code of one field error's object; the
// caller names the field.
func itemError(m map[string]any) FieldError {
	if _, key := firstText(m, fieldMsgKeys...); key == "" {
		if folded := foldMembers(m); folded != nil {
			m = folded
		}
	}
	var fe FieldError
	msg, key := firstText(m, fieldMsgKeys...)
	fe.Message = msg
	for _, k := range fieldCodeKeys {
		if c := text(m, k); k != key && isToken(c) && !genericCodes[strings.ToLower(c)] {
			fe.Code = c
			break
		}
	}
	return fe
}

// namedFields reads an item that lists the fields its message is about,
// Salesforce's {"message", "errorCode", "fields": ["Nam"]}: one field
// error per name.
func namedFields(m map[string]any) []FieldError {
	names, ok := m["fields"].([]any)
	if !ok || stringList(names) == "" {
		return nil
	}
	fe := itemError(m)
	if fe.Message == "" {
		return nil
	}
	var out []FieldError
	for _, n := range names {
		if s := n.(string); s != "" && !isProse(s) {
			out = append(out, FieldError{Field: s, Message: fe.Message, Code: fe.Code})
		}
	}
	return out
}

// itemField returns the field an item names, "" when it names none: a
// string or a location array under one of itemFieldKeys, or JSON:API's
// source.pointer or source.parameter.
func itemField(m map[string]any) string {
	if f := itemFieldIn(m, m); f != "" {
		return f
	}
	if src := obj(m, "source"); src != nil {
		f, _ := firstText(src, "pointer", "parameter", "header")
		return f
	}
	if folded := foldMembers(m); folded != nil {
		// XML's <Field>, PascalCase JSON's "FieldName".
		return itemFieldIn(folded, folded)
	}
	return ""
}

// foldMembers returns m with its member names in the spelling of
// itemFieldKeys and fieldMsgKeys where they differ only in case, nil when
// none does.
func foldMembers(m map[string]any) map[string]any {
	var out map[string]any
	for _, k := range sortedKeys(m) { // in order: two spellings of one name give the same answer every time
		v := m[k]
		nk := normKey(k)
		for _, want := range foldTargets {
			if want != k && normKey(want) == nk {
				if out == nil {
					out = make(map[string]any, len(m))
					for k2, v2 := range m {
						out[k2] = v2
					}
				}
				out[want] = v
			}
		}
	}
	return out
}

// foldTargets are the member names foldMembers spells: the unambiguous
// field names (a record's Name or Path is no field), messages and codes.
var foldTargets = func() []string {
	var out []string
	for _, k := range itemFieldKeys {
		switch k {
		case "name", "path", "location", "target", "member", "attribute":
		default:
			out = append(out, k)
		}
	}
	return append(append(out, fieldMsgKeys...), fieldCodeKeys...)
}()

// itemFieldIn is itemField's look-up of the field-naming members in m,
// msgs holding the item's messages.
func itemFieldIn(m, msgs map[string]any) string {
	for _, k := range itemFieldKeys {
		v, ok := m[k]
		if !ok {
			continue
		}
		if k == "name" || k == "path" || k == "location" || k == "entry" {
			// Ambiguous names: a field only when the item also
			// carries a message, and a name only when it names no
			// error kind ("name": "ValidationError").
			if _, msg := firstText(msgs, fieldMsgKeys...); msg == "" && !hasMessageList(msgs) || k == "name" && looksLikeErrorName(scalar(v)) {
				continue
			}
		}
		// A field's name is a few words at most ("Building Code").
		if f := fieldName(v); f != "" && len(f) <= 60 && wordCount(f) <= 3 {
			return f
		}
	}
	return ""
}

// hasMessageList reports whether an item carries its messages in a list
// (messages, errors, rules).
func hasMessageList(m map[string]any) bool {
	for _, k := range []string{"messages", "errors", "rules"} {
		if a, ok := m[k].([]any); ok && len(a) > 0 {
			return true
		}
	}
	return false
}

// hasFieldName reports whether an item names a field.
func hasFieldName(m map[string]any) bool {
	return itemField(m) != ""
}
