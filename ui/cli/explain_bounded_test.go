package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestClipShown(t *testing.T) {
	long := strings.Repeat("é", 1000) // 2000 bytes, two per character
	lines := strings.Repeat("line\n", 20)
	for _, c := range []struct{ in, want string }{
		{"short message", "short message"},
		{strings.Repeat("x", shownBytes), strings.Repeat("x", shownBytes)},
		{long, strings.Repeat("é", shownBytes/2) + fmt.Sprintf(" … %d more bytes; see --json", 2000-shownBytes)},
		{lines, strings.TrimSuffix(strings.Repeat("line\n", shownLines), "\n") + fmt.Sprintf(" … %d more bytes; see --json", len(lines)-shownLines*5+1)},
	} {
		if got := clipShown(c.in); got != c.want {
			t.Errorf("clipShown(%.20q…) = %.60q…, want %.60q…", c.in, got, c.want)
		}
	}
}

// writeBigResponse writes a response whose JSON error message is n bytes
// of text lines, and returns its path.
func writeBigResponse(t testing.TB, n int) string {
	line := "A very long message line that repeats, as a stack trace would.\n"
	msg, _ := json.Marshal(strings.Repeat(line, n/len(line)))
	body := `{"error":{"code":"too_big","message":` + string(msg) + `}}`
	path := filepath.Join(t.TempDir(), "big.http")
	if err := os.WriteFile(path, []byte("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A huge message prints its first lines and says how much more there is;
// --json has every byte.
func TestExplainRawHugeMessage(t *testing.T) {
	path := writeBigResponse(t, 5<<20)
	te := newExplainTestEnv(t)
	if code := Explain(te.Env, []string{"--raw", path}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	out := te.out.String()
	if len(out) > 8<<10 || !strings.Contains(out, "see --json") || !strings.Contains(out, " more") || !strings.Contains(out, "Message     A very long message line") {
		t.Errorf("%d bytes printed:\n%.3000s", len(out), out)
	}
	te = newExplainTestEnv(t)
	Explain(te.Env, []string{"--raw", path, "--json"})
	var d struct{ Message string }
	if err := json.Unmarshal(te.out.Bytes(), &d); err != nil || len(d.Message) < 5<<20-100 {
		t.Errorf("--json message of %d bytes (%v)", len(d.Message), err)
	}
}

// A body over --max-body is explained from its first bytes, and says so.
func TestExplainRawBodyCap(t *testing.T) {
	path := writeBigResponse(t, 64<<10)
	te := newExplainTestEnv(t)
	if code := Explain(te.Env, []string{"--raw", path, "--max-body", "16K"}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	if out := te.out.String(); !strings.Contains(out, "longer than the 16 KiB cap (--max-body)") {
		t.Errorf("no note of the cap:\n%s", out)
	}
	te = newExplainTestEnv(t)
	os.WriteFile(path, []byte("HTTP/1.1 400 Bad Request\r\nX-Long: "+strings.Repeat("h", 20000)+"\r\n\r\n{}"), 0o644)
	if code := Explain(te.Env, []string{"--raw", path, "--max-body", "16K"}); code != ExitUsage || !strings.Contains(te.errOut.String(), "more status line and header bytes than the 16 KiB cap") {
		t.Errorf("exit %d: %s", code, te.errOut)
	}
}

// BenchmarkExplainRawPeakRSS runs `explain --raw` on a 50 MB body in a
// process of its own and reports that process's peak resident memory
// (maxrss-MB) next to the body's size, for issue 10's bound.
func BenchmarkExplainRawPeakRSS(b *testing.B) {
	if os.Getenv("APIERR_EXPLAIN_CHILD") != "" {
		b.Skip("child")
	}
	path := writeBigResponse(b, 50<<20)
	var peak int64
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestExplainChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "APIERR_EXPLAIN_CHILD="+path)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		peak = max(peak, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
	}
	st, _ := os.Stat(path)
	b.ReportMetric(float64(st.Size())/1e6, "body-MB")
	b.ReportMetric(float64(peak)/1024, "maxrss-MB")
}

// TestExplainChild is the process BenchmarkExplainRawPeakRSS measures.
func TestExplainChild(t *testing.T) {
	path := os.Getenv("APIERR_EXPLAIN_CHILD")
	if path == "" {
		t.Skip("run by BenchmarkExplainRawPeakRSS")
	}
	te := newExplainTestEnv(t)
	if code := Explain(te.Env, []string{"--raw", path}); code != ExitOK || te.out.Len() > 16<<10 {
		t.Fatalf("exit %d, %d bytes printed: %s", code, te.out.Len(), te.errOut)
	}
}
