package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

// specData is a vendor's OpenAPI document from formats/openapi/testdata
// (sources in its SOURCES.md).
func specData(name string) string {
	return filepath.Join("..", "..", "formats", "openapi", "testdata", name)
}

// vendorAPI answers on loopback the way each vendor answers a request it
// refuses, with the error bodies the vendors publish: Discord's form
// error, Slack's 200 with "ok": false, Twilio's numbered error, Resend's
// validation error and Netlify's code and message.
func vendorAPI(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		p := r.URL.Path
		switch {
		case r.URL.Query().Get("ok") == "1":
			io.WriteString(w, `{"data": []}`)
		case strings.HasPrefix(p, "/api/v10/"):
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"code": 50035, "errors": {"limit": {"_errors": [{"code": "NUMBER_TYPE_MAX", "message": "int value should be less than or equal to 50."}]}}, "message": "Invalid Form Body"}`)
		case strings.HasPrefix(p, "/api/v1/"):
			w.WriteHeader(http.StatusUnprocessableEntity)
			io.WriteString(w, `{"code": 422, "message": "type_id is required"}`)
		case strings.HasPrefix(p, "/api/"):
			io.WriteString(w, `{"ok": false, "error": "not_authed"}`)
		case strings.HasPrefix(p, "/2010-04-01/"):
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"code": 21604, "message": "A 'To' phone number is required.", "more_info": "https://www.twilio.com/docs/errors/21604", "status": 400}`)
		default:
			w.WriteHeader(http.StatusUnprocessableEntity)
			io.WriteString(w, `{"statusCode": 422, "name": "validation_error", "message": "The limit must be between 1 and 100."}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// sendJSON runs `apierr send ... --json` and decodes the exchange.
func sendJSON(t *testing.T, te importEnv, args ...string) exchange.Exchange {
	t.Helper()
	te.reset()
	if code := Send(te.Env, append(args, "--json")); code != ExitOK {
		t.Fatalf("send %v: exit %d: %s", args, code, te.errOut)
	}
	var ex exchange.Exchange
	if err := json.Unmarshal(te.out.Bytes(), &ex); err != nil {
		t.Fatalf("%v\n%s", err, te.out)
	}
	return ex
}

// Importing each vendor's document and sending it requests that break
// it, over a real loopback socket, shows the operation, the document's
// words for the status first and each violation as a step.
func TestSpecImportAndSendEndToEnd(t *testing.T) {
	srv := vendorAPI(t)
	te := newImportEnv(t)
	cases := []struct {
		spec, name string
		args       []string
		op         string
		explain    string   // the explanation's first paragraph
		violations []string // "in name=value: rule" prefixes
	}{
		{"discord_openapi.json", "discord-oas",
			[]string{srv.URL + "/api/v10/channels/1234/messages/pins?limit=500", "-H", "Authorization: Bot MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs"},
			"GET /channels/{channel_id}/messages/pins", "GET /channels/{channel_id}/messages/pins — 4XX: Client error response.",
			[]string{"query limit=500: the spec's maximum is 50"}},
		{"discord_openapi.json", "discord-oas",
			[]string{srv.URL + "/api/v10/channels/1/messages/2/threads", "-H", "Authorization: Bot abc", "-H", "Content-Type: application/json", "-d", `{"auto_archive_duration": 61}`},
			"POST /channels/{channel_id}/messages/{message_id}/threads", "POST /channels/{channel_id}/messages/{message_id}/threads — 4XX: Client error response.",
			[]string{"body /name=: required member", "body /auto_archive_duration=61: must be one of: null, 60, 1440, 4320, 10080"}},
		{"slack_web_openapi_v2.json", "slack-oas",
			[]string{srv.URL + "/api/users.info?user=U123"},
			"GET /users.info", "GET /users.info — default: Typical error response.",
			[]string{"query token=: required query parameter", "security Authorization=: send Authorization: Bearer <access token>"}},
		{"twilio_api_v2010.yaml", "twilio-oas",
			[]string{srv.URL + "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json", "-u", "AC00000000000000000000000000000000:secret", "-d", "Body=hello"},
			"POST /2010-04-01/Accounts/{AccountSid}/Messages.json", "",
			[]string{"body To=: required body member"}},
		{"resend.yaml", "resend-oas",
			[]string{srv.URL + "/api-keys?limit=500", "-H", "Authorization: Bearer re_123456789"},
			"GET /api-keys", "",
			[]string{"query limit=500: the spec's maximum is 100"}},
		{"netlify_swagger.yml", "netlify-oas",
			[]string{srv.URL + "/api/v1/accounts", "-H", "Authorization: Bearer nf_abc", "-H", "Content-Type: application/json", "-d", `{"name": "team", "period": "weekly"}`},
			"POST /accounts", "POST /accounts — default: error.",
			[]string{"body /type_id=: required member", "body /period=weekly: must be one of: monthly, yearly"}},
	}
	imported := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name+" "+c.op, func(t *testing.T) {
			if !imported[c.name] {
				te.reset()
				if code := APIsImport(te.Env, []string{specData(c.spec), "--name", c.name}); code != ExitOK {
					t.Fatalf("import: exit %d: %s", code, te.errOut)
				}
				if !strings.Contains(te.out.String(), "saved "+c.name) || !strings.Contains(te.out.String(), " operations, ") {
					t.Errorf("import report:\n%s", te.out)
				}
				imported[c.name] = true
			}
			ex := sendJSON(t, te, append(c.args, "--api", c.name, "--no-history")...)
			d := ex.Diagnosis
			if d.Operation != c.op {
				t.Fatalf("operation %q, want %q (notes %v)", d.Operation, c.op, d.Notes)
			}
			if c.explain != "" && !strings.HasPrefix(d.Explanation, c.explain) {
				t.Errorf("explanation %q, want it to start %q", d.Explanation, c.explain)
			}
			if len(d.Violations) != len(c.violations) {
				t.Fatalf("violations %+v, want %q", d.Violations, c.violations)
			}
			for i, v := range d.Violations {
				got := v.In + " " + v.Name + "=" + v.Value + ": " + v.Rule
				if !strings.HasPrefix(got, c.violations[i]) {
					t.Errorf("violation %d %q, want %q", i, got, c.violations[i])
				}
				if v.Source != c.spec+" ("+c.op+")" || d.Steps[i].Source != v.Source {
					t.Errorf("source %q / step source %q", v.Source, d.Steps[i].Source)
				}
			}
			if d.Sources[0] != c.spec+" ("+c.op+")" {
				t.Errorf("sources %v", d.Sources)
			}
		})
	}
}

// explain checks a pasted request; the plain output names the operation
// and the broken rule as step 1, with its source, and a conforming
// request adds no step.
func TestExplainPastedRequest(t *testing.T) {
	te := newImportEnv(t)
	if code := APIsImport(te.Env, []string{specData("resend.yaml")}); code != ExitOK {
		t.Fatalf("import: %s", te.errOut)
	}
	raw := filepath.Join(t.TempDir(), "422.txt")
	os.WriteFile(raw, []byte("HTTP/1.1 422 Unprocessable Entity\r\nContent-Type: application/json\r\n\r\n"+
		`{"statusCode": 422, "name": "validation_error", "message": "Missing required field: name."}`), 0o644)
	body := filepath.Join(t.TempDir(), "body.json")
	os.WriteFile(body, []byte(`{"permission": "admin"}`), 0o644)
	te.reset()
	code := Explain(te.Env, []string{"--raw", raw, "--request", "POST https://api.resend.com/api-keys",
		"--request-header", "Authorization: Bearer re_live_secret_0123456789", "--request-header", "Content-Type: application/json",
		"--request-body-file", body})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	out := te.out.String()
	for _, want := range []string{"API         Resend (resend), matched by host api.resend.com", "Operation   POST /api-keys",
		"Request     2 rules of the spec broken (steps 1-2)", "1. body member /name: required member; the body has none",
		"2. body member /permission=admin: must be one of: full_access, sending_access", "source: resend.yaml (POST /api-keys)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "re_live_secret") {
		t.Errorf("the API key is printed:\n%s", out)
	}
	os.WriteFile(body, []byte(`{"name": "ci", "permission": "sending_access"}`), 0o644)
	te.reset()
	Explain(te.Env, []string{"--raw", raw, "--json", "--request", "POST https://api.resend.com/api-keys",
		"--request-header", "Authorization: Bearer re_x", "--request-body-file", body})
	var d formats.Diagnosis
	if err := json.Unmarshal(te.out.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if d.Operation != "POST /api-keys" || len(d.Violations) != 0 || strings.HasPrefix(d.Steps[0].Source, "resend.yaml") {
		t.Errorf("conforming request: operation %q violations %+v steps %+v", d.Operation, d.Violations, d.Steps)
	}

	for _, bad := range [][]string{
		{"--raw", raw, "--request", "api.resend.com/api-keys"},
		{"--raw", raw, "--request", "GET /api-keys"},
		{"--raw", raw, "--request-header", "X: y"},
		{"--raw", raw, "--request", "GET https://api.resend.com/", "--request-header", "nocolon"},
	} {
		te.reset()
		if code := Explain(te.Env, bad); code != ExitUsage || strings.Count(strings.TrimSpace(te.errOut.String()), "\n") != 0 {
			t.Errorf("%q: exit %d, stderr %q", bad, code, te.errOut)
		}
	}
}

// The history keeps the operation and violations, redacted, and the
// ticket quotes them.
func TestSpecViolationsInTicket(t *testing.T) {
	srv := vendorAPI(t)
	te := newImportEnv(t)
	if code := APIsImport(te.Env, []string{specData("slack_web_openapi_v2.json"), "--name", "slack-oas"}); code != ExitOK {
		t.Fatalf("import: %s", te.errOut)
	}
	token := "xoxb-123456789012-123456789012-abcdefABCDEF123456"
	ex := sendJSON(t, te, srv.URL+"/api/conversations.history?token="+token+"&limit=lots", "-H", "Authorization: Bearer "+token, "--api", "slack-oas")
	if ex.ID == 0 || len(ex.Diagnosis.Violations) == 0 {
		t.Fatalf("id %d violations %+v", ex.ID, ex.Diagnosis.Violations)
	}
	te.reset()
	if code := History(te.Env, []string{"ticket", strconv.FormatInt(ex.ID, 10)}); code != ExitOK {
		t.Fatalf("ticket: exit %d: %s", code, te.errOut)
	}
	md := te.out.String()
	for _, want := range []string{"| operation | `GET /conversations.history` |", "query parameter limit=lots: must be an integer",
		"_(slack_web_openapi_v2.json (GET /conversations.history))_"} {
		if !strings.Contains(md, want) {
			t.Errorf("ticket lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, token) {
		t.Errorf("ticket leaks the token:\n%s", md)
	}
}

// apis show --operations lists what the document gave the profile.
func TestAPIsShowOperations(t *testing.T) {
	te := newImportEnv(t)
	if code := APIsImport(te.Env, []string{specData("twilio_lookups_v2.yaml"), "--name", "lookups"}); code != ExitOK {
		t.Fatalf("import: %s", te.errOut)
	}
	te.reset()
	if code := APIsShow(te.Env, []string{"lookups", "--operations"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	for _, want := range []string{"lookups: 10 operations from twilio_lookups_v2.yaml", "GET /v2/PhoneNumbers/{PhoneNumber}/Overrides/{Field}",
		"parameters: path Field*, path PhoneNumber*", "404     Not Found"} {
		if !strings.Contains(te.out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, te.out)
		}
	}
	// Removing the profile removes its operations too.
	te.reset()
	if code := APIsRemove(te.Env, []string{"lookups"}); code != ExitOK {
		t.Fatalf("remove: %s", te.errOut)
	}
	if entries, _ := os.ReadDir(te.ProfilesDir()); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	te.reset()
	if code := APIsShow(te.Env, []string{"occuspace", "--operations"}); code != ExitUsage || !strings.Contains(te.errOut.String(), "only a profile imported from an OpenAPI document has them") {
		t.Errorf("built-in: exit %d %s", code, te.errOut)
	}
}

// A broken document is refused with its place named, and nothing is saved.
func TestSpecImportBadInput(t *testing.T) {
	te := newImportEnv(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "broken.yaml")
	os.WriteFile(bad, []byte("openapi: 3.0.3\ninfo:\n  title: x\n   version: 1\npaths: {}\n"), 0o644)
	remote := filepath.Join(dir, "remote.yaml")
	os.WriteFile(remote, []byte("openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    $ref: 'https://example.com/paths.yaml#/a'\n"), 0o644)
	for file, want := range map[string]string{
		bad:    "invalid YAML: line 4",
		remote: "is not fetched unless you pass --follow-refs",
	} {
		te.reset()
		if code := APIsImport(te.Env, []string{file}); code != ExitUsage || !strings.Contains(te.errOut.String(), want) {
			t.Errorf("%s: exit %d, stderr %q", file, code, te.errOut)
		}
	}
	if entries, _ := os.ReadDir(te.ProfilesDir()); len(entries) != 0 {
		t.Errorf("files were saved: %v", entries)
	}
}

// --follow-refs reads a document split over files, as vendors publish
// large ones.
func TestSpecImportFollowRefs(t *testing.T) {
	te := newImportEnv(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "api.yaml"), []byte("openapi: 3.0.3\ninfo: {title: Split, version: '1'}\nservers: [{url: 'https://split.example.com/v2'}]\npaths:\n  /items:\n    get:\n      parameters:\n        - $ref: 'params.yaml#/Limit'\n      responses: {'200': {description: ok}, '400': {description: The limit is out of range.}}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "params.yaml"), []byte("Limit:\n  name: limit\n  in: query\n  schema: {type: integer, maximum: 100}\n"), 0o644)
	if code := APIsImport(te.Env, []string{filepath.Join(dir, "api.yaml")}); code != ExitUsage || !strings.Contains(te.errOut.String(), "--follow-refs") {
		t.Fatalf("without --follow-refs: exit %d %s", code, te.errOut)
	}
	te.reset()
	if code := APIsImport(te.Env, []string{filepath.Join(dir, "api.yaml"), "--follow-refs"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	raw := filepath.Join(dir, "400.txt")
	os.WriteFile(raw, []byte("HTTP/1.1 400 Bad Request\r\n\r\n"), 0o644)
	te.reset()
	Explain(te.Env, []string{"--raw", raw, "--json", "--request", "GET https://split.example.com/v2/items?limit=101"})
	var d formats.Diagnosis
	json.Unmarshal(te.out.Bytes(), &d)
	if d.Operation != "GET /items" || len(d.Violations) != 1 || !strings.HasPrefix(d.Explanation, "GET /items — 400: The limit is out of range.") {
		t.Errorf("operation %q violations %+v explanation %q", d.Operation, d.Violations, d.Explanation)
	}
}

// A success is checked only with --check-request.
func TestSendCheckRequestFlag(t *testing.T) {
	srv := vendorAPI(t)
	te := newImportEnv(t)
	if code := APIsImport(te.Env, []string{specData("resend.yaml"), "--name", "resend-oas"}); code != ExitOK {
		t.Fatalf("import: %s", te.errOut)
	}
	url := srv.URL + "/api-keys?limit=500&ok=1"
	auth := "Authorization: Bearer re_123456789"
	ex := sendJSON(t, te, url, "-H", auth, "--api", "resend-oas", "--no-history")
	if ex.Diagnosis.Status != 200 || ex.Diagnosis.Operation != "GET /api-keys" || len(ex.Diagnosis.Violations) != 0 {
		t.Errorf("without the flag: %d %q %+v", ex.Diagnosis.Status, ex.Diagnosis.Operation, ex.Diagnosis.Violations)
	}
	ex = sendJSON(t, te, url, "-H", auth, "--api", "resend-oas", "--no-history", "--check-request")
	if len(ex.Diagnosis.Violations) != 1 || ex.Diagnosis.Violations[0].Name != "limit" {
		t.Errorf("with --check-request: %+v", ex.Diagnosis.Violations)
	}
}

// A document is imported from a URL (fetched like any request) or from
// stdin, and --dry-run prints the profile without saving anything.
func TestSpecImportURLAndStdin(t *testing.T) {
	doc, err := os.ReadFile(specData("twilio_lookups_v2.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/yaml")
		w.Write(doc)
	}))
	defer srv.Close()
	te := newImportEnv(t)
	if code := APIsImport(te.Env, []string{srv.URL + "/spec/yaml/twilio_lookups_v2.yaml", "--name", "lookups", "--json"}); code != ExitOK {
		t.Fatalf("URL: exit %d: %s", code, te.errOut)
	}
	var rep struct {
		Name    string   `json:"name"`
		Version string   `json:"openapi_version"`
		Ops     int      `json:"operations"`
		Hosts   []string `json:"hosts"`
	}
	if err := json.Unmarshal(te.out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, te.out)
	}
	if rep.Name != "lookups" || rep.Version != "3.0.1" || rep.Ops != 10 || len(rep.Hosts) != 1 || rep.Hosts[0] != "lookups.twilio.com" {
		t.Errorf("report %+v", rep)
	}
	reg, _ := te.Registry()
	if p, ok := reg.Lookup("lookups"); !ok || p.Source != srv.URL+"/spec/yaml/twilio_lookups_v2.yaml" {
		t.Errorf("profile %+v", p)
	}

	te = newImportEnv(t)
	te.Stdin = strings.NewReader(string(doc))
	if code := APIsImport(te.Env, []string{"-", "--name", "piped", "--dry-run", "--host", "lookups.internal"}); code != ExitOK {
		t.Fatalf("stdin: exit %d: %s", code, te.errOut)
	}
	p, err := formats.ParseProfile("piped.toml", te.out.Bytes())
	if err != nil {
		t.Fatalf("%v:\n%s", err, te.out)
	}
	if p.Name != "piped" || p.Operations != "piped.operations.json.gz" || len(p.Hosts) != 1 || p.Hosts[0] != "lookups.internal" {
		t.Errorf("dry-run profile %+v", p)
	}
	te.reset()
	te.Stdin = strings.NewReader(string(doc))
	if code := APIsImport(te.Env, []string{"-", "--name", "piped", "--dry-run", "--json"}); code != ExitOK {
		t.Fatalf("stdin --json: exit %d: %s", code, te.errOut)
	}
	var pj formats.Profile
	if err := json.Unmarshal(te.out.Bytes(), &pj); err != nil || pj.Name != "piped" || pj.Operations != "piped.operations.json.gz" {
		t.Errorf("--dry-run --json: %v %+v", err, pj)
	}
	if entries, _ := os.ReadDir(te.ProfilesDir()); len(entries) != 0 {
		t.Errorf("--dry-run saved %v", entries)
	}
}

// A HAR file's requests to an API imported from its OpenAPI document are
// tied to their operations as they are imported.
func TestSpecAppliedOnHARImport(t *testing.T) {
	te := newImportEnv(t)
	if code := APIsImport(te.Env, []string{specData("discord_openapi.json"), "--name", "discord-oas"}); code != ExitOK {
		t.Fatalf("import: %s", te.errOut)
	}
	har := `{"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": [{
	  "startedDateTime": "2026-05-01T12:00:00.000Z", "time": 50,
	  "request": {"method": "GET", "url": "https://discord.com/api/v10/channels/1234/messages/pins?limit=500", "httpVersion": "HTTP/1.1",
	    "headers": [{"name": "Authorization", "value": "Bot MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs"}], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
	  "response": {"status": 400, "statusText": "Bad Request", "httpVersion": "HTTP/1.1", "headers": [{"name": "Content-Type", "value": "application/json"}], "cookies": [],
	    "content": {"size": 60, "mimeType": "application/json", "text": "{\"code\": 50035, \"message\": \"Invalid Form Body\"}"}, "redirectURL": "", "headersSize": -1, "bodySize": 60},
	  "cache": {}, "timings": {"send": 1, "wait": 40, "receive": 9}}]}}`
	path := filepath.Join(t.TempDir(), "session.har")
	os.WriteFile(path, []byte(har), 0o644)
	te.reset()
	if code := History(te.Env, []string{"import", path}); code != ExitOK {
		t.Fatalf("history import: exit %d: %s", code, te.errOut)
	}
	te.reset()
	if code := History(te.Env, []string{"show", "1", "--json"}); code != ExitOK {
		t.Fatalf("history show: exit %d: %s", code, te.errOut)
	}
	var ex exchange.Exchange
	if err := json.Unmarshal(te.out.Bytes(), &ex); err != nil {
		t.Fatalf("%v: %s", err, te.out)
	}
	d := ex.Diagnosis
	if d.Operation != "GET /channels/{channel_id}/messages/pins" || len(d.Violations) != 1 || d.Violations[0].Rule != "the spec's maximum is 50" {
		t.Errorf("operation %q violations %+v", d.Operation, d.Violations)
	}
}
