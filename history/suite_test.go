package history_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/history/historytest"
)

// The shared suite: each test runs against the SQLite file and the
// PostgreSQL team store, which must behave the same.
func eachBackend(t *testing.T, fn func(t *testing.T, open func(opts history.Options) *history.Store)) {
	for _, b := range historytest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			loc := b.Location(t)
			fn(t, func(opts history.Options) *history.Store { return historytest.OpenAt(t, loc, opts) })
		})
	}
}

var suiteNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// suiteExchanges are exchanges in the five seed APIs' shapes, a
// transport failure and a success, at known times, newest last.
func suiteExchanges() []exchange.Exchange {
	mk := func(ago time.Duration, method, url string, status int, code, msg, rid, api, body string) exchange.Exchange {
		e := exchange.Exchange{
			Time:    suiteNow.Add(-ago),
			Request: exchange.Request{Method: method, URL: url, Headers: http.Header{"Authorization": {"Bearer sk_live_suiteSECRET0123456789"}}},
			Source:  exchange.SourceSend,
		}
		if status > 0 {
			e.Response = &exchange.Response{Status: status, Headers: http.Header{"Content-Type": {"application/json"}}, Body: body}
			e.Diagnosis = formats.Diagnosis{Status: status, Format: "error-code-message", Code: code, Message: msg, RequestID: rid, API: api}
		} else {
			e.Error = msg
			e.Diagnosis = formats.Diagnosis{Format: "transport", Message: msg}
		}
		return e
	}
	return []exchange.Exchange{
		mk(40*24*time.Hour, "GET", "https://api.occuspace.io/v2/locations/1560", 404, "", "Location 1560 not found or not accessible", "f1b8698f-b0e8-4fb9-82e1-ddf89029350c", "occuspace", `{"detail":"Location 1560 not found or not accessible"}`),
		mk(10*24*time.Hour, "POST", "https://api.raalabs.com/v1/vessels/7/building-code", 422, "invalid_building_code", "Building code is not valid for vessel 7", "f1b86aaa-0000-4000-8000-000000000001", "raalabs", `{"errorCode":"invalid_building_code","errorMessage":"Building code is not valid for vessel 7"}`),
		mk(3*24*time.Hour, "GET", "https://vendor.therealreal.com/products/99", 400, "BAD_PRODUCT", "The Product ID was invalid or missing", "c0ffee00-1111-4222-8333-444455556666", "therealreal", `{"code":"BAD_PRODUCT","message":"The Product ID was invalid or missing"}`),
		mk(5*time.Hour, "GET", "https://api.occuspace.io/v2/quota", 503, "upstream_unavailable", "Upstream service unavailable, try again later", "deadbeef-2222-4333-8444-555566667777", "occuspace", `{"detail":"Upstream service unavailable, try again later"}`),
		mk(2*time.Hour, "DELETE", "https://eu.api.occuspace.io/v2/locations/9", 500, "internal", "Internal café error", "abcdef12-3456-4789-8abc-def012345678", "occuspace", `{"detail":"Internal café error"}`),
		mk(time.Hour, "GET", "https://down.example.net/health", 0, "", "dial tcp: lookup down.example.net: no such host", "", "", ""),
		mk(time.Minute, "GET", "https://api.occuspace.io/v2/locations", 200, "", "", "", "occuspace", `{"ok":true}`),
	}
}

func saveAll(t *testing.T, s *history.Store, xs []exchange.Exchange) []int64 {
	t.Helper()
	ids := make([]int64, len(xs))
	for i := range xs {
		id, err := s.Save(context.Background(), &xs[i])
		if err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
		ids[i] = id
	}
	return ids
}

