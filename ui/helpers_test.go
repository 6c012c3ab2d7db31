package ui

import (
	"context"
	"encoding/base64"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/probe"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// updating reports whether -update was given: the flag is defined by the
// golden package teatest imports, and rewrites the golden files here too.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func init() {
	// Golden files hold plain text: no colour, whatever the terminal.
	lipgloss.SetColorProfile(termenv.Ascii)
}

// fixedNow is the clock of every golden test.
var fixedNow = time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)

// fakeServices answers every request with canned exchanges and keeps
// history in memory; nothing touches the network or the disk.
func fakeServices(store *memStore) services {
	return services{
		send: func(ctx context.Context, r probe.Request) exchange.Exchange {
			return exchange.Exchange{Error: "fake services send nothing"}
		},
		parseCurl:    probe.ParseCurl,
		curl:         probe.CurlCommand,
		openHistory:  func(string) (historyStore, error) { return store, nil },
		ticket:       ticket,
		loadProfiles: loadProfiles,
		startDemo:    func() (demoHandle, error) { return demoHandle{}, fmt.Errorf("no demo in tests") },
		clipboard:    func(string) error { return fmt.Errorf("no clipboard in tests") },
		now:          func() time.Time { return fixedNow },
	}
}

// memStore is an in-memory historyStore.
type memStore struct {
	mu sync.Mutex
	xs []exchange.Exchange
}

func (s *memStore) Save(_ context.Context, e *exchange.Exchange) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e.ID = int64(len(s.xs) + 1)
	s.xs = append(s.xs, *e)
	return e.ID, nil
}

func (s *memStore) Get(_ context.Context, id int64) (exchange.Exchange, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 1 || int(id) > len(s.xs) {
		return exchange.Exchange{}, fmt.Errorf("no such exchange in history")
	}
	return s.xs[id-1], nil
}

func (s *memStore) Search(_ context.Context, q string, limit, offset int) ([]entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []entry
	for i := len(s.xs) - 1; i >= 0; i-- {
		x := s.xs[i]
		if q != "" && !strings.Contains(x.Request.URL, q) {
			continue
		}
		e := entry{ID: x.ID, Time: x.Time, Method: x.Request.Method, URL: x.Request.URL,
			Format: x.Diagnosis.Format, Code: x.Diagnosis.Code, RequestID: x.Diagnosis.RequestID}
		if x.Response != nil {
			e.Status = x.Response.Status
		}
		out = append(out, e)
	}
	if offset >= len(out) {
		return nil, nil
	}
	return out[offset:min(offset+limit, len(out))], nil
}

func (s *memStore) Close() error { return nil }

// seedExample is the example error body of one seed document.
type seedExample struct {
	api, url, body, ctype string
	status                int
}

// seedExamples are the example error bodies the five seed documents
// (../shared/seeds/000..004) publish, each with the status they give it.
var seedExamples = []seedExample{
	// 000_0d453bd9f91a630f.txt, "Error Response Format".
	{"occuspace", "https://api.occuspace.io/v2/locations/1560", `{"type":"https://api.occuspace.io/problems/not-found","title":"Not Found","status":404,"detail":"Location 1560 not found or not accessible","instance":"/v2/locations/1560","request_id":"f1b8698f-b0e8-4fb9-82e1-ddf89029350c"}`, "application/problem+json", 404},
	// 001_763ea8bff2d64412.txt, the "to" timestamp example.
	{"raalabs", "https://api.raalabs.example/v1/vessel-1/engine.main.rpm?to=2025-05-25T09:41:00", "{\n\"error\": \"Invalid 'to' timestamp: Invalid timestamp or format: 2025-05-25T09:41:00, valid formats are ISO8601 or YYYY-MM-DD\"\n}", "application/json", 400},
	// 002_35605f8ad837da5c.txt, INVALID_PRODUCT_ID.
	{"octo", "https://api.octo.example/products/123", "{\n    \"error\": \"INVALID_PRODUCT_ID\",\n    \"errorMessage\": \"The Product ID was invalid or missing\",\n    \"productId\": \"123\"\n}", "application/json", 400},
	// 003_fa240afb0c82f6c8.txt, "2. Error Responses".
	{"hanger-selector", "https://api.hanger.example/hanger-selector/hangers", `{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad building code","instance":"/hanger-selector/hangers","errors":[{"name":"Building Code","reason":"bad building code"}]}`, "application/problem+json", 400},
	// 004_18aa442ee49486cf.txt, "Error response structure" (422, as its
	// troubleshooting section pairs validation errors with it).
	{"therealreal", "https://vendor.therealreal.example/v1/products", `{"error":{"code":"string","message":"string","details":[{"field":"string","message":"string"}]}}`, "application/json", 422},
}

// seedExchange is a saved-looking exchange of one seed example, its
// Diagnosis built by formats with the seed's profile.
func seedExchange(s seedExample) exchange.Exchange {
	h := http.Header{"Content-Type": {s.ctype}, "Date": {fixedNow.Format(http.TimeFormat)}}
	d := formats.DetectWith(s.status, h, []byte(s.body), formats.Options{API: s.api})
	return exchange.Exchange{
		ID:      7,
		Time:    fixedNow,
		Request: exchange.Request{Method: "GET", URL: s.url, Headers: http.Header{"Accept": {"application/json"}}},
		Response: &exchange.Response{Status: s.status, Proto: "HTTP/1.1", Headers: h, Body: s.body,
			Size: int64(len(s.body))},
		Timings:   exchange.Timings{DNS: ms(3), Connect: ms(12), TLS: ms(25), TTFB: ms(80), Transfer: ms(2), Total: ms(122)},
		Diagnosis: d,
		Source:    exchange.SourceTUI,
	}
}

func ms(n int) exchange.Duration { return exchange.Duration(time.Duration(n) * time.Millisecond) }

// plain is a screen as a person reads it: no escape sequences, no
// trailing blanks.
func plain(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// golden compares got with testdata/name.golden (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -run %s -update to create it)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s differs from %s:\n--- got ---\n%s\n--- want ---\n%s", t.Name(), path, got, want)
	}
}

// osc52Payload is the base64 text an OSC 52 copy of s carries.
func osc52Payload(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
