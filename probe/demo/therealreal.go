package demo

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// TheRealReal's vendor API answers as its document (seed 004) describes:
//
//	{"error": {"code": "string", "message": "string", "details": [{"field": "string", "message": "string"}]}}
//
// with details only where there are field-level failures.

const (
	trrAPI  = "therealreal"
	trrBase = "/therealreal/v1/"
	// trrVendor is the vendor account the demo token belongs to.
	trrVendor = "demo-vendor"
	// trrShipped is an order that has shipped and cannot be cancelled.
	trrShipped = "ORD-2002"
)

// trrError is the docs' error body.
type trrError struct {
	Error trrErrorBody `json:"error"`
}

type trrErrorBody struct {
	Code    string      `json:"code"`
	Message string      `json:"message"`
	Details []trrDetail `json:"details,omitempty"`
}

type trrDetail struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// trrProducts are the demo vendor's listed items.
var trrProducts = map[string]map[string]any{
	"TRR-1001": {"id": "TRR-1001", "designer": "Chanel", "title": "Classic Flap Bag", "price": 4950, "currency": "USD", "status": "listed"},
}

func therealrealEndpoints() []endpoint {
	route := func(method, path string, status int, desc string, h http.Header, body string) Route {
		format := "error-object"
		if status < 300 {
			format = "json"
		}
		return Route{Method: method, Path: path, API: trrAPI, Status: status, Format: format, Description: "TheRealReal: " + desc, Header: h, Body: body}
	}
	jsonHeader := func() http.Header { return withHeader(bearerHeader(), "Content-Type", ctJSON) }
	return []endpoint{
		{
			pattern: "GET " + trrBase + "products",
			handler: trrList,
			examples: []Route{
				route("GET", trrBase+"products?limit=20", 200, "the vendor's products", bearerHeader(), ""),
				route("GET", trrBase+"products?limit=500", 400, "invalid query parameter", bearerHeader(), ""),
			},
		},
		{
			pattern: "GET " + trrBase + "products/{id}",
			handler: trrOne,
			examples: []Route{
				route("GET", trrBase+"products/TRR-1001", 200, "one product", bearerHeader(), ""),
				route("GET", trrBase+"products/TRR-1001", 401, "no access token (tokens expire after 1 hour)", nil, ""),
				route("GET", trrBase+"products/TRR-0000", 404, "product not found", bearerHeader(), ""),
			},
		},
		{
			pattern: "POST " + trrBase + "products",
			handler: trrCreate,
			examples: []Route{
				route("POST", trrBase+"products", 201, "a product created", jsonHeader(), `{"designer":"Hermès","title":"Silk Scarf","price":395,"currency":"USD"}`),
				route("POST", trrBase+"products", 422, "validation errors, one per field in details", jsonHeader(), `{"designer":"","title":"Silk Scarf","price":-5,"currency":"usd"}`),
			},
		},
		{
			pattern: "GET " + trrBase + "vendors/{vendor}/payouts",
			handler: trrPayouts,
			examples: []Route{
				route("GET", trrBase+"vendors/other-vendor/payouts", 403, "another vendor's payouts", bearerHeader(), ""),
			},
		},
		{
			pattern: "POST " + trrBase + "orders/{id}/cancel",
			handler: trrCancel,
			examples: []Route{
				route("POST", trrBase+"orders/"+trrShipped+"/cancel", 409, "order already shipped, cannot be cancelled", jsonHeader(), `{"reason":"customer request"}`),
			},
		},
		{
			pattern: "GET " + trrBase + "inventory",
			handler: trrInventory,
			examples: []Route{
				route("GET", trrBase+"inventory", 429, "rate limit exceeded (Retry-After, X-RateLimit-*)", bearerHeader(), ""),
			},
		},
		{
			pattern: "GET " + trrBase + "reports/sales",
			handler: trrReport,
			examples: []Route{
				route("GET", trrBase+"reports/sales?month=2025-05", 500, "server-side error", bearerHeader(), ""),
			},
		},
		{
			pattern: "GET " + trrBase + "shipping/rates",
			handler: trrRates,
			examples: []Route{
				route("GET", trrBase+"shipping/rates?zip=94107", 502, "the carrier behind the API failed", bearerHeader(), ""),
			},
		},
	}
}

func trrFail(w http.ResponseWriter, status int, code, message string, details ...trrDetail) {
	w.Header().Set("X-Request-Id", newRequestID())
	sendJSON(w, status, trrError{trrErrorBody{Code: code, Message: message, Details: details}})
}

func trrOK(w http.ResponseWriter, status int, v any) {
	w.Header().Set("X-Request-Id", newRequestID())
	sendJSON(w, status, v)
}

