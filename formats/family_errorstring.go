package formats

// oauth2Codes are the error codes of RFC 6749 sections 4.1.2.1, 4.2.2.1
// and 5.2, and RFC 6750 section 3.1.
var oauth2Codes = map[string]bool{
	"invalid_request": true, "invalid_client": true, "invalid_grant": true,
	"unauthorized_client": true, "unsupported_grant_type": true, "invalid_scope": true,
	"access_denied": true, "unsupported_response_type": true, "server_error": true,
	"temporarily_unavailable": true, "invalid_token": true, "insufficient_scope": true,
}

// fillOAuth2 recognizes an OAuth 2.0 error response (RFC 6749, 5.2):
// {"error": "invalid_grant", "error_description", "error_uri"}. A bare
// {"error": "..."} counts only when the code is one the RFCs define.
func fillOAuth2(s *scan, m map[string]any, d *Diagnosis) bool {
	code := str(m, "error")
	if !isToken(code) {
		return false
	}
	desc, uri := str(m, "error_description"), str(m, "error_uri")
	if desc == "" && uri == "" && !oauth2Codes[code] {
		return false
	}
	d.Code, d.Message = code, desc
	if uri != "" {
		d.Type = uri
	}
	d.Extra = s.extra(m, "error", "error_description", "error_uri")
	return true
}

// fillSlack recognizes the Slack Web API's {"ok": false, "error":
// "channel_not_found"} (https://api.slack.com/web#evaluating_responses);
// response_metadata.messages, when sent, is the message.
func fillSlack(s *scan, m map[string]any, d *Diagnosis) bool {
	ok, isBool := m["ok"].(bool)
	code := str(m, "error")
	if !isBool || ok || code == "" {
		return false
	}
	d.Code = code
	if md := obj(m, "response_metadata"); md != nil {
		d.Message = textList(md["messages"])
	}
	d.Extra = s.extra(m, "ok", "error")
	return true
}

// fillErrorCodeMessage recognizes OCTO's {"error": "INVALID_PRODUCT_ID",
// "errorMessage": "...", ...attributes}: the attributes (productId,
// optionId, ...) say which value was wrong and go to Extra as sent.
// CouchDB's {"error": "not_found", "reason": "deleted"} has the same
// shape, its message named reason
// (https://docs.couchdb.org/en/stable/api/basics.html#http-status-codes).
func fillErrorCodeMessage(s *scan, m map[string]any, d *Diagnosis) bool {
	code := str(m, "error")
	key := "errorMessage"
	if !has(m, key) {
		key = "reason"
		if _, ok := m[key].(string); !ok || has(m, "message") {
			return false
		}
	}
	if code == "" || !isToken(code) && key == "reason" {
		return false
	}
	d.Code, d.Message = code, str(m, key)
	d.Extra = s.extra(m, "error", key)
	return true
}

// fillSpringBoot recognizes Spring Boot's default error body
// (DefaultErrorAttributes): {"timestamp", "status", "error", "path",
// "message", "trace", "errors"}. "error" is the reason phrase.
func fillSpringBoot(s *scan, m map[string]any, d *Diagnosis) bool {
	if !has(m, "timestamp") || !has(m, "path") || !has(m, "status") || str(m, "error") == "" {
		return false
	}
	d.Title = str(m, "error")
	d.Message = str(m, "message")
	if d.Message == "" || d.Message == "No message available" {
		d.Message = d.Title
	}
	d.Instance = str(m, "path")
	appendFieldList(d, m["errors"])
	d.Extra = s.extra(m, "timestamp", "status", "error", "message", "path", "errors")
	return true
}

// fillErrorString recognizes {"error": "text"} (Raa Labs), also with a
// "message" beside it (NestJS, Fastify: error is the reason phrase,
// message the detail, possibly a list).
func fillErrorString(s *scan, m map[string]any, d *Diagnosis) bool {
	e, ok := m["error"].(string)
	if !ok {
		return false
	}
	if msg := textList(m["message"]); msg != "" {
		d.Title, d.Message = e, msg
		d.Code, _ = firstText(m, "errorCode", "code", "error_code")
	} else {
		d.Message = e
		if isToken(e) {
			d.Code = e
		}
	}
	d.Extra = s.extra(m, "error", "message", "statusCode", "errorCode", "code", "error_code")
	return true
}
