package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func demoEnv() (*Env, *syncBuffer, *syncBuffer) {
	out, errb := &syncBuffer{}, &syncBuffer{}
	return &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: errb, Getenv: func(string) string { return "" }}, out, errb
}

// TestDemoServesUntilCancelled runs the command in-process, sends the
// examples it prints, and stops it as SIGINT would.
func TestDemoServesUntilCancelled(t *testing.T) {
	env, out, errb := demoEnv()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	code := make(chan int, 1)
	go func() { code <- runDemo(ctx, env, []string{"--addr", "127.0.0.1:0"}, func(u string) { urls <- u }) }()
	var base string
	select {
	case base = <-urls:
	case c := <-code:
		t.Fatalf("demo exited with %d: %s", c, errb.String())
	}
	banner := out.String()
	if !strings.Contains(banner, "apierr demo API on "+base+" (loopback only") {
		t.Errorf("banner does not give the base URL:\n%s", banner)
	}
	if n := strings.Count(banner, "apierr send "); n < 2 {
		t.Errorf("banner has %d example commands, want two or three:\n%s", n, banner)
	}
	if !strings.Contains(banner, "'"+base+"/occuspace/") || !strings.Contains(banner, "--api raalabs") {
		t.Errorf("examples do not point at the demo:\n%s", banner)
	}
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	var listing struct{ Routes []json.RawMessage }
	json.NewDecoder(resp.Body).Decode(&listing)
	resp.Body.Close()
	if len(listing.Routes) == 0 {
		t.Error("GET / lists no routes")
	}
	resp, err = http.Get(base + "/nope%1b[2J")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case c := <-code:
		if c != ExitOK {
			t.Errorf("exit %d after the signal, want 0", c)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("demo did not stop when cancelled")
	}
	log := out.String()
	if !strings.Contains(log, "GET / -> 200") || !strings.Contains(log, "GET /nope%1b[2J -> 404") {
		t.Errorf("request log missing or not inert:\n%s", log)
	}
	if !strings.HasSuffix(log, "demo API stopped\n") {
		t.Errorf("no stop message:\n%s", log)
	}
	if _, err := http.Get(base + "/"); err == nil {
		t.Error("the demo still answers after stopping")
	}
}

func TestDemoBadUsage(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--addr", "0.0.0.0:7707"}, "apierr: demo: 0.0.0.0:7707 can be reached from other machines; use a loopback address such as 127.0.0.1:PORT, or add --public to mean it\n"},
		{[]string{"--addr", ":7707"}, "apierr: demo: :7707 can be reached from other machines; use a loopback address such as 127.0.0.1:PORT, or add --public to mean it\n"},
		{[]string{"--addr", "127.0.0.1"}, "apierr: demo: --addr \"127.0.0.1\" is not HOST:PORT; use e.g. --addr 127.0.0.1:8080\n"},
		{[]string{"--addr", "127.0.0.1:http2"}, "apierr: demo: --addr \"127.0.0.1:http2\": port \"http2\" is not a number from 0 to 65535\n"},
		{[]string{"--addr", busy.Addr().String()}, "apierr: demo: port " + busy.Addr().String() + " is already in use; pick another with --addr 127.0.0.1:PORT (port 0 picks a free one)\n"},
		{[]string{"--port", "80"}, "apierr: demo: unknown flag --port (run 'apierr demo --help')\n"},
		{[]string{"serve"}, "apierr: demo: unexpected argument \"serve\": the only flags are --addr, --public and --quiet\n"},
	} {
		env, out, errb := demoEnv()
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // a run that got past the checks stops at once
		if code := runDemo(ctx, env, c.args, nil); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", c.args, code, ExitUsage)
		}
		if errb.String() != c.want {
			t.Errorf("%v:\n got %q\nwant %q", c.args, errb.String(), c.want)
		}
		if out.String() != "" {
			t.Errorf("%v: printed %q on stdout", c.args, out.String())
		}
	}
}

func TestDemoPublicAndHelp(t *testing.T) {
	env, out, _ := demoEnv()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if code := runDemo(ctx, env, []string{"--addr", "0.0.0.0:0", "--public", "--quiet"}, nil); code != ExitOK {
		t.Fatalf("--public: exit %d", code)
	}
	if !strings.Contains(out.String(), "(reachable from other machines;") {
		t.Errorf("--public banner does not warn:\n%s", out.String())
	}
	env, out, _ = demoEnv()
	if code := runDemo(context.Background(), env, []string{"--help"}, nil); code != ExitOK || !strings.HasPrefix(out.String(), "Usage: apierr demo") {
		t.Errorf("--help: %d %q", code, out.String())
	}
}

func TestDemoSendCommandQuotes(t *testing.T) {
	got := demoSendCommand("http://127.0.0.1:1", demoExamples()[0])
	want := "apierr send -H 'Authorization: Bearer demo-token' 'http://127.0.0.1:1/occuspace/v2/locations/1560/occupancy?interval=hour&start_date=2025-05-01&end_date=2025-05-02'"
	if got != want {
		t.Errorf("\n got %s\nwant %s", got, want)
	}
	if got := demoSendCommand("http://h", demoExamples()[1]); got != "apierr send -H 'Authorization: Bearer demo-token' http://h/octo/products/123" {
		t.Errorf("OCTO example: %s", got)
	}
}

// TestDemoLogIsInert sends a request line with an 8-bit CSI sequence,
// which no well-behaved client would, and checks the log shows it inert.
func TestDemoLogIsInert(t *testing.T) {
	env, out, _ := demoEnv()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls := make(chan string, 1)
	code := make(chan int, 1)
	go func() { code <- runDemo(ctx, env, []string{"--addr", "127.0.0.1:0"}, func(u string) { urls <- u }) }()
	base := <-urls
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(conn, "GET /x\u009b2J HTTP/1.1\r\nHost: demo\r\nConnection: close\r\n\r\n")
	io.ReadAll(conn)
	conn.Close()
	cancel()
	<-code
	if log := out.String(); strings.Contains(log, "\u009b") || !strings.Contains(log, "GET /x%C2%9B2J -> 404") {
		t.Errorf("log not inert:\n%q", log)
	}
}
