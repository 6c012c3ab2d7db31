package demo

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// OCTO answers as its document (seed 002) describes: `error` (a code from
// the docs' table) and `errorMessage`, plus the attribute the docs pair
// with the code (productId, optionId, unitId, availabilityId), echoing the
// value that was sent. The docs' example:
//
//	{"error": "INVALID_PRODUCT_ID", "errorMessage": "The Product ID was invalid or missing", "productId": "123"}
//
// The docs say an OCTO API answers every request with 200 or 400, so every
// error code here, UNAUTHORIZED, FORBIDDEN and INTERNAL_SERVER_ERROR
// included, comes with status 400: the demo follows the docs rather than
// the HTTP status those names suggest.

const (
	octoAPI = "octo"
	// octoRevokedKey is an API key the backend has revoked (FORBIDDEN).
	octoRevokedKey = "revoked-key"
	octoProduct    = "sunset-cruise"
	octoOption     = "DEFAULT"
	octoAvail      = "2025-06-01T18:00:00+02:00"
	// octoBooking can be confirmed; octoLateBooking is past its
	// cancellation cutoff.
	octoBooking     = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
	octoLateBooking = "2b8f4a1e-5c3d-4e6f-9a0b-1c2d3e4f5a6b"
)

// octoUnits are the unit ids of the demo product's option.
var octoUnits = map[string]bool{"adult": true, "child": true, "senior": true}

func octoEndpoints() []endpoint {
	jsonHeader := func() http.Header { return withHeader(bearerHeader(), "Content-Type", ctJSON) }
	route := func(method, path, code, desc string, h http.Header, body string) Route {
		status, format := http.StatusBadRequest, "error-code-message"
		if code == "" {
			status, format = http.StatusOK, "json"
		} else {
			desc = "OCTO " + code + ": " + desc
		}
		if code == "" {
			desc = "OCTO: " + desc
		}
		return Route{Method: method, Path: path, API: octoAPI, Status: status, Format: format, Description: desc, Header: h, Body: body}
	}
	booking := func(product, option, avail, unit string) string {
		return `{"productId":"` + product + `","optionId":"` + option + `","availabilityId":"` + avail + `","unitItems":[{"unitId":"` + unit + `"}]}`
	}
	availability := func(product, option string) string {
		return `{"productId":"` + product + `","optionId":"` + option + `","localDateStart":"2025-06-01","localDateEnd":"2025-06-02"}`
	}
	return []endpoint{
		{
			pattern: "GET /octo/products",
			handler: octoProducts,
			examples: []Route{
				route("GET", "/octo/products", "", "the supplier's products", bearerHeader(), ""),
				route("GET", "/octo/products", "UNAUTHORIZED", "no API key in the Authorization header", nil, ""),
				route("GET", "/octo/products", "FORBIDDEN", "the API key was revoked", http.Header{"Authorization": {"Bearer " + octoRevokedKey}}, ""),
			},
		},
		{
			pattern: "GET /octo/products/{productId}",
			handler: octoOneProduct,
			examples: []Route{
				route("GET", "/octo/products/"+octoProduct, "", "one product", bearerHeader(), ""),
				route("GET", "/octo/products/123", "INVALID_PRODUCT_ID", "unknown product, productId echoed", bearerHeader(), ""),
			},
		},
		{
			pattern: "POST /octo/availability",
			handler: octoAvailability,
			examples: []Route{
				route("POST", "/octo/availability", "", "availability of a product option", jsonHeader(), availability(octoProduct, octoOption)),
				route("POST", "/octo/availability", "INVALID_OPTION_ID", "unknown option, optionId echoed", jsonHeader(), availability(octoProduct, "321")),
			},
		},
		{
			pattern: "POST /octo/bookings",
			handler: octoBook,
			examples: []Route{
				route("POST", "/octo/bookings", "", "a booking reserved", jsonHeader(), booking(octoProduct, octoOption, octoAvail, "adult")),
				route("POST", "/octo/bookings", "INVALID_UNIT_ID", "unknown unit, unitId echoed", jsonHeader(), booking(octoProduct, octoOption, octoAvail, "senior-123678")),
				route("POST", "/octo/bookings", "INVALID_AVAILABILITY_ID", "unknown availability, availabilityId echoed", jsonHeader(), booking(octoProduct, octoOption, "2020-01-01T10:30+08:00", "adult")),
				route("POST", "/octo/bookings", "BAD_REQUEST", "request body is not valid JSON", jsonHeader(), `{"productId":"`+octoProduct+`",`),
			},
		},
		{
			pattern: "POST /octo/bookings/{uuid}/confirm",
			handler: octoConfirm,
			examples: []Route{
				route("POST", "/octo/bookings/"+octoBooking+"/confirm", "", "a booking confirmed", jsonHeader(), `{"resellerReference":"DEMO-1"}`),
				route("POST", "/octo/bookings/4f6a2b77-5d1e-4c8a-9b3f-0e1d2c3b4a59/confirm", "INVALID_BOOKING_UUID", "unknown or expired booking", jsonHeader(), `{"resellerReference":"DEMO-2"}`),
			},
		},
		{
			pattern: "POST /octo/bookings/{uuid}/cancel",
			handler: octoCancel,
			examples: []Route{
				route("POST", "/octo/bookings/"+octoLateBooking+"/cancel", "UNPROCESSABLE_ENTITY", "cancellation cutoff has passed", jsonHeader(), `{"reason":"Customer request"}`),
			},
		},
		{
			pattern: "GET /octo/supplier",
			handler: octoSupplier,
			examples: []Route{
				route("GET", "/octo/supplier", "INTERNAL_SERVER_ERROR", "the backend is down (still status 400, as the docs say)", bearerHeader(), ""),
			},
		},
	}
}