func trrAuth(w http.ResponseWriter, r *http.Request) bool {
	tok, present := bearer(r)
	switch {
	case !present:
		trrFail(w, http.StatusUnauthorized, "unauthorized", "Authentication failed: no access token was sent")
	case tok != Token:
		trrFail(w, http.StatusUnauthorized, "unauthorized", "Authentication failed: the access token is invalid or has expired")
	default:
		return true
	}
	return false
}

func trrList(w http.ResponseWriter, r *http.Request) {
	if !trrAuth(w, r) {
		return
	}
	if v := r.URL.Query().Get("limit"); v != "" {
		if n, err := strconv.Atoi(v); err != nil || n < 1 || n > 100 {
			trrFail(w, http.StatusBadRequest, "bad_request", "Invalid request parameters", trrDetail{"limit", "must be an integer between 1 and 100"})
			return
		}
	}
	trrOK(w, http.StatusOK, map[string]any{"data": []any{trrProducts["TRR-1001"]}, "next_cursor": nil})
}

func trrOne(w http.ResponseWriter, r *http.Request) {
	if !trrAuth(w, r) {
		return
	}
	p, ok := trrProducts[r.PathValue("id")]
	if !ok {
		trrFail(w, http.StatusNotFound, "not_found", "Product "+r.PathValue("id")+" not found")
		return
	}
	trrOK(w, http.StatusOK, p)
}

func trrCreate(w http.ResponseWriter, r *http.Request) {
	if !trrAuth(w, r) {
		return
	}
	var p struct {
		Designer string  `json:"designer"`
		Title    string  `json:"title"`
		Price    float64 `json:"price"`
		Currency string  `json:"currency"`
	}
	body, err := readBody(w, r)
	if err == nil {
		err = json.Unmarshal(body, &p)
	}
	if err != nil {
		trrFail(w, http.StatusBadRequest, "bad_request", "Request body is not valid JSON: "+err.Error())
		return
	}
	var details []trrDetail
	if p.Designer == "" {
		details = append(details, trrDetail{"designer", "is required"})
	}
	if p.Title == "" {
		details = append(details, trrDetail{"title", "is required"})
	}
	if p.Price <= 0 {
		details = append(details, trrDetail{"price", "must be greater than 0"})
	}
	if p.Currency != "USD" {
		details = append(details, trrDetail{"currency", "must be one of: USD"})
	}
	if len(details) > 0 {
		trrFail(w, http.StatusUnprocessableEntity, "validation_error", "Validation failed", details...)
		return
	}
	w.Header().Set("Location", trrBase+"products/TRR-1002")
	trrOK(w, http.StatusCreated, map[string]any{"id": "TRR-1002", "designer": p.Designer, "title": p.Title, "price": p.Price, "currency": p.Currency, "status": "pending_review"})
}

func trrPayouts(w http.ResponseWriter, r *http.Request) {
	if !trrAuth(w, r) {
		return
	}
	if v := r.PathValue("vendor"); v != trrVendor {
		trrFail(w, http.StatusForbidden, "forbidden", "Insufficient permissions: this token cannot read payouts of vendor "+v)
		return
	}
	trrOK(w, http.StatusOK, map[string]any{"data": []any{}})
}

func trrCancel(w http.ResponseWriter, r *http.Request) {
	if !trrAuth(w, r) {
		return
	}
	if id := r.PathValue("id"); id == trrShipped {
		trrFail(w, http.StatusConflict, "conflict", "Order "+id+" has already shipped and can no longer be cancelled")
		return
	}
	trrFail(w, http.StatusNotFound, "not_found", "Order "+r.PathValue("id")+" not found")
}

func trrInventory(w http.ResponseWriter, r *http.Request) {
	if !trrAuth(w, r) {
		return
	}
	h := w.Header()
	retryAfter(w, 60)
	h.Set("X-RateLimit-Limit", "100")
	h.Set("X-RateLimit-Remaining", "0")
	// Reset as a Unix time, the most common reading of X-RateLimit-Reset.
	h.Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(60*time.Second).Unix(), 10))
	trrFail(w, http.StatusTooManyRequests, "rate_limit_exceeded", "Rate limit exceeded: 100 requests per minute")
}

func trrReport(w http.ResponseWriter, r *http.Request) {
	if trrAuth(w, r) {
		trrFail(w, http.StatusInternalServerError, "internal_error", "An unexpected error occurred")
	}
}

func trrRates(w http.ResponseWriter, r *http.Request) {
	if trrAuth(w, r) {
		trrFail(w, http.StatusBadGateway, "bad_gateway", "The shipping carrier returned an invalid response")
	}
}
