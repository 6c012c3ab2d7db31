package formats

import (
	"strings"
)

// fillAWSJSON recognizes the AWS JSON protocols' error body (DynamoDB,
// SQS, Lambda, ...): {"__type": "com.amazonaws.dynamodb.v20120810#
// ResourceNotFoundException", "message": "..."}, or any body with message
// when the X-Amzn-ErrorType header names the error. The code is the part
// after '#' (and before ':' in the header), as the AWS SDKs read it.
func fillAWSJSON(s *scan, m map[string]any, d *Diagnosis) bool {
	typ := str(m, "__type")
	// Header values are the server's bytes, not necessarily UTF-8.
	hdr := strings.ToValidUTF8(strings.TrimSpace(headerValue(s.header, "X-Amzn-Errortype")), "\uFFFD")
	if typ == "" && hdr == "" {
		return false
	}
	msg, msgKey := firstText(m, "message", "Message", "errorMessage")
	if typ == "" && msg == "" {
		return false
	}
	code := typ
	if code == "" {
		code = hdr
		if i := strings.IndexByte(code, ':'); i >= 0 {
			code = code[:i]
		}
	}
	if i := strings.LastIndexByte(code, '#'); i >= 0 {
		code = code[i+1:]
	}
	d.Code, d.Message = code, msg
	d.Type = typ
	d.Extra = s.extra(m, "__type", msgKey)
	return true
}
