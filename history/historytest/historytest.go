// Package historytest opens throw-away history databases for tests.
package historytest

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr/history"
)

// Open returns a new, empty Store in tb's temporary directory, closed
// when the test ends.
func Open(tb testing.TB) *history.Store {
	tb.Helper()
	s, err := history.Open(filepath.Join(tb.TempDir(), "history.db"))
	if err != nil {
		tb.Fatalf("open history: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// Unprivileged makes a permission test mean what it says when the tests
// run as root, whom file modes do not bind: it runs the test named name
// again in a child process as the user nobody (uid 65534), with
// $APIERR_TEST_SHARED=shared, and reports true once the child passed, so
// the caller returns. Not root, or already the child, it returns false
// and the caller goes on in-process. shared must be readable by nobody.
func Unprivileged(tb testing.TB, name, shared string) bool {
	tb.Helper()
	if os.Geteuid() != 0 || os.Getenv("APIERR_TEST_SHARED") != "" {
		return false
	}
	exe, err := os.Executable()
	if err != nil {
		tb.Fatal(err)
	}
	// The test binary sits in a private build directory: nobody gets a copy.
	bin, err := os.MkdirTemp("", "apierr-unpriv-")
	if err != nil {
		tb.Fatal(err)
	}
	defer os.RemoveAll(bin)
	copyExe := filepath.Join(bin, "test.bin")
	b, err := os.ReadFile(exe)
	if err == nil {
		err = os.WriteFile(copyExe, b, 0o755)
	}
	if err == nil {
		err = os.Chmod(bin, 0o755)
	}
	if err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(copyExe, "-test.run=^"+name+"$", "-test.count=1", "-test.v")
	cmd.Dir = shared
	cmd.Env = append(os.Environ(), "APIERR_TEST_SHARED="+shared, "HOME="+shared)
	cmd.SysProcAttr = unprivileged()
	out, err := cmd.CombinedOutput()
	if err != nil {
		tb.Fatalf("%s as user nobody: %v\n%s", name, err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+name) {
		tb.Fatalf("%s as user nobody did not run:\n%s", name, out)
	}
	return true
}

// SharedDir is a new directory every user can enter (mode 0755), removed
// with its contents, whatever their modes, when tb ends.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("APIERR_TEST_SHARED"); d != "" {
		return d // the child of Unprivileged: the parent's directory
	}
	d, err := os.MkdirTemp("", "apierr-shared-")
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.Chmod(d, 0o755); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		filepath.WalkDir(d, func(p string, de fs.DirEntry, err error) error {
			if err == nil && de.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
		os.RemoveAll(d)
	})
	return d
}