// TestSuiteQueryLanguage runs the whole query language on both stores:
// each query must find exactly the listed exchanges, newest first, and
// Count must agree.
func TestSuiteQueryLanguage(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(history.Options) *history.Store) {
		alice := open(history.Options{User: "alice", Machine: "laptop-a"})
		xs := suiteExchanges()
		saveAll(t, alice, xs[:4])
		bob := open(history.Options{User: "bob", Machine: "build-07"})
		saveAll(t, bob, xs[4:])
		ctx := context.Background()
		after := func(d time.Duration) string { return suiteNow.Add(-d).Format(time.RFC3339) }
		tests := []struct {
			query string
			want  []int // indexes into xs, newest first
		}{
			{"", []int{6, 5, 4, 3, 2, 1, 0}},
			{"status:404", []int{0}},
			{"status:4xx", []int{2, 1, 0}},
			{"status:5xx", []int{4, 3}},
			{"status:500-503", []int{4, 3}},
			{"status:0", []int{5}},
			{"is:transport", []int{5}},
			{"is:error", []int{5, 4, 3, 2, 1, 0}},
			{"rid:f1b86", []int{1, 0}},
			{"rid:f1b8698f", []int{0}},
			{"rid:F1B8698F", nil}, // request_ids are exact bytes
			{"request_id:c0ffee00-1111", []int{2}},
			{"code:bad_product", []int{2}},
			{"host:occuspace.io", []int{6, 4, 3, 0}},
			{"host:eu.api.occuspace.io", []int{4}},
			{"method:delete", []int{4}},
			{"api:raalabs", []int{1}},
			{"format:transport", []int{5}},
			{"source:send", []int{6, 5, 4, 3, 2, 1, 0}},
			{"user:alice", []int{3, 2, 1, 0}},
			{"user:BOB status:5xx", []int{4}},
			{"machine:build-07", []int{6, 5, 4}},
			{"after:" + after(4*24*time.Hour), []int{6, 5, 4, 3, 2}},
			{"status:5xx after:" + after(3*time.Hour), []int{4}},
			{"before:" + after(4*24*time.Hour), []int{1, 0}},
			{"after:7d", nil}, // relative to now: the fixtures are in 2026
			{"not found", []int{0}},
			{"valid", []int{1}}, // a word's prefix: "invalid" is another word
			{"invalid", []int{2, 1}},
			{`"not valid"`, []int{1}},
			{`"valid for"`, []int{1}},
			{`"valid vessel"`, nil}, // words in a row only
			{"vessel 7", []int{1}},
			{"cafe", []int{4}}, // diacritics folded
			{"CAFÉ", []int{4}},
			{"upstream status:5xx", []int{3}},
			{"deadbeef", []int{3}}, // request_id words
			{"locations", []int{6, 4, 0}},
			{"api.occuspace.io", []int{6, 4, 3, 0}}, // eu.api.occuspace.io too
			{"no such host", []int{5}},
			{"zzzz", nil},
			{"--", []int{6, 5, 4, 3, 2, 1, 0}}, // no words: no text condition
		}
		for _, tt := range tests {
			got, err := alice.Search(ctx, tt.query, 50, 0)
			if err != nil {
				t.Errorf("%q: %v", tt.query, err)
				continue
			}
			var gotIdx []int
			for _, g := range got {
				gotIdx = append(gotIdx, indexOf(xs, g.ID))
			}
			if !slices.Equal(gotIdx, tt.want) {
				t.Errorf("search %q = %v, want %v", tt.query, gotIdx, tt.want)
			}
			if n, err := alice.Count(ctx, tt.query); err != nil || n != int64(len(tt.want)) {
				t.Errorf("count %q = %d, %v; want %d", tt.query, n, err, len(tt.want))
			}
			if n, err := alice.CountAtMost(ctx, tt.query, 2); err != nil || n != int64(min(len(tt.want), 2)) {
				t.Errorf("count at most 2 %q = %d, %v; want %d", tt.query, n, err, min(len(tt.want), 2))
			}
		}
		page1, _ := alice.Search(ctx, "", 3, 0)
		page2, _ := alice.Search(ctx, "", 3, 3)
		page3, _ := alice.Search(ctx, "", 3, 6)
		if len(page1) != 3 || len(page2) != 3 || len(page3) != 1 || page2[0].ID != xs[3].ID {
			t.Errorf("paging: %d, %d, %d rows", len(page1), len(page2), len(page3))
		}
		if got, _ := alice.Search(ctx, "user:bob", 1, 0); len(got) != 1 || got[0].User != "bob" || got[0].Machine != "build-07" {
			t.Errorf("bob's exchange says %+v", got)
		}
		if _, err := alice.Search(ctx, "stauts:404", 10, 0); !errors.Is(err, history.ErrBadQuery) {
			t.Errorf("bad query: %v", err)
		}
	})
}

func indexOf(xs []exchange.Exchange, id int64) int {
	for i, x := range xs {
		if x.ID == id {
			return i
		}
	}
	return -1
}

