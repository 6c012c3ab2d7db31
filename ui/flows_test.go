package ui

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// lateWriter lets a model be built before the test program's output
// exists: OSC 52 copies go to whatever it points at by then.
type lateWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lateWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.w == nil {
		return 0, errors.New("no output yet")
	}
	return l.w.Write(p)
}

func (l *lateWriter) set(w io.Writer) {
	l.mu.Lock()
	l.w = w
	l.mu.Unlock()
}

// startFlow runs the real TUI (real probe and history, no system
// clipboard) at 120×40 with its history in a temporary directory.
func startFlow(t *testing.T) *teatest.TestModel {
	t.Helper()
	return startFlowIn(t, t.TempDir())
}

// startFlowIn is startFlow with its config directory (apis/, envs/) at
// configDir.
func startFlowIn(t *testing.T, configDir string) *teatest.TestModel {
	t.Helper()
	svc := defaultServices(nil)
	svc.clipboard = func(string) error { return errors.New("no clipboard in tests") }
	out := &lateWriter{}
	opts := Options{HistoryPath: filepath.Join(t.TempDir(), "history.db"), ProfilesDir: filepath.Join(configDir, "apis")}
	tm := teatest.NewTestModel(t, newModel(opts, svc, out, false, true), teatest.WithInitialTermSize(120, 40))
	w, ok := tm.Output().(io.Writer)
	if !ok {
		t.Fatal("the test program's output is not writable")
	}
	out.set(w)
	t.Cleanup(func() { tm.Quit() })
	return tm
}

// waitFor waits until everything in want has appeared in the output.
func waitFor(t *testing.T, tm *teatest.TestModel, want ...string) {
	t.Helper()
	var seen bytes.Buffer
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		seen.Write(b)
		for _, w := range want {
			if !bytes.Contains(seen.Bytes(), []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func press(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

// occuspace404 answers like the Occuspace example of seed 000.
func occuspace404(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, seedExamples[0].body)
}

// Send to a test server, read the diagnosis, copy the request_id, find
// the exchange in history and reopen it offline.
func TestFlowSendCopyHistoryReopen(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(occuspace404))
	defer srv.Close()
	tm := startFlow(t)
	const rid = "f1b8698f-b0e8-4fb9-82e1-ddf89029350c"

	tm.Type(srv.URL + "/v2/locations/1560")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "404 Not Found", rid, "ctrl+y copies", "Verify that the location ID", "saved as #1")

	tm.Send(press(tea.KeyCtrlY))
	// The OSC 52 sequence carries the request_id, base64-encoded.
	waitFor(t, tm, "\x1b]52;c;"+osc52Payload(rid), "sent request_id "+rid)

	tm.Send(press(tea.KeyCtrlR))
	waitFor(t, tm, "History", "/v2/locations/1560", "not-found")

	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "opened #1 from history, offline", "read-only until edited")

	tm.Send(press(tea.KeyCtrlC))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(model)
	if !fm.cur.offline || fm.cur.saved == nil || fm.cur.ex.Diagnosis.RequestID != rid {
		t.Errorf("after enter in history: offline=%v saved=%v, request_id %q; want the saved exchange shown offline",
			fm.cur.offline, fm.cur.saved != nil, fm.cur.ex.Diagnosis.RequestID)
	}
}

// esc cancels a request in flight; the slow server's late answer is not
// shown.
func TestFlowCancelSlowRequest(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
		occuspace404(w, r)
	}))
	defer srv.Close()
	defer close(release)
	tm := startFlow(t)

	tm.Type(srv.URL + "/slow")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "sending GET", "esc cancels")
	tm.Send(press(tea.KeyEsc))
	waitFor(t, tm, "request cancelled")

	tm.Send(press(tea.KeyCtrlC))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(model)
	if fm.sending || fm.cur.ex != nil {
		t.Errorf("after esc: sending=%v, shown exchange %v; want nothing in flight and nothing shown", fm.sending, fm.cur.ex != nil)
	}
}

// A curl command pasted into the URL bar fills method, URL, headers and
// body; one that does not parse says so.
func TestFlowPasteCurl(t *testing.T) {
	tm := startFlow(t)
	paste := func(s string) { tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true}) }

	paste(`curl 'https://api.example.com/v1/things?limit=2' -H 'Content-Type: application/json' -H 'X-Trace: abc' --data '{"name":"lamp"}'`)
	waitFor(t, tm, "filled from the curl command")
	paste(`curl 'https://api.example.com/unterminated`)
	waitFor(t, tm, "could not read the curl command")

	tm.Send(press(tea.KeyCtrlC))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(model)
	if fm.req.method != "POST" {
		t.Errorf("method %q, want POST (curl sends --data with POST)", fm.req.method)
	}
	if got := fm.req.url.Value(); got != "https://api.example.com/v1/things?limit=2" {
		t.Errorf("URL %q", got)
	}
	h := fm.req.headers.Value()
	if !strings.Contains(h, "Content-Type: application/json") || !strings.Contains(h, "X-Trace: abc") {
		t.Errorf("headers %q, want both pasted headers", h)
	}
	if got := fm.req.body.Value(); got != `{"name":"lamp"}` {
		t.Errorf("body %q", got)
	}
}

// A body that drips in is shown as arriving once its first byte came, not
// as a server that has not answered.
func TestFlowDripShowsTheFirstByte(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, "upstream ")
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
		io.WriteString(w, "busy")
	}))
	defer srv.Close()
	defer close(release)
	tm := startFlow(t)
	tm.Type(srv.URL + "/drip")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "receiving the body: first byte after")
	release <- struct{}{}
	waitFor(t, tm, "503 Service Unavailable")
	tm.Send(press(tea.KeyCtrlC))
	tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
}
