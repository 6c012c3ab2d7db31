package openapi

import (
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
)

// The profile's tables are what every operation of the vendor's document
// shares.
func TestBuildProfileTables(t *testing.T) {
	load := func(file string) formats.Profile {
		data, err := os.ReadFile("testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		spec, err := Load(data, LoadOptions{Location: file})
		if err != nil {
			t.Fatal(err)
		}
		p, _ := Build(spec, BuildOptions{Name: "x", Source: file})
		return p
	}
	discord := load("discord_openapi.json")
	// Every Discord operation documents 429 with the same description.
	if len(discord.Statuses) != 1 || discord.Statuses[0].Code != 429 || discord.Statuses[0].Description != "Client ratelimited response" {
		t.Errorf("discord statuses %+v", discord.Statuses)
	}
	if !slices.Equal(discord.Hosts, []string{"discord.com"}) {
		t.Errorf("discord hosts %v", discord.Hosts)
	}
	if !hasField(discord.Fields, "retry_after", "The number of seconds to wait before retrying your request") {
		t.Errorf("discord fields %+v", discord.Fields)
	}

	slack := load("slack_web_openapi_v2.json")
	// Slack's error schemas enumerate their "error" codes.
	for _, code := range []string{"channel_not_found", "not_authed", "invalid_auth", "user_not_found"} {
		if !slices.ContainsFunc(slack.ErrorCodes, func(c formats.ErrorCodeDoc) bool { return c.Code == code }) {
			t.Errorf("slack error codes lack %s", code)
		}
	}
	// Its default responses carry example bodies.
	if len(slack.Examples) == 0 || !strings.Contains(slack.Examples[0].Body, `"ok": false`) || slack.Examples[0].Status != 0 {
		t.Errorf("slack examples %+v", slack.Examples)
	}
	if !slices.Equal(slack.Hosts, []string{"slack.com"}) {
		t.Errorf("slack hosts %v", slack.Hosts)
	}

	twilio := load("twilio_lookups_v2.yaml")
	if !hasField(twilio.Fields, "more_info", "Link to Error Code References") {
		t.Errorf("twilio fields %+v", twilio.Fields)
	}
	// --host replaces the servers' hosts.
	data, _ := os.ReadFile("testdata/resend.yaml")
	spec, _ := Load(data, LoadOptions{})
	p, _ := Build(spec, BuildOptions{Name: "r", Hosts: []string{"mail.internal"}})
	if !slices.Equal(p.Hosts, []string{"mail.internal"}) {
		t.Errorf("hosts %v", p.Hosts)
	}
}

func hasField(fields []formats.FieldDoc, name, desc string) bool {
	return slices.ContainsFunc(fields, func(f formats.FieldDoc) bool { return f.Name == name && f.Description == desc })
}

// An error response is explained with the operation's own description
// of its status: the exact code, its range (4XX), then default; Slack's
// 200 with an error code is tied to the response that lists the code.
func TestDocumentedResponses(t *testing.T) {
	cases := []struct {
		file, method, url string
		status            int
		code              string
		want              string
	}{
		{"discord_openapi.json", "GET", "https://discord.com/api/v10/channels/1/messages/pins", 429, "", "GET /channels/{channel_id}/messages/pins — 429: Client ratelimited response."},
		{"discord_openapi.json", "GET", "https://discord.com/api/v10/channels/1/messages/pins", 403, "", "GET /channels/{channel_id}/messages/pins — 4XX: Client error response."},
		{"twilio_lookups_v2.yaml", "GET", "https://lookups.twilio.com/v2/PhoneNumbers/+14155552671/Overrides/line_type", 404, "", "GET /v2/PhoneNumbers/{PhoneNumber}/Overrides/{Field} — 404: Not Found."},
		{"netlify_swagger.yml", "GET", "https://api.netlify.com/api/v1/sites/abc", 404, "", "GET /sites/{site_id} — default: error."},
		{"slack_web_openapi_v2.json", "GET", "https://slack.com/api/users.info?token=t&user=U1", 200, "user_not_found", "GET /users.info — default: Typical error response."},
	}
	for _, c := range cases {
		ix := indexOf(t, c.file)
		d := formats.Diagnosis{Status: c.status, Code: c.code, Explanation: "generic meaning"}
		ix.Apply(&d, Request{Method: c.method, URL: c.url, Header: http.Header{"Authorization": {"Bearer x"}}}, ApplyOptions{})
		if !strings.HasPrefix(d.Explanation, c.want) || !strings.HasSuffix(d.Explanation, "\n\ngeneric meaning") {
			t.Errorf("%s %d: explanation %q, want %q first", c.url, c.status, d.Explanation, c.want)
		}
		if len(d.Sources) == 0 || !strings.HasPrefix(d.Sources[0], c.file+" (") {
			t.Errorf("%s: sources %v", c.url, d.Sources)
		}
	}
}

// Routing: templates with parameters inside a segment, server base
// paths, and a method the path does not document.
func TestLookup(t *testing.T) {
	twilio := indexOf(t, "twilio_api_v2010.yaml")
	op, params, _, ok := twilio.Lookup("GET", "/2010-04-01/Accounts/AC1/Calls/CA2.json")
	if !ok || op == nil || op.Path != "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json" || params["Sid"] != "CA2" || params["AccountSid"] != "AC1" {
		t.Fatalf("twilio: %v %v", op, params)
	}
	op, _, _, _ = twilio.Lookup("GET", "/2010-04-01/Accounts/AC1/Calls.json")
	if op == nil || op.Path != "/2010-04-01/Accounts/{AccountSid}/Calls.json" {
		t.Fatalf("twilio list: %v", op)
	}
	netlify := indexOf(t, "netlify_swagger.yml")
	if op, _, _, _ := netlify.Lookup("get", "/api/v1/sites/my-site/deploys"); op == nil || op.Path != "/sites/{site_id}/deploys" {
		t.Fatalf("netlify base path: %v", op)
	}
	op, _, methods, ok := netlify.Lookup("PATCH", "/api/v1/accounts")
	if !ok || op != nil || !slices.Equal(methods, []string{"GET", "POST"}) {
		t.Errorf("PATCH /accounts: %v %v %v", op, methods, ok)
	}
	d := formats.Diagnosis{Status: 405}
	netlify.Apply(&d, Request{Method: "PATCH", URL: "https://api.netlify.com/api/v1/accounts", Header: http.Header{}}, ApplyOptions{})
	if d.Operation != "" || len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "documents GET, POST for this path, not PATCH") {
		t.Errorf("notes %v", d.Notes)
	}
	d = formats.Diagnosis{Status: 404}
	netlify.Apply(&d, Request{Method: "GET", URL: "https://api.netlify.com/nowhere/at/all", Header: http.Header{}}, ApplyOptions{})
	if len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "no operation of the OpenAPI document of Netlify's API documentation matches the path /nowhere/at/all") {
		t.Errorf("notes %v", d.Notes)
	}
}

