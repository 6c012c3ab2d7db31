package redact

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

// echoed is what a server that echoes the request sends back: the secret
// in every form it may take.
func echoed(secret string) string {
	j, _ := json.Marshal(secret)
	return "got " + secret + " | " + url.QueryEscape(secret) + " | " + string(j) + " | " +
		base64.StdEncoding.EncodeToString([]byte(secret))
}

// TestExchangeScrubsCollectedSecrets puts one secret in each credential
// position of a request, echoes it in the response and in every Diagnosis
// text, and checks it is gone from the whole redacted copy.
func TestExchangeScrubsCollectedSecrets(t *testing.T) {
	const s = "Zq8pLm4vTr" // letters and digits, no known shape
	r := New([]string{"tenant_pin"})
	cases := []struct {
		name string
		req  exchange.Request
	}{
		{"authorization bearer", exchange.Request{Headers: http.Header{"Authorization": {"Bearer " + s}}}},
		{"authorization no scheme", exchange.Request{Headers: http.Header{"Authorization": {s}}}},
		{"basic user:pass", exchange.Request{Headers: http.Header{"Authorization": {"Basic " + base64.StdEncoding.EncodeToString([]byte("ann:"+s))}}}},
		{"proxy authorization", exchange.Request{Headers: http.Header{"Proxy-Authorization": {"Basic " + s}}}},
		{"cookie without =", exchange.Request{Headers: http.Header{"Cookie": {s}}}},
		{"cookie value", exchange.Request{Headers: http.Header{"Cookie": {"a=b; sid=" + s}}}},
		{"x-access-key", exchange.Request{Headers: http.Header{"X-Access-Key": {s}}}},
		{"x-auth", exchange.Request{Headers: http.Header{"X-Auth": {s}}}},
		{"x-hub-signature", exchange.Request{Headers: http.Header{"X-Hub-Signature-256": {s}}}},
		{"config name header", exchange.Request{Headers: http.Header{"X-Tenant-Pin": {s}}}},
		{"userinfo user alone", exchange.Request{URL: "https://" + s + "@api.example.com/v1"}},
		{"userinfo password", exchange.Request{URL: "https://ann:" + s + "@api.example.com/v1"}},
		{"query &", exchange.Request{URL: "https://api.example.com/v1?a=1&api_key=" + s + "&b=2"}},
		{"query ;", exchange.Request{URL: "https://api.example.com/v1?a=1;access_token=" + s + ";b=2"}},
		{"query escaped", exchange.Request{URL: "https://api.example.com/v1?token=" + url.QueryEscape(s+"/+=")}},
		{"config name query", exchange.Request{URL: "https://api.example.com/v1?tenant_pin=" + s}},
		{"form with spaces and braces", exchange.Request{Headers: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}},
			Body: `note=a {b} "c" d&password=` + s + `&x=1`}},
		{"multipart field", exchange.Request{Headers: http.Header{"Content-Type": {"multipart/form-data; boundary=XyZ"}},
			Body: "--XyZ\r\nContent-Disposition: form-data; name=\"client_secret\"\r\n\r\n" + s + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--XyZ--\r\n"}},
		{"json deep string", exchange.Request{Body: `{"a":{"b":[{"apiKey":"` + s + `"}]}}`}},
		{"json object under secret name", exchange.Request{Body: `{"credentials":{"user":"ann","value":"` + s + `"}}`}},
		{"json number", exchange.Request{Body: `{"pin":1,"otp":` + "9081726354" + `}`}},
	}
	for _, tc := range cases {
		secret := s
		if tc.name == "json number" {
			secret = "9081726354"
		}
		if tc.name == "query escaped" {
			secret = s + "/+="
		}
		e := exchange.Exchange{
			Request: tc.req,
			Response: &exchange.Response{Status: 401, Headers: http.Header{"X-Echo": {secret}, "Content-Type": {"text/plain"}},
				Body: echoed(secret)},
			Redirects: []exchange.Hop{{Status: 302, URL: "https://x.test/" + secret, Location: "/next?" + secret}},
			Attempts:  []exchange.Attempt{{N: 1, Error: "dial: " + secret}},
			Error:     "read: " + secret,
			Diagnosis: formats.Diagnosis{Message: "bad key " + secret, Code: secret, RequestID: secret,
				FieldErrors: []formats.FieldError{{Field: "key", Message: secret, Code: secret}},
				Extra:       map[string]any{"echo": secret, "nested": []any{map[string]any{"k": secret}}}},
		}
		got, _ := json.Marshal(r.Exchange(e))
		if strings.Contains(stripMarkers(string(got)), secret) {
			t.Errorf("%s: the secret survived:\n%s", tc.name, got)
		}
		if strings.Contains(string(got), base64.StdEncoding.EncodeToString([]byte(secret))) {
			t.Errorf("%s: its base64 survived", tc.name)
		}
	}
}

