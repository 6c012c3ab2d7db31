package formats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// seedStatusRow is the part of a status row checked by hand against the docs.
type seedStatusRow struct {
	code   int
	name   string
	desc   string
	action string
}

// profileSeedRows lists, for each built-in profile, every row of its seed
// document's tables, counted and copied by hand from the page.
var profileSeedRows = []struct {
	name, source string
	statuses     []seedStatusRow
	errorCodes   []string
	fields       []string
	advice       []string // titles, in order ("" for untitled paragraphs)
	examples     int
}{
	{
		name: "occuspace", source: "000_0d453bd9f91a630f.txt",
		statuses: []seedStatusRow{
			{200, "OK", "The request was successful", ""},
			{400, "Bad Request", "One or more request parameters are missing or invalid", ""},
			{401, "Unauthorized", "The Bearer token is missing or invalid", ""},
			{404, "Not Found", "The requested resource does not exist or is not accessible with your credentials", ""},
			{500, "Internal Server Error", "An unexpected error occurred on the Occuspace servers", ""},
		},
		fields:   []string{"type", "title", "status", "detail", "instance", "request_id"},
		advice:   []string{"400 Bad Request", "401 Unauthorized", "404 Not Found", "500 Internal Server Error"},
		examples: 1,
	},
	{
		name: "raalabs", source: "001_763ea8bff2d64412.txt",
		statuses: []seedStatusRow{
			{200, "OK", "The request was successful and the response contains the requested data.", ""},
			{400, "Bad Request", "The request was malformed or failed validation (e.g., missing required fields, invalid parameter format, etc.).", ""},
			{401, "Unauthorized", "Authentication failed – either the Authorization header is missing, or the Bearer token is invalid or expired.", ""},
			{403, "Forbidden", "The user is authorized, but does not have permissions to access to the requested content.", ""},
			{404, "Not Found", "The requested resource does not exist. This could mean the endpoint is incorrect or the query is incorrect {domain}/{expression}", ""},
			{406, "Not Acceptable", "The server cannot produce a response matching the list of acceptable values defined in the request's headers (e.g., Accept header).", ""},
			{415, "Unsupported Media Type", "Some endpoints expect a Content-Type header, see the API endpoints documentation for details.", ""},
			{429, "Too Many Requests", "The user has sent too many requests in a given amount of time. Retry requests at a later time. This is configurable, contact your administrator.", ""},
			{500, "Internal Server Error", "Internal server error. Please retry your request or contact support if the problem persists.", ""},
			{503, "Service Unavailable", "The service is temporarily unavailable. Please retry your request after a short delay or contact support if the problem persists.", ""},
		},
		fields:   []string{"error"},
		advice:   []string{"", "", ""},
		examples: 1,
	},
	{
		name: "octo", source: "002_35605f8ad837da5c.txt",
		errorCodes: []string{"INVALID_PRODUCT_ID", "INVALID_OPTION_ID", "INVALID_UNIT_ID", "INVALID_AVAILABILITY_ID",
			"INVALID_BOOKING_UUID", "BAD_REQUEST", "UNPROCESSABLE_ENTITY", "INTERNAL_SERVER_ERROR", "UNAUTHORIZED", "FORBIDDEN"},
		fields:   []string{"error", "errorMessage"},
		examples: 5,
	},
	{
		name: "hanger-selector", source: "003_fa240afb0c82f6c8.txt",
		statuses: []seedStatusRow{
			{400, "Bad Request", "The server cannot process the request due to client-side errors (e.g., invalid input, missing required fields).", "Verify input parameters, ensure request body and query strings follow the API specification."},
			{401, "Unauthorized", "The request lacks valid authentication credentials.", "Provide a valid access token."},
			{403, "Forbidden", "The server understands the request but refuses to authorize it.", "Check user permissions/roles. Contact the admin if access is required."},
			{404, "Not Found", "The requested resource could not be found on the server.", "Confirm the endpoint URL is correct. Retry with valid values."},
			{500, "Internal Server Error", "A generic error occurred on the server side.", "Retry later, and if persistent, report to the development team with logs."},
			{503, "Service Unavailable", "The server is temporarily unable to handle the request (overloaded or down for maintenance).", "Retry after some time."},
		},
		fields:   []string{"type", "title", "status", "detail", "instance", "errors", "errors[].name", "errors[].reason"},
		examples: 1,
	},
	{
		name: "therealreal", source: "004_18aa442ee49486cf.txt",
		statuses: []seedStatusRow{
			{200, "OK", "Request succeeded", ""},
			{201, "Created", "Resource created successfully", ""},
			{400, "Bad Request", "Invalid request format or parameters", ""},
			{401, "Unauthorized", "Authentication failed", ""},
			{403, "Forbidden", "Insufficient permissions", ""},
			{404, "Not Found", "Resource not found", ""},
			{409, "Conflict", "Request conflicts with the current state", ""},
			{422, "Unprocessable Entity", "Validation errors", ""},
			{429, "Too Many Requests", "Rate limit exceeded", ""},
			{500, "Internal Server Error", "Server-side error", ""},
			{502, "Bad Gateway", "Server-side error", ""},
		},
		advice:   []string{"Authentication Errors", "Validation Errors", "Rate Limiting", "Resource Not Found", "Server Errors"},
		examples: 1,
	},
}

