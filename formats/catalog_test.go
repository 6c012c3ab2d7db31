package formats

import (
	"strings"
	"testing"
)

// catalogIANACodes is the IANA HTTP Status Code Registry as of RFC 9110, listed
// by hand from https://www.iana.org/assignments/http-status-codes.
var catalogIANACodes = []int{
	100, 101, 102, 103,
	200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
	300, 301, 302, 303, 304, 305, 306, 307, 308,
	400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
	421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
	500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
}

// catalogUnofficialCodes are the common unregistered codes the catalogue must know.
var catalogUnofficialCodes = []int{419, 440, 444, 494, 495, 496, 497, 498, 499, 509, 520, 521, 522, 523, 524, 525, 526, 527, 530, 598, 599}

func TestCatalogCoversIANARegistry(t *testing.T) {
	got := OfficialStatusCodes()
	if len(got) != len(catalogIANACodes) {
		t.Errorf("catalogue has %d official codes, the registry %d:\n got %v\nwant %v", len(got), len(catalogIANACodes), got, catalogIANACodes)
	}
	for _, c := range catalogIANACodes {
		e, ok := StatusInfo(c)
		if !ok || !e.Official {
			t.Errorf("%d: missing or not marked official", c)
		}
	}
}

func TestCatalogEntriesAreComplete(t *testing.T) {
	codes := append(append([]int(nil), catalogIANACodes...), catalogUnofficialCodes...)
	for _, c := range codes {
		e, ok := StatusInfo(c)
		if !ok {
			t.Errorf("%d: not in the catalogue", c)
			continue
		}
		if e.Code != c || e.Name == "" || e.Meaning == "" || e.Cite == "" {
			t.Errorf("%d: incomplete entry %+v", c, e)
		}
		if n := len(e.Steps); n < 1 || n > 4 {
			t.Errorf("%d: %d steps, want 1-4", c, n)
		}
		switch e.WhoActs {
		case ActClient, ActServer, ActEither, ActNone:
		default:
			t.Errorf("%d: who acts = %q", c, e.WhoActs)
		}
		if e.Official && !strings.HasPrefix(e.Cite, "RFC ") {
			t.Errorf("%d: official code cites %q, want an RFC section", c, e.Cite)
		}
		if !e.Official && strings.HasPrefix(e.Cite, "RFC ") {
			t.Errorf("%d: unofficial code cites an RFC: %q", c, e.Cite)
		}
		if want := ClassOf(c); e.Class != want {
			t.Errorf("%d: class %q, want %q", c, e.Class, want)
		}
	}
}

func TestStatusInfo(t *testing.T) {
	tests := []struct {
		code      int
		known     bool
		name      string
		class     string
		cite      string
		retryable bool
		who       string
	}{
		{404, true, "Not Found", ClassClientError, "RFC 9110, 15.5.5", false, ActClient},
		{429, true, "Too Many Requests", ClassClientError, "RFC 6585, 4", true, ActClient},
		{503, true, "Service Unavailable", ClassServerError, "RFC 9110, 15.6.4", true, ActServer},
		{499, true, "Client Closed Request", ClassClientError, "nginx: ngx_http_request.h (NGX_HTTP_CLIENT_CLOSED_REQUEST)", true, ActClient},
		{522, true, "Connection Timed Out", ClassServerError, "Cloudflare docs: 5xx errors, Error 522", true, ActServer},
		// Unlisted codes fall back to their class.
		{299, false, "Success", ClassSuccess, "RFC 9110, 15.3", false, ActNone},
		{487, false, "Client Error", ClassClientError, "RFC 9110, 15.5", false, ActClient},
		{577, false, "Server Error", ClassServerError, "RFC 9110, 15.6", true, ActServer},
		{0, false, "Unknown Status", ClassUnknown, "RFC 9110, 15", false, ActEither},
		{600, false, "Unknown Status", ClassUnknown, "RFC 9110, 15", false, ActEither},
		{-1, false, "Unknown Status", ClassUnknown, "RFC 9110, 15", false, ActEither},
	}
	for _, tt := range tests {
		e, ok := StatusInfo(tt.code)
		if ok != tt.known || e.Code != tt.code || e.Name != tt.name || e.Class != tt.class ||
			e.Cite != tt.cite || e.Retryable != tt.retryable || e.WhoActs != tt.who {
			t.Errorf("StatusInfo(%d) = %+v, %v; want %s/%s/%s retryable=%v who=%s known=%v",
				tt.code, e, ok, tt.name, tt.class, tt.cite, tt.retryable, tt.who, tt.known)
		}
		if len(e.Steps) == 0 {
			t.Errorf("StatusInfo(%d) has no steps", tt.code)
		}
	}
}

func TestCatalogHasNoDuplicates(t *testing.T) {
	seen := map[int]bool{}
	for _, table := range [][]StatusEntry{informationalStatuses, successStatuses, redirectionStatuses,
		clientErrorStatuses, serverErrorStatuses, unofficialStatuses} {
		for _, e := range table {
			if seen[e.Code] {
				t.Errorf("%d listed twice", e.Code)
			}
			seen[e.Code] = true
		}
	}
}
