package demo

import (
	"net/http"
	"strconv"
	"time"
)

// Occuspace answers as the Occuspace document (seed 000) describes: RFC 7807
// problem+json with type, title, status, detail, instance and request_id.
// The docs' example:
//
//	{"type":"https://api.occuspace.io/problems/not-found","title":"Not Found","status":404,
//	 "detail":"Location 1560 not found or not accessible","instance":"/v2/locations/1560",
//	 "request_id":"f1b8698f-b0e8-4fb9-82e1-ddf89029350c"}

const (
	occuspaceAPI      = "occuspace"
	occuspaceTypeBase = "https://api.occuspace.io/problems/"
	occuspaceQuery    = "?interval=hour&start_date=2025-05-01&end_date=2025-05-02"
)

// occuspaceProblem is the docs' error body, field for field.
type occuspaceProblem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail"`
	Instance  string `json:"instance"`
	RequestID string `json:"request_id"`
}

// occuspaceLocations are the locations the demo token can see.
var occuspaceLocations = map[int]string{1234: "Main Library", 2001: "Student Union"}

// occuspaceBroken is a location whose data backend always fails, for the 500.
const occuspaceBroken = 9999

func occuspaceEndpoints() []endpoint {
	occ := func(id int, query string) string {
		return "/occuspace/v2/locations/" + strconv.Itoa(id) + "/occupancy" + query
	}
	route := func(path string, status int, format, desc string, h http.Header) Route {
		return Route{Method: "GET", Path: path, API: occuspaceAPI, Status: status, Format: format, Description: desc, Header: h}
	}
	return []endpoint{
		{
			pattern: "GET /occuspace/v2/locations",
			handler: occuspaceList,
			examples: []Route{
				route("/occuspace/v2/locations", 200, "json", "Occuspace: the locations this token can see", bearerHeader()),
			},
		},
		{
			pattern: "GET /occuspace/v2/locations/{id}/occupancy",
			handler: occuspaceOccupancy,
			examples: []Route{
				route(occ(1234, occuspaceQuery), 200, "json", "Occuspace: hourly occupancy of a location", bearerHeader()),
				route(occ(1234, occuspaceQuery), 401, "problem+json", "Occuspace: no Bearer token (send Authorization: Bearer "+Token+")", nil),
				route(occ(1234, "?interval=7min&start_date=2025-05-01&end_date=2025-05-02"), 400, "problem+json", "Occuspace: unsupported interval value", bearerHeader()),
				route(occ(1234, "?interval=hour&start_date=05/01/2025&end_date=2025-05-02"), 400, "problem+json", "Occuspace: start_date not in YYYY-MM-DD", bearerHeader()),
				route(occ(1234, "?interval=day&start_hour_filter=8&start_date=2025-05-01&end_date=2025-05-02"), 400, "problem+json", "Occuspace: start_hour_filter with an interval that does not support it", bearerHeader()),
				route(occ(1560, occuspaceQuery), 404, "problem+json", "Occuspace: location 1560 not found or not accessible", bearerHeader()),
				route(occ(occuspaceBroken, occuspaceQuery), 500, "problem+json", "Occuspace: server-side failure; quote the request_id to support", bearerHeader()),
			},
		},
	}
}

// occuspaceFail writes one problem with a fresh request_id, echoed in
// X-Request-Id.
func occuspaceFail(w http.ResponseWriter, r *http.Request, status int, slug, detail string) {
	id := newRequestID()
	w.Header().Set("X-Request-Id", id)
	send(w, status, ctProblem, marshal(occuspaceProblem{
		Type:      occuspaceTypeBase + slug,
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    detail,
		Instance:  r.URL.Path,
		RequestID: id,
	}))
}

// occuspaceAuth answers 401 unless the request carries the demo token.
func occuspaceAuth(w http.ResponseWriter, r *http.Request) bool {
	tok, present := bearer(r)
	switch {
	case !present:
		occuspaceFail(w, r, http.StatusUnauthorized, "unauthorized", "Missing Authorization header; send Authorization: Bearer <token>")
	case tok != Token:
		occuspaceFail(w, r, http.StatusUnauthorized, "unauthorized", "Invalid or inactive Bearer token")
	default:
		return true
	}
	return false
}

func occuspaceOK(w http.ResponseWriter, v any) {
	w.Header().Set("X-Request-Id", newRequestID())
	sendJSON(w, http.StatusOK, v)
}

func occuspaceList(w http.ResponseWriter, r *http.Request) {
	if !occuspaceAuth(w, r) {
		return
	}
	type loc struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	}
	occuspaceOK(w, map[string]any{"data": []loc{{1234, occuspaceLocations[1234]}, {2001, occuspaceLocations[2001]}}})
}

func occuspaceOccupancy(w http.ResponseWriter, r *http.Request) {
	if !occuspaceAuth(w, r) {
		return
	}
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		occuspaceFail(w, r, http.StatusBadRequest, "bad-request", "Invalid location id '"+r.PathValue("id")+"': expected an integer")
		return
	}
	if id == occuspaceBroken {
		occuspaceFail(w, r, http.StatusInternalServerError, "internal-server-error", "An unexpected error occurred while retrieving occupancy data")
		return
	}
	name, ok := occuspaceLocations[id]
	if !ok {
		occuspaceFail(w, r, http.StatusNotFound, "not-found", "Location "+strconv.Itoa(id)+" not found or not accessible")
		return
	}
	q := r.URL.Query()
	interval := q.Get("interval")
	if interval == "" {
		interval = "hour"
	}
	step, ok := map[string]time.Duration{"15min": 15 * time.Minute, "hour": time.Hour, "day": 24 * time.Hour}[interval]
	if !ok {
		occuspaceFail(w, r, http.StatusBadRequest, "bad-request", "Unsupported interval '"+interval+"' for metric 'occupancy'; valid values are 15min, hour, day")
		return
	}
	var dates [2]time.Time
	for i, name := range []string{"start_date", "end_date"} {
		v := q.Get(name)
		if v == "" {
			occuspaceFail(w, r, http.StatusBadRequest, "bad-request", "Missing required parameter "+name+" (expected YYYY-MM-DD)")
			return
		}
		d, err := time.Parse(time.DateOnly, v)
		if err != nil {
			occuspaceFail(w, r, http.StatusBadRequest, "bad-request", "Invalid "+name+" '"+v+"': expected YYYY-MM-DD")
			return
		}
		dates[i] = d
	}
	if dates[1].Before(dates[0]) {
		occuspaceFail(w, r, http.StatusBadRequest, "bad-request", "end_date must not be before start_date")
		return
	}
	if interval == "day" {
		for _, f := range []string{"start_hour_filter", "end_hour_filter", "days_filter"} {
			if q.Has(f) {
				occuspaceFail(w, r, http.StatusBadRequest, "bad-request", f+" is not supported with interval 'day'; use 15min or hour")
				return
			}
		}
	}
	type point struct {
		Time      string `json:"time"`
		Occupancy int    `json:"occupancy"`
	}
	var points []point
	for t, n := dates[0], 0; !t.After(dates[1]) && n < 48; t, n = t.Add(step), n+1 {
		points = append(points, point{Time: t.Format(time.RFC3339), Occupancy: 20 + (n*37)%90})
	}
	occuspaceOK(w, map[string]any{"location_id": id, "name": name, "interval": interval, "data": points})
}
