package demo_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/apierr/apierr/probe/demo"
)

// start runs a demo server on a free loopback port for one test.
func start(t *testing.T) *demo.Server {
	t.Helper()
	srv, err := demo.Start("127.0.0.1:0")
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// client sees responses as they are sent: no redirects followed, no
// transparent gzip decoding.
func client() *http.Client {
	return &http.Client{
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       10 * time.Second,
	}
}

// newRequest builds the request a route lists.
func newRequest(t *testing.T, ctx context.Context, base string, rt demo.Route) *http.Request {
	t.Helper()
	var body io.Reader
	if rt.Body != "" {
		body = strings.NewReader(rt.Body)
	}
	req, err := http.NewRequestWithContext(ctx, rt.Method, base+rt.Path, body)
	if err != nil {
		t.Fatalf("%s %s: %v", rt.Method, rt.Path, err)
	}
	for k, vs := range rt.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	return req
}

// fetch sends a route's request and returns the response with its body
// read and decoded from any Content-Encoding.
func fetch(t *testing.T, base string, rt demo.Route) (*http.Response, []byte) {
	t.Helper()
	resp, err := client().Do(newRequest(t, context.Background(), base, rt))
	if err != nil {
		t.Fatalf("%s %s: %v", rt.Method, rt.Path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", rt.Method, rt.Path, err)
	}
	return resp, decode(t, resp.Header.Get("Content-Encoding"), raw)
}

func decode(t *testing.T, enc string, raw []byte) []byte {
	t.Helper()
	var r io.Reader
	switch enc {
	case "":
		return raw
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		r = zr
	case "br":
		r = brotli.NewReader(bytes.NewReader(raw))
	case "zstd":
		zr, err := zstd.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("zstd: %v", err)
		}
		defer zr.Close()
		r = zr
	default:
		t.Fatalf("unexpected Content-Encoding %q", enc)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", enc, err)
	}
	return out
}

// quick turns a slow route into one that answers at once, so the table
// test stays fast; the slow behaviour has its own tests.
func quick(rt demo.Route) demo.Route {
	if strings.HasPrefix(rt.Path, "/other/slow") {
		rt.Path = "/other/slow?seconds=0"
	}
	return rt
}

func name(rt demo.Route) string { return rt.Method + " " + rt.Path + " " + rt.Description }

// TestRoutesAnswerTheirStatus sends every listed request and checks the
// status and the body's shape against the format the route names.
func TestRoutesAnswerTheirStatus(t *testing.T) {
	srv := start(t)
	routes := demo.Routes()
	if len(routes) < 60 {
		t.Fatalf("Routes() lists %d routes, want every status and code of the five APIs plus the others", len(routes))
	}
	for _, rt := range routes {
		if rt.Path == "/other/hostile/endless" || rt.Path == "/other/hostile/drip" {
			continue // never complete; see TestEndless*, TestDrip*
		}
		t.Run(name(rt), func(t *testing.T) {
			if rt.Format == "transport" {
				_, err := client().Do(newRequest(t, context.Background(), srv.URL(), rt))
				if err == nil || !strings.Contains(err.Error(), "malformed") {
					t.Fatalf("error %v, want the client to refuse a malformed response", err)
				}
				return
			}
			resp, body := fetch(t, srv.URL(), quick(rt))
			if resp.StatusCode != rt.Status {
				t.Fatalf("status %d, want %d; body %s", resp.StatusCode, rt.Status, body)
			}
			checkShape(t, rt, resp, body)
		})
	}
}

// checkShape asserts the raw body has the members of its format family.
func checkShape(t *testing.T, rt demo.Route, resp *http.Response, body []byte) {
	t.Helper()
	ct := resp.Header.Get("Content-Type")
	var obj map[string]any
	isJSON := json.Unmarshal(body, &obj) == nil
	str := func(m map[string]any, k string) string {
		s, _ := m[k].(string)
		return s
	}
	switch rt.Format {
	case "problem+json":
		if ct != "application/problem+json" {
			t.Errorf("Content-Type %q, want application/problem+json", ct)
		}
		path, _, _ := strings.Cut(rt.Path, "?")
		if str(obj, "instance") != path || str(obj, "title") == "" || str(obj, "detail") == "" || obj["status"] != float64(rt.Status) {
			t.Errorf("problem members wrong: %s", body)
		}
		switch rt.API {
		case "occuspace":
			if !strings.HasPrefix(str(obj, "type"), "https://api.occuspace.io/problems/") || str(obj, "request_id") == "" {
				t.Errorf("Occuspace problem without its type URI or request_id: %s", body)
			}
		case "hanger-selector":
			if str(obj, "type") != "about:blank" {
				t.Errorf("Hanger Selector type %q, want about:blank", str(obj, "type"))
			}
		}
	case "error-string", "oauth2":
		if str(obj, "error") == "" {
			t.Errorf(`body has no "error" string: %q`, body)
		}
		if rt.Format == "oauth2" && str(obj, "error_description") == "" {
			t.Errorf("OAuth error without error_description: %s", body)
		}
	case "error-code-message":
		if str(obj, "error") == "" || str(obj, "errorMessage") == "" {
			t.Errorf("OCTO body without error and errorMessage: %s", body)
		}
	case "error-object", "google-status":
		inner, _ := obj["error"].(map[string]any)
		if inner == nil || inner["code"] == nil || str(inner, "message") == "" {
			t.Errorf(`body has no "error" object with code and message: %s`, body)
		}
		if rt.Format == "google-status" && str(inner, "status") == "" {
			t.Errorf("Google error without status: %s", body)
		}
	case "graphql", "jsonapi":
		errs, _ := obj["errors"].([]any)
		if len(errs) == 0 {
			t.Errorf("body has no errors[]: %s", body)
		}
	case "json":
		if !json.Valid(body) {
			t.Errorf("body is not JSON: %s", body)
		}
	case "html":
		if !strings.HasPrefix(ct, "text/html") || !bytes.HasPrefix(body, []byte("<html>")) {
			t.Errorf("not an HTML page (%s): %s", ct, body)
		}
	case "xml":
		if !bytes.Contains(body, []byte("<Error><Code>")) {
			t.Errorf("no <Error><Code>: %s", body)
		}
	case "empty":
		if len(body) != 0 {
			t.Errorf("body %q, want none", body)
		}
	case "text":
		if len(body) == 0 {
			t.Errorf("empty text body")
		}
	default:
		t.Errorf("route names unknown format %q", rt.Format)
	}
	if strings.HasPrefix(rt.Format, "error-") && !isJSON && rt.Path != "/other/hostile/invalid-utf8" {
		t.Errorf("body is not a JSON object: %s", body)
	}
}

// TestListingMatchesRoutes checks that GET / lists exactly Routes().
func TestListingMatchesRoutes(t *testing.T) {
	srv := start(t)
	resp, body := fetch(t, srv.URL(), demo.Route{Method: "GET", Path: "/"})
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("GET / = %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var listing struct {
		Routes []demo.Route `json:"routes"`
	}
	if err := json.Unmarshal(body, &listing); err != nil {
		t.Fatalf("GET / is not the listing: %v", err)
	}
	want := demo.Routes()
	if len(listing.Routes) != len(want) {
		t.Fatalf("GET / lists %d routes, Routes() %d", len(listing.Routes), len(want))
	}
	for i := range want {
		got, _ := json.Marshal(listing.Routes[i])
		exp, _ := json.Marshal(want[i])
		if !bytes.Equal(got, exp) {
			t.Errorf("route %d:\n GET / %s\n Routes %s", i, got, exp)
		}
	}
	for _, rt := range want {
		if rt.Description == "" || strings.Contains(rt.Description, "\n") {
			t.Errorf("%s %s: description must be one non-empty line", rt.Method, rt.Path)
		}
	}
}

func TestUnknownPathPointsToListing(t *testing.T) {
	srv := start(t)
	for _, rt := range []demo.Route{{Method: "GET", Path: "/nope"}, {Method: "DELETE", Path: "/octo/products"}} {
		resp, body := fetch(t, srv.URL(), rt)
		var obj struct{ Error, Routes string }
		if resp.StatusCode != 404 || json.Unmarshal(body, &obj) != nil || obj.Routes != "/" || !strings.Contains(obj.Error, "GET /") {
			t.Errorf("%s %s = %d %s, want a 404 JSON pointing to GET /", rt.Method, rt.Path, resp.StatusCode, body)
		}
	}
}

// TestEveryStatusOfTheDocs checks that each API lists a route for every
// status (and, for OCTO, every error code) its document names.
func TestEveryStatusOfTheDocs(t *testing.T) {
	want := map[string][]int{
		"occuspace":       {200, 400, 401, 404, 500},
		"raalabs":         {200, 400, 401, 403, 404, 406, 415, 429, 500, 503},
		"octo":            {200, 400},
		"hanger-selector": {200, 400, 401, 403, 404, 500, 503},
		"therealreal":     {200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 502},
	}
	have := map[string]map[int]bool{}
	var octoText strings.Builder
	for _, rt := range demo.Routes() {
		if have[rt.API] == nil {
			have[rt.API] = map[int]bool{}
		}
		have[rt.API][rt.Status] = true
		if rt.API == "octo" {
			octoText.WriteString(rt.Description + "\n")
		}
	}
	for api, statuses := range want {
		for _, s := range statuses {
			if !have[api][s] {
				t.Errorf("%s: no route answers %d", api, s)
			}
		}
	}
	for _, code := range []string{"INVALID_PRODUCT_ID", "INVALID_OPTION_ID", "INVALID_UNIT_ID", "INVALID_AVAILABILITY_ID",
		"INVALID_BOOKING_UUID", "BAD_REQUEST", "UNPROCESSABLE_ENTITY", "INTERNAL_SERVER_ERROR", "UNAUTHORIZED", "FORBIDDEN"} {
		if !strings.Contains(octoText.String(), code+":") {
			t.Errorf("octo: no route for error code %s", code)
		}
	}
}

// route returns the first route of api with the status whose path
// starts with prefix.
func route(t *testing.T, api string, status int, prefix string) demo.Route {
	t.Helper()
	for _, rt := range demo.Routes() {
		if rt.API == api && rt.Status == status && strings.HasPrefix(rt.Path, prefix) {
			return rt
		}
	}
	t.Fatalf("no %s route with status %d under %s", api, status, prefix)
	return demo.Route{}
}

// TestReadmeListsEveryRoute keeps the README's route table in step with
// Routes().
func TestReadmeListsEveryRoute(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skipf("no README: %v", err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## apierr demo\n")
	if !ok {
		t.Fatal("README has no '## apierr demo' section")
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	rows := 0
	for _, rt := range demo.Routes() {
		api := rt.API
		if api == "" {
			api = "-"
		}
		row := fmt.Sprintf("| %s | `%s` | %s | %d | %s |", rt.Method, rt.Path, api, rt.Status, rt.Format)
		if !strings.Contains(section, row) {
			t.Errorf("README does not list %s", row)
		}
		rows++
	}
	if got := strings.Count(section, "\n| GET |") + strings.Count(section, "\n| POST |"); got != rows {
		t.Errorf("README lists %d routes, Routes() %d", got, rows)
	}
}

// A server started on every IPv4 interface gives back a 127.0.0.1 URL,
// even when Go listens dual-stack.
func TestURLOfAllInterfacesIsIPv4Loopback(t *testing.T) {
	srv, err := demo.Start("0.0.0.0:0")
	if err != nil {
		t.Skip("cannot listen on 0.0.0.0:", err)
	}
	defer srv.Close()
	if u := srv.URL(); !strings.HasPrefix(u, "http://127.0.0.1:") {
		t.Errorf("URL() = %q, want http://127.0.0.1:PORT", u)
	}
}
