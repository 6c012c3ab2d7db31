package probe

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"
)

var okHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// rawServer accepts connections and hands each to serve, for servers that
// misbehave below HTTP.
func rawServer(t *testing.T, serve func(net.Conn)) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go serve(c)
		}
	}()
	return l.Addr().String()
}

// readRequest reads a request's header block off c.
func readRequest(c net.Conn) {
	br := bufio.NewReader(c)
	for {
		line, err := br.ReadString('\n')
		if err != nil || line == "\r\n" {
			return
		}
	}
}

// fullBacklog returns the address of a listener that never accepts and
// whose accept queue is already full, so a new connection attempt gets no
// answer at all (the kernel drops the SYN): a connect timeout on loopback.
func fullBacklog(t *testing.T) string {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Skip("raw socket:", err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Skip(err)
	}
	if err := syscall.Listen(fd, 0); err != nil {
		t.Skip(err)
	}
	sa, _ := syscall.Getsockname(fd)
	addr := fmt.Sprintf("127.0.0.1:%d", sa.(*syscall.SockaddrInet4).Port)
	for i := 0; i < 4; i++ {
		if c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond); err == nil {
			t.Cleanup(func() { c.Close() })
		}
	}
	return addr
}

// Each transport failure kind, produced for real on loopback.
func TestTransportKinds(t *testing.T) {
	ca := newTestCA(t)
	now := time.Now()
	loopback := []net.IP{net.IPv4(127, 0, 0, 1)}
	mismatch := tlsServer(t, ca.leaf(t, []string{"example.com"}, nil, now.Add(-time.Hour), now.Add(time.Hour)), okHandler)
	expired := tlsServer(t, ca.leaf(t, []string{"localhost"}, loopback, now.Add(-48*time.Hour), now.Add(-24*time.Hour)), okHandler)
	untrusted := httptest.NewUnstartedServer(okHandler)
	untrusted.Config.ErrorLog = quietLog
	untrusted.StartTLS()
	t.Cleanup(untrusted.Close)

	sleepy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/body" {
			w.Header().Set("Content-Length", "100")
			w.Write([]byte("start"))
			w.(http.Flusher).Flush()
		}
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	t.Cleanup(sleepy.Close)
	loop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/again", http.StatusFound)
	}))
	t.Cleanup(loop.Close)

	cutShort := rawServer(t, func(c net.Conn) {
		readRequest(c)
		c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b"))
		c.Close()
	})
	hangUp := rawServer(t, func(c net.Conn) { readRequest(c); c.Close() })
	reset := rawServer(t, func(c net.Conn) {
		readRequest(c)
		c.(*net.TCPConn).SetLinger(0)
		c.Close()
	})
	silentTLS := rawServer(t, func(c net.Conn) {
		time.Sleep(3 * time.Second) // accepts TCP, never answers the ClientHello
		c.Close()
	})
	manyHeaders := rawServer(t, func(c net.Conn) {
		readRequest(c)
		w := bufio.NewWriter(c)
		w.WriteString("HTTP/1.1 200 OK\r\n")
		for i := 0; i < 100000; i++ {
			fmt.Fprintf(w, "X-Header-%d: value\r\n", i)
		}
		w.WriteString("Content-Length: 0\r\n\r\n")
		w.Flush()
		c.Close()
	})
	badHeader := rawServer(t, func(c net.Conn) {
		readRequest(c)
		c.Write([]byte("HTTP/1.1 400 Bad Request\r\nX-Detail: denied \x1b[31mred\r\nContent-Length: 0\r\n\r\n"))
		c.Close()
	})
	// The status line at once, then a header every 100ms: the headers
	// never end within -m.
	dripHeaders := rawServer(t, func(c net.Conn) {
		readRequest(c)
		c.Write([]byte("HTTP/1.1 200 OK\r\n"))
		for i := 0; i < 30; i++ {
			time.Sleep(100 * time.Millisecond)
			if _, err := fmt.Fprintf(c, "X-Drip-%d: x\r\n", i); err != nil {
				break
			}
		}
		c.Close()
	})
	rejectingProxy := rawServer(t, func(c net.Conn) {
		readRequest(c)
		c.Write([]byte("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"))
		c.Close()
	})

	short := Options{MaxTime: 300 * time.Millisecond, ConnectTimeout: 300 * time.Millisecond}
	cases := []struct {
		name string
		req  Request
		kind string
	}{
		{"refused", Request{URL: "http://" + closedPort(t) + "/"}, KindRefused},
		{"dns", Request{URL: "http://api.nowhere.invalid/"}, KindDNS},
		{"unknown authority", Request{URL: untrusted.URL}, KindTLSUnknownAuth},
		{"hostname mismatch", Request{URL: strings.Replace(mismatch.URL, "127.0.0.1", "localhost", 1), Options: Options{CACert: ca.file}}, KindTLSHostname},
		{"expired", Request{URL: expired.URL, Options: Options{CACert: ca.file}}, KindTLSExpired},
		{"timeout connect", Request{URL: "http://" + fullBacklog(t) + "/", Options: short}, KindTimeoutConnect},
		{"timeout tls", Request{URL: "https://" + silentTLS + "/", Options: short}, KindTimeoutTLS},
		{"timeout headers", Request{URL: sleepy.URL + "/", Options: short}, KindTimeoutHeaders},
		{"timeout body", Request{URL: sleepy.URL + "/body", Options: short}, KindTimeoutBody},
		{"timeout with headers dripping", Request{URL: "http://" + dripHeaders + "/", Options: short}, KindTimeoutHeaders},
		{"unexpected eof mid-body", Request{URL: "http://" + cutShort + "/"}, KindUnexpectedEOF},
		{"unexpected eof before response", Request{URL: "http://" + hangUp + "/"}, KindUnexpectedEOF},
		{"reset", Request{URL: "http://" + reset + "/"}, KindReset},
		{"proxy refused", Request{URL: "http://api.example.test/", Options: Options{Proxy: "http://" + closedPort(t)}}, KindProxy},
		{"proxy rejects tunnel", Request{URL: "https://api.example.test/", Options: Options{Proxy: "http://" + rejectingProxy}}, KindProxy},
		{"invalid url", Request{URL: "http://exa mple.test/"}, KindInvalidURL},
		{"no scheme", Request{URL: "api.example.test/v1"}, KindInvalidURL},
		{"invalid method", Request{Method: "G E T", URL: "http://api.example.test/"}, KindInvalidURL},
		{"redirect loop", Request{URL: loop.URL + "/start", Options: Options{FollowRedirects: true, MaxRedirs: 3}}, KindTooManyRedirects},
		{"escape sequence in a header", Request{URL: "http://" + badHeader + "/"}, KindBadResponse},
		{"https to a plain port", Request{URL: strings.Replace(loop.URL, "http:", "https:", 1)}, KindBadResponse},
		{"100 000 headers", Request{URL: "http://" + manyHeaders + "/"}, KindHeadersTooLarge},
		{"unreadable cacert", Request{URL: untrusted.URL, Options: Options{CACert: "/nonexistent/ca.pem"}}, KindInvalidOption},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := Send(context.Background(), c.req)
			d := ex.Diagnosis
			if d.TransportKind != c.kind {
				t.Fatalf("kind = %q, want %q (error %q)", d.TransportKind, c.kind, ex.Error)
			}
			if ex.Error == "" || d.Format != FormatTransport {
				t.Errorf("not a transport diagnosis: %+v", d)
			}
			// A failure after the status line keeps that status; before
			// it, there is none to show.
			if r := ex.Response; r != nil && r.Status > 0 {
				if d.Status != r.Status || d.FormatName != FormatIncompleteName {
					t.Errorf("status %d / %q under a response with status %d", d.Status, d.FormatName, r.Status)
				}
			} else if d.Status != 0 || d.FormatName != FormatTransportName {
				t.Errorf("status %d / %q without a response", d.Status, d.FormatName)
			}
			if d.Explanation == "" || len(d.Recovery) == 0 || len(d.Steps) != len(d.Recovery) || d.Steps[0].Source != GuideSource {
				t.Errorf("no guide: %+v", d)
			}
			if strings.Contains(ex.Error, "context deadline exceeded") {
				t.Errorf("error says nothing useful: %q", ex.Error)
			}
		})
	}
}

