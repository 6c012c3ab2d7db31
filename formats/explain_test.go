package formats

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// explainSeedDiagnoses are the five seed documents' example responses as the
// recognizer reads them (see formats/profiles/testdata/seeds/).
var explainSeedDiagnoses = map[string]Diagnosis{
	"occuspace": {Status: 404, Format: "problem+json", Code: "https://api.occuspace.io/problems/not-found",
		Type: "https://api.occuspace.io/problems/not-found", Instance: "/v2/locations/1560",
		Message: "Location 1560 not found or not accessible", RequestID: "f1b8698f-b0e8-4fb9-82e1-ddf89029350c"},
	"raalabs": {Status: 400, Format: "error-string",
		Message: "Invalid 'to' timestamp: Invalid timestamp or format: 2025-05-25T09:41:00, valid formats are ISO8601 or YYYY-MM-DD"},
	"octo": {Status: 400, Format: "error-code-message", Code: "INVALID_PRODUCT_ID",
		Message: "The Product ID was invalid or missing", Extra: map[string]any{"productId": "123"}},
	"hanger-selector": {Status: 400, Format: "problem+json", Type: "about:blank", Title: "Bad Request",
		Instance: "/hanger-selector/hangers", Message: "bad building code",
		FieldErrors: []FieldError{{Field: "Building Code", Message: "bad building code"}}},
	"therealreal": {Status: 422, Format: "error-object", Code: "string", Message: "string"},
}

func TestExplainSeedsDocsFirst(t *testing.T) {
	tests := []struct {
		api       string
		status    int    // overrides the example's status when set
		force     bool   // the docs give no clue: --api
		how       string // APIMatch
		explStart string // the docs' words open the explanation
		steps     []string
		generic   string // the first catalogue step follows the docs' steps
	}{
		{api: "occuspace", how: "problem type URI",
			explStart: "The requested resource does not exist or is not accessible with your credentials.\n\n",
			steps: []string{
				"The requested resource was not found. This can mean the resource does not exist, or that your API token does not have access to it. The detail field will identify the specific resource that could not be found.",
				"Verify that the location ID in your request is correct and that your API token has been granted access to that location. If you believe you should have access, contact your Occuspace Customer Success Manager.",
			}},
		{api: "occuspace", status: 500, how: "problem type URI",
			explStart: "An unexpected error occurred on the Occuspace servers.\n\n",
			steps: []string{
				"An unexpected error occurred on the Occuspace servers. This is not caused by your request. Please retry the request after a short wait. If the error persists, contact Occuspace with your request_id so our team can investigate.",
				"When contacting Occuspace about a 500 error, always include the request_id from the error response. This allows our team to locate the exact request in our logs and diagnose the issue quickly.",
			}},
		{api: "raalabs", force: true, how: "--api",
			explStart: "The request was malformed or failed validation (e.g., missing required fields, invalid parameter format, etc.).\n\n",
			steps: []string{
				"4xx response codes indicate a problem with the request, the user can resolve these problems with the help of the error message (see example below)",
			}},
		{api: "raalabs", status: 503, force: true, how: "--api",
			explStart: "The service is temporarily unavailable. Please retry your request after a short delay or contact support if the problem persists.\n\n",
			steps: []string{
				"5xx response codes indicate a problem with the service, and cannot be addressed by the user.",
			}},
		// OCTO's docs have no status rows: the error-code row is the first step.
		{api: "octo", how: "error code vocabulary",
			explStart: "The server cannot process the request",
			steps:     []string{"INVALID_PRODUCT_ID: Missing or invalid productId in the request"}},
		{api: "hanger-selector", how: "instance path /hanger-selector/",
			explStart: "The server cannot process the request due to client-side errors (e.g., invalid input, missing required fields).\n\n",
			steps:     []string{"Verify input parameters, ensure request body and query strings follow the API specification."}},
		{api: "therealreal", force: true, how: "--api",
			explStart: "Validation errors.\n\n",
			steps: []string{
				"Check your request payload against the API specifications",
				"Review the error details array for specific field validation failures",
				"Ensure all required fields are provided",
				"Verify data types and formats match the API requirements",
			}},
		{api: "therealreal", status: 401, force: true, how: "--api",
			explStart: "Authentication failed.\n\n",
			steps:     []string{"Verify your API credentials and check if your access token has expired. Tokens expire after 1 hour and need to be refreshed."}},
		{api: "therealreal", status: 502, force: true, how: "--api",
			explStart: "Server-side error.\n\n",
			steps:     []string{"Note the timestamp of the error", "Save the request details and error response", "Contact support with this information for assistance"}},
	}
	for _, tt := range tests {
		d := explainSeedDiagnoses[tt.api]
		if tt.status != 0 {
			d.Status = tt.status
		}
		t.Run(tt.api+"/"+http.StatusText(d.Status), func(t *testing.T) {
			opts := Options{}
			if tt.force {
				opts.API = tt.api
			}
			explain(&d, opts)
			p, _ := Builtin().Lookup(tt.api)
			if d.API != tt.api || d.APIMatch != tt.how || d.APITitle != p.Title {
				t.Errorf("API %q by %q (%q), want %q by %q", d.API, d.APIMatch, d.APITitle, tt.api, tt.how)
			}
			if !strings.HasPrefix(d.Explanation, tt.explStart) {
				t.Errorf("explanation = %q\nwant it to start with %q", d.Explanation, tt.explStart)
			}
			entry, _ := StatusInfo(d.Status)
			if !strings.HasSuffix(d.Explanation, entry.Meaning) {
				t.Errorf("explanation does not end with the generic meaning: %q", d.Explanation)
			}
			n := len(tt.steps)
			if len(d.Steps) != n+len(entry.Steps) {
				t.Fatalf("%d steps, want %d docs + %d generic: %q", len(d.Steps), n, len(entry.Steps), d.Recovery)
			}
			for i, s := range tt.steps {
				if d.Steps[i] != (Step{Text: s, Source: p.Source}) {
					t.Errorf("step %d = %+v, want %q from %s", i+1, d.Steps[i], s, p.Source)
				}
			}
			for i, s := range entry.Steps {
				if d.Steps[n+i] != (Step{Text: s, Source: entry.Cite}) {
					t.Errorf("step %d = %+v, want the catalogue's %q", n+i+1, d.Steps[n+i], s)
				}
			}
			if !reflect.DeepEqual(d.Sources, []string{p.Source, entry.Cite}) {
				t.Errorf("sources = %q", d.Sources)
			}
			for i := range d.Steps {
				if d.Recovery[i] != d.Steps[i].Text {
					t.Errorf("recovery %d = %q, step says %q", i, d.Recovery[i], d.Steps[i].Text)
				}
			}
		})
	}
}

