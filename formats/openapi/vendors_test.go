package openapi

import (
	"net/http"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
)

// Requests to five vendors' APIs, checked against the vendors' own
// published documents (testdata/SOURCES.md). Each row names the
// violations expected as "in name: rule fragment"; a row with none is a
// conforming request.
var vendorCases = []struct {
	file, method, url string
	header            http.Header
	body              string
	op                string
	want              []string
}{
	// Discord, OpenAPI 3.1 JSON.
	{file: "discord_openapi.json", method: "GET", url: "https://discord.com/api/v10/channels/1234/messages/pins?limit=500",
		header: bot, op: "GET /channels/{channel_id}/messages/pins",
		want: []string{"query limit: the spec's maximum is 50"}},
	{file: "discord_openapi.json", method: "GET", url: "https://discord.com/api/v10/channels/general/messages/pins?before=yesterday",
		header: bot, op: "GET /channels/{channel_id}/messages/pins",
		want: []string{"path channel_id: must match the pattern ^(0|[1-9][0-9]*)$", "query before: must be in format date-time"}},
	{file: "discord_openapi.json", method: "POST", url: "https://discord.com/api/v10/channels/1/messages/2/threads",
		header: jsonCT(bot), body: `{"rate_limit_per_user": 99999}`, op: "POST /channels/{channel_id}/messages/{message_id}/threads",
		want: []string{"body /name: required member", "body /rate_limit_per_user: the spec's maximum is 21600"}},
	{file: "discord_openapi.json", method: "POST", url: "https://discord.com/api/v10/channels/1/messages/2/threads",
		header: http.Header{"Content-Type": {"application/json"}}, body: `{"name": "release"}`, op: "POST /channels/{channel_id}/messages/{message_id}/threads",
		want: []string{"security Authorization: send the API key in header Authorization (security scheme BotToken)"}},
	{file: "discord_openapi.json", method: "GET", url: "https://discord.com/api/v10/channels/1234/messages/pins?limit=10",
		header: bot, op: "GET /channels/{channel_id}/messages/pins"},

	// Slack, Swagger 2.0 JSON.
	{file: "slack_web_openapi_v2.json", method: "GET", url: "https://slack.com/api/users.info?user=U123",
		header: http.Header{"Authorization": {"Bearer xoxb-1-2-3"}}, op: "GET /users.info",
		want: []string{"query token: required query parameter"}},
	{file: "slack_web_openapi_v2.json", method: "GET", url: "https://slack.com/api/conversations.history?token=xoxb-1&limit=many&inclusive=maybe",
		header: http.Header{"Authorization": {"Bearer xoxb-1-2-3"}}, op: "GET /conversations.history",
		want: []string{"query inclusive: must be true or false", "query limit: must be an integer"}},
	{file: "slack_web_openapi_v2.json", method: "GET", url: "https://slack.com/api/users.info?token=xoxb-1&user=U123",
		op:   "GET /users.info",
		want: []string{"security Authorization: send Authorization: Bearer <access token> (oauth2) (security scheme slackAuth)"}},

	{file: "slack_web_openapi_v2.json", method: "POST", url: "https://slack.com/api/chat.postMessage",
		header: with(with(form, "Authorization", "Bearer xoxb-1-2-3"), "token", "xoxb-1-2-3"), body: "text=hello&mrkdwn=sometimes", op: "POST /chat.postMessage",
		want: []string{"body channel: required body member", "body mrkdwn: must be true or false"}},

	// Twilio, OpenAPI 3.0.1 YAML (form-encoded bodies).
	{file: "twilio_api_v2010.yaml", method: "POST", url: "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json",
		header: basic(form), body: "Body=hello", op: "POST /2010-04-01/Accounts/{AccountSid}/Messages.json",
		want: []string{"body To: required body member"}},
	{file: "twilio_api_v2010.yaml", method: "GET", url: "https://api.twilio.com/2010-04-01/Accounts/ACxyz/Messages/SM00000000000000000000000000000000.json",
		header: basic(nil), op: "GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json",
		want: []string{"path AccountSid: at least 34 characters"}},
	{file: "twilio_lookups_v2.yaml", method: "GET", url: "https://lookups.twilio.com/v2/RateLimits",
		op:   "GET /v2/RateLimits",
		want: []string{"security Authorization: send Authorization: Basic <credentials> (security scheme accountSid_authToken)"}},

	// Resend, OpenAPI 3.1.2 YAML.
	{file: "resend.yaml", method: "GET", url: "https://api.resend.com/api-keys?limit=500",
		header: bearer(nil), op: "GET /api-keys",
		want: []string{"query limit: the spec's maximum is 100"}},
	{file: "resend.yaml", method: "POST", url: "https://api.resend.com/api-keys",
		header: bearer(jsonCT(nil)), body: `{"permission": "admin"}`, op: "POST /api-keys",
		want: []string{"body /name: required member", "body /permission: must be one of: full_access, sending_access"}},
	{file: "resend.yaml", method: "GET", url: "https://api.resend.com/automations/not-a-uuid/runs",
		header: bearer(nil), op: "GET /automations/{automation_id}/runs",
		want: []string{"path automation_id: must be in format uuid"}},

	{file: "resend.yaml", method: "POST", url: "https://api.resend.com/contacts/imports",
		header: bearer(http.Header{"Content-Type": {"multipart/form-data; boundary=XyZ"}}),
		body:   "--XyZ\r\nContent-Disposition: form-data; name=\"on_conflict\"\r\n\r\nreplace\r\n--XyZ--\r\n", op: "POST /contacts/imports",
		want: []string{"body file: required body member", "body on_conflict: must be one of: upsert, skip"}},

	// Netlify, Swagger 2.0 YAML, base path /api/v1.
	{file: "netlify_swagger.yml", method: "POST", url: "https://api.netlify.com/api/v1/accounts",
		header: bearer(jsonCT(nil)), body: `{"name": "team", "period": "weekly"}`, op: "POST /accounts",
		want: []string{"body /type_id: required member", "body /period: must be one of: monthly, yearly"}},
	{file: "netlify_swagger.yml", method: "GET", url: "https://api.netlify.com/api/v1/agent_runners?account_id=a1",
		header: bearer(nil), op: "GET /agent_runners",
		want: []string{"query site_id: required query parameter"}},
	{file: "netlify_swagger.yml", method: "GET", url: "https://api.netlify.com/api/v1/sites?page=two&filter=mine",
		header: bearer(nil), op: "GET /sites",
		want: []string{"query filter: must be one of: all, owner, guest", "query page: must be an integer (format int32)"}},
	{file: "netlify_swagger.yml", method: "POST", url: "https://api.netlify.com/api/v1/accounts",
		header: bearer(nil), op: "POST /accounts",
		want: []string{"body body: a request body is required"}},
}

