package formats

// Error bodies of popular server frameworks and platforms, each with a
// shape of its own.

// fillKubernetes recognizes a Kubernetes API Status object
// (https://kubernetes.io/docs/reference/using-api/api-concepts/):
// {"kind": "Status", "status": "Failure", "message", "reason",
// "details": {"causes": [{"reason", "message", "field"}]}, "code"}.
func fillKubernetes(s *scan, m map[string]any, d *Diagnosis) bool {
	if str(m, "kind") != "Status" || (!has(m, "apiVersion") && !has(m, "reason")) {
		return false
	}
	d.Code = str(m, "reason")
	d.Message = str(m, "message")
	if det := obj(m, "details"); det != nil {
		for _, c := range arr(det, "causes") {
			if len(d.FieldErrors) >= maxFieldErrors {
				break
			}
			cm, ok := asObj(c)
			if !ok {
				continue
			}
			d.FieldErrors = append(d.FieldErrors, FieldError{Field: str(cm, "field"), Message: str(cm, "message"), Code: str(cm, "reason")})
		}
		mergeExtra(d, extraMembers(det, "causes"))
	}
	mergeExtra(d, extraMembers(m, "kind", "apiVersion", "metadata", "status", "message", "reason", "details", "code"))
	return true
}

// fillFastAPI recognizes FastAPI's request validation error: {"detail":
// [{"loc": ["body", "name"], "msg", "type"}]}; loc joins to "body.name".
func fillFastAPI(s *scan, m map[string]any, d *Diagnosis) bool {
	list := arr(m, "detail")
	if len(list) == 0 {
		return false
	}
	first, ok := asObj(list[0])
	if !ok || !has(first, "loc") || !has(first, "msg") {
		return false
	}
	d.Message = str(first, "msg")
	d.Code = str(first, "type")
	appendFieldList(d, list)
	d.Extra = s.extra(m, "detail")
	return true
}

// fillDetail recognizes {"detail": "Not found."}, the error of Django REST
// framework (APIException) and of FastAPI's HTTPException.
func fillDetail(s *scan, m map[string]any, d *Diagnosis) bool {
	msg, ok := m["detail"].(string)
	if !ok || has(m, "title") {
		return false // a title and a detail: a pair of texts of another API
	}
	d.Message = msg
	d.Code = str(m, "code") // DRF adds it when asked to
	d.Extra = s.extra(m, "detail", "code")
	return true
}

// fillLaravel recognizes Laravel's validation error: {"message": "The
// email field is required. (and 1 more error)", "errors": {"email":
// ["The email field is required."]}}.
func fillLaravel(s *scan, m map[string]any, d *Diagnosis) bool {
	msg := str(m, "message")
	errs := obj(m, "errors")
	if msg == "" || errs == nil || !isFieldMap(errs) {
		return false
	}
	d.Message = msg
	appendFieldMap(d, errs)
	d.Extra = s.extra(m, "message", "errors")
	return true
}

// fillRails recognizes a Rails-style "errors" member, as Shopify's Admin
// REST API sends it (https://shopify.dev/docs/api/usage/response-codes):
// {"errors": "[API] Invalid API key ..."} or {"errors": {"title":
// ["can't be blank"]}}.
func fillRails(s *scan, m map[string]any, d *Diagnosis) bool {
	switch e := m["errors"].(type) {
	case string:
		if len(m) != 1 {
			return false
		}
		d.Message = e
	case map[string]any:
		if !isFieldMap(e) {
			return false
		}
		appendFieldMap(d, e)
		if len(d.FieldErrors) > 0 {
			// Rails' messages are fragments meant to follow the
			// attribute's name ("title can't be blank"); a sentence
			// of its own stands alone.
			fe := d.FieldErrors[0]
			d.Message = fe.Message
			if m := fe.Message; m != "" && m[0] >= 'a' && m[0] <= 'z' {
				d.Message = fe.Field + " " + fe.Message
			}
		}
	default:
		return false
	}
	d.Extra = s.extra(m, "errors")
	return true
}

// fillGitHub recognizes the GitHub REST API's error
// (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api):
// {"message", "documentation_url", "errors": [{"resource", "field",
// "code"}]}.
func fillGitHub(s *scan, m map[string]any, d *Diagnosis) bool {
	if str(m, "documentation_url") == "" || !has(m, "message") {
		return false
	}
	d.Message = str(m, "message")
	d.Type = str(m, "documentation_url")
	appendFieldList(d, m["errors"])
	if d.Message == "" || len(arr(m, "errors")) > 0 && len(d.FieldErrors) == 0 {
		// errors[] of plain strings or without a field: keep them readable.
		if t := textList(m["errors"]); t != "" {
			d.Message = joinNonEmpty(d.Message, t)
		}
	}
	d.Extra = s.extra(m, "message", "documentation_url", "errors", "status")
	return true
}