// A conforming request adds nothing but the operation and its words; a
// success is not checked unless asked; secrets sent are redacted.
func TestApplyQuietAndRedacted(t *testing.T) {
	ix := indexOf(t, "resend.yaml")
	req := Request{Method: "GET", URL: "https://api.resend.com/api-keys?limit=500", Header: http.Header{"Authorization": {"Bearer re_123"}}}
	d := formats.Diagnosis{Status: 200}
	ix.Apply(&d, req, ApplyOptions{})
	if d.Operation != "GET /api-keys" || len(d.Violations) != 0 {
		t.Errorf("200 checked: %+v", d.Violations)
	}
	ix.Apply(&d, req, ApplyOptions{CheckAlways: true})
	if len(d.Violations) != 1 {
		t.Errorf("CheckAlways: %+v", d.Violations)
	}
	// An Authorization of the wrong scheme is named, its secret redacted.
	d = formats.Diagnosis{Status: 401}
	secret := "c2VjcmV0LWtleS10aGF0LWxlYWtz"
	ix.Apply(&d, Request{Method: "GET", URL: "https://api.resend.com/api-keys", Header: http.Header{"Authorization": {"Basic " + secret}}}, ApplyOptions{})
	if len(d.Violations) != 1 || d.Violations[0].In != "security" || strings.Contains(d.Violations[0].Value, secret) || !strings.HasPrefix(d.Violations[0].Value, "Basic [REDACTED:") {
		t.Errorf("violations %+v", d.Violations)
	}
	for _, s := range d.Steps {
		if strings.Contains(s.Text, secret) {
			t.Errorf("step leaks the secret: %q", s.Text)
		}
	}
	// A secret query parameter's value is redacted too.
	slack := indexOf(t, "slack_web_openapi_v2.json")
	d = formats.Diagnosis{Status: 400}
	slack.Apply(&d, Request{Method: "GET", URL: "https://slack.com/api/conversations.history?token=xoxb-123456789012-abcdefABCDEF&limit=x", Header: http.Header{"Authorization": {"Bearer y"}}}, ApplyOptions{})
	for _, v := range d.Violations {
		if strings.Contains(v.Value, "xoxb-123456789012") {
			t.Errorf("token leaked: %+v", v)
		}
	}
}

