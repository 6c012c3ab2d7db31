package demo_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apierr/apierr/probe/demo"
)

// The bodies below are the seed documents' own examples (../shared/seeds/,
// and formats/profiles built from them); the demo must send exactly these
// shapes, field names included.

func TestOccuspaceProblemCarriesRequestID(t *testing.T) {
	srv := start(t)
	resp, body := fetch(t, srv.URL(), route(t, "occuspace", 404, "/occuspace/v2/locations/1560"))
	var p struct {
		Type, Title, Detail, Instance string
		Status                        int
		RequestID                     string `json:"request_id"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatal(err)
	}
	want := "https://api.occuspace.io/problems/not-found Not Found 404 Location 1560 not found or not accessible /occuspace/v2/locations/1560/occupancy"
	if got := strings.Join([]string{p.Type, p.Title, "404", p.Detail, p.Instance}, " "); got != want || p.Status != 404 {
		t.Errorf("problem\n got %s\nwant %s", got, want)
	}
	if len(p.RequestID) != 36 || resp.Header.Get("X-Request-Id") != p.RequestID {
		t.Errorf("request_id %q, X-Request-Id %q: want the same fresh UUID", p.RequestID, resp.Header.Get("X-Request-Id"))
	}
}

func TestOccuspaceChecksTheToken(t *testing.T) {
	srv := start(t)
	rt := route(t, "occuspace", 401, "/occuspace/v2/locations/1234")
	for _, c := range []struct {
		auth string
		want int
	}{{"", 401}, {"Bearer wrong", 401}, {"Basic ZGVtbzpkZW1v", 401}, {"Bearer " + demo.Token, 200}} {
		rt.Header = http.Header{}
		if c.auth != "" {
			rt.Header.Set("Authorization", c.auth)
		}
		if resp, body := fetch(t, srv.URL(), rt); resp.StatusCode != c.want {
			t.Errorf("Authorization %q: %d %s, want %d", c.auth, resp.StatusCode, body, c.want)
		}
	}
}

func TestRaaLabsDocsExample(t *testing.T) {
	srv := start(t)
	_, body := fetch(t, srv.URL(), route(t, "raalabs", 400, "/raalabs/"))
	want := `{"error":"Invalid 'to' timestamp: Invalid timestamp or format: 2025-05-25T09:41:00, valid formats are ISO8601 or YYYY-MM-DD"}` + "\n"
	if string(body) != want {
		t.Errorf("body\n got %s\nwant %s", body, want)
	}
}

func TestRaaLabsChecksAcceptAndContentType(t *testing.T) {
	srv := start(t)
	get := route(t, "raalabs", 200, "/raalabs/api/v1/vessel-1")
	for accept, want := range map[string]int{"application/xml": 406, "text/html, application/json;q=0.0": 406, "application/json": 200, "*/*": 200, "application/*;q=0.5": 200} {
		rt := get
		rt.Header = http.Header{"Authorization": {"Bearer " + demo.Token}, "Accept": {accept}}
		if resp, _ := fetch(t, srv.URL(), rt); resp.StatusCode != want {
			t.Errorf("Accept %q: %d, want %d", accept, resp.StatusCode, want)
		}
	}
	post := route(t, "raalabs", 200, "/raalabs/api/v1/query")
	for ct, want := range map[string]int{"text/plain": 415, "": 415, "application/json; charset=utf-8": 200} {
		rt := post
		rt.Header = http.Header{"Authorization": {"Bearer " + demo.Token}}
		if ct != "" {
			rt.Header.Set("Content-Type", ct)
		}
		if resp, _ := fetch(t, srv.URL(), rt); resp.StatusCode != want {
			t.Errorf("Content-Type %q: %d, want %d", ct, resp.StatusCode, want)
		}
	}
}

// TestOCTOEchoesWhatWasSent checks the docs' extra attributes carry the
// value sent, in the docs' member order.
func TestOCTOEchoesWhatWasSent(t *testing.T) {
	srv := start(t)
	want := map[string]string{
		"INVALID_PRODUCT_ID":      `{"error":"INVALID_PRODUCT_ID","errorMessage":"The Product ID was invalid or missing","productId":"123"}`,
		"INVALID_OPTION_ID":       `{"error":"INVALID_OPTION_ID","errorMessage":"The Option ID was invalid or missing","optionId":"321"}`,
		"INVALID_UNIT_ID":         `{"error":"INVALID_UNIT_ID","errorMessage":"The Unit ID was invalid or missing","unitId":"senior-123678"}`,
		"INVALID_AVAILABILITY_ID": `{"error":"INVALID_AVAILABILITY_ID","errorMessage":"The Availability ID was invalid or missing","availabilityId":"2020-01-01T10:30+08:00"}`,
	}
	seen := 0
	for _, rt := range demo.Routes() {
		if rt.API != "octo" || rt.Status != 400 {
			continue
		}
		resp, body := fetch(t, srv.URL(), rt)
		var b map[string]any
		if err := json.Unmarshal(body, &b); err != nil || resp.Header.Get("X-Request-Id") == "" {
			t.Fatalf("%s: %s", name(rt), body)
		}
		code, _ := b["error"].(string)
		if !strings.HasPrefix(rt.Description, "OCTO "+code+":") {
			t.Errorf("%s answered %s", name(rt), code)
		}
		if w, ok := want[code]; ok {
			seen++
			if got := strings.TrimSpace(string(body)); got != w {
				t.Errorf("%s\n got %s\nwant %s", code, got, w)
			}
		} else if len(b) != 2 {
			t.Errorf("%s: members beyond error and errorMessage: %s", code, body)
		}
	}
	if seen != len(want) {
		t.Errorf("saw %d of the %d codes with attributes", seen, len(want))
	}
}

func TestHangerSelectorDocsExample(t *testing.T) {
	srv := start(t)
	_, body := fetch(t, srv.URL(), route(t, "hanger-selector", 400, "/hanger-selector/hangers"))
	want := `{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad building code","instance":"/hanger-selector/hangers","errors":[{"name":"Building Code","reason":"bad building code"}]}` + "\n"
	if string(body) != want {
		t.Errorf("body\n got %s\nwant %s", body, want)
	}
}

func TestTheRealRealFieldErrorsAndRateLimit(t *testing.T) {
	srv := start(t)
	_, body := fetch(t, srv.URL(), route(t, "therealreal", 422, "/therealreal/"))
	var e struct {
		Error struct {
			Code, Message string
			Details       []struct{ Field, Message string }
		}
	}
	if err := json.Unmarshal(body, &e); err != nil || e.Error.Code == "" || len(e.Error.Details) < 2 || e.Error.Details[0].Field == "" {
		t.Errorf("422 without field details: %s", body)
	}
	resp, _ := fetch(t, srv.URL(), route(t, "therealreal", 429, "/therealreal/"))
	for _, h := range []string{"Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("429 without %s", h)
		}
	}
	resp, _ = fetch(t, srv.URL(), route(t, "therealreal", 201, "/therealreal/"))
	if resp.Header.Get("Location") == "" {
		t.Error("201 without Location")
	}
}

func TestOthersSendTheirHeaders(t *testing.T) {
	srv := start(t)
	resp, _ := fetch(t, srv.URL(), demo.Route{Method: "GET", Path: "/other/me"})
	if got := resp.Header.Get("WWW-Authenticate"); got != `Bearer error="invalid_token", error_description="The access token expired"` {
		t.Errorf("WWW-Authenticate %q", got)
	}
	resp, body := fetch(t, srv.URL(), demo.Route{Method: "GET", Path: "/other/s3/demo-bucket/private/report.csv"})
	if id := resp.Header.Get("X-Amz-Request-Id"); id == "" || !strings.Contains(string(body), "<RequestId>"+id+"</RequestId>") {
		t.Errorf("S3 request id header %q not in body %s", id, body)
	}
	resp, _ = fetch(t, srv.URL(), demo.Route{Method: "GET", Path: "/other/gateway"})
	if resp.Header.Get("Server") != "nginx" {
		t.Errorf("gateway page Server %q, want nginx", resp.Header.Get("Server"))
	}
}

func TestHostileBodiesAndHeaders(t *testing.T) {
	srv := start(t)
	resp, body := fetch(t, srv.URL(), demo.Route{Method: "GET", Path: "/other/hostile/escapes"})
	var e struct{ Error string }
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(e.Error, "\x1b]52;c;") || !strings.Contains(e.Error, "\x1b[2J") {
		t.Errorf("message without the OSC 52 and clear-screen sequences: %q", e.Error)
	}
	if h := resp.Header.Get("X-Error-Detail"); !strings.Contains(h, "\u009d52;c;") || !strings.Contains(h, "\u202e") {
		t.Errorf("header without the 8-bit OSC 52 and bidi override: %q", h)
	}
	_, body = fetch(t, srv.URL(), demo.Route{Method: "GET", Path: "/other/hostile/invalid-utf8"})
	if utf8.Valid(body) || !strings.HasPrefix(string(body), `{"error":"Caf`) {
		t.Errorf("want a JSON error with invalid UTF-8 inside, got %q", body)
	}
}
