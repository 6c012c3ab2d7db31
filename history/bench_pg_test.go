package history

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/formats/exchange"
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
		ctx := context.Background()
		cases := []struct {
			name string
			run  func() (int, error)
		}{
			{"list-newest-50", func() (int, error) { l, err := s.Search(ctx, "", 50, 0); return len(l), err }},
			{"request_id-exact", func() (int, error) { _, err := s.GetByRequestID(ctx, rid); return 1, err }},
			{"request_id-prefix", func() (int, error) { _, err := s.GetByRequestID(ctx, rid[:13]); return 1, err }},
			{"fulltext-quota", func() (int, error) { l, err := s.Search(ctx, "quota", 50, 0); return len(l), err }},
			{"fulltext-and-filter", func() (int, error) { l, err := s.Search(ctx, "quota is:error", 50, 0); return len(l), err }},
			{"fulltext-rare", func() (int, error) { l, err := s.Search(ctx, rid[:8], 50, 0); return len(l), err }},
			{"status-5xx-after", func() (int, error) { l, err := s.Search(ctx, "status:5xx after:2026-06-01", 50, 0); return len(l), err }},
		}
		for _, c := range cases {
			b.Run(fmt.Sprintf("%s/n=%d", c.name, n), func(b *testing.B) {
				for b.Loop() {
					got, err := c.run()
					if err != nil || got == 0 || (got < 50 && strings.HasPrefix(c.name, "list")) {
						b.Fatalf("%d results, %v", got, err)
					}
				}
			})
		}
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
	schema := fmt.Sprintf("bench_%s_%d", pgSchemaKey(), n)
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
		r := rand.New(rand.NewPCG(1, uint64(n)))
		start := time.Now()
		const batch = 5000
		for i := 0; i < n; i += batch {
			xs := make([]exchange.Exchange, 0, batch)
			for j := i; j < min(i+batch, n); j++ {
				xs = append(xs, genExchange(r, j, n))
			}
			if _, err := s.SaveBatch(ctx, xs); err != nil {
				b.Fatal(err)
			}
		}
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

// pgSchemaKey names the team store schema in the benchmark schema's
// name, so a changed migration rebuilds the data.
func pgSchemaKey() string {
	ms, _ := loadPGMigrations()
	h := sha256.New()
	for _, m := range ms {
		h.Write([]byte(m.sql))
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:4])
}