// Save, show (by id and request_id), redaction, duplicates, notes,
// delete and prune behave the same on both stores.
func TestSuiteStoreLifecycle(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(history.Options) *history.Store) {
		s := open(history.Options{RedactNames: []string{"x-tenant-pin"}})
		ctx := context.Background()
		xs := suiteExchanges()
		xs[2].Request.Headers.Set("X-Tenant-Pin", "pin-83461")
		ids := saveAll(t, s, xs)
		again := suiteExchanges()[2]
		again.Request.Headers.Set("X-Tenant-Pin", "pin-83461")
		if id, err := s.Save(ctx, &again); err != nil || id != ids[2] {
			t.Errorf("saving again gave %d, %v; want the stored %d", id, err, ids[2])
		}
		if n, _ := s.Count(ctx, ""); n != int64(len(xs)) {
			t.Errorf("%d stored, want %d", n, len(xs))
		}
		e, err := s.Get(ctx, ids[2])
		if err != nil {
			t.Fatal(err)
		}
		auth := e.Request.Headers.Get("Authorization")
		if strings.Contains(auth, "suiteSECRET") || strings.Contains(e.Request.Headers.Get("X-Tenant-Pin"), "83461") {
			t.Errorf("stored unredacted: %q, %q", auth, e.Request.Headers.Get("X-Tenant-Pin"))
		}
		if e.Diagnosis.Code != "BAD_PRODUCT" || e.Response.Status != 400 {
			t.Errorf("got back %+v", e.Diagnosis)
		}
		if e, err := s.GetByRequestID(ctx, "c0ffee"); err != nil || e.ID != ids[2] {
			t.Errorf("by request_id prefix: %v", err)
		}
		if _, err := s.GetByRequestID(ctx, "f1b86"); !errors.Is(err, history.ErrAmbiguous) {
			t.Errorf("ambiguous prefix: %v", err)
		}
		if _, err := s.GetByRequestID(ctx, "nope"); !errors.Is(err, history.ErrNotFound) {
			t.Errorf("unknown request_id: %v", err)
		}
		if _, err := s.Get(ctx, 999999); !errors.Is(err, history.ErrNotFound) {
			t.Errorf("unknown id: %v", err)
		}
		if err := s.SetNote(ctx, ids[1], "Reproduced for ticket Zendesk 4411, token sk_live_suiteSECRET0123456789"); err != nil {
			t.Fatal(err)
		}
		e, _ = s.Get(ctx, ids[1])
		if !strings.Contains(e.Note, "Zendesk") || strings.Contains(e.Note, "suiteSECRET") {
			t.Errorf("note %q", e.Note)
		}
		if got, _ := s.Search(ctx, "zendesk 4411", 10, 0); len(got) != 1 || got[0].ID != ids[1] {
			t.Errorf("note search found %v", got)
		}
		if err := s.Delete(ctx, ids[0]); err != nil {
			t.Fatal(err)
		}
		if err := s.Delete(ctx, ids[0]); !errors.Is(err, history.ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
		if n, err := s.Prune(ctx, 0, 4); err != nil || n != 2 {
			t.Errorf("prune --keep 4 removed %d, %v; want 2", n, err)
		}
		if n, err := s.Prune(ctx, 24*time.Hour*365*50, 0); err != nil || n != 0 {
			t.Errorf("prune --older-than 50y removed %d, %v", n, err)
		}
		left, _ := s.Search(ctx, "", 10, 0)
		if len(left) != 4 || left[0].ID != ids[6] {
			t.Errorf("after prune: %v", left)
		}
	})
}

// HAR export and import and tickets go through either store the same.
func TestSuiteHARAndTicket(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(history.Options) *history.Store) {
		s := open(history.Options{})
		ctx := context.Background()
		xs := suiteExchanges()
		saveAll(t, s, xs)
		var back []exchange.Exchange
		list, _ := s.Search(ctx, "is:error", 50, 0)
		for _, sm := range list {
			e, err := s.Get(ctx, sm.ID)
			if err != nil {
				t.Fatal(err)
			}
			back = append(back, e)
		}
		var har bytes.Buffer
		if err := s.ExportHAR(&har, back); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(har.String(), "suiteSECRET") {
			t.Error("HAR export holds the secret")
		}
		imported, err := history.ImportHAR(&har, exchange.SourceHARImport)
		if err != nil || len(imported) != len(back) {
			t.Fatalf("import %d of %d: %v", len(imported), len(back), err)
		}
		again := open(history.Options{})
		if added, err := again.SaveBatch(ctx, imported); err != nil || added != 0 {
			t.Errorf("re-importing our own export added %d, %v; want 0 (same exchanges)", added, err)
		}
		e, _ := s.GetByRequestID(ctx, "deadbeef")
		tk, err := s.Ticket(e, "markdown", "")
		if err != nil || !strings.Contains(tk, "deadbeef-2222-4333-8444-555566667777") || !strings.Contains(tk, "503") {
			t.Errorf("ticket: %v\n%s", err, tk)
		}
	})
}
