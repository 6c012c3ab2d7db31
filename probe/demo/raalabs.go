package demo

import (
	"encoding/json"
	"net/http"
	"time"
)

// Raa Labs answers as its document (seed 001) describes: a JSON object with
// one "error" string. The docs' example, which the 400 route reproduces by
// really validating the `to` parameter:
//
//	{"error": "Invalid 'to' timestamp: Invalid timestamp or format: 2025-05-25T09:41:00, valid formats are ISO8601 or YYYY-MM-DD"}
//
// Paths follow the docs' {domain}/{expression} shape.

const (
	raalabsAPI    = "raalabs"
	raalabsBase   = "/raalabs/api/v1/"
	raalabsRange  = "?from=2025-05-25&to=2025-05-26"
	raalabsIDName = "Request-Id"
)

// raalabsSignals are the expressions the demo has data for, per domain the
// token may read. raalabsBroken fails on the server side.
var raalabsSignals = map[string]map[string]float64{
	"vessel-1": {"engine.main.rpm": 712, "engine.main.temperature": 81.5},
}

const (
	raalabsForbidden = "vessel-7"
	raalabsBroken    = "hull.stress"
)

func raalabsEndpoints() []endpoint {
	route := func(method, path string, status int, desc string, h http.Header, body string) Route {
		format := "error-string"
		if status < 300 {
			format = "json"
		}
		return Route{Method: method, Path: path, API: raalabsAPI, Status: status, Format: format, Description: desc, Header: h, Body: body}
	}
	data := raalabsBase + "vessel-1/engine.main.rpm"
	query := `{"domain":"vessel-1","expression":"engine.main.rpm","from":"2025-05-25","to":"2025-05-26"}`
	return []endpoint{
		{
			pattern: "GET " + raalabsBase + "{domain}/{expression}",
			handler: raalabsData,
			examples: []Route{
				route("GET", data+raalabsRange, 200, "Raa Labs: a day of engine RPM readings", bearerHeader(), ""),
				route("GET", data+"?from=2025-05-25&to=2025-05-25T09:41:00", 400, "Raa Labs: the docs' invalid 'to' timestamp (no time zone)", bearerHeader(), ""),
				route("GET", data+raalabsRange, 401, "Raa Labs: Authorization header missing", nil, ""),
				route("GET", raalabsBase+raalabsForbidden+"/engine.main.rpm"+raalabsRange, 403, "Raa Labs: the token may not read domain "+raalabsForbidden, bearerHeader(), ""),
				route("GET", raalabsBase+"vessel-1/engine.aux.rpm"+raalabsRange, 404, "Raa Labs: no such {domain}/{expression}", bearerHeader(), ""),
				route("GET", data+raalabsRange, 406, "Raa Labs: Accept asks for XML, the API only speaks JSON", withHeader(bearerHeader(), "Accept", "application/xml"), ""),
				route("GET", raalabsBase+"vessel-1/"+raalabsBroken+raalabsRange, 500, "Raa Labs: internal server error computing a signal", bearerHeader(), ""),
			},
		},
		{
			pattern: "POST " + raalabsBase + "query",
			handler: raalabsQuery,
			examples: []Route{
				route("POST", raalabsBase+"query", 200, "Raa Labs: a query sent as JSON", withHeader(bearerHeader(), "Content-Type", ctJSON), query),
				route("POST", raalabsBase+"query", 415, "Raa Labs: the query endpoint needs Content-Type: application/json", withHeader(bearerHeader(), "Content-Type", "text/plain"), query),
			},
		},
		{
			pattern: "GET " + raalabsBase + "export",
			handler: raalabsExport,
			examples: []Route{
				route("GET", raalabsBase+"export"+raalabsRange, 429, "Raa Labs: bulk export rate limit reached (Retry-After)", bearerHeader(), ""),
			},
		},
		{
			pattern: "GET " + raalabsBase + "live/{domain}",
			handler: raalabsLive,
			examples: []Route{
				route("GET", raalabsBase+"live/vessel-1", 503, "Raa Labs: live feed temporarily unavailable (Retry-After)", bearerHeader(), ""),
			},
		},
	}
}

// raalabsFail writes {"error": message} with a request id header.
func raalabsFail(w http.ResponseWriter, status int, message string) {
	w.Header().Set(raalabsIDName, newRequestID())
	sendJSON(w, status, map[string]string{"error": message})
}