// The shared-table rules on a small document: a status only some
// operations document is not a profile row; one description most share
// is the row's; a code enum becomes error-code rows with their status.
func TestBuildSharedRows(t *testing.T) {
	doc := `openapi: 3.0.3
info: {title: Items, version: '1'}
servers: [{url: 'https://{region}.items.example.com/v1', variables: {region: {default: eu}}}]
paths:
  /items:
    get:
      responses:
        '200': {description: ok}
        '404': {$ref: '#/components/responses/NotFound'}
  /items/{id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200': {description: ok}
        '404': {$ref: '#/components/responses/NotFound'}
        '409': {description: The item is locked.}
    delete:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '204': {description: gone}
        '404': {description: The item does not exist or was archived.}
components:
  responses:
    NotFound:
      description: No such item.
      content:
        application/problem+json:
          schema:
            type: object
            properties:
              type: {type: string, enum: [item-missing, item-archived], description: Why it is not found}
              title: {type: string}
`
	spec, err := Load([]byte(doc), LoadOptions{Location: "items.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	p, ix := Build(spec, BuildOptions{Name: "items", Source: "items.yaml"})
	if len(p.Statuses) != 1 || p.Statuses[0].Code != 404 || p.Statuses[0].Description != "No such item." {
		t.Errorf("statuses %+v", p.Statuses)
	}
	if len(p.ErrorCodes) != 2 || p.ErrorCodes[0].Code != "item-missing" || p.ErrorCodes[0].Status != 404 {
		t.Errorf("error codes %+v", p.ErrorCodes)
	}
	if p.Format != "problem+json" || !hasField(p.Fields, "type", "Why it is not found") {
		t.Errorf("format %q fields %+v", p.Format, p.Fields)
	}
	if !slices.Equal(p.Hosts, []string{"eu.items.example.com"}) || !slices.Equal(ix.BasePaths, []string{"/v1"}) {
		t.Errorf("hosts %v base paths %v", p.Hosts, ix.BasePaths)
	}
}

// The family of Slack's documented error bodies becomes the profile's
// format, so its error codes are evidence only for bodies of that family.
func TestBuildFormatFromExamples(t *testing.T) {
	data, _ := os.ReadFile("testdata/slack_web_openapi_v2.json")
	spec, err := Load(data, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := Build(spec, BuildOptions{Name: "slack"})
	want := formats.DetectText(400, http.Header{"Content-Type": {"application/json"}}, `{"ok": false, "error": "invalid_auth"}`, formats.Options{}).Format
	if p.Format == "" || p.Format != want {
		t.Errorf("format %q, want %q", p.Format, want)
	}
}
