package demo

import (
	"net/http"
)

// index is the JSON answer of GET /.
type index struct {
	Name   string  `json:"name"`
	About  string  `json:"about"`
	Token  string  `json:"token"`
	Routes []Route `json:"routes"`
}

// notFound answers every request no route matches, pointing at the listing.
func notFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", newRequestID())
	sendJSON(w, http.StatusNotFound, struct {
		Error  string `json:"error"`
		Routes string `json:"routes"`
	}{
		Error:  "no demo route answers " + r.Method + " " + r.URL.Path + "; GET / lists every route",
		Routes: "/",
	})
}
