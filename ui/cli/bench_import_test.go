package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkHistoryImportPeakRSS runs 'apierr history import' on a
// generated HAR of $APIERR_BENCH_HAR_MB megabytes (1024 unless set; built
// once into $TMPDIR) in a child process, and reports the child's peak
// resident memory, which the import must keep under 200 MB for 1 GB.
//
//	go test ./ui/cli -run '^$' -bench HistoryImportPeakRSS -benchtime 1x
func BenchmarkHistoryImportPeakRSS(b *testing.B) {
	mb := 1024
	if v, err := strconv.Atoi(os.Getenv("APIERR_BENCH_HAR_MB")); err == nil && v > 0 {
		mb = v
	}
	har := filepath.Join(os.TempDir(), fmt.Sprintf("apierr-import-bench-%dmb.har", mb))
	if _, err := os.Stat(har); err != nil {
		if err := writeBenchHAR(har, int64(mb)<<20); err != nil {
			b.Fatal(err)
		}
	}
	fi, err := os.Stat(har)
	if err != nil {
		b.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		dir := b.TempDir()
		cmd := exec.Command(exe, "-test.run=^TestHistoryImportChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "APIERR_IMPORT_CHILD_HAR="+har, "APIERR_IMPORT_CHILD_DIR="+dir)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("import: %v\n%s", err, out)
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		b.ReportMetric(float64(fi.Size())/(1<<20), "MB-har")
		b.ReportMetric(float64(ru.Maxrss)/1024, "MB-peak-rss") // Linux reports KiB
		b.ReportMetric(time.Since(start).Seconds(), "s-import")
	}
}

// TestHistoryImportChild is the benchmark's child process; it does
// nothing unless the benchmark started it.
func TestHistoryImportChild(t *testing.T) {
	har := os.Getenv("APIERR_IMPORT_CHILD_HAR")
	if har == "" {
		t.Skip("runs only as BenchmarkHistoryImportPeakRSS's child process")
	}
	dir := os.Getenv("APIERR_IMPORT_CHILD_DIR")
	vars := map[string]string{"HOME": dir, "XDG_CONFIG_HOME": filepath.Join(dir, "config"), "XDG_DATA_HOME": filepath.Join(dir, "data")}
	var out, errOut strings.Builder
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return vars[k] }}
	if code := History(env, []string{"import", har}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "Imported") {
		t.Fatalf("no report: %s", out.String())
	}
}

// writeBenchHAR writes a Chrome-shaped HAR of about size bytes, entry by
// entry: mostly small JSON error answers, one in 200 a multi-megabyte
// page (cut to MaxBody when stored), like a recorded browsing session.
func writeBenchHAR(path string, size int64) error {
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	cw := &countWriter{w: w}
	fmt.Fprint(cw, `{"log":{"version":"1.2","creator":{"name":"apierr-bench","version":"1"},"pages":[],"entries":[`)
	r := rand.New(rand.NewPCG(7, 7))
	enc := json.NewEncoder(cw)
	start := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	statuses := []int{200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503}
	for i := 0; cw.n < size; i++ {
		if i > 0 {
			cw.Write([]byte{','})
		}
		status := statuses[r.IntN(len(statuses))]
		rid := fmt.Sprintf("%08x-%04x-%04x", r.Uint32(), r.IntN(1<<16), i&0xffff)
		body := fmt.Sprintf(`{"error":{"code":"E%d","message":"Item %d is not valid for this account","request_id":"%s"}}`, status, r.IntN(1e6), rid)
		if i%200 == 199 {
			body = strings.Repeat("<p>padding of a large page</p>\n", 3<<20/31)
		}
		entry := map[string]any{
			"startedDateTime": start.Add(time.Duration(i) * time.Second).Format(time.RFC3339Nano),
			"time":            float64(r.IntN(900)),
			"request": map[string]any{"method": "GET", "url": fmt.Sprintf("https://api.example.com/v1/items/%d", i), "httpVersion": "HTTP/2",
				"headers": []map[string]string{{"name": "Accept", "value": "application/json"}, {"name": "Authorization", "value": "Bearer bench-token-123456"}},
				"cookies": []any{}, "queryString": []any{}, "headersSize": -1, "bodySize": 0},
			"response": map[string]any{"status": status, "statusText": "", "httpVersion": "HTTP/2",
				"headers": []map[string]string{{"name": "Content-Type", "value": "application/json"}, {"name": "X-Request-Id", "value": rid}},
				"cookies": []any{}, "content": map[string]any{"size": len(body), "mimeType": "application/json", "text": body},
				"redirectURL": "", "headersSize": -1, "bodySize": len(body)},
			"cache":   map[string]any{},
			"timings": map[string]any{"send": 0, "wait": 10, "receive": 1},
		}
		if err := enc.Encode(entry); err != nil {
			return err
		}
	}
	fmt.Fprint(cw, "]}}\n")
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}

type countWriter struct {
	w *bufio.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