// A cancel (esc in the TUI) stops a request in flight at once.
func TestSendCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	ex := Send(ctx, Request{URL: srv.URL, Options: Options{Retry: 3}})
	if took := time.Since(start); took > time.Second {
		t.Errorf("cancel took %s", took)
	}
	if ex.Diagnosis.TransportKind != KindCancelled || len(ex.Attempts) != 1 {
		t.Errorf("kind %q after %d attempts, want cancelled after 1", ex.Diagnosis.TransportKind, len(ex.Attempts))
	}
}

// A server dripping one byte a second is cut off by -m, the bytes that
// came kept.
func TestSendDrip(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for i := 0; i < 30; i++ {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Second):
			}
		}
	}))
	defer srv.Close()
	start := time.Now()
	ex := Send(context.Background(), Request{URL: srv.URL, Options: Options{MaxTime: 1200 * time.Millisecond}})
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("-m 1.2 took %s", took)
	}
	if ex.Diagnosis.TransportKind != KindTimeoutBody {
		t.Fatalf("kind %q, want %q", ex.Diagnosis.TransportKind, KindTimeoutBody)
	}
	if ex.Response == nil || ex.Response.Status != 200 || !strings.HasPrefix(ex.Response.Body, "x") {
		t.Errorf("partial response not kept: %+v", ex.Response)
	}
	if !strings.Contains(ex.Error, "-m/--max-time") {
		t.Errorf("error does not name -m: %q", ex.Error)
	}
	// The status line came: the diagnosis says so, never "no response".
	if d := ex.Diagnosis; d.Status != 200 || d.StatusClass != "success" || d.FormatName != FormatIncompleteName {
		t.Errorf("diagnosis of a cut-off body: status %d, class %q, format name %q", d.Status, d.StatusClass, d.FormatName)
	}
}

// The cause of an attempt's end tells -m from a cancel (esc in the TUI),
// whatever error the transport returned.
func TestClassifyByCause(t *testing.T) {
	maxTime, stop := context.WithDeadlineCause(context.Background(), time.Now(), errMaxTime)
	defer stop()
	esc, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("esc pressed"))
	callerDeadline, stop2 := context.WithDeadline(context.Background(), time.Now())
	defer stop2()
	<-maxTime.Done()
	<-callerDeadline.Done()
	for _, c := range []struct {
		name string
		ctx  context.Context
		want string
	}{
		{"-m", maxTime, KindTimeoutHeaders},
		{"esc", esc, KindCancelled},
		{"the caller's deadline", callerDeadline, KindTimeoutHeaders},
	} {
		if got := classify(c.ctx, context.Canceled, phaseWaiting); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
