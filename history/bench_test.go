package history

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
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

// Benchmarks run on generated histories of 1 000 and 1 000 000 exchanges
// (APIERR_BENCH_SIZES=1000,100000 to choose), built once into
// $TMPDIR/apierr-history-bench-<schema hash>-<size>.db and reused.
//
//	go test ./history -run '^$' -bench . -benchtime 200x

var benchEnd = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

func benchSizes() []int {
	v := os.Getenv("APIERR_BENCH_SIZES")
	if v == "" {
		v = "1000,1000000"
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

// benchMessages are error messages in the five seed APIs' styles; one in
// 10 exchanges carries "quota", the full-text benchmark's word, so even
// the smallest history has more than a page of matches.
var benchMessages = []string{
	"Location %d not found or not accessible",
	"The Product ID was invalid or missing",
	"Invalid 'to' timestamp: Invalid timestamp or format",
	"Building code is not valid for vessel %d",
	"Upstream service unavailable, try again later",
	"Rate limit exceeded for key %d",
	"Unit %d is not available for the selected dates",
	"Missing required field name",
}

// genExchange makes the i-th exchange of a generated history: times run
// forward over a year (with one in ten out of order, as HAR imports are),
// half are errors, request_ids are unique.
func genExchange(r *rand.Rand, i, n int) exchange.Exchange {
	span := 365 * 24 * time.Hour
	at := benchEnd.Add(-span + time.Duration(float64(span)*float64(i)/float64(n)))
	if r.IntN(10) == 0 {
		at = benchEnd.Add(-time.Duration(r.Int64N(int64(span))))
	}
	statuses := []int{200, 200, 200, 201, 204, 400, 401, 403, 404, 404, 409, 422, 429, 500, 502, 503}
	status := statuses[r.IntN(len(statuses))]
	hosts := []string{"api.occuspace.io", "api.raalabs.com", "octo.example.com", "hanger.example.net", "vendor.therealreal.com"}
	host := hosts[r.IntN(len(hosts))]
	msg := fmt.Sprintf(benchMessages[r.IntN(len(benchMessages))], r.IntN(100000))
	if i%10 == 0 {
		msg = "Monthly quota exhausted for this plan"
	}
	rid := fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", r.Uint32(), r.IntN(1<<16), r.IntN(1<<12), r.IntN(1<<16), r.Int64N(1<<48))
	body := fmt.Sprintf(`{"error":"E%d","errorMessage":"%s","request_id":"%s"}`, status, msg, rid)
	e := exchange.Exchange{
		Time: at,
		Request: exchange.Request{Method: []string{"GET", "GET", "POST", "PUT", "DELETE"}[r.IntN(5)],
			URL:     fmt.Sprintf("https://%s/v2/items/%d?page=%d", host, r.IntN(1000000), r.IntN(20)),
			Headers: http.Header{"Accept": {"application/json"}, "Authorization": {"Bearer bench-token-123456"}}},
		Response: &exchange.Response{Status: status, Headers: http.Header{"Content-Type": {"application/json"}, "X-Request-Id": {rid}}, Body: body, Size: int64(len(body))},
		Timings:  exchange.Timings{TTFB: exchange.Duration(r.IntN(500)) * exchange.Duration(time.Millisecond), Total: exchange.Duration(r.IntN(900)) * exchange.Duration(time.Millisecond)},
		Diagnosis: formats.Diagnosis{Status: status, StatusText: http.StatusText(status), Format: "error-code-message",
			Code: fmt.Sprintf("E%d", status), Message: msg, RequestID: rid, RequestIDSource: "header X-Request-Id", API: strings.Split(host, ".")[1]},
		Source: exchange.SourceSend,
	}
	if status >= 200 && status < 300 {
		e.Response.Body = `{"ok":true}`
		e.Diagnosis.Format, e.Diagnosis.Code, e.Diagnosis.Message = "json", "", ""
	}
	if r.IntN(50) == 0 {
		e.Response, e.Error = nil, "dial tcp: lookup "+host+": no such host"
		e.Diagnosis = formats.Diagnosis{Format: "transport", Message: e.Error}
	}
	return e
}

// fillBench saves the generated history of n exchanges in s, 5000 to a
// transaction.
func fillBench(b *testing.B, s *Store, n int) {
	b.Helper()
	r := rand.New(rand.NewPCG(1, uint64(n)))
	const batch = 5000
	for i := 0; i < n; i += batch {
		xs := make([]exchange.Exchange, 0, batch)
		for j := i; j < min(i+batch, n); j++ {
			xs = append(xs, genExchange(r, j, n))
		}
		if _, err := s.SaveBatch(context.Background(), xs); err != nil {
			b.Fatal(err)
		}
	}
}

// benchStore opens (building once) the generated history of n exchanges,
// and returns one of its request_ids.
func benchStore(b *testing.B, n int) (*Store, string) {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("apierr-history-bench-%s-%d.db", schemaKey(loadMigrations()), n))
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	have, _ := s.Count(ctx, "")
	if have != int64(n) {
		s.Close()
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		if s, err = Open(path); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		fillBench(b, s, n)
		s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		s.db.Exec("PRAGMA optimize")
		fi, _ := os.Stat(path)
		b.Logf("built %s: %d exchanges in %v (%.0f/s), %d bytes (%.0f bytes each)", path, n, time.Since(start).Round(time.Millisecond),
			float64(n)/time.Since(start).Seconds(), fi.Size(), float64(fi.Size())/float64(n))
	}
	var rid string
	s.db.QueryRow(`SELECT request_id FROM exchanges WHERE id = ?`, n/2).Scan(&rid)
	return s, rid
}

func BenchmarkQueries(b *testing.B) {
	for _, n := range benchSizes() {
		s, rid := benchStore(b, n)
		benchQueries(b, s, rid, n)
		s.Close()
	}
}

// benchQueries times the searches a person makes on s, a generated
// history of n exchanges holding the request_id rid.
func benchQueries(b *testing.B, s *Store, rid string, n int) {
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
}

// BenchmarkSaveBatch measures imports: 1000 exchanges per transaction
// into a fresh database.
func BenchmarkSaveBatch(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "h.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(2, 2))
	const batch = 1000
	total := 0
	start := time.Now()
	for b.Loop() {
		xs := make([]exchange.Exchange, batch)
		for j := range xs {
			xs[j] = genExchange(r, total+j, 1<<30)
		}
		if _, err := s.SaveBatch(context.Background(), xs); err != nil {
			b.Fatal(err)
		}
		total += batch
	}
	b.ReportMetric(float64(total)/time.Since(start).Seconds(), "exchanges/s")
}

// schemaKey names the schema steps ms in a benchmark's cache (a file,
// a team store schema), so a changed migration rebuilds the data. It
// takes a loadMigrations result as it is.
func schemaKey(ms []migration, err error) string {
	if err != nil {
		panic(err) // embedded files: a broken build
	}
	h := sha256.New()
	for _, m := range ms {
		h.Write([]byte(m.sql))
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:4])
}