// octoFail writes the docs' body: error, errorMessage, then the attribute
// named attr (if any) with the value that was sent, in that order.
func octoFail(w http.ResponseWriter, code, message, attr, value string) {
	var b bytes.Buffer
	b.WriteString(`{"error":`)
	b.Write(bytes.TrimSpace(marshal(code)))
	b.WriteString(`,"errorMessage":`)
	b.Write(bytes.TrimSpace(marshal(message)))
	if attr != "" {
		b.WriteString(`,"` + attr + `":`)
		b.Write(bytes.TrimSpace(marshal(value)))
	}
	b.WriteString("}\n")
	w.Header().Set("X-Request-Id", newRequestID())
	send(w, http.StatusBadRequest, ctJSON, b.Bytes())
}

func octoOK(w http.ResponseWriter, v any) {
	w.Header().Set("X-Request-Id", newRequestID())
	sendJSON(w, http.StatusOK, v)
}

// octoAuth answers UNAUTHORIZED without an API key, FORBIDDEN with one the
// backend does not accept.
func octoAuth(w http.ResponseWriter, r *http.Request) bool {
	tok, present := bearer(r)
	switch {
	case !present:
		octoFail(w, "UNAUTHORIZED", "You did not send an API key in the Authorization header", "", "")
	case tok != Token:
		octoFail(w, "FORBIDDEN", "The API key is invalid or has been revoked", "", "")
	default:
		return true
	}
	return false
}

// octoRequest is what the availability and booking endpoints read.
type octoRequest struct {
	ProductID      string `json:"productId"`
	OptionID       string `json:"optionId"`
	AvailabilityID string `json:"availabilityId"`
	LocalDateStart string `json:"localDateStart"`
	LocalDateEnd   string `json:"localDateEnd"`
	UnitItems      []struct {
		UnitID string `json:"unitId"`
	} `json:"unitItems"`
}