// fillCodeMessage recognizes {"code": ..., "message": "..."} with no
// "error" member: Twilio ({"code": 20404, "message", "more_info",
// "status"}), Stripe-like platforms without the envelope, many in-house
// APIs.
func fillCodeMessage(s *scan, m map[string]any, d *Diagnosis) bool {
	msg, msgKey := firstText(m, "message", "Message")
	if msgKey == "" && has(m, "message") {
		msgKey = "message"
	}
	code, codeKey := firstText(m, "code", "Code", "error_code", "errorCode", "ErrorCode")
	if code == "" || msg == "" && !(isToken(code) && has(m, msgKey)) {
		return false // an empty message still counts beside a code (Backblaze B2)
	}
	d.Code, d.Message = code, msg
	appendFieldList(d, m["details"])
	appendFieldList(d, m["errors"])
	d.Extra = s.extra(m, msgKey, codeKey, "details", "errors")
	return true
}

// fillDRF recognizes a Django REST framework serializer error: an object
// whose members all map a field name to a list of messages, {"email":
// ["Enter a valid email address."], "non_field_errors": [...]}. Only for
// error statuses, since a success body can have the same shape.
func fillDRF(s *scan, m map[string]any, d *Diagnosis) bool {
	if s.status < 400 && s.status != 0 || !isFieldMap(m) || !allLists(m) || !isFieldTree(m) {
		return false
	}
	appendFieldMap(d, m)
	if len(d.FieldErrors) > 0 {
		fe := d.FieldErrors[0]
		d.Message = fe.Field + ": " + fe.Message
	}
	return true
}

// joinNonEmpty joins two messages with "; ", skipping an empty one.
func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// fillErrorsList recognizes a top-level errors[] of {"message", "code",
// "field"} objects that is neither JSON:API nor GraphQL: the Twitter v1.1
// API ({"errors": [{"code": 215, "message"}]}) and SendGrid
// ({"errors": [{"message", "field", "help"}]}).
func fillErrorsList(s *scan, m map[string]any, d *Diagnosis) bool {
	list := arr(m, "errors")
	if len(list) == 0 {
		return false
	}
	first, ok := asObj(list[0])
	if !ok {
		return false
	}
	// The OpenStack API-SIG's items carry title and detail instead
	// (https://specs.openstack.org/openstack/api-sig/guidelines/errors.html),
	// SonarQube's a msg.
	d.Message, _ = firstText(first, "message", "detail", "msg")
	if d.Message == "" {
		return false
	}
	d.Title = str(first, "title")
	if !hasFieldName(first) {
		d.Code = text(first, "code") // a field's code stays the field's
	}
	appendFieldList(d, list)
	d.Extra = s.extra(m, "errors")
	return true
}

// fillJira recognizes Atlassian Jira's ErrorCollection
// (https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#status-codes):
// {"errorMessages": ["..."], "errors": {"field": "message"}}.
func fillJira(s *scan, m map[string]any, d *Diagnosis) bool {
	msgs, ok := m["errorMessages"].([]any)
	if !ok {
		return false
	}
	d.Message = textList(msgs)
	if errs := obj(m, "errors"); errs != nil {
		appendFieldMap(d, errs)
		if d.Message == "" && len(d.FieldErrors) > 0 {
			d.Message = d.FieldErrors[0].Field + ": " + d.FieldErrors[0].Message
		}
	}
	d.Extra = s.extra(m, "errorMessages", "errors")
	return true
}

// fillPayPal recognizes PayPal's REST error
// (https://developer.paypal.com/api/rest/responses/): {"name":
// "INVALID_REQUEST", "message", "debug_id", "details": [{"field",
// "issue", "description"}], "links"}.
func fillPayPal(s *scan, m map[string]any, d *Diagnosis) bool {
	name := str(m, "name")
	if !isUpperToken(name) || str(m, "message") == "" || (!has(m, "debug_id") && !has(m, "details")) {
		return false
	}
	d.Code, d.Message = name, str(m, "message")
	appendFieldList(d, m["details"])
	d.Extra = s.extra(m, "name", "message", "details")
	return true
}

// fillGitLab recognizes GitLab's validation error, whose message is a
// field map: {"message": {"name": ["has already been taken"]}}.
func fillGitLab(s *scan, m map[string]any, d *Diagnosis) bool {
	fm := obj(m, "message")
	if fm == nil || !isFieldMap(fm) {
		return false
	}
	appendFieldMap(d, fm)
	if len(d.FieldErrors) > 0 {
		d.Message = d.FieldErrors[0].Field + " " + d.FieldErrors[0].Message
	}
	d.Extra = s.extra(m, "message")
	return true
}

// allLists reports whether every member of m is an array, as in Django
// REST framework's serializer errors (a lone string member would be a
// message, not a field).
func allLists(m map[string]any) bool {
	for _, v := range m {
		if _, ok := v.([]any); !ok {
			return false
		}
	}
	return true
}
