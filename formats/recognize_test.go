package formats

import (
	"maps"
	"net/textproto"
	"reflect"
	"testing"
)

func TestFamilyIDs(t *testing.T) {
	// The ids DESIGN.md promises; they are a public contract.
	required := []string{"problem+json", "error-string", "error-code-message", "error-object", "google-status",
		"jsonapi", "graphql", "oauth2", "aws-json", "xml", "soap-fault", "html", "text", "empty", "json", "binary"}
	seen := map[string]bool{}
	for _, f := range jsonFamilies {
		if seen[f.id] {
			t.Errorf("family %q listed twice", f.id)
		}
		seen[f.id] = true
		if f.name == "" || f.fill == nil {
			t.Errorf("family %q lacks a name or a detector", f.id)
		}
	}
	for id, name := range otherFamilyNames {
		seen[id] = true
		if name == "" {
			t.Errorf("family %q has no name", id)
		}
	}
	for _, id := range required {
		if !seen[id] {
			t.Errorf("family %q is missing", id)
		}
		if familyName(id) == id {
			t.Errorf("family %q has no human name", id)
		}
	}
}

func TestBodyStatus(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		body       string
		wantStatus int
		wantNote   string
	}{
		{"no HTTP status: the body's", 0, `{"type":"about:blank","title":"Not Found","status":404}`, 404, "No HTTP status was given; 404 is the body's status."},
		{"no HTTP status: Google's error.code", 0, `{"error":{"code":403,"message":"x","status":"PERMISSION_DENIED"}}`, 403, "403 is the body's error.code"},
		{"disagreement", 502, `{"timestamp":"t","status":500,"error":"Internal Server Error","path":"/x"}`, 502, "The body's status says 500 but the HTTP status is 502."},
		{"agreement", 404, `{"title":"Not Found","status":404}`, 404, ""},
		{"out of range is ignored", 400, `{"status":7,"message":"x"}`, 400, ""},
		{"app code in a 200 is not a status", 200, `{"code":400,"message":"bad"}`, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := recognize(tt.status, nil, tt.body, exampleNow)
			if d.Status != tt.wantStatus {
				t.Errorf("status = %d, want %d", d.Status, tt.wantStatus)
			}
			if tt.wantNote == "" && len(d.Notes) > 0 {
				t.Errorf("unexpected notes %q", d.Notes)
			}
			if tt.wantNote != "" && !containsSub(d.Notes, tt.wantNote) {
				t.Errorf("notes = %q, want %q", d.Notes, tt.wantNote)
			}
		})
	}
}

func TestProblemTypeCode(t *testing.T) {
	tests := map[string]string{
		"https://api.occuspace.io/problems/not-found": "not-found",
		"https://example.com/probs/out-of-credit":     "out-of-credit",
		"https://example.com/probs/out-of-credit/":    "out-of-credit",
		"https://example.com/errors#x":                "",
		"about:blank":                                 "",
		"":                                            "",
		"https://tools.ietf.org/html/rfc9110#section-15.5.1":     "",
		"https://api.example.com":                                "",
		"validation_error":                                       "validation_error",
		"urn:problem-type:example:out-of-stock":                  "out-of-stock",
		"https://mailchimp.com/developer/marketing/docs/errors/": "",
	}
	for typ, want := range tests {
		if got := problemTypeCode(typ); got != want {
			t.Errorf("problemTypeCode(%q) = %q, want %q", typ, got, want)
		}
	}
}

// A success body is the payload: a product's title is not a message,
// while the same JSON in an error keeps its best-effort message and a
// 200 that does carry one still shows it.
func TestSuccessPayloadIsNoMessage(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		want   string
	}{
		{"a list of products", 200, `{"data":[{"currency":"USD","designer":"Chanel","id":"TRR-1001","price":4950,"status":"listed","title":"Classic Flap Bag"}],"next_cursor":null}`, ""},
		{"a created product", 201, `{"id":"TRR-2001","title":"Silk Scarf","description":"A silk scarf"}`, ""},
		{"a success that says something", 200, `{"status":"ok","message":"queued for processing"}`, "queued for processing"},
		{"an error in the same shape", 500, `{"data":{"title":"Upstream timed out"}}`, "Upstream timed out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := recognize(tt.status, nil, tt.body, exampleNow)
			if d.Format != "json" || d.Message != tt.want {
				t.Errorf("format %q, message %q; want json, %q", d.Format, d.Message, tt.want)
			}
		})
	}
}

// isCanonicalKey agrees with textproto on every kind of header name.
func TestIsCanonicalKey(t *testing.T) {
	for _, k := range []string{
		"Content-Type", "content-type", "CONTENT-TYPE", "X-Request-Id", "X-Request-ID", "Www-Authenticate",
		"WWW-Authenticate", "Etag", "ETag", "Ratelimit", "RateLimit", "A-", "-A", "-a", "a", "", "X--Y", "X--y",
		"Key With Space", "key with space", "Key_Underscore", "key_underscore", "Ümlaut", "x-ümlaut", "X1-2b", "X1-2B",
	} {
		if got, want := isCanonicalKey(k), textproto.CanonicalMIMEHeaderKey(k) == k; got != want {
			t.Errorf("isCanonicalKey(%q) = %v, textproto says %v", k, got, want)
		}
	}
}

// A family's cues are members fill cannot do without: with them taken out
// of any published body, fill accepts nothing, so the walk may pass over a
// family whose cues are absent without changing what is recognized.
func TestFamilyCues(t *testing.T) {
	checked := 0
	for _, p := range loadPublished(t) {
		root, err := parseJSON(trimText(string(p.body)))
		m, ok := asObj(root)
		if err != nil || !ok {
			continue
		}
		header, _ := canonicalHeader(p.header)
		for _, f := range jsonFamilies {
			if f.cues == nil {
				continue
			}
			without := maps.Clone(m)
			for _, k := range f.cues {
				delete(without, k)
			}
			s := scan{status: p.status, header: header, ctype: mediaType(headerValue(header, "Content-Type")), retryDelay: -1}
			var d Diagnosis
			if f.fill(&s, without, &d) {
				t.Errorf("%s: %s accepts the body without any of %q", p.file, f.id, f.cues)
			}
			if !reflect.DeepEqual(d, Diagnosis{}) {
				t.Errorf("%s: %s wrote to the Diagnosis before turning the body down: %+v", p.file, f.id, d)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("only %d checks: too few published bodies?", checked)
	}
}
