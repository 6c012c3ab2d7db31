package formats

import (
	"strconv"
	"strings"
)

// fillGoogle recognizes the Google API error model (google.rpc.Status as
// JSON, https://cloud.google.com/apis/design/errors): {"error": {"code":
// 403, "message", "status": "PERMISSION_DENIED", "details": [...]}}. The
// details are typed by "@type": BadRequest fieldViolations become field
// errors, ErrorInfo's reason/domain/metadata go to Extra, RetryInfo's
// retryDelay stands in for a missing Retry-After, RequestInfo's requestId
// is the request id.
func fillGoogle(s *scan, m map[string]any, d *Diagnosis) bool {
	e := obj(m, "error")
	if e == nil {
		return false
	}
	_, numeric := intMember(e, "code")
	status := str(e, "status")
	details := arr(e, "details")
	typed := len(details) > 0 && str(asObjOrNil(details[0]), "@type") != ""
	if !numeric || (!isUpperToken(status) && !typed) {
		return false
	}
	d.Code = status
	d.Message = str(e, "message")
	for _, item := range details {
		dm, ok := asObj(item)
		if !ok {
			continue
		}
		t := str(dm, "@type")
		switch t[strings.LastIndexByte(t, '.')+1:] {
		case "BadRequest":
			appendFieldList(d, dm["fieldViolations"])
		case "ErrorInfo":
			mergeExtra(d, extraMembers(dm, "@type"))
		case "RetryInfo":
			if sec, ok := protoDuration(text(dm, "retryDelay")); ok {
				s.retryDelay = sec
			}
		case "RequestInfo":
			if id := text(dm, "requestId"); id != "" && d.RequestID == "" {
				d.RequestID, d.RequestIDSource = id, "body error.details RequestInfo.requestId"
			}
		case "LocalizedMessage":
			if d.Message == "" {
				d.Message = str(dm, "message")
			}
		}
	}
	// The older Google shape also lists error.errors[] with a location.
	appendFieldList(d, e["errors"])
	mergeExtra(d, extraMembers(m, "error"))
	return true
}

// asObjOrNil returns v as an object, or nil.
func asObjOrNil(v any) map[string]any {
	m, _ := asObj(v)
	return m
}

// isUpperToken reports a google.rpc.Code name such as NOT_FOUND.
func isUpperToken(s string) bool {
	if len(s) < 2 || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// protoDuration parses a google.protobuf.Duration in JSON ("30s",
// "1.500s") into seconds.
func protoDuration(v string) (float64, bool) {
	if !strings.HasSuffix(v, "s") {
		return 0, false
	}
	f, err := strconv.ParseFloat(v[:len(v)-1], 64)
	if err != nil || f < 0 || f > 1e9 || f != f {
		return 0, false
	}
	return f, true
}