func raalabsOK(w http.ResponseWriter, v any) {
	w.Header().Set(raalabsIDName, newRequestID())
	sendJSON(w, http.StatusOK, v)
}

// raalabsAuth answers 401 unless the demo token was sent.
func raalabsAuth(w http.ResponseWriter, r *http.Request) bool {
	tok, present := bearer(r)
	switch {
	case !present:
		raalabsFail(w, http.StatusUnauthorized, "Unauthorized: the Authorization header is missing")
	case tok != Token:
		raalabsFail(w, http.StatusUnauthorized, "Unauthorized: the Bearer token is invalid or expired")
	default:
		return true
	}
	return false
}

// raalabsTime parses a timestamp the way the docs allow: ISO 8601 with a
// zone, or a plain date.
func raalabsTime(name, v string) (time.Time, string) {
	if v == "" {
		return time.Time{}, "Missing '" + name + "' timestamp, valid formats are ISO8601 or YYYY-MM-DD"
	}
	for _, layout := range []string{time.RFC3339Nano, time.DateOnly} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, ""
		}
	}
	return time.Time{}, "Invalid '" + name + "' timestamp: Invalid timestamp or format: " + v + ", valid formats are ISO8601 or YYYY-MM-DD"
}

// raalabsSeries validates one query and returns its readings, or writes
// the error and returns false.
func raalabsSeries(w http.ResponseWriter, domain, expression, from, to string) (any, bool) {
	if domain == raalabsForbidden {
		raalabsFail(w, http.StatusForbidden, "Forbidden: you do not have permission to access domain '"+domain+"'")
		return nil, false
	}
	value, ok := raalabsSignals[domain][expression]
	if !ok && expression != raalabsBroken {
		raalabsFail(w, http.StatusNotFound, "Not found: no data for '"+domain+"/"+expression+"'")
		return nil, false
	}
	start, msg := raalabsTime("from", from)
	if msg == "" {
		_, msg = raalabsTime("to", to)
	}
	if msg != "" {
		raalabsFail(w, http.StatusBadRequest, msg)
		return nil, false
	}
	if expression == raalabsBroken {
		raalabsFail(w, http.StatusInternalServerError, "Internal server error")
		return nil, false
	}
	type reading struct {
		Timestamp string  `json:"timestamp"`
		Value     float64 `json:"value"`
	}
	var series []reading
	for i := range 4 {
		series = append(series, reading{start.Add(time.Duration(i) * 6 * time.Hour).UTC().Format(time.RFC3339), value + float64(i)})
	}
	return map[string]any{"domain": domain, "expression": expression, "data": series}, true
}

func raalabsData(w http.ResponseWriter, r *http.Request) {
	if !raalabsAuth(w, r) {
		return
	}
	if !acceptsJSON(r) {
		raalabsFail(w, http.StatusNotAcceptable, "Not Acceptable: this endpoint only produces application/json")
		return
	}
	q := r.URL.Query()
	if v, ok := raalabsSeries(w, r.PathValue("domain"), r.PathValue("expression"), q.Get("from"), q.Get("to")); ok {
		raalabsOK(w, v)
	}
}

func raalabsQuery(w http.ResponseWriter, r *http.Request) {
	if !raalabsAuth(w, r) {
		return
	}
	if !isJSONContent(r) {
		raalabsFail(w, http.StatusUnsupportedMediaType, "Unsupported Media Type: expected Content-Type application/json")
		return
	}
	body, err := readBody(w, r)
	var q struct{ Domain, Expression, From, To string }
	if err == nil {
		err = json.Unmarshal(body, &q)
	}
	if err != nil {
		raalabsFail(w, http.StatusBadRequest, "Invalid request body: "+err.Error())
		return
	}
	if v, ok := raalabsSeries(w, q.Domain, q.Expression, q.From, q.To); ok {
		raalabsOK(w, v)
	}
}

func raalabsExport(w http.ResponseWriter, r *http.Request) {
	if !raalabsAuth(w, r) {
		return
	}
	retryAfter(w, 30)
	raalabsFail(w, http.StatusTooManyRequests, "Too many requests: export limit reached, retry later")
}

func raalabsLive(w http.ResponseWriter, r *http.Request) {
	if !raalabsAuth(w, r) {
		return
	}
	retryAfter(w, 120)
	raalabsFail(w, http.StatusServiceUnavailable, "Service temporarily unavailable, please retry after a short delay")
}
