// Package demo is a local HTTP server that answers like the five API
// error documents apierr ships profiles for (Occuspace, Raa Labs, OCTO,
// Hanger Selector, TheRealReal) plus a few common others (GraphQL,
// JSON:API, OAuth 2.0, an nginx gateway page, AWS XML, Google status) and
// some hostile answers (slow, endless, escape sequences, invalid UTF-8).
//
// Every route really checks what it complains about: the 401s look at the
// Authorization header, the 406 at Accept, the 415 at Content-Type, the
// 400s at the parameters. Routes lists one example request per status and
// per error code; GET / on the server returns that list as JSON, so the
// listing and the handlers cannot drift apart (the tests send every listed
// request and check its status).
//
// It is meant for `apierr demo`, `apierr --demo` and tests:
//
//	srv, err := demo.Start("127.0.0.1:0")
//	if err != nil { ... }
//	defer srv.Close()
//	resp, err := http.Get(srv.URL() + "/octo/products/123")
package demo

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// Route is one example request the demo answers and what it answers.
type Route struct {
	// Method is the HTTP method to send.
	Method string `json:"method"`
	// Path is the path and query to send, relative to the server's URL.
	Path string `json:"path"`
	// API is the docs profile name the answer belongs to (occuspace,
	// raalabs, octo, hanger-selector, therealreal), "" for the common others.
	API string `json:"api"`
	// Status is the status code the request gets (the first one, for the
	// flaky and redirect routes).
	Status int `json:"status"`
	// Format is the error format family id formats.Detect should find.
	Format string `json:"format"`
	// Description says in one line what the route shows.
	Description string `json:"description"`
	// Header holds request headers to send, if any.
	Header http.Header `json:"header,omitempty"`
	// Body is a request body to send, if any.
	Body string `json:"body,omitempty"`
	// Slow is true when the answer takes long or never ends: send it with
	// a timeout and a body cap.
	Slow bool `json:"slow,omitempty"`
}

// endpoint is one mux pattern, its handler and the example requests that
// exercise it.
type endpoint struct {
	pattern  string
	handler  http.HandlerFunc
	examples []Route
}

// endpoints returns every endpoint of a fresh demo, in listing order. The
// state of stateful routes (the flaky counters) lives in st.
func endpoints(st *state) []endpoint {
	var all []endpoint
	for _, group := range [][]endpoint{
		occuspaceEndpoints(),
		raalabsEndpoints(),
		octoEndpoints(),
		hangerEndpoints(),
		therealrealEndpoints(),
		otherEndpoints(),
		timingEndpoints(st),
		hostileEndpoints(),
	} {
		all = append(all, group...)
	}
	return all
}

// Routes lists every example request of the demo, in the order GET /
// lists them: the five documented APIs first, then the common others.
func Routes() []Route {
	var routes []Route
	for _, e := range endpoints(newState()) {
		routes = append(routes, e.examples...)
	}
	return routes
}

// Handler returns the demo API. Each call has its own state (the flaky
// route's counters), so tests do not disturb each other.
func Handler() http.Handler {
	st := newState()
	mux := http.NewServeMux()
	var routes []Route
	for _, e := range endpoints(st) {
		mux.HandleFunc(e.pattern, e.handler)
		routes = append(routes, e.examples...)
	}
	// Indented and without HTML escapes: people read the listing with curl.
	var listing bytes.Buffer
	enc := json.NewEncoder(&listing)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(index{
		Name:   "apierr demo API",
		About:  "Example requests for every status and error code of the five documented APIs, and common others. Send any of them with apierr send.",
		Token:  "Authorization: Bearer " + Token,
		Routes: routes,
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		send(w, http.StatusOK, ctJSON, listing.Bytes())
	})
	mux.HandleFunc("/", notFound)
	return mux
}
