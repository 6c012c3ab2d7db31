package formats

// errorObjectMembers are the members of an error object that recognition
// reads; anything else inside it (doc_url, decline_code, ...) is kept in
// Extra.
var errorObjectMembers = []string{"code", "Code", "message", "Message", "type", "param", "details", "errors", "innererror", "innerError", "target", "status"}

// fillErrorObject recognizes {"error": {"code", "message", "details":
// [{"field", "message"}]}} and its kin: Stripe's error.type/code/param
// (https://docs.stripe.com/api/errors), OData and Microsoft Graph's
// error.code/message/target/details/innererror with request-id and date
// (OData JSON Format 4.01, section 21), and lists in error.errors[].
func fillErrorObject(s *scan, m map[string]any, d *Diagnosis) bool {
	e := obj(m, "error")
	if e == nil {
		return false
	}
	d.Message, _ = firstText(e, "message", "Message", "description", "error_description")
	d.Code, _ = firstText(e, "code", "Code", "error_code")
	d.Type = str(e, "type")
	if d.Code == "" {
		d.Code = d.Type
	}
	d.Title = str(e, "title")
	if p := text(e, "param"); p != "" {
		d.FieldErrors = append(d.FieldErrors, FieldError{Field: p, Message: d.Message, Code: d.Code})
	}
	if t := text(e, "target"); t != "" && len(arr(e, "details")) == 0 {
		d.FieldErrors = append(d.FieldErrors, FieldError{Field: t, Message: d.Message, Code: d.Code})
	}
	appendFieldList(d, e["details"])
	appendFieldList(d, e["errors"])
	inner := obj(e, "innererror")
	innerKey := "innererror"
	if inner == nil {
		inner, innerKey = obj(e, "innerError"), "innerError"
	}
	if inner != nil {
		if id, k := firstText(inner, "request-id", "requestId", "request_id"); id != "" {
			d.RequestID, d.RequestIDSource = id, "body error."+innerKey+"."+k
		}
		mergeExtra(d, extraMembers(inner, "request-id", "requestId", "request_id"))
	}
	mergeExtra(d, extraMembers(m, "error"))
	mergeExtra(d, extraMembers(e, errorObjectMembers...))
	return true
}
