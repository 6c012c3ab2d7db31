package history_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/history/historytest"
)

// listing is a directory's names with their content hashes.
func listing(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][32]byte{}
	for _, de := range des {
		b, err := os.ReadFile(filepath.Join(dir, de.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[de.Name()] = sha256.Sum256(b)
	}
	return out
}

func sameListing(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Real SQLite databases of other programs, placed at the history path,
// are refused before anything is written: same bytes, no -wal, -shm or
// -journal beside them.
func TestOtherProgramsDatabasesRefused(t *testing.T) {
	cases := []struct{ name, setup string }{
		{"rollback journal", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine')"},
		{"wal mode", "PRAGMA journal_mode = WAL; CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine')"},
		{"another application_id", "PRAGMA application_id = 1179012684; CREATE TABLE t (x)"},
		{"a user_version, other tables", "PRAGMA user_version = 1; CREATE TABLE exchanges_other (x)"},
		{"an exchanges table, no full text", "PRAGMA user_version = 1; CREATE TABLE exchanges (id INTEGER PRIMARY KEY)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "history.db")
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(tc.setup); err != nil {
				t.Fatal(err)
			}
			db.Close()
			before := listing(t, dir)
			s, err := history.Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open accepted another program's database")
			}
			msg := err.Error()
			if !errors.Is(err, history.ErrNotDatabase) || !strings.Contains(msg, path) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line naming %s", msg, path)
			}
			if after := listing(t, dir); !sameListing(before, after) {
				t.Errorf("directory changed: before %v, after %v", keys(before), keys(after))
			}
		})
	}
}

func keys(m map[string][32]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// A history written before databases were marked (schema 1, no
// application_id) is still opened, and marked.
func TestUnmarkedOldHistoryKeptAndMarked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	schema1, err := os.ReadFile(filepath.Join("migrations", "0001_create_exchanges.sql"))
	if err != nil {
		t.Fatal(err)
	}
	db, _ := sql.Open("sqlite", path)
	if _, err := db.Exec("PRAGMA journal_mode = WAL; " + string(schema1) + "; PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := history.Open(path)
	if err != nil {
		t.Fatalf("old history refused: %v", err)
	}
	e := trustSample()
	if _, err := s.Save(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Search(context.Background(), "valid", 10, 0); err != nil || len(got) != 1 {
		t.Errorf("search = %v, %v", got, err)
	}
	s.Close()
	b, _ := os.ReadFile(path)
	if app := binary.BigEndian.Uint32(b[68:72]); app != 0x61706965 {
		t.Errorf("application_id %#x after open, want 0x61706965", app)
	}
}

func trustSample() exchange.Exchange {
	return exchange.Exchange{
		Time:     time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC),
		Request:  exchange.Request{Method: "GET", URL: "https://api.example.com/v1/items/7"},
		Response: &exchange.Response{Status: 422, Body: `{"error":"validation_failed","message":"Field name failed validation"}`},
		Diagnosis: formats.Diagnosis{Status: 422, Format: "error-code-message", Code: "validation_failed",
			Message: "Field name failed validation", RequestID: "rid-7f3a9c"},
		Source: exchange.SourceSend,
	}
}

// A history that cannot be written (a read-only file, a read-only
// directory) still reads: list, search, show by id and request_id; each
// write says it is read-only; nothing appears beside a file in a
// read-only directory.
func TestReadOnlyHistoryReads(t *testing.T) {
	shared := historytest.SharedDir(t)
	if os.Getenv("APIERR_TEST_SHARED") == "" {
		for _, mode := range []string{"file", "dir"} {
			dir := filepath.Join(shared, mode)
			os.Mkdir(dir, 0o777)
			os.Chmod(dir, 0o777)
			s, err := history.Open(filepath.Join(dir, "history.db"))
			if err != nil {
				t.Fatal(err)
			}
			e := trustSample()
			if _, err := s.Save(context.Background(), &e); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if mode == "file" {
				os.Chmod(filepath.Join(dir, "history.db"), 0o444)
			} else {
				os.Chmod(filepath.Join(dir, "history.db"), 0o644)
				os.Chmod(dir, 0o555)
			}
		}
		if os.Geteuid() == 0 {
			// Make the files nobody's to read but not to write.
			if historytest.Unprivileged(t, "TestReadOnlyHistoryReads", shared) {
				return
			}
		}
	}
	for _, mode := range []string{"file", "dir"} {
		t.Run(mode, func(t *testing.T) {
			dir := filepath.Join(shared, mode)
			path := filepath.Join(dir, "history.db")
			before := listing(t, dir)
			s, err := history.Open(path)
			if err != nil {
				t.Fatalf("read-only history not opened: %v", err)
			}
			defer s.Close()
			ctx := context.Background()
			if !s.ReadOnly() {
				t.Error("ReadOnly() = false")
			}
			got, err := s.Search(ctx, "status:4xx valid", 10, 0)
			if err != nil || len(got) != 1 {
				t.Fatalf("search = %v, %v", got, err)
			}
			if _, err := s.Get(ctx, got[0].ID); err != nil {
				t.Errorf("get: %v", err)
			}
			if e, err := s.GetByRequestID(ctx, "rid-7f"); err != nil || e.Response.Status != 422 {
				t.Errorf("by request_id: %v", err)
			}
			e := trustSample()
			e.Time = e.Time.Add(time.Hour)
			if _, err := s.Save(ctx, &e); !errors.Is(err, history.ErrReadOnly) || !strings.Contains(err.Error(), path) {
				t.Errorf("save: %v, want ErrReadOnly naming the file", err)
			}
			if err := s.SetNote(ctx, got[0].ID, "x"); !errors.Is(err, history.ErrReadOnly) {
				t.Errorf("note: %v", err)
			}
			if mode == "dir" {
				if after := listing(t, dir); !sameListing(before, after) {
					t.Errorf("read-only directory changed: %v -> %v", keys(before), keys(after))
				}
			}
			b, _ := os.ReadFile(path)
			if !bytes.HasPrefix(b, []byte("SQLite format 3")) {
				t.Error("file damaged")
			}
		})
	}
}
