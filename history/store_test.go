package history

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "history.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// sample is an Occuspace-shaped 404 (seed 000), with the request id in the
// body as its docs show.
func sample(at time.Time) exchange.Exchange {
	body := `{"type":"https://api.occuspace.io/problems/not-found","title":"Not Found","status":404,"detail":"Location 1560 not found or not accessible","instance":"/v2/locations/1560","request_id":"f1b8698f-b0e8-4fb9-82e1-ddf89029350c"}`
	return exchange.Exchange{
		Time: at,
		Request: exchange.Request{
			Method:  "GET",
			URL:     "https://api.occuspace.io/v2/locations/1560",
			Headers: http.Header{"Accept": {"application/json"}},
		},
		Response: &exchange.Response{
			Status:  404,
			Headers: http.Header{"Content-Type": {"application/problem+json"}},
			Body:    body,
			Size:    int64(len(body)),
		},
		Timings: exchange.Timings{Total: exchange.Duration(120 * time.Millisecond), TTFB: exchange.Duration(90 * time.Millisecond)},
		Diagnosis: formats.Diagnosis{
			Status: 404, StatusText: "Not Found", StatusClass: formats.ClassClientError,
			Format: "problem+json", Code: "not-found", Title: "Not Found",
			Message:   "Location 1560 not found or not accessible",
			RequestID: "f1b8698f-b0e8-4fb9-82e1-ddf89029350c", RequestIDSource: "body request_id",
			API:   "occuspace",
			Steps: []formats.Step{{Text: "Check the location id.", Source: "000 Occuspace"}},
		},
		Source: exchange.SourceSend,
	}
}

func TestOpenCreatesPrivateFile(t *testing.T) {
	_, path := openTemp(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("database mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(path))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %v, want 0700", di.Mode().Perm())
	}
}

func TestSaveGetRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 2, 10, 30, 0, 123456000, time.FixedZone("CET", 3600))
	e := sample(at)
	e.Response.Body += strings.Repeat(" ", 2000) // big enough to be compressed
	id, err := s.Save(ctx, &e)
	if err != nil || id == 0 || e.ID != id {
		t.Fatalf("Save = %d, %v (e.ID %d)", id, err, e.ID)
	}
	got, err := s.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Time.Equal(at) || got.Time.Location() != time.UTC {
		t.Errorf("time %v, want %v in UTC", got.Time, at)
	}
	if got.Response.Body != e.Response.Body || got.Diagnosis.RequestID != e.Diagnosis.RequestID || got.Timings.TTFB != e.Timings.TTFB {
		t.Errorf("round trip lost data: %+v", got)
	}
	if got.Diagnosis.Steps[0].Source != "000 Occuspace" {
		t.Errorf("steps lost: %+v", got.Diagnosis.Steps)
	}
	byRID, err := s.GetByRequestID(ctx, "f1b8698f")
	if err != nil || byRID.ID != id {
		t.Errorf("GetByRequestID(prefix) = %d, %v", byRID.ID, err)
	}
	if _, err := s.Get(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(999) = %v, want ErrNotFound", err)
	}
	if _, err := s.GetByRequestID(ctx, "zzz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetByRequestID(zzz) = %v, want ErrNotFound", err)
	}
}

func TestSaveTwiceKeepsOne(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	e := sample(time.Now())
	a, _ := s.Save(ctx, &e)
	b, _ := s.Save(ctx, &e)
	if a != b {
		t.Errorf("same exchange saved as %d and %d", a, b)
	}
	if n, _ := s.Count(ctx, ""); n != 1 {
		t.Errorf("count %d, want 1", n)
	}
}

func TestNoteDeletePrune(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	now := time.Now()
	var ids []int64
	for i := range 5 {
		e := sample(now.Add(-time.Duration(i) * 24 * time.Hour))
		id, err := s.Save(ctx, &e)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := s.SetNote(ctx, ids[0], "asked support in ticket 42"); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Get(ctx, ids[0]); e.Note != "asked support in ticket 42" {
		t.Errorf("note %q", e.Note)
	}
	if err := s.Delete(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, ids[1]); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
	n, err := s.Prune(ctx, 60*time.Hour, 0) // drops days 3 and 4
	if err != nil || n != 2 {
		t.Errorf("Prune(60h) = %d, %v; want 2", n, err)
	}
	n, err = s.Prune(ctx, 0, 1)
	if err != nil || n != 1 {
		t.Errorf("Prune(keep 1) = %d, %v; want 1", n, err)
	}
	list, _ := s.Search(ctx, "location", 10, 0)
	if len(list) != 1 || list[0].ID != ids[0] {
		t.Errorf("after prune, full text finds %+v", list)
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestForeignFileLeftUntouched(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"notes.txt":  []byte("my notes, not a database\n"),
		"short.db":   []byte("SQLite"),
		"corrupt.db": append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xAB}, 4096)...),
	}
	// A real database whose first page was overwritten.
	good := filepath.Join(t.TempDir(), "good.db")
	s, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	b, _ := os.ReadFile(good)
	copy(b[100:], bytes.Repeat([]byte{0x5A}, 3000))
	cases["damaged.db"] = b
	for name, content := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		before := sum(t, path)
		s, err := Open(path)
		if err == nil {
			s.Close()
			t.Errorf("%s: Open succeeded", name)
			continue
		}
		if !errors.Is(err, ErrNotDatabase) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "move it aside or use --history") {
			t.Errorf("%s: error %q", name, err)
		}
		if sum(t, path) != before {
			t.Errorf("%s: file changed", name)
		}
		for _, side := range []string{"-wal", "-shm", "-journal"} {
			if fi, err := os.Stat(path + side); err == nil && fi.Size() > 0 {
				t.Errorf("%s: left %s behind", name, side)
			}
		}
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := sum(t, path)
	_, err = Open(path)
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "schema version 99") {
		t.Fatalf("Open = %v, want ErrNewerSchema naming version 99", err)
	}
	if sum(t, path) != before {
		t.Error("newer database was modified")
	}
}

func TestEmptyFileBecomesDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	os.WriteFile(path, nil, 0o600)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// Many exchanges in the same microsecond (a HAR saved with millisecond
// times, a burst) each get their own full-text key.
func TestSameTimeExchanges(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	at := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	xs := make([]exchange.Exchange, 1200)
	for i := range xs {
		xs[i] = sample(at)
		xs[i].Request.URL = "https://api.occuspace.io/v2/locations/" + strconv.Itoa(i)
	}
	added, err := s.SaveBatch(ctx, xs)
	if err != nil || added != len(xs) {
		t.Fatalf("SaveBatch = %d, %v", added, err)
	}
	if n, _ := s.Count(ctx, "locations"); n != int64(len(xs)) {
		t.Errorf("full text finds %d of %d", n, len(xs))
	}
	if err := s.Delete(ctx, xs[7].ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(ctx, "locations"); n != int64(len(xs)-1) {
		t.Errorf("after delete, full text finds %d", n)
	}
}

func TestOddTimes(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	for _, at := range []time.Time{{}, time.Date(1601, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2999, 1, 1, 0, 0, 0, 0, time.UTC)} {
		e := sample(at)
		e.Request.URL += "/" + at.Format("2006")
		if _, err := s.Save(ctx, &e); err != nil {
			t.Errorf("Save at %v: %v", at, err)
		}
	}
	if n, _ := s.Count(ctx, "locations"); n != 3 {
		t.Errorf("full text finds %d of 3", n)
	}
}
