package history

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/formats/exchange"
)

// Secrets in the shapes real clients send them. The values are made up;
// the JWT is jwt.io's published example.
var secrets = []string{
	"t0k3n-bearer-5f2a9c",              // Authorization: Bearer
	"c00kie-sess-77aa",                 // Cookie
	"setc00kie-91bb",                   // Set-Cookie
	"qs-apikey-3c4d5e",                 // ?api_key=
	"json-passw0rd-zz",                 // {"password": ...}
	"sk_test_4eC39HqLyjWDarjtT1zdp7dc", // Stripe's documented test key, in a body
	"AKIAIOSFODNN7EXAMPLE",             // AWS's documented example key id
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
	"custom-pin-8642",                          // a name from the user's config
	"ghp_16C7e42F292c6912E7710c838347Ae178B4a", // a GitHub token pasted in a note
}

func secretExchange(at time.Time) exchange.Exchange {
	e := sample(at)
	e.Request.Method = "POST"
	e.Request.URL = "https://api.example.com/v1/login?api_key=" + secrets[3] + "&page=1&tenant_pin=" + secrets[8]
	e.Request.Headers = http.Header{
		"Authorization": {"Bearer " + secrets[0]},
		"Cookie":        {"session=" + secrets[1] + "; theme=dark"},
		"Content-Type":  {"application/json"},
	}
	e.Request.Body = `{"user":"ann","password":"` + secrets[4] + `","meta":{"key_id":"` + secrets[6] + `"}}`
	e.Response.Headers = http.Header{"Set-Cookie": {"sid=" + secrets[2] + "; Path=/; HttpOnly"}}
	e.Response.Body = `{"error":"invalid key ` + secrets[5] + `","id_token":"` + secrets[7] + `"}`
	e.Diagnosis.Message = "invalid key " + secrets[5]
	e.Note = "tried token " + secrets[9]
	return e
}

func TestSecretsNeverReachDisk(t *testing.T) {
	old := compressAbove
	compressAbove = 1 << 30 // store plain JSON so a grep of the file is meaningful
	t.Cleanup(func() { compressAbove = old })

	dir := t.TempDir()
	path := filepath.Join(dir, "history.db")
	s, err := OpenWith(path, Options{RedactNames: []string{"tenant_pin"}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	e := secretExchange(time.Now())
	if _, err := s.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	batch := []exchange.Exchange{secretExchange(time.Now().Add(time.Second)), secretExchange(time.Now().Add(2 * time.Second))}
	if _, err := s.SaveBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, e.ID, "again "+secrets[9]+" and "+secrets[7]); err != nil {
		t.Fatal(err)
	}
	// The caller's exchange is left as it was: redaction works on a copy.
	if !strings.Contains(e.Request.Headers.Get("Authorization"), secrets[0]) {
		t.Error("Save changed the caller's exchange")
	}
	got, err := s.Get(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(got)
	var har bytes.Buffer
	if err := s.ExportHAR(&har, []exchange.Exchange{got, e}); err != nil {
		t.Fatal(err)
	}
	ticket, err := s.Ticket(e, "markdown", "curl -H 'Authorization: Bearer "+secrets[0]+"' "+e.Request.URL)
	if err != nil {
		t.Fatal(err)
	}
	// Read the WAL before Close checkpoints it away.
	outputs := map[string][]byte{"stored exchange": js, "HAR export": har.Bytes(), "ticket": []byte(ticket)}
	for _, side := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(path + side)
		if err == nil {
			outputs["file"+side] = b
		}
	}
	if len(outputs["file-wal"]) == 0 {
		t.Error("expected a WAL file while the store is open")
	}
	s.Close()
	b, _ := os.ReadFile(path)
	outputs["file after close"] = b
	for what, content := range outputs {
		lower := bytes.ToLower(content)
		for _, sec := range secrets {
			if bytes.Contains(content, []byte(sec)) || bytes.Contains(lower, []byte(strings.ToLower(sec))) {
				t.Errorf("%s contains secret %q", what, sec)
			}
		}
	}
	if !strings.Contains(string(js), "[REDACTED:") || !strings.Contains(got.Request.Headers.Get("Authorization"), "Bearer [REDACTED:") {
		t.Errorf("no markers in the stored exchange: %s", js)
	}
	if !strings.Contains(got.Request.Headers.Get("Cookie"), "session=[REDACTED:") || !strings.Contains(got.Request.URL, "page=1") {
		t.Errorf("cookie names or plain parameters lost: %s", js)
	}
}
