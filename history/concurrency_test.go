package history

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/apierr/apierr/formats/exchange"
)

// The test binary doubles as a second apierr process: run with
// HISTORY_HELPER set, TestHelperProcess writes to the database instead of
// testing.
const helperEnv = "HISTORY_HELPER"

func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("only runs as a child process")
	}
	path := os.Getenv("HISTORY_HELPER_DB")
	n, _ := strconv.Atoi(os.Getenv("HISTORY_HELPER_N"))
	s, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	ctx := context.Background()
	switch mode {
	case "save":
		// Start together with the parent: say ready, wait for "go".
		fmt.Println("ready")
		bufio.NewReader(os.Stdin).ReadString('\n')
		for i := range n {
			e := numbered("child", i)
			if _, err := s.Save(ctx, &e); err != nil {
				fmt.Println("save:", err)
				os.Exit(3)
			}
		}
	case "import":
		// Batches of n until killed, saying after each commit.
		for b := 0; ; b++ {
			xs := make([]exchange.Exchange, n)
			for i := range xs {
				xs[i] = numbered(fmt.Sprintf("batch%d", b), i)
			}
			if _, err := s.SaveBatch(ctx, xs); err != nil {
				fmt.Println("batch:", err)
				os.Exit(3)
			}
			fmt.Printf("committed %d\n", b+1)
		}
	}
	s.Close()
	os.Exit(0)
}

// numbered is a distinct exchange per (who, i), so none is a duplicate.
func numbered(who string, i int) exchange.Exchange {
	e := sample(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Millisecond))
	e.Request.URL = fmt.Sprintf("https://api.example.com/%s/%d", who, i)
	e.Diagnosis.RequestID = fmt.Sprintf("%s-%06d", who, i)
	return e
}

func child(t *testing.T, mode, path string, n int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, "HISTORY_HELPER_DB="+path, "HISTORY_HELPER_N="+strconv.Itoa(n))
	return cmd
}

// twoStores opens one new history file twice, as two apierr processes
// would.
func twoStores(t *testing.T) (a, b *Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "history.db")
	open := func() *Store {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	return open(), open()
}

func TestTwoStoresWriteAtOnce(t *testing.T) {
	a, b := twoStores(t)
	const each = 150
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for k, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				e := numbered(fmt.Sprintf("store%d", k), i)
				if _, err := s.Save(context.Background(), &e); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n, _ := a.Count(context.Background(), ""); n != 2*each {
		t.Errorf("count %d, want %d", n, 2*each)
	}
}

func TestTwoProcessesWriteAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const each = 300
	cmd := child(t, "save", path, each)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out := bufio.NewReader(stdout)
	if line, err := out.ReadString('\n'); line != "ready\n" {
		t.Fatalf("child: %q %v", line, err)
	}
	fmt.Fprintln(stdin, "go")
	for i := range each {
		e := numbered("parent", i)
		if _, err := s.Save(context.Background(), &e); err != nil {
			t.Fatal(err)
		}
	}
	rest, _ := io.ReadAll(out)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v: %s", err, rest)
	}
	if n, _ := s.Count(context.Background(), ""); n != 2*each {
		t.Errorf("count %d, want %d", n, 2*each)
	}
	if n, _ := s.Count(context.Background(), "child"); n != each {
		t.Errorf("child rows %d, want %d", n, each)
	}
}

func TestKilledImportLeavesConsistentDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	const batch = 3000
	cmd := child(t, "import", path, batch)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	committed := 0
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "committed ") {
			t.Fatalf("child: %s", line)
		}
		committed, _ = strconv.Atoi(strings.TrimPrefix(line, "committed "))
		if committed == 1 {
			// Kill it while the second batch is being written.
			time.Sleep(150 * time.Millisecond)
			cmd.Process.Signal(syscall.SIGKILL)
			break
		}
	}
	cmd.Wait()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var check string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	n, _ := s.Count(context.Background(), "")
	if n%batch != 0 || n < int64(committed*batch) {
		t.Errorf("count %d after kill: want a whole number of %d-row batches, at least %d", n, batch, committed)
	}
	// The full-text index agrees with the table.
	var fts int64
	s.db.QueryRow(`SELECT count(*) FROM exchanges_fts WHERE exchanges_fts MATCH '"api.example.com"'`).Scan(&fts)
	if fts != n {
		t.Errorf("full-text rows %d, table rows %d", fts, n)
	}
	t.Logf("killed after %d committed batches; %d rows kept", committed, n)
}
