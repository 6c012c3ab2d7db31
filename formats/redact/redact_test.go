package redact

import (
	"net/http"
	"strings"
	"testing"
)

// Shapes below follow the vendors' published formats; the values are made
// up for the tests (the GitHub and Stripe ones are the documented example
// prefixes followed by filler).
const (
	jwt       = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" // jwt.io's example token
	awsKey    = "AKIAIOSFODNN7EXAMPLE"                                                                                                                                        // AWS docs' example access key id
	ghToken   = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
	stripeKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc" // Stripe docs' example test key
	slackTok  = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"
)

func TestHeader(t *testing.T) {
	var r Redactor
	tests := []struct{ name, value, want string }{
		{"Authorization", "Bearer abc.def.ghi", "Bearer " + Marker("abc.def.ghi")},
		{"authorization", "Basic dXNlcjpwYXNz", "Basic " + Marker("dXNlcjpwYXNz")},
		{"Authorization", "sometoken", Marker("sometoken")},
		{"Proxy-Authorization", "Digest username=\"u\"", "Digest " + Marker("username=\"u\"")},
		{"Cookie", "session=abc123; theme=dark", "session=" + Marker("abc123") + "; theme=" + Marker("dark")},
		{"Set-Cookie", "sid=xyz; Path=/; HttpOnly", "sid=" + Marker("xyz") + "; Path=/; HttpOnly"},
		{"X-Api-Key", "k-123", Marker("k-123")},
		{"X-Amz-Security-Token", "FQoGZXIvYXdz", Marker("FQoGZXIvYXdz")},
		{"X-Auth-Token", "t", Marker("t")},
		{"X-GitHub-Token", "tok", Marker("tok")},
		{"Content-Type", "application/json", "application/json"},
		{"X-Request-Id", "f1b8698f-b0e8-4fb9-82e1-ddf89029350c", "f1b8698f-b0e8-4fb9-82e1-ddf89029350c"},
		{"Location", "https://api.example.com/cb?code=1&access_token=abc", "https://api.example.com/cb?code=1&access_token=" + Marker("abc")},
		{"WWW-Authenticate", `Bearer realm="example", error="invalid_token"`, `Bearer realm="example", error="invalid_token"`},
		{"X-Debug", "used " + ghToken, "used " + Marker(ghToken)},
		{"Authorization", "Bearer " + Marker("x"), "Bearer " + Marker("x")},
	}
	for _, tt := range tests {
		if got := r.Header(tt.name, tt.value); got != tt.want {
			t.Errorf("Header(%q, %q) = %q, want %q", tt.name, tt.value, got, tt.want)
		}
	}
}

