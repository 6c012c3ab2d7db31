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

// errorCodeMessageKeys are the members that carry the message beside an
// "error" code, in order: OCTO's errorMessage, CouchDB's reason
// (https://docs.couchdb.org/en/stable/api/basics.html#http-status-codes),
// Zendesk's description, the AT Protocol's message.
var errorCodeMessageKeys = []string{"errorMessage", "reason", "description", "message"}

// fillErrorCodeMessage recognizes OCTO's {"error": "INVALID_PRODUCT_ID",
// "errorMessage": "...", ...attributes} and its kin: an "error" member
// holding a code (a word that is no reason phrase: NestJS's and hapi's
// "error": "Unauthorized" is the status line again, see fillErrorString)
// beside a message member. The attributes (productId, optionId, ...) say
// which value was wrong and go to Extra as sent.
func fillErrorCodeMessage(s *scan, m map[string]any, d *Diagnosis) bool {
	code := str(m, "error")
	if code == "" || !isToken(code) || isReasonPhrase(code) && !isUpperToken(code) {
		return false
	}
	key := ""
	for _, k := range errorCodeMessageKeys {
		if _, ok := m[k].(string); ok {
			key = k
			break
		}
	}
	if key == "" {
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
		// The error text, unless the body has a more specific message
		// of its own (Vimeo's developer_message beside its error).
		d.Message = e
		if r := s.read.message; isProse(e) && isProse(r) && messageKeys[normKey(keyOf(s.read.msgPath))] > messageKeys["error"] {
			d.Message = r
		}
		if isToken(e) {
			d.Code = e
		}
	}
	d.Extra = s.extra(m, "error", "message", "statusCode", "errorCode", "code", "error_code")
	return true
}