func TestExplainWithoutProfile(t *testing.T) {
	tests := []struct {
		status    int
		text      string
		class     string
		retryable bool
		who       string
		expl      string
		cite      string
	}{
		{404, "Not Found", ClassClientError, false, ActClient, "The server has nothing at this URL", "RFC 9110, 15.5.5"},
		{429, "Too Many Requests", ClassClientError, true, ActClient, "too many requests", "RFC 6585, 4"},
		{502, "Bad Gateway", ClassServerError, true, ActServer, "gateway or proxy", "RFC 9110, 15.6.3"},
		{520, "Web Server Returned an Unknown Error", ClassServerError, true, ActServer, "Cloudflare", "Cloudflare docs: 5xx errors, Error 520"},
		{299, "", ClassSuccess, false, ActNone, "This code is not in the catalogue; as a 2xx code: ", "RFC 9110, 15.3"},
		{0, "", ClassUnknown, false, ActEither, "no status was received", "RFC 9110, 15"},
		{999, "", ClassUnknown, false, ActEither, "not a valid HTTP status code", "RFC 9110, 15"},
	}
	for _, tt := range tests {
		d := Diagnosis{Status: tt.status, Format: "text", Message: "boom"}
		explain(&d, Options{Profiles: NewRegistry()})
		if d.StatusText != tt.text || d.StatusClass != tt.class || d.Retryable != tt.retryable || d.WhoActs != tt.who {
			t.Errorf("%d: %q %s retryable=%v who=%s", tt.status, d.StatusText, d.StatusClass, d.Retryable, d.WhoActs)
		}
		if !strings.Contains(d.Explanation, tt.expl) || strings.Contains(d.Explanation, "as a  code") {
			t.Errorf("%d: explanation %q lacks %q", tt.status, d.Explanation, tt.expl)
		}
		if len(d.Steps) == 0 || d.Steps[0].Source != tt.cite || !reflect.DeepEqual(d.Sources, []string{tt.cite}) {
			t.Errorf("%d: steps %+v sources %q, want from %s", tt.status, d.Steps, d.Sources, tt.cite)
		}
		if d.API != "" || d.APIMatch != "" {
			t.Errorf("%d: matched %q", tt.status, d.API)
		}
	}
}

