package ui

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The Occuspace 404 route of the demo API and the docs' advice for it
// (seed 000, "404 Not Found").
const (
	e2eRoute  = "/occuspace/v2/locations/1560/occupancy?interval=hour&start_date=2025-05-01&end_date=2025-05-02"
	e2eAdvice = "Verify that the location ID"
)

var ridOnScreen = regexp.MustCompile(`request_id +[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// TestEndToEnd drives the real binary in tmux against `apierr demo`, as a
// person would: type the URL and the token, send, read the request_id and
// the docs' advice, find the exchange in history, quit.
func TestEndToEnd(t *testing.T) {
	dir, bin := e2eBinary(t)

	addr := freeLoopbackAddr(t)
	demo := exec.Command(bin, "demo", "--addr", addr, "--quiet")
	if err := demo.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { demo.Process.Kill(); demo.Wait() })
	base := "http://" + addr
	waitUntil(t, "the demo API answers", func() bool {
		resp, err := http.Get(base + "/")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil
	})

	tmux := e2eTmux(t)
	exitFile := filepath.Join(dir, "exit")
	// A clean environment: only what a terminal session must have.
	cmd := fmt.Sprintf("env -i HOME=%q PATH=%q TERM=xterm-256color %q --history %q; echo $? > %q; sleep 30",
		dir, os.Getenv("PATH"), bin, filepath.Join(dir, "history.db"), exitFile)
	tmux("new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", cmd)
	screen := func() string { return tmux("capture-pane", "-p", "-t", "e2e") }
	waitScreen := func(what string, ok func(string) bool) string {
		t.Helper()
		var s string
		waitUntil(t, what, func() bool { s = screen(); return ok(s) })
		return s
	}
	waitScreen("the request view", func(s string) bool { return strings.Contains(s, "No response yet") })

	tmux("send-keys", "-t", "e2e", "-l", base+e2eRoute)
	tmux("send-keys", "-t", "e2e", "Tab")
	tmux("send-keys", "-t", "e2e", "-l", "Authorization: Bearer demo-token")
	tmux("send-keys", "-t", "e2e", "C-s")
	main := waitScreen("the request_id and the docs' advice", func(s string) bool {
		return ridOnScreen.MatchString(s) && strings.Contains(s, e2eAdvice) && strings.Contains(s, "saved as #1")
	})
	saveCapture(t, "e2e_main_120x40.txt", main)

	for _, sz := range [][2]int{{80, 24}, {200, 60}} {
		tmux("resize-window", "-t", "e2e", "-x", fmt.Sprint(sz[0]), "-y", fmt.Sprint(sz[1]))
		s := waitScreen(fmt.Sprintf("a %dx%d frame", sz[0], sz[1]), func(s string) bool {
			lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
			return len(lines) == sz[1] && strings.Contains(s, "404 Not Found") && strings.HasPrefix(lines[0], "apierr")
		})
		saveCapture(t, fmt.Sprintf("e2e_main_%dx%d.txt", sz[0], sz[1]), s)
	}
	tmux("resize-window", "-t", "e2e", "-x", "120", "-y", "40")

	tmux("send-keys", "-t", "e2e", "C-r")
	hist := waitScreen("the exchange in the history browser", func(s string) bool {
		return strings.Contains(s, "History") && strings.Contains(s, "/occuspace/v2/locations/1560") && strings.Contains(s, "404")
	})
	saveCapture(t, "e2e_history_120x40.txt", hist)

	// Open the saved exchange and send it with ctrl+s: its token was
	// redacted when saved, and ctrl+s says so as r does.
	tmux("send-keys", "-t", "e2e", "Enter")
	waitScreen("the exchange opened offline", func(s string) bool { return strings.Contains(s, "opened #1 from history") })
	tmux("send-keys", "-t", "e2e", "C-s")
	waitScreen("the replay's warning about redacted secrets", func(s string) bool {
		return strings.Contains(s, "replayed with redacted secrets") && strings.Contains(s, "401")
	})
	tmux("send-keys", "-t", "e2e", "Escape")
	waitScreen("the history list again", func(s string) bool {
		return strings.Contains(s, "History") && strings.Contains(s, "of 2 exchanges")
	})

	tmux("send-keys", "-t", "e2e", "C-c")
	waitUntil(t, "apierr to exit", func() bool { _, err := os.Stat(exitFile); return err == nil })
	code, _ := os.ReadFile(exitFile)
	if strings.TrimSpace(string(code)) != "0" {
		t.Errorf("apierr exited with status %s after ctrl+c, want 0", code)
	}
}

// TestEndToEndDemoRoutes picks two demo routes in a row in `apierr
// --demo` and checks the URL bar shows each whole URL (it once showed only
// as many characters as the previous one had).
func TestEndToEndDemoRoutes(t *testing.T) {
	dir, bin := e2eBinary(t)
	tmux := e2eTmux(t)
	cmd := fmt.Sprintf("env -i HOME=%q PATH=%q TERM=xterm-256color %q --history %q --demo; sleep 30",
		dir, os.Getenv("PATH"), bin, filepath.Join(dir, "history.db"))
	tmux("new-session", "-d", "-s", "demo", "-x", "200", "-y", "60", cmd)
	screen := func() string { return tmux("capture-pane", "-p", "-t", "demo") }
	var s string
	waitUntil(t, "the demo route picker", func() bool {
		s = screen()
		return strings.Contains(s, "Demo API routes") && strings.Contains(s, "› GET")
	})
	port := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`).FindString(s)
	if port == "" {
		t.Fatalf("no demo URL on screen:\n%s", s)
	}
	// The first route has a short path, the 404 one a long query.
	tmux("send-keys", "-t", "demo", "Enter")
	waitUntil(t, "the first route's URL", func() bool { s = screen(); return strings.Contains(s, "GET ▸ "+port+"/occuspace/v2/locations ") })
	tmux("send-keys", "-t", "demo", "C-g")
	for i := 0; i < 6; i++ {
		tmux("send-keys", "-t", "demo", "Down")
	}
	tmux("send-keys", "-t", "demo", "Enter")
	want := "GET ▸ " + port + e2eRoute[:strings.Index(e2eRoute, "&")]
	waitUntil(t, "the second route's whole URL", func() bool { s = screen(); return strings.Contains(s, want) })
	bar := strings.Split(s, "\n")[2]
	if !strings.Contains(bar, "1560/occupancy?interval=hour") {
		t.Errorf("the URL bar shows %q, want the 404 route's URL", bar)
	}
	tmux("send-keys", "-t", "demo", "C-c")
}

// e2eBinary builds apierr into a temporary directory, which it returns
// too; without tmux the test is skipped (under CI it fails).
func e2eBinary(t *testing.T) (dir, bin string) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is missing: .ci/run installs it; the end-to-end test cannot run without it")
		}
		t.Skip("tmux is not installed (under CI this fails)")
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "apierr")
	build := exec.Command("go", "build", "-o", bin, "..")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir, bin
}

// e2eTmux runs tmux commands on a server of the test's own, killed at
// its end.
func e2eTmux(t *testing.T) func(args ...string) string {
	sock := fmt.Sprintf("apierr-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())
	t.Cleanup(func() { exec.Command("tmux", "-L", sock, "kill-server").Run() })
	return func(args ...string) string {
		t.Helper()
		out, err := exec.Command("tmux", append([]string{"-L", sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
}

// saveCapture keeps a screen capture in the test's directory, or in
// testdata/ with -update (README's screen captures come from there).
func saveCapture(t *testing.T, name, s string) {
	t.Helper()
	dir := t.TempDir()
	if updating() {
		dir = "testdata"
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func freeLoopbackAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// waitUntil polls ok for up to 15 seconds.
func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
