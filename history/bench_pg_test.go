package history

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// BenchmarkPostgresQueries runs BenchmarkQueries' searches on a team
// store holding the same generated histories (APIERR_BENCH_SIZES, 1 000
// and 1 000 000 unless set), each built once into its own schema of the
// server at $APIERR_BENCH_POSTGRES (else $APIERR_TEST_POSTGRES) and kept
// for the next run.
//
//	eval "$(history/testdata/pgtest.sh start)"
//	go test ./history -run '^$' -bench PostgresQueries -benchtime 200x
func BenchmarkPostgresQueries(b *testing.B) {
	for _, n := range benchSizes() {
		s, rid := pgBenchStore(b, n)
		benchQueries(b, s, rid, n)
		s.Close()
	}
}

func pgBenchStore(b *testing.B, n int) (*Store, string) {
	b.Helper()
	base := os.Getenv("APIERR_BENCH_POSTGRES")
	if base == "" {
		base = os.Getenv("APIERR_TEST_POSTGRES")
	}
	if base == "" {
		b.Skip(`needs PostgreSQL: eval "$(history/testdata/pgtest.sh start)" first`)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	schema := fmt.Sprintf("bench_%s_%d", schemaKey(loadPGMigrations()), n)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+schema); err != nil {
		b.Fatal(err)
	}
	u, _ := url.Parse(base)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	dsn := u.String()
	if _, _, err := Migrate(ctx, dsn); err != nil {
		b.Fatal(err)
	}
	s, err := Open(dsn)
	if err != nil {
		b.Fatal(err)
	}
	if have, _ := s.Count(ctx, ""); have != int64(n) {
		if _, err := s.remote.pool.Exec(ctx, "TRUNCATE exchanges"); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		fillBench(b, s, n)
		if _, err := s.remote.pool.Exec(ctx, "VACUUM ANALYZE exchanges"); err != nil {
			b.Fatal(err)
		}
		var size int64
		s.remote.pool.QueryRow(ctx, "SELECT pg_total_relation_size('exchanges')").Scan(&size)
		b.Logf("built %s: %d exchanges in %v (%.0f/s), %d bytes with indexes", schema, n, time.Since(start).Round(time.Millisecond),
			float64(n)/time.Since(start).Seconds(), size)
	}
	var rid string
	s.remote.pool.QueryRow(ctx, `SELECT request_id FROM exchanges ORDER BY id OFFSET $1 LIMIT 1`, n/2).Scan(&rid)
	return s, rid
}