var (
	bot  = http.Header{"Authorization": {"Bot MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs"}}
	form = http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
)

func jsonCT(h http.Header) http.Header { return with(h, "Content-Type", "application/json") }
func bearer(h http.Header) http.Header { return with(h, "Authorization", "Bearer re_123456789") }
func basic(h http.Header) http.Header  { return with(h, "Authorization", "Basic QUM6c2VjcmV0") }

func with(h http.Header, k, v string) http.Header {
	out := h.Clone()
	if out == nil {
		out = http.Header{}
	}
	out.Set(k, v)
	return out
}

func TestVendorRequests(t *testing.T) {
	for _, c := range vendorCases {
		t.Run(c.file+" "+c.method+" "+c.url, func(t *testing.T) {
			ix := indexOf(t, c.file)
			d := formats.Diagnosis{Status: 400}
			h := c.header
			if h == nil {
				h = http.Header{}
			}
			ix.Apply(&d, Request{Method: c.method, URL: c.url, Header: h, Body: c.body}, ApplyOptions{})
			if d.Operation != c.op {
				t.Fatalf("operation %q, want %q (notes %v)", d.Operation, c.op, d.Notes)
			}
			var got []string
			for _, v := range d.Violations {
				got = append(got, v.In+" "+v.Name+": "+v.Rule)
				if v.Source != c.file+" ("+c.op+")" {
					t.Errorf("source %q", v.Source)
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("violations\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("violation %d = %q, want it to start %q", i, got[i], w)
				}
			}
			// Each violation is a step, first, with the same source.
			for i, v := range d.Violations {
				if d.Steps[i].Source != v.Source || !strings.Contains(d.Steps[i].Text, v.Rule) {
					t.Errorf("step %d = %+v, not violation %+v", i, d.Steps[i], v)
				}
			}
		})
	}
}
