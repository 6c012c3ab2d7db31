package demo

import (
	"net/http"
	"regexp"
)

// Hanger Selector answers as its document (seed 003) describes: RFC 9457
// problem details with type "about:blank" and an `errors` extension of
// {name, reason} items. The docs' example, which the 400 route reproduces:
//
//	{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad building code",
//	 "instance":"/hanger-selector/hangers","errors":[{"name":"Building Code","reason":"bad building code"}]}

const (
	hangerAPI    = "hanger-selector"
	hangerBase   = "/hanger-selector/"
	hangerIDName = "X-Correlation-Id"
	// hangerRestricted is a building the demo token may not see.
	hangerRestricted = "B99"
)

// hangerBuildingCode is the shape of a building code: a letter, two digits.
var hangerBuildingCode = regexp.MustCompile(`^[A-Z][0-9]{2}$`)

// hangerProblem is the docs' error body.
type hangerProblem struct {
	Type     string        `json:"type"`
	Title    string        `json:"title"`
	Status   int           `json:"status"`
	Detail   string        `json:"detail"`
	Instance string        `json:"instance"`
	Errors   []hangerError `json:"errors,omitempty"`
}

// hangerError is one item of the `errors` extension.
type hangerError struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// hangers are the demo's hangers by building.
var hangers = map[string][]map[string]any{
	"B12": {{"id": "H-1201", "building": "B12", "capacity": 40, "available": 12}, {"id": "H-1202", "building": "B12", "capacity": 25, "available": 0}},
}

func hangerEndpoints() []endpoint {
	route := func(path string, status int, desc string, h http.Header) Route {
		format := "problem+json"
		if status < 300 {
			format = "json"
		}
		return Route{Method: "GET", Path: path, API: hangerAPI, Status: status, Format: format, Description: "Hanger Selector: " + desc, Header: h}
	}
	return []endpoint{
		{
			pattern: "GET " + hangerBase + "hangers",
			handler: hangerList,
			examples: []Route{
				route(hangerBase+"hangers?buildingCode=B12", 200, "hangers of building B12", bearerHeader()),
				route(hangerBase+"hangers?buildingCode=12-B", 400, "the docs' bad building code, with errors[]", bearerHeader()),
				route(hangerBase+"hangers?buildingCode=B12", 401, "no access token", nil),
				route(hangerBase+"hangers?buildingCode="+hangerRestricted, 403, "building "+hangerRestricted+" needs another role", bearerHeader()),
			},
		},
		{
			pattern: "GET " + hangerBase + "hangers/{id}",
			handler: hangerOne,
			examples: []Route{
				route(hangerBase+"hangers/H-1201", 200, "one hanger", bearerHeader()),
				route(hangerBase+"hangers/H-0000", 404, "no such hanger", bearerHeader()),
			},
		},
		{
			pattern: "GET " + hangerBase + "reports/utilization",
			handler: hangerReport,
			examples: []Route{
				route(hangerBase+"reports/utilization", 500, "generic server-side error", bearerHeader()),
			},
		},
		{
			pattern: "GET " + hangerBase + "recommendations",
			handler: hangerRecommend,
			examples: []Route{
				route(hangerBase+"recommendations?buildingCode=B12", 503, "down for maintenance (Retry-After)", bearerHeader()),
			},
		},
	}
}

// hangerFail writes one problem whose instance is the request path.
func hangerFail(w http.ResponseWriter, r *http.Request, status int, detail string, errs ...hangerError) {
	w.Header().Set(hangerIDName, newRequestID())
	send(w, status, ctProblem, marshal(hangerProblem{
		Type:     "about:blank",
		Title:    http.StatusText(status),
		Status:   status,
		Detail:   detail,
		Instance: r.URL.Path,
		Errors:   errs,
	}))
}

func hangerOK(w http.ResponseWriter, v any) {
	w.Header().Set(hangerIDName, newRequestID())
	sendJSON(w, http.StatusOK, v)
}

func hangerAuth(w http.ResponseWriter, r *http.Request) bool {
	tok, present := bearer(r)
	switch {
	case !present:
		hangerFail(w, r, http.StatusUnauthorized, "missing access token", hangerError{"Authorization", "missing access token"})
	case tok != Token:
		hangerFail(w, r, http.StatusUnauthorized, "invalid or expired access token", hangerError{"Authorization", "invalid or expired access token"})
	default:
		return true
	}
	return false
}

// hangerBuilding validates the buildingCode parameter.
func hangerBuilding(w http.ResponseWriter, r *http.Request) (string, bool) {
	code := r.URL.Query().Get("buildingCode")
	switch {
	case !hangerBuildingCode.MatchString(code):
		hangerFail(w, r, http.StatusBadRequest, "bad building code", hangerError{"Building Code", "bad building code"})
	case code == hangerRestricted:
		hangerFail(w, r, http.StatusForbidden, "your role does not allow access to building "+code)
	default:
		return code, true
	}
	return "", false
}

func hangerList(w http.ResponseWriter, r *http.Request) {
	if !hangerAuth(w, r) {
		return
	}
	if code, ok := hangerBuilding(w, r); ok {
		list := hangers[code]
		if list == nil {
			list = []map[string]any{}
		}
		hangerOK(w, map[string]any{"buildingCode": code, "hangers": list})
	}
}

func hangerOne(w http.ResponseWriter, r *http.Request) {
	if !hangerAuth(w, r) {
		return
	}
	id := r.PathValue("id")
	for _, list := range hangers {
		for _, h := range list {
			if h["id"] == id {
				hangerOK(w, h)
				return
			}
		}
	}
	hangerFail(w, r, http.StatusNotFound, "hanger "+id+" not found")
}

func hangerReport(w http.ResponseWriter, r *http.Request) {
	if hangerAuth(w, r) {
		hangerFail(w, r, http.StatusInternalServerError, "an unexpected error occurred while building the report")
	}
}

func hangerRecommend(w http.ResponseWriter, r *http.Request) {
	if !hangerAuth(w, r) {
		return
	}
	retryAfter(w, 120)
	hangerFail(w, r, http.StatusServiceUnavailable, "the recommendation service is down for maintenance")
}