func stripMarkers(s string) string {
	for {
		i := strings.Index(s, markerPrefix)
		if i < 0 || markerAt(s, i) == 0 {
			return s
		}
		s = s[:i] + "\x00" + s[i+markerLen:]
	}
}

func TestWithSecretsScrubsVariables(t *testing.T) {
	r := New(nil).WithSecrets("v4r-fr0m-env")
	e := exchange.Exchange{
		Request:  exchange.Request{URL: "https://api.example.com/v1/v4r-fr0m-env/items", Body: `{"note":"v4r-fr0m-env"}`},
		Response: &exchange.Response{Status: 404, Body: "no item v4r-fr0m-env"},
	}
	got, _ := json.Marshal(r.Exchange(e))
	if strings.Contains(string(got), "v4r-fr0m-env") {
		t.Fatalf("a variable's value survived: %s", got)
	}
	if got := New(nil).Diagnosis(formats.Diagnosis{RequestID: "v4r-fr0m-env"}); got.RequestID != "v4r-fr0m-env" {
		t.Fatal("a redactor without the variable changed an ordinary id")
	}
}

// Shapes are redacted wherever they sit, code and request_id included.
func TestDiagnosisShapesEverywhere(t *testing.T) {
	d := New(nil).Diagnosis(formats.Diagnosis{Code: ghToken, RequestID: "Bearer abc", Message: "use Bearer x"})
	if d.Code != Marker(ghToken) || d.RequestID != "Bearer "+Marker("abc") || d.Message != "use Bearer "+Marker("x") {
		t.Fatalf("%+v", d)
	}
}

func TestBearerShapes(t *testing.T) {
	var r Redactor
	for in, want := range map[string]string{
		"Bearer x":                              "Bearer " + Marker("x"),
		"auth: bearer abcdef":                   "auth: bearer " + Marker("abcdef"),
		"a Bearer token is required":            "a Bearer token is required",
		`Bearer realm="api", error="invalid"`:   `Bearer realm="api", error="invalid"`,
		"Basic authentication required":         "Basic authentication required",
		"see https://t0ken@host.example/x":      "see https://" + Marker("t0ken") + "@host.example/x",
		"retry /v1?a=1&password=hunter2 please": "retry /v1?a=1&password=" + Marker("hunter2") + " please",
		`<x api_key="k-9" other="y">`:           `<x api_key="` + Marker("k-9") + `" other="y">`,
	} {
		if got := r.Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLiteralsSkipMarkers(t *testing.T) {
	m := Marker("first")
	l := newLiterals([]string{"ED:" + m[10:14]}, MinLiteral)
	if got := l.scrub("x " + m + " y"); got != "x "+m+" y" {
		t.Fatalf("a marker was rewritten: %q", got)
	}
	l = newLiterals([]string{"abc"}, MinLiteral)
	if got := l.scrub("abc"); got != "abc" {
		t.Fatalf("a 3-byte secret was scrubbed from text: %q", got)
	}
}

func BenchmarkExchange(b *testing.B) {
	r := New([]string{"tenant_pin"})
	body := strings.Repeat(`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc"}`, 100)
	e := exchange.Exchange{
		Request: exchange.Request{Method: "POST", URL: "https://api.example.com/v1/items?api_key=k-123&page=2",
			Headers: http.Header{"Authorization": {"Bearer abc123def456"}, "Cookie": {"sid=xyz987; theme=dark"}, "Content-Type": {"application/json"}},
			Body:    `{"name":"x","password":"hunter22"}`},
		Response:  &exchange.Response{Status: 402, Headers: http.Header{"Content-Type": {"application/problem+json"}}, Body: body},
		Diagnosis: formats.Diagnosis{Message: "Your current balance is 30", Extra: map[string]any{"balance": 30.0}},
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		r.Exchange(e)
	}
}

func TestMultipartRedactsFieldsInPlace(t *testing.T) {
	var r Redactor
	body := "--b1\r\nContent-Disposition: form-data; name=\"pin\"\r\n\r\nx\r\n" +
		"--b1\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"password\":\"pw-9\",\"x\":1}\r\n" +
		"--b1\r\nContent-Disposition: form-data; name=\"token\"; filename=\"x.txt\"\r\n\r\nfile-token-body\r\n" +
		"--b1\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nxx\r\n--b1--\r\n"
	want := strings.Replace(strings.Replace(strings.Replace(body, "\r\n\r\nx\r\n", "\r\n\r\n"+Marker("x")+"\r\n", 1),
		`"pw-9"`, `"`+Marker("pw-9")+`"`, 1), "file-token-body", Marker("file-token-body"), 1)
	if got := r.BodyOf(body, "multipart/form-data; boundary=b1"); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