// octoRead decodes the body and checks product and option, writing the
// error when something is wrong.
func octoRead(w http.ResponseWriter, r *http.Request) (octoRequest, bool) {
	var req octoRequest
	body, err := readBody(w, r)
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	switch {
	case err != nil:
		octoFail(w, "BAD_REQUEST", "The request body is not valid JSON: "+err.Error(), "", "")
	case req.ProductID != octoProduct:
		octoFail(w, "INVALID_PRODUCT_ID", "The Product ID was invalid or missing", "productId", req.ProductID)
	case req.OptionID != octoOption:
		octoFail(w, "INVALID_OPTION_ID", "The Option ID was invalid or missing", "optionId", req.OptionID)
	default:
		return req, true
	}
	return req, false
}

func octoProductBody() map[string]any {
	return map[string]any{
		"id": octoProduct, "internalName": "Sunset Cruise", "locale": "en", "timeZone": "Europe/Amsterdam",
		"options": []map[string]any{{"id": octoOption, "units": []map[string]string{{"id": "adult"}, {"id": "child"}, {"id": "senior"}}}},
	}
}

func octoProducts(w http.ResponseWriter, r *http.Request) {
	if octoAuth(w, r) {
		octoOK(w, []any{octoProductBody()})
	}
}

func octoOneProduct(w http.ResponseWriter, r *http.Request) {
	if !octoAuth(w, r) {
		return
	}
	if id := r.PathValue("productId"); id != octoProduct {
		octoFail(w, "INVALID_PRODUCT_ID", "The Product ID was invalid or missing", "productId", id)
		return
	}
	octoOK(w, octoProductBody())
}

func octoAvailability(w http.ResponseWriter, r *http.Request) {
	if !octoAuth(w, r) {
		return
	}
	if _, ok := octoRead(w, r); ok {
		octoOK(w, []map[string]any{{"id": octoAvail, "localDateTimeStart": octoAvail, "status": "AVAILABLE", "vacancies": 12}})
	}
}

func octoBook(w http.ResponseWriter, r *http.Request) {
	if !octoAuth(w, r) {
		return
	}
	req, ok := octoRead(w, r)
	if !ok {
		return
	}
	if req.AvailabilityID != octoAvail {
		octoFail(w, "INVALID_AVAILABILITY_ID", "The Availability ID was invalid or missing", "availabilityId", req.AvailabilityID)
		return
	}
	if len(req.UnitItems) == 0 {
		octoFail(w, "BAD_REQUEST", "unitItems is required and must not be empty", "", "")
		return
	}
	for _, u := range req.UnitItems {
		if !octoUnits[u.UnitID] {
			octoFail(w, "INVALID_UNIT_ID", "The Unit ID was invalid or missing", "unitId", u.UnitID)
			return
		}
	}
	octoOK(w, map[string]any{"uuid": octoBooking, "status": "ON_HOLD", "productId": req.ProductID, "optionId": req.OptionID, "availabilityId": req.AvailabilityID})
}

func octoConfirm(w http.ResponseWriter, r *http.Request) {
	if !octoAuth(w, r) {
		return
	}
	if r.PathValue("uuid") != octoBooking {
		octoFail(w, "INVALID_BOOKING_UUID", "The booking UUID was invalid or missing, or the booking has expired", "", "")
		return
	}
	octoOK(w, map[string]any{"uuid": octoBooking, "status": "CONFIRMED"})
}

func octoCancel(w http.ResponseWriter, r *http.Request) {
	if !octoAuth(w, r) {
		return
	}
	switch r.PathValue("uuid") {
	case octoLateBooking:
		octoFail(w, "UNPROCESSABLE_ENTITY", "The booking can no longer be cancelled: the cancellation cutoff has elapsed", "", "")
	case octoBooking:
		octoOK(w, map[string]any{"uuid": octoBooking, "status": "CANCELLED"})
	default:
		octoFail(w, "INVALID_BOOKING_UUID", "The booking UUID was invalid or missing, or the booking has expired", "", "")
	}
}

func octoSupplier(w http.ResponseWriter, r *http.Request) {
	if octoAuth(w, r) {
		octoFail(w, "INTERNAL_SERVER_ERROR", "The reservation backend is not responding; try again later", "", "")
	}
}
