package history

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/apierr/apierr/formats/exchange"
)

// BenchmarkImportHAR100k reads a 100 000-entry HAR (generated once into
// $TMPDIR) with ImportHAR, diagnosing every entry, and saves it with
// SaveBatch into a fresh database, as 'apierr history import' does.
//
//	go test ./history -run '^$' -bench ImportHAR -benchtime 1x
func BenchmarkImportHAR100k(b *testing.B) {
	const n = 100_000
	path := filepath.Join(os.TempDir(), fmt.Sprintf("apierr-history-bench-%d.har", n))
	if _, err := os.Stat(path); err != nil {
		r := rand.New(rand.NewPCG(3, 3))
		xs := make([]exchange.Exchange, n)
		for i := range xs {
			xs[i] = genExchange(r, i, n)
		}
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(f)
		if err := ExportHAR(w, xs); err != nil {
			b.Fatal(err)
		}
		w.Flush()
		f.Close()
	}
	for b.Loop() {
		start := time.Now()
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		xs, err := ImportHAR(bufio.NewReader(f), exchange.SourceHARImport)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		parsed := time.Since(start)
		s, err := Open(filepath.Join(b.TempDir(), "h.db"))
		if err != nil {
			b.Fatal(err)
		}
		added, err := s.SaveBatch(context.Background(), xs)
		s.Close()
		if err != nil || added != n {
			b.Fatalf("added %d of %d: %v", added, n, err)
		}
		b.ReportMetric(parsed.Seconds(), "s-parse+diagnose")
		b.ReportMetric(time.Since(start).Seconds(), "s-total")
	}
}
