package history

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseQuery(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want Query
	}{
		{"", Query{}},
		{"timeout", Query{Text: []string{"timeout"}}},
		{`"not found" location`, Query{Text: []string{"not found", "location"}}},
		{"status:404", Query{StatusMin: 404, StatusMax: 404}},
		{"status:4xx", Query{Class: 4}},
		{"status:5XX after:2026-11-01", Query{Class: 5, After: day(1)}},
		{"status:500-504", Query{StatusMin: 500, StatusMax: 504}},
		{"status:0", Query{IsTransport: true}},
		{"code:INVALID_PRODUCT_ID", Query{Code: "INVALID_PRODUCT_ID"}},
		{"rid:f1b8698f", Query{RequestID: "f1b8698f"}},
		{"request_id:f1b8", Query{RequestID: "f1b8"}},
		{"host:API.Occuspace.io method:post", Query{Host: "api.occuspace.io", Method: "POST"}},
		{"api:raalabs format:problem+json", Query{API: "raalabs", Format: "problem+json"}},
		{"before:2026-11-15T10:00:00Z", Query{Before: time.Date(2026, 11, 15, 10, 0, 0, 0, time.UTC)}},
		{"after:7d", Query{After: day(13).Add(12 * time.Hour)}},
		{"is:error is:transport", Query{IsError: true, IsTransport: true}},
		{`code:"RATE LIMITED"`, Query{Code: "RATE LIMITED"}},
		{"https://api.occuspace.io/v2 10:30", Query{Text: []string{"https://api.occuspace.io/v2", "10:30"}}},
		{"source:har-import", Query{Source: "har-import"}},
	}
	for _, tt := range tests {
		got, err := parseQueryAt(tt.in, now)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseQuery(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseQueryErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"stauts:404", "unknown filter 'stauts:' — did you mean status:?"},
		{"status:6xx", "status:6xx is not a status class"},
		{"status:abc", "status:abc is not a status"},
		{"status:999", "status:999 is not a status"},
		{"after:yesterday", "after:yesterday is not a date"},
		{"is:slow", "is:slow: use is:error"},
		{"colour:red", "unknown filter 'colour:'"},
		{"code:", "'code:' needs a value"},
		{`"unclosed`, "no closing quote"},
		{"status:404 status:500", "both filter on status"},
		{"metod:GET", "did you mean method:?"},
	}
	for _, tt := range tests {
		_, err := ParseQuery(tt.in)
		if err == nil || !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseQuery(%q) error = %v, want one containing %q", tt.in, err, tt.want)
		}
	}
}

func TestSearch(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	base := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	mk := func(min int, method, url string, status int, code, msg, rid, api string) {
		e := sample(base.Add(time.Duration(min) * time.Minute))
		e.Request.Method, e.Request.URL = method, url
		e.Response.Status = status
		e.Response.Body = `{"message":"` + msg + `"}`
		e.Diagnosis.Status, e.Diagnosis.Code, e.Diagnosis.Message, e.Diagnosis.RequestID, e.Diagnosis.API = status, code, msg, rid, api
		if status == 0 {
			e.Response, e.Error = nil, "dial tcp: lookup api.invalid: no such host"
		}
		if _, err := s.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	mk(0, "GET", "https://api.occuspace.io/v2/locations/1560", 404, "not-found", "Location 1560 not found", "f1b8698f-b0e8", "occuspace")
	mk(1, "POST", "https://vendor.therealreal.com/products", 400, "INVALID_PRODUCT_ID", "Product id is invalid", "trr-0001", "therealreal")
	mk(2, "GET", "https://api.raalabs.com/vessels", 503, "", "Service unavailable", "", "raalabs")
	mk(3, "GET", "https://api.invalid/x", 0, "", "", "", "")
	mk(1440*10, "GET", "https://eu.api.occuspace.io/v2/buildings", 200, "", "ok", "f1b8aaaa", "occuspace")

	tests := []struct {
		q    string
		want []string // URLs' last path segment, newest first
	}{
		{"", []string{"buildings", "x", "vessels", "products", "1560"}},
		{"status:4xx", []string{"products", "1560"}},
		{"is:error", []string{"x", "vessels", "products", "1560"}},
		{"is:transport", []string{"x"}},
		{"code:invalid_product_id", []string{"products"}},
		{"rid:f1b8", []string{"buildings", "1560"}},
		{"rid:f1b8698f-b0e8", []string{"1560"}},
		{"host:occuspace.io", []string{"buildings", "1560"}},
		{"method:post", []string{"products"}},
		{"api:raalabs", []string{"vessels"}},
		{"after:2026-11-02", []string{"buildings"}},
		{"status:5xx after:2026-11-01 before:2026-11-02", []string{"vessels"}},
		{"unavailable", []string{"vessels"}},
		{`"not found" location`, []string{"1560"}},
		{"locations/1560", []string{"1560"}},
		{"trr-0001", []string{"products"}},
		{"vess*", []string{"vessels"}},
		{"nothing-matches-this", nil},
	}
	for _, tt := range tests {
		got, err := s.Search(ctx, tt.q, 50, 0)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.q, err)
			continue
		}
		var segs []string
		for _, sm := range got {
			segs = append(segs, sm.URL[strings.LastIndexByte(sm.URL, '/')+1:])
		}
		if !reflect.DeepEqual(segs, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.q, segs, tt.want)
		}
	}
	page, _ := s.Search(ctx, "", 2, 2)
	if len(page) != 2 || !strings.HasSuffix(page[0].URL, "/vessels") {
		t.Errorf("second page = %+v", page)
	}
	if n, _ := s.Count(ctx, "status:4xx"); n != 2 {
		t.Errorf("Count(status:4xx) = %d", n)
	}
	if _, err := s.GetByRequestID(ctx, "f1b8"); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("GetByRequestID(f1b8) = %v, want ErrAmbiguous", err)
	}
}