func TestURL(t *testing.T) {
	r := Redactor{Extra: []string{"tenant_pin"}}
	tests := []struct{ in, want string }{
		{"https://api.occuspace.io/v2/locations/1560", "https://api.occuspace.io/v2/locations/1560"},
		{"https://x.test/a?api_key=s3cr3t&page=2", "https://x.test/a?api_key=" + Marker("s3cr3t") + "&page=2"},
		{"https://x.test/a?apiKey=a%2Fb&q=token", "https://x.test/a?apiKey=" + Marker("a/b") + "&q=token"},
		{"https://x.test/a?X-Amz-Signature=abcd&X-Amz-Credential=AK%2F2026", "https://x.test/a?X-Amz-Signature=" + Marker("abcd") + "&X-Amz-Credential=" + Marker("AK/2026")},
		{"https://x.test/cb#access_token=tok&state=1", "https://x.test/cb#access_token=" + Marker("tok") + "&state=1"},
		{"https://bob:hunter22@x.test/p", "https://bob:" + Marker("hunter22") + "@x.test/p"},
		{"https://x.test/?tenant_pin=1234", "https://x.test/?tenant_pin=" + Marker("1234")},
		{"https://x.test/?token_type=bearer", "https://x.test/?token_type=bearer"},
		{"https://x.test/?sig=", "https://x.test/?sig="},
		{"https://x.test/?k=" + jwt, "https://x.test/?k=" + Marker(jwt)},
	}
	for _, tt := range tests {
		if got := r.URL(tt.in); got != tt.want {
			t.Errorf("URL(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestBody(t *testing.T) {
	var r Redactor
	tests := []struct{ name, in, want string }{
		{"oauth2 token response (RFC 6749 5.1)",
			`{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA"}`,
			`{"access_token":"` + Marker("2YotnFZFEjr1zCsicMWpAA") + `","token_type":"example","expires_in":3600,"refresh_token":"` + Marker("tGzv3JOkF0XG5Qx2TlKWIA") + `"}`},
		{"nested and spaced",
			"{\n  \"user\": {\"name\": \"ann\", \"credentials\": { \"password\" : \"p\\\"w\" }},\n  \"n\": 1\n}",
			"{\n  \"user\": {\"name\": \"ann\", \"credentials\": { \"password\" : \"" + Marker(`p"w`) + "\" }},\n  \"n\": 1\n}"},
		{"array under a secret name",
			`{"api_keys":["a","b"],"tags":["x"]}`,
			`{"api_keys":["` + Marker("a") + `","` + Marker("b") + `"],"tags":["x"]}`},
		{"django field errors keep their messages",
			`{"password":["This field is required."]}`,
			`{"password":["` + Marker("This field is required.") + `"]}`},
		{"error body echoing a key",
			`{"error":"invalid api key ` + stripeKey + `"}`,
			`{"error":"invalid api key ` + Marker(stripeKey) + `"}`},
		{"form",
			"grant_type=password&username=ann&password=hunter2&client_secret=cs",
			"grant_type=password&username=ann&password=" + Marker("hunter2") + "&client_secret=" + Marker("cs")},
		{"jwt in text", "token was " + jwt + " ok", "token was " + Marker(jwt) + " ok"},
		{"plain text kept", "Basic authentication required for this resource", "Basic authentication required for this resource"},
		{"malformed json", `{"token": "abc`, `{"token": "` + Marker("abc")},
		{"already redacted", `{"token":"` + Marker("abc") + `"}`, `{"token":"` + Marker("abc") + `"}`},
	}
	for _, tt := range tests {
		if got := r.Body(tt.in); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	var r Redactor
	for _, secret := range []string{jwt, awsKey, "ASIAY34FZKBOKMUTVV7A", ghToken, "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", stripeKey, "rk_live_51H8abcdefghijKLMNOP", slackTok, "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe"} {
		in := "before " + secret + " after"
		want := "before " + Marker(secret) + " after"
		if got := r.Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	keep := []string{
		"Location 1560 not found or not accessible",
		"Bearer realm=\"api\"",
		"see https://docs.example.com/errors#not-found",
		"ghost_of_a_chance",
		"sk_live",
	}
	for _, s := range keep {
		if got := r.Text(s); got != s {
			t.Errorf("Text(%q) changed it to %q", s, got)
		}
	}
	if got := r.Text("Authorization: Bearer abcdef123456"); got != "Authorization: Bearer "+Marker("abcdef123456") {
		t.Errorf("bearer in text: %q", got)
	}
}

func TestMarkerIsStable(t *testing.T) {
	if Marker("a") != Marker("a") || Marker("a") == Marker("b") {
		t.Fatal("markers must be equal for equal secrets and differ otherwise")
	}
	if !IsMarker(Marker("x")) || IsMarker("[REDACTED:xyz]") {
		t.Fatal("IsMarker")
	}
	if !strings.HasPrefix(Marker("x"), "[REDACTED:") || len(Marker("x")) != len("[REDACTED:12345678]") {
		t.Fatalf("marker shape %q", Marker("x"))
	}
}

func TestHeadersCopy(t *testing.T) {
	var r Redactor
	h := http.Header{"Authorization": {"Bearer t0k3n"}}
	out := r.Headers(h)
	if h.Get("Authorization") != "Bearer t0k3n" {
		t.Fatal("Headers changed its input")
	}
	if out.Get("Authorization") != "Bearer "+Marker("t0k3n") {
		t.Fatalf("got %q", out.Get("Authorization"))
	}
}

func BenchmarkBody(b *testing.B) {
	var r Redactor
	body := strings.Repeat(`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc"}`, 100)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		r.Body(body)
	}
}

// Published error bodies hold no secrets and must come out byte for byte.
func TestErrorBodiesUnchanged(t *testing.T) {
	var r Redactor
	bodies := map[string]string{
		// RFC 9457, section 3.
		"problem+json": `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}`,
		// Occuspace docs (seed 000).
		"occuspace": `{"type":"https://api.occuspace.io/problems/not-found","title":"Not Found","status":404,"detail":"Location 1560 not found or not accessible","instance":"/v2/locations/1560","request_id":"f1b8698f-b0e8-4fb9-82e1-ddf89029350c"}`,
		// TheRealReal vendor API docs (seed 004).
		"therealreal": "{\n    \"error\": \"INVALID_PRODUCT_ID\",\n    \"errorMessage\": \"The Product ID was invalid or missing\",\n    \"productId\": \"123\"\n}",
		// RFC 6749, section 5.2.
		"oauth2": `{"error":"invalid_request","error_description":"The request is missing a required parameter","error_uri":"https://example.com/docs/errors"}`,
		// GitHub REST API docs, "Client errors".
		"github": `{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}`,
		// Google AIP-193.
		"google": `{"error":{"code":429,"message":"The zone 'us-east1-a' does not have enough resources available to fulfill the request.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RESOURCE_AVAILABILITY","domain":"compute.googleapis.com","metadata":{"zone":"us-east1-a","vmType":"e2-medium"}}]}}`,
		// AWS S3 error responses.
		"s3":   `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist</Message><Resource>/mybucket/myfoto.jpg</Resource><RequestId>4442587FB7D0A2F9</RequestId></Error>`,
		"html": "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\r\n",
	}
	for name, b := range bodies {
		if got := r.Body(b); got != b {
			t.Errorf("%s changed:\n got %s\nwant %s", name, got, b)
		}
	}
}
