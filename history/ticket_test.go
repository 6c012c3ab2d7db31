package history

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n%s", name, got)
	}
}

func ticketSample() (e0 exchangeT, curl string) {
	e := sample(time.Date(2026, 11, 2, 9, 30, 0, 123000000, time.UTC))
	e.Request.Headers.Set("Authorization", "Bearer t0k3n-5f2a9c88")
	e.Response.Headers.Set("X-Request-Id", "f1b8698f-b0e8-4fb9-82e1-ddf89029350c")
	e.Response.Headers.Set("Set-Cookie", "sid=abc; Path=/")
	e.Response.Body += "\n\x1b]52;c;ZXZpbA==\x07 trailing"
	e.Diagnosis.APITitle = "Occuspace API"
	e.Diagnosis.Steps = []stepT{
		{Text: "Check that the location id exists and that your API key has access to it.", Source: "000 Occuspace: HTTP Status Codes"},
		{Text: "Quote the request_id when contacting support.", Source: "000 Occuspace: Errors"},
	}
	return e, "curl -H 'Authorization: Bearer t0k3n-5f2a9c88' -H 'Accept: application/json' 'https://api.occuspace.io/v2/locations/1560'"
}

func TestTicketGolden(t *testing.T) {
	e, curl := ticketSample()
	for _, f := range []struct{ format, file string }{{"markdown", "ticket.md"}, {"text", "ticket.txt"}, {"json", "ticket.json"}} {
		got, err := Ticket(e, f.format, curl)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(got, "t0k3n") || strings.Contains(got, "\x1b") || strings.Contains(got, "\x07") {
			t.Errorf("%s ticket leaks a secret or a control character", f.format)
		}
		golden(t, f.file, got)
	}
	if _, err := Ticket(e, "pdf", curl); err == nil || !strings.Contains(err.Error(), "use markdown, text or json") {
		t.Errorf("bad format error: %v", err)
	}
}

func TestTicketTransportAndLongBody(t *testing.T) {
	e, _ := ticketSample()
	e.Response.Body = strings.Repeat("line of a long HTML error page\n", 200)
	got, _ := Ticket(e, "text", "")
	if !strings.Contains(got, "[…]") || strings.Count(got, "line of a long") > excerptLines {
		t.Errorf("long body not trimmed:\n%s", got)
	}
	e.Response, e.Error = nil, "dial tcp: lookup api.invalid: no such host"
	e.Diagnosis.Status, e.Diagnosis.StatusText = 0, ""
	got, _ = Ticket(e, "markdown", "")
	if !strings.Contains(got, "API error: no response") || !strings.Contains(got, "no such host") {
		t.Errorf("transport ticket:\n%s", got)
	}
}

type (
	exchangeT = exchange.Exchange
	stepT     = formats.Step
)
