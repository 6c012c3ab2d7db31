package historytest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/apierr/apierr/history"
	"github.com/jackc/pgx/v5"
)

// PostgresEnv is the environment variable naming the PostgreSQL server
// tests use (a postgres:// URL whose role may create schemas).
const PostgresEnv = "APIERR_TEST_POSTGRES"

// PostgresURL is the server for tests. Without one, a test fails in CI
// ($CI set, as .ci/run does) and is skipped elsewhere, saying how to start one.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv(PostgresEnv)
	if dsn != "" {
		return dsn
	}
	if os.Getenv("CI") != "" {
		tb.Fatalf("%s is not set: .ci/run starts PostgreSQL with history/testdata/pgtest.sh", PostgresEnv)
	}
	tb.Skipf(`needs PostgreSQL: eval "$(history/testdata/pgtest.sh start)" first`)
	return ""
}

// PostgresSchema creates an empty PostgreSQL schema of its own for tb,
// dropped when tb ends, and returns the server URL pointing into it
// (search_path), without apierr's tables.
func PostgresSchema(tb testing.TB) string {
	tb.Helper()
	base := PostgresURL(tb)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("PostgreSQL at %s: %v", history.DisplayDSN(base), err)
		}
		tb.Skipf("PostgreSQL at %s unreachable (%v): start one with history/testdata/pgtest.sh", history.DisplayDSN(base), err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err == nil {
			c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
			c.Close(context.Background())
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// PostgresStore is PostgresSchema migrated to apierr's schema; it returns
// its URL.
func PostgresStore(tb testing.TB) string {
	tb.Helper()
	dsn := PostgresSchema(tb)
	if _, _, err := history.Migrate(context.Background(), dsn); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return dsn
}

// Backend is one kind of history store for the shared test suite.
type Backend struct {
	// Name is "sqlite" or "postgres".
	Name string
	// Location opens nothing: it makes a new, empty store and returns
	// what --history would name it by.
	Location func(tb testing.TB) string
}

// Backends are both stores: every behaviour test runs against each.
func Backends() []Backend {
	return []Backend{
		{Name: "sqlite", Location: func(tb testing.TB) string { return filepath.Join(tb.TempDir(), "history.db") }},
		{Name: "postgres", Location: PostgresStore},
	}
}

// OpenAt opens the store at location with opts, closed when tb ends.
func OpenAt(tb testing.TB, location string, opts history.Options) *history.Store {
	tb.Helper()
	s, err := history.OpenWith(location, opts)
	if err != nil {
		tb.Fatalf("open history: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
