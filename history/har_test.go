package history

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats/exchange"
)

func importFile(t *testing.T, name string) []exchange.Exchange {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xs, err := ImportHAR(f, exchange.SourceHARImport)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return xs
}

func TestImportHAR(t *testing.T) {
	chrome := importFile(t, "chrome.har")
	if len(chrome) != 3 {
		t.Fatalf("chrome: %d entries", len(chrome))
	}
	occ := chrome[0]
	if occ.Response.Status != 404 || occ.Diagnosis.Status != 404 || !strings.Contains(occ.Response.Body, "Location 1560") {
		t.Errorf("chrome[0] = %+v", occ.Response)
	}
	if occ.Request.Headers.Get(":authority") != "" || occ.Request.Headers.Get("Accept") != "application/json" {
		t.Errorf("chrome[0] headers %v", occ.Request.Headers)
	}
	if occ.Timings.TTFB.D().Milliseconds() != 170 || occ.Time.Format("15:04:05.000") != "09:30:00.123" {
		t.Errorf("chrome[0] timings %+v time %v", occ.Timings, occ.Time)
	}
	if !strings.Contains(chrome[1].Response.Body, "INVALID_PRODUCT_ID") {
		t.Errorf("base64 content not decoded: %q", chrome[1].Response.Body)
	}
	if chrome[1].Request.Body != `{"productId":"123"}` {
		t.Errorf("post data %q", chrome[1].Request.Body)
	}
	tr := chrome[2]
	if tr.Response != nil || tr.Error != "net::ERR_NAME_NOT_RESOLVED" || tr.Diagnosis.Format != "transport" {
		t.Errorf("status 0 entry: response %v error %q format %q", tr.Response, tr.Error, tr.Diagnosis.Format)
	}

	ff := importFile(t, "firefox.har")
	if len(ff) != 1 || ff[0].Response.Status != 400 || ff[0].Note != "to= without a timezone" || ff[0].Time.Hour() != 13 {
		t.Errorf("firefox: %+v", ff)
	}
	mm := importFile(t, "mitmproxy.har")
	if len(mm) != 1 || mm[0].Request.Body != "grant_type=client_credentials&client_secret=mm-client-secret-5" || mm[0].Response.Status != 401 {
		t.Errorf("mitmproxy: %+v", mm[0])
	}
	for _, x := range append(append(chrome, ff...), mm...) {
		if x.Source != exchange.SourceHARImport {
			t.Errorf("source %q", x.Source)
		}
	}
}

func TestImportHARTwiceKeepsOne(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	for _, name := range []string{"chrome.har", "firefox.har", "mitmproxy.har"} {
		xs := importFile(t, name)
		added, err := s.SaveBatch(ctx, xs)
		if err != nil || added != len(xs) {
			t.Fatalf("%s first import: added %d of %d, %v", name, added, len(xs), err)
		}
		again := importFile(t, name)
		added, err = s.SaveBatch(ctx, again)
		if err != nil || added != 0 {
			t.Errorf("%s second import: added %d, %v", name, added, err)
		}
		if again[0].ID != xs[0].ID {
			t.Errorf("%s: second import ids %d, first %d", name, again[0].ID, xs[0].ID)
		}
	}
	if n, _ := s.Count(ctx, ""); n != 5 {
		t.Errorf("count %d, want 5", n)
	}
	for _, q := range []string{"chrome-qs-secret-1", "chrome-bearer-secret-2", "chrome-cookie-secret-3", "ff-subscription-secret-4", "mm-client-secret-5"} {
		if n, _ := s.Count(ctx, `"`+q+`"`); n != 0 {
			t.Errorf("full text finds secret %s", q)
		}
	}
	s.Close()
	for _, side := range []string{"", "-wal"} {
		b, _ := os.ReadFile(path + side)
		if bytes.Contains(b, []byte("-secret-")) {
			t.Errorf("%s holds a secret", filepath.Base(path+side))
		}
	}
}

func TestImportHARMalformed(t *testing.T) {
	tests := []struct{ name, har, want string }{
		{"not json", "HTTP/1.1 200 OK\n", "malformed HAR: line 1, column 1: invalid character 'H'"},
		{"syntax error on line 3", "{\"log\": {\n  \"entries\": [\n    {,}\n]}}", "line 3, column 6"},
		{"cut short", `{"log": {"entries": [{"request": {`, "the file ends in the middle"},
		{"no log", `{"entries": []}`, `no "log" object`},
		{"no entries", `{"log": {"version": "1.2"}}`, `log: no "entries" array`},
		{"top level an array", `[]`, "top level: not an object (found a JSON array)"},
		{"log an array", `{"log": []}`, "log: not an object (found a JSON array)"},
		{"log null", `{"log": null}`, `no "log" object`},
		{"entries an object", `{"log": {"entries": {}}}`, "log.entries: not an array (found a JSON object)"},
		{"entries null", `{"log": {"entries": null}}`, `log: no "entries" array`},
		{"status not a number", `{"log":{"entries":[` + entry("200") + `,` + entry(`"404"`) + `]}}`, "log.entries[1].response.status: not a number (found a JSON string)"},
		{"bad date", `{"log":{"entries":[{"startedDateTime":"yesterday","request":{"url":"https://x.test/"},"response":{"status":200}}]}}`, `log.entries[0].startedDateTime: "yesterday" is not an ISO 8601 date`},
		{"bad base64", `{"log":{"entries":[{"startedDateTime":"2026-11-02T09:30:00Z","request":{"url":"https://x.test/"},"response":{"status":200,"content":{"text":"%%%","encoding":"base64"}}}]}}`, "log.entries[0].response.content.text: encoding is base64"},
		{"headers not an array", `{"log":{"entries":[{"startedDateTime":"2026-11-02T09:30:00Z","request":{"url":"https://x.test/","headers":{}},"response":{"status":200}}]}}`, "log.entries[0].request.headers: not an array"},
	}
	for _, tt := range tests {
		_, err := ImportHAR(strings.NewReader(tt.har), exchange.SourceHARImport)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func entry(status string) string {
	return `{"startedDateTime":"2026-11-02T09:30:00Z","request":{"method":"GET","url":"https://x.test/"},"response":{"status":` + status + `}}`
}

func TestExportHARRoundTrip(t *testing.T) {
	xs := importFile(t, "chrome.har")
	var buf bytes.Buffer
	if err := ExportHAR(&buf, xs); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if bytes.Contains(buf.Bytes(), []byte("-secret-")) {
		t.Error("export holds a secret")
	}
	back, err := ImportHAR(&buf, exchange.SourceHARImport)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 3 || back[0].Response.Status != 404 || back[0].Diagnosis.RequestID != xs[0].Diagnosis.RequestID || back[2].Error != xs[2].Error {
		t.Errorf("round trip: %+v", back)
	}
	bin := xs[0]
	bin.Response = &exchange.Response{Status: 500, Body: "\x89PNG\r\n\x1a\n\x00\xff"}
	buf.Reset()
	ExportHAR(&buf, []exchange.Exchange{bin})
	if again, err := ImportHAR(&buf, "x"); err != nil || again[0].Response.Body != bin.Response.Body {
		t.Errorf("binary body round trip: %v %q", err, again[0].Response.Body)
	}
	if !back[0].Time.Equal(xs[0].Time) {
		t.Errorf("time %v, want %v", back[0].Time, xs[0].Time)
	}
}
