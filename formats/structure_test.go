package formats

import (
	"net/http"
	"reflect"
	"testing"
)

// TestStructuralReader covers each class of body the structural reader
// exists for: wrappers, codes under other names, the most specific
// message, request ids under vendor names, field errors in their many
// shapes, XML beyond AWS, and bodies a single member would misfile.
func TestStructuralReader(t *testing.T) {
	type fe = FieldError
	tests := []struct {
		name        string
		status      int
		ctype, body string
		format      string // "" to not check
		code, msg   string
		rid, ridSrc string
		fields      []fe
	}{
		// Wrappers.
		{name: "envelope member", status: 401, body: `{"response":{"status":"failed","error":{"errorCode":"AUTH_EXPIRED","errorText":"The session has expired"}}}`,
			code: "AUTH_EXPIRED", msg: "The session has expired"},
		{name: "first element of a list", status: 400, body: `{"success":false,"result":null,"errors":[{"code":9109,"message":"Invalid access token"}],"messages":[]}`,
			code: "9109", msg: "Invalid access token"},
		{name: "top-level array", status: 401, body: `[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`,
			code: "INVALID_SESSION_ID", msg: "Session expired or invalid"},
		{name: "object keyed by the error's kind", status: 404, body: `{"ResourceNotFoundException":{"message":"Stream not found","resource":"orders"}}`,
			code: "ResourceNotFoundException", msg: "Stream not found"},
		// Codes under other names; the echoed status is no code.
		{name: "snake error_code", status: 400, body: `{"error_code":"invalid_param","error_msg":"The count must be positive"}`,
			code: "invalid_param", msg: "The count must be positive"},
		{name: "reason next to a generic status", status: 403, body: `{"status":"error","reason":"quotaExceeded","description":"Daily limit reached for this key"}`,
			code: "quotaExceeded", msg: "Daily limit reached for this key"},
		{name: "type next to a numeric status", status: 400, body: `{"type":"invalid_request_error","status":400,"message":"Missing required param: amount."}`,
			format: "json", code: "invalid_request_error", msg: "Missing required param: amount."},
		{name: "echoed status is not a code", status: 404, body: `{"code":404,"message":"No route matches the path"}`,
			code: "", msg: "No route matches the path"},
		{name: "status name is a code", status: 403, body: `{"status":"PERMISSION_DENIED","msg":"The caller lacks the role"}`,
			code: "PERMISSION_DENIED", msg: "The caller lacks the role"},
		{name: "id in an errors element", status: 422, body: `{"errors":[{"id":"email_taken","title":"That address is already registered"}]}`,
			code: "email_taken", msg: "That address is already registered"},
		{name: "a list's first field error gives the message, its code stays the field's", status: 400, body: `{"errors":[{"category":"INVALID_REQUEST_ERROR","errorCode":"MISSING_REQUIRED_PARAMETER","detail":"Missing required parameter.","field":"amount_money"}]}`,
			code: "", msg: "Missing required parameter.", fields: []fe{{"amount_money", "Missing required parameter.", "MISSING_REQUIRED_PARAMETER"}}},
		{name: "a tag member", status: 409, body: `{"error_summary":"path/not_found/..","error":{".tag":"path","path":{".tag":"not_found"}}}`,
			code: "path", msg: "path/not_found/.."},
		{name: "a classifier in a details block is no code", status: 404, body: `{"sys":{"type":"Error","id":"NotFound"},"message":"The resource could not be found.","details":{"type":"Entry","id":"5KsDBWseXY6QegucYAoacS"}}`,
			code: "", msg: "The resource could not be found."},
		{name: "a code repeated as the message gives way to the description", status: 404, body: `{"error":"RecordNotFound","description":"Not found"}`,
			code: "RecordNotFound", msg: "Not found"},
		// The most specific message.
		{name: "a detail beats a title repeating the status", status: 409, body: `{"title":"Conflict","detail":"Version 3 was already published","code":"version_exists"}`,
			code: "version_exists", msg: "Version 3 was already published"},
		{name: "nested validation message beats Bad Request", status: 400, body: `{"message":"Bad Request","error":{"message":"The date range is reversed"}}`,
			msg: "The date range is reversed"},
		{name: "summary member", status: 500, body: `{"summary":"The export job failed to start","ref":"JOB-1"}`,
			msg: "The export job failed to start"},
		{name: "errors as a list of strings is a message", status: 404, body: `{"errors":["not found"]}`,
			msg: "not found"},
		// Request ids under vendor names, never from a URL.
		{name: "traceId", status: 400, body: `{"title":"One or more errors occurred.","status":400,"traceId":"00-84c1fd4063c38d9f3900d06e56542d48-85d1d4-00"}`,
			msg: "One or more errors occurred.", rid: "00-84c1fd4063c38d9f3900d06e56542d48-85d1d4-00", ridSrc: "body traceId"},
		{name: "id in a meta block", status: 500, body: `{"error":"upstream failed","meta":{"correlation_id":"c0ffee-42"}}`,
			msg: "upstream failed", rid: "c0ffee-42", ridSrc: "body meta.correlation_id"},
		{name: "no id from a URL", status: 404, body: `{"message":"Unknown build","more_info":"https://ci.example.com/requests/8f2a/help","request_url":"https://x.example.com/?request_id=9"}`,
			msg: "Unknown build"},
		{name: "a vendor-prefixed trace id", status: 400, body: `{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190,"fbtrace_id":"EJplcsCHuLu"}}`,
			code: "190", msg: "Invalid OAuth access token.", rid: "EJplcsCHuLu", ridSrc: "body error.fbtrace_id"},
		{name: "a short serial is no request id", status: 401, body: `{"errors":[{"errorId":1001,"domain":"OAuth","message":"Invalid access token"}]}`,
			code: "1001", msg: "Invalid access token"},
		// Field errors.
		{name: "violations with property paths", status: 422, body: `{"title":"An error occurred","violations":[{"propertyPath":"email","message":"This value is not a valid email address."}]}`,
			fields: []fe{{"email", "This value is not a valid email address.", ""}}},
		{name: "invalid fields list", status: 400, body: `{"message":"Invalid input","invalidFields":[{"field":"zip","reason":"must be 5 digits"}]}`,
			msg: "Invalid input", fields: []fe{{"zip", "must be 5 digits", ""}}},
		{name: "map of field to messages", status: 422, body: `{"message":"Validation failed","errors":{"name":["is required","is too short"]}}`,
			msg: "Validation failed", fields: []fe{{"name", "is required", ""}, {"name", "is too short", ""}}},
		{name: "nested tree dot-joined", status: 400, body: `{"message":"Invalid order","fieldErrors":{"address":{"city":["must not be blank"]}}}`,
			msg: "Invalid order", fields: []fe{{"address.city", "must not be blank", ""}}},
		{name: "location arrays", status: 400, body: `{"error":"validation","issues":[{"path":["items",0,"qty"],"message":"Expected number, received string"}]}`,
			code: "validation", fields: []fe{{"items.0.qty", "Expected number, received string", ""}}},
		{name: "tree with _errors leaves", status: 400, body: `{"code":50035,"errors":{"activities":{"0":{"platform":{"_errors":[{"code":"BASE_TYPE_CHOICES","message":"Value must be one of desktop, android."}]}}}},"message":"Invalid Form Body"}`,
			code: "50035", msg: "Invalid Form Body", fields: []fe{{"activities.0.platform", "Value must be one of desktop, android.", "BASE_TYPE_CHOICES"}}},
		{name: "field map under a weaker name", status: 400, body: `{"code":"rest_invalid_param","message":"Invalid parameter(s): email","data":{"status":400,"params":{"email":"Invalid email address."}}}`,
			code: "rest_invalid_param", msg: "Invalid parameter(s): email", fields: []fe{{"email", "Invalid email address.", ""}}},
		{name: "one field beside the message", status: 400, body: `{"error":{"code":"BAD_REQUEST_ERROR","description":"The id provided does not exist","field":"id"}}`,
			code: "BAD_REQUEST_ERROR", msg: "The id provided does not exist", fields: []fe{{"id", "The id provided does not exist", "BAD_REQUEST_ERROR"}}},
		{name: "Bad Request gives way to the field's message", status: 400, body: `{"message":"Bad Request","errors":[{"field":"name","message":"must not be empty"}]}`,
			msg: "must not be empty", fields: []fe{{"name", "must not be empty", ""}}},
		// A body a single member would misfile.
		{name: "type error with a numeric status is not a problem", status: 500, body: `{"type":"error","status":500,"message":"Database unavailable"}`,
			format: "json", msg: "Database unavailable"},
		{name: "problem with an errors extension keeps its type", status: 400, ctype: "application/json",
			body:   `{"type":"https://example.net/validation-error","title":"Your request is not valid.","errors":[{"detail":"must be a positive integer","pointer":"#/age"}]}`,
			format: "problem+json", code: "validation-error", msg: "Your request is not valid.", fields: []fe{{"#/age", "must be a positive integer", ""}}},
		// XML beyond AWS.
		{name: "XML-RPC fault", status: 200, ctype: "text/xml",
			body:   `<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>4</int></value></member><member><name>faultString</name><value><string>Too many parameters.</string></value></member></struct></value></fault></methodResponse>`,
			format: "xml-rpc", code: "4", msg: "Too many parameters."},
		{name: "problem+xml", status: 403, ctype: "application/problem+xml",
			body:   `<?xml version="1.0" encoding="UTF-8"?><problem xmlns="urn:ietf:rfc:7807"><type>https://example.com/probs/out-of-credit</type><title>You do not have enough credit.</title><detail>Your current balance is 30, but that costs 50.</detail><instance>https://example.net/account/12345/msgs/abc</instance><balance>30</balance></problem>`,
			format: "problem+xml", code: "out-of-credit", msg: "Your current balance is 30, but that costs 50."},
		{name: "vendor XML error document", status: 404, ctype: "application/xml",
			body:   `<?xml version="1.0" encoding="UTF-8"?><error><code>not_found</code><message>The folder does not exist</message><request-id>5f1a9c</request-id></error>`,
			format: "xml", code: "not_found", msg: "The folder does not exist", rid: "5f1a9c", ridSrc: "body request-id"},
		{name: "vendor XML with a trace id element", status: 500, ctype: "application/xml",
			body:   `<Errors><Error><ErrorCode>E500</ErrorCode><Description>Internal failure while saving</Description></Error><TraceId>abc123def</TraceId></Errors>`,
			format: "xml", code: "E500", msg: "Internal failure while saving", rid: "abc123def", ridSrc: "body TraceId"},
		{name: "OData message object", status: 400, body: `{"odata.error":{"code":"Request_BadRequest","message":{"lang":"en","value":"Invalid object identifier 'x'."}}}`,
			code: "Request_BadRequest", msg: "Invalid object identifier 'x'."},
		{name: "WebDAV error with a PHP exception class", status: 404, ctype: "application/xml",
			body:   `<?xml version="1.0" encoding="utf-8"?><d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns"><s:exception>Sabre\DAV\Exception\NotFound</s:exception><s:message>File with name x could not be located</s:message></d:error>`,
			format: "xml", code: `Sabre\DAV\Exception\NotFound`, msg: "File with name x could not be located"},
		{name: "XML error in attributes of a 200 answer", status: 200, ctype: "text/xml",
			body:   `<subsonic-response xmlns="http://subsonic.org/restapi" status="failed" version="1.1.0"><error code="40" message="Wrong username or password"/></subsonic-response>`,
			format: "xml", code: "40", msg: "Wrong username or password"},
		{name: "OCS status code that is no HTTP status", status: 401, ctype: "text/xml",
			body:   `<?xml version="1.0"?><ocs><meta><status>failure</status><statuscode>997</statuscode><message>Current user is not logged in</message></meta><data/></ocs>`,
			format: "xml", code: "997", msg: "Current user is not logged in"},
		{name: "a field item's type field is no code", status: 400, body: `{"errors":[{"type":"field","value":"","msg":"Invalid value","path":"email","location":"body"}]}`,
			msg: "Invalid value", fields: []fe{{"email", "Invalid value", ""}}},
		{name: "items listing the fields they are about", status: 400, body: `[{"message":"No such column 'Nam' on entity 'Account'.","errorCode":"INVALID_FIELD","fields":["Nam"]}]`,
			code: "INVALID_FIELD", msg: "No such column 'Nam' on entity 'Account'.", fields: []fe{{"Nam", "No such column 'Nam' on entity 'Account'.", "INVALID_FIELD"}}},
		{name: "a status phrase gives way to a field's default message", status: 400, body: `{"status":400,"message":"Bad Request","errors":[{"code":"typeMismatch","defaultMessage":"Failed to convert value","field":"age"}]}`,
			msg: "Failed to convert value", fields: []fe{{"age", "Failed to convert value", "typeMismatch"}}},
		{name: "a type beside an info message", status: 401, body: `{"success":false,"error":{"code":401,"type":"invalid_access_key","info":"You have not supplied a valid API Access Key."}}`,
			code: "invalid_access_key", msg: "You have not supplied a valid API Access Key."},
		{name: "a failure result in a 200 answer", status: 200, body: "{\"messages\":{\"resultCode\":\"Error\",\"message\":[{\"code\":\"E00003\",\"text\":\"The element 'x' has invalid child element 'y'.\"}]}}",
			code: "E00003", msg: "The element 'x' has invalid child element 'y'."},
		{name: "an upper-case code equal to the reason phrase", status: 401, body: `{"requestError":{"serviceException":{"messageId":"UNAUTHORIZED","text":"Invalid login details"}}}`,
			code: "UNAUTHORIZED", msg: "Invalid login details"},
		{name: "a record's UUID is no request id", status: 404, body: `{"message":"resource is not found","type":"not_found","resource":"instance_server","resource_id":"11111111-1111-1111-1111-111111111111"}`,
			code: "not_found", msg: "resource is not found"},
		{name: "a gateway's UUID id is the request id", status: 400, body: `{"type":"https://govway.org/handling-errors/400/InvalidRequestContent.html","title":"InvalidRequestContent","status":400,"detail":"Request content not conform to API specification","govway_id":"b76b4d1b-cd9d-43a0-bea2-1f352f1e71dd"}`,
			code: "InvalidRequestContent", msg: "Request content not conform to API specification", rid: "b76b4d1b-cd9d-43a0-bea2-1f352f1e71dd", ridSrc: "body govway_id"},
		{name: "err and ECODE", status: 401, body: `{"err":"Team not authorized","ECODE":"OAUTH_027"}`,
			code: "OAUTH_027", msg: "Team not authorized"},
		{name: "a prefixed error code", status: 401, body: `{"serviceErrorCode":65600,"message":"Invalid access token","status":401}`,
			code: "65600", msg: "Invalid access token"},
		{name: "the id of a request block", status: 500, body: `{"error":{"message":"Internal failure while saving"},"request":{"id":"req_8Kx2","method":"POST"}}`,
			msg: "Internal failure while saving", rid: "req_8Kx2", ridSrc: "body request.id"},
		{name: "metadata lines after the message", status: 401, body: `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret is provided.\r\nTrace ID: 60c018fb\r\nTimestamp: 2020-07-03 10:55:12Z","trace_id":"60c018fb-32af-45ed-94d1-921ff3b68600","correlation_id":"512eafbc-bbd6-4892-aba7-464449ce8993"}`,
			code: "invalid_client", msg: "AADSTS7000215: Invalid client secret is provided.", rid: "60c018fb-32af-45ed-94d1-921ff3b68600", ridSrc: "body trace_id"},
		{name: "XML field errors in attributes", status: 422, ctype: "application/xml",
			body:   `<errors><error field="email">is invalid</error><error field="name">can't be blank</error></errors>`,
			format: "xml", msg: "is invalid", fields: []fe{{"email", "is invalid", ""}, {"name", "can't be blank", ""}}},
		{name: "XML field errors in PascalCase elements", status: 400, ctype: "application/xml",
			body:   `<ValidationErrors><Error><Field>Email</Field><Message>Email is required.</Message></Error><Error><Field>Name</Field><Message>Name is required.</Message></Error></ValidationErrors>`,
			format: "xml", msg: "Email is required.", fields: []fe{{"Email", "Email is required.", ""}, {"Name", "Name is required.", ""}}},
		{name: "an XML list element with an attribute", status: 422, ctype: "application/xml",
			body:   `<api-error-response><errors><transaction><errors type="array"><error><code>81503</code><attribute type="symbol">amount</attribute><message>Amount is an invalid format.</message></error></errors></transaction></errors><message>Amount is an invalid format.</message></api-error-response>`,
			format: "xml", code: "81503", msg: "Amount is an invalid format.", fields: []fe{{"amount", "Amount is an invalid format.", "81503"}}},
		{name: "a request id in a SOAP fault's detail", status: 500, ctype: "application/soap+xml",
			body:   `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text xml:lang="en">Internal error</s:Text></s:Reason><s:Detail><ServiceError><RequestId>7d1c9e2a-44f1</RequestId></ServiceError></s:Detail></s:Fault></s:Body></s:Envelope>`,
			format: "soap-fault", code: "s:Receiver", msg: "Internal error", rid: "7d1c9e2a-44f1", ridSrc: "body RequestId"},
		{name: "a member named for an error holds its message", status: 400, body: `{"validation_error":"The amount must be positive"}`,
			msg: "The amount must be positive"},
		{name: "a Rails-style map whose message is a sentence of its own", status: 422, body: `{"errors":{"schema":["The property '#/' did not contain a required property of 'designations'"]}}`,
			format: "rails", msg: "The property '#/' did not contain a required property of 'designations'",
			fields: []fe{{"schema", "The property '#/' did not contain a required property of 'designations'", ""}}},
		{name: "JSend fail data", status: 400, body: `{"status":"fail","data":{"title":"A title is required"}}`,
			msg: "A title is required", fields: []fe{{"title", "A title is required", ""}}},
		{name: "a success body's named items are data, not field errors", status: 200, body: `{"items":[{"name":"scarf","message":"Gift wrapped for you"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.ctype != "" {
				h.Set("Content-Type", tt.ctype)
			}
			d := Detect(tt.status, h, []byte(tt.body))
			if tt.format != "" && d.Format != tt.format {
				t.Errorf("format %q, want %q", d.Format, tt.format)
			}
			if d.Code != tt.code {
				t.Errorf("code %q, want %q", d.Code, tt.code)
			}
			if tt.msg != "" && d.Message != tt.msg {
				t.Errorf("message %q, want %q", d.Message, tt.msg)
			}
			if d.RequestID != tt.rid || d.RequestIDSource != tt.ridSrc {
				t.Errorf("request id %q from %q, want %q from %q", d.RequestID, d.RequestIDSource, tt.rid, tt.ridSrc)
			}
			got := d.FieldErrors
			if len(got) == 0 {
				got = nil
			}
			if tt.fields != nil || got != nil {
				if !reflect.DeepEqual(got, tt.fields) {
					t.Errorf("fields %v, want %v", got, tt.fields)
				}
			}
		})
	}
}

func TestIsStatusPhrase(t *testing.T) {
	for _, v := range []string{"Not Found", "not found.", "404 Not Found", "HTTP 404 - Not Found", "Error 404: Not Found", "404: Not Found"} {
		if !isStatusPhrase(v, 404) {
			t.Errorf("%q is the status line again", v)
		}
	}
	for _, v := range []string{"Project Not Found", "Not Found: order 7", "Errors found", "404"} {
		if isStatusPhrase(v, 404) {
			t.Errorf("%q says more than the status line", v)
		}
	}
}