func TestBuiltinProfilesLoad(t *testing.T) {
	if errs := builtinErrors(); len(errs) > 0 {
		t.Fatalf("built-in profiles failed to load: %v", errs)
	}
	var names []string
	for _, s := range profileSeedRows {
		names = append(names, s.name)
	}
	if got := strings.Join(Builtin().Names(), ","); got != "hanger-selector,occuspace,octo,raalabs,therealreal" {
		t.Errorf("built-in names = %s", got)
	}
}

func TestBuiltinProfilesHaveEveryRow(t *testing.T) {
	for _, s := range profileSeedRows {
		t.Run(s.name, func(t *testing.T) {
			p, ok := Builtin().Lookup(s.name)
			if !ok {
				t.Fatalf("no profile %q", s.name)
			}
			if p.Source != s.source {
				t.Errorf("source = %q, want %q", p.Source, s.source)
			}
			if len(p.Statuses) != len(s.statuses) {
				t.Errorf("%d status rows, the docs have %d", len(p.Statuses), len(s.statuses))
			}
			for i := 0; i < len(p.Statuses) && i < len(s.statuses); i++ {
				got, want := p.Statuses[i], s.statuses[i]
				if got.Code != want.code || got.Name != want.name || got.Description != want.desc || got.Action != want.action {
					t.Errorf("status row %d = %+v, want %+v", i+1, got, want)
				}
			}
			var codes []string
			for _, c := range p.ErrorCodes {
				codes = append(codes, c.Code)
				if c.Description == "" {
					t.Errorf("error code %s has no description", c.Code)
				}
			}
			if strings.Join(codes, " ") != strings.Join(s.errorCodes, " ") {
				t.Errorf("error codes = %v, want %v", codes, s.errorCodes)
			}
			var fields []string
			for _, f := range p.Fields {
				fields = append(fields, f.Name)
			}
			if strings.Join(fields, " ") != strings.Join(s.fields, " ") {
				t.Errorf("fields = %v, want %v", fields, s.fields)
			}
			var advice []string
			for _, a := range p.Advice {
				advice = append(advice, a.Title)
			}
			if strings.Join(advice, "|") != strings.Join(s.advice, "|") {
				t.Errorf("advice = %q, want %q", advice, s.advice)
			}
			if len(p.Examples) != s.examples {
				t.Errorf("%d examples, the docs have %d", len(p.Examples), s.examples)
			}
		})
	}
}

// TestBuiltinProfilesAreVerbatim checks that every text of each profile
// appears in its seed document, comparing with all white space removed.
func TestBuiltinProfilesAreVerbatim(t *testing.T) {
	for _, p := range Builtin().All() {
		t.Run(p.Name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("profiles", "testdata", "seeds", p.Source))
			if err != nil {
				t.Fatal(err)
			}
			doc := squeezeSpace(string(page))
			check := func(what, text string) {
				if text != "" && !strings.Contains(doc, squeezeSpace(text)) {
					t.Errorf("%s is not in %s: %q", what, p.Source, text)
				}
			}
			for _, para := range strings.Split(p.Summary, "\n\n") {
				check("summary", para)
			}
			for _, s := range p.Statuses {
				check("status name", s.Name)
				check("status description", s.Description)
				check("status action", s.Action)
			}
			for _, c := range p.ErrorCodes {
				check("error code", c.Code)
				check("error code description", c.Description)
				for _, a := range c.Attributes {
					check("attribute", a)
				}
			}
			for _, a := range p.Advice {
				check("advice title", a.Title)
				check("advice intro", a.Intro)
				for _, s := range a.Steps {
					check("advice step", s)
				}
			}
			for _, f := range p.Fields {
				check("field description", f.Description)
			}
			for _, e := range p.Examples {
				check("example title", e.Title)
				check("example body", e.Body)
				check("example description", e.Description)
			}
		})
	}
}

// squeezeSpace removes all white space, so text compares equal whatever the
// page's line breaks and indentation.
func squeezeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