func TestExplainRetryAfterMakesRetryable(t *testing.T) {
	secs := 30.0
	d := Diagnosis{Status: 403, Format: "empty", RetryAfterSeconds: &secs}
	explain(&d, Options{})
	if !d.Retryable {
		t.Error("403 with Retry-After is not retryable")
	}
	d = Diagnosis{Status: 403, Format: "empty"}
	explain(&d, Options{})
	if d.Retryable {
		t.Error("403 without Retry-After is retryable")
	}
}

func TestExplainLeavesTransportAlone(t *testing.T) {
	d := Diagnosis{Format: "transport", TransportKind: "dns", Explanation: "The host name did not resolve.",
		Recovery: []string{"Check the host name."}, Steps: []Step{{Text: "Check the host name.", Source: "probe"}}}
	want := d
	explain(&d, Options{API: "occuspace"})
	if !reflect.DeepEqual(d, want) {
		t.Errorf("transport diagnosis changed:\n%+v", d)
	}
}

func TestExplainUnknownForcedAPI(t *testing.T) {
	d := Diagnosis{Status: 404, Format: "text"}
	explain(&d, Options{API: "nope"})
	if d.API != "" || len(d.Notes) != 1 || !strings.Contains(d.Notes[0], `"nope"`) {
		t.Errorf("api %q notes %q", d.API, d.Notes)
	}
	if len(d.Steps) == 0 || d.StatusText != "Not Found" {
		t.Errorf("no generic explanation: %+v", d)
	}
}

func TestExplainSourcesOnlyWhatWasQuoted(t *testing.T) {
	// OCTO documents no 200 row and no advice: only the catalogue speaks.
	d := Diagnosis{Status: 200, Format: "json"}
	explain(&d, Options{API: "octo"})
	if d.API != "octo" || !reflect.DeepEqual(d.Sources, []string{"RFC 9110, 15.3.1"}) {
		t.Errorf("api %q sources %q", d.API, d.Sources)
	}
}

func TestExplainUserProfileOverrides(t *testing.T) {
	user, err := ParseProfile("occuspace.toml", []byte(`
name = "occuspace"
title = "Occuspace (ours)"
type_prefixes = ["https://api.occuspace.io/problems/"]
[[status]]
code = 404
name = "Not Found"
description = "Our own words for 404."
action = "Ask the team channel."
`))
	if err != nil {
		t.Fatal(err)
	}
	d := explainSeedDiagnoses["occuspace"]
	explain(&d, Options{Profiles: Builtin().With(user)})
	if d.APITitle != "Occuspace (ours)" || !strings.HasPrefix(d.Explanation, "Our own words for 404.") ||
		d.Steps[0] != (Step{Text: "Ask the team channel.", Source: "occuspace.toml"}) {
		t.Errorf("user profile not used: %q %q %+v", d.APITitle, d.Explanation, d.Steps[0])
	}
}

func TestDetectExplainsSeedExamples(t *testing.T) {
	// Whatever the recognizer makes of the body, the status alone gives
	// a full explanation.
	for _, p := range Builtin().All() {
		for _, e := range p.Examples {
			status := e.Status
			if status == 0 {
				status = 400
			}
			d := DetectWith(status, http.Header{"Content-Type": {"application/json"}}, []byte(e.Body), Options{API: p.Name})
			if d.API != p.Name || d.StatusText == "" || len(d.Steps) == 0 || d.Explanation == "" {
				t.Errorf("%s %q: %+v", p.Name, e.Title, d)
			}
		}
	}
}

func BenchmarkExplainSeeds(b *testing.B) {
	Builtin()
	for name, seed := range explainSeedDiagnoses {
		opts := Options{}
		if name == "raalabs" || name == "therealreal" {
			opts.API = name
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d := seed
				explain(&d, opts)
			}
		})
	}
}

func BenchmarkDetectSeedExamples(b *testing.B) {
	Builtin()
	h := http.Header{"Content-Type": {"application/json"}}
	for _, p := range Builtin().All() {
		e := p.Examples[0]
		body := []byte(e.Body)
		b.Run(p.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Detect(400, h, body)
			}
		})
	}
}
