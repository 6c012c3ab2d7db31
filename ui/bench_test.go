package ui

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats/exchange"
	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkStartup measures what stands between `apierr` and a usable
// first screen: building the model, Init (which only returns commands:
// the history is opened after the first frame), the size and the frame.
func BenchmarkStartup(b *testing.B) {
	svc := fakeServices(&memStore{})
	b.ReportAllocs()
	for b.Loop() {
		m := newModel(Options{HistoryPath: "unused.db"}, svc, nil, false, false)
		_ = m.Init()
		next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = next.View()
	}
}

// largeExchange is a response with a JSON body of about n bytes.
func largeExchange(n int) exchange.Exchange {
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i := 0; buf.Len() < n; i++ {
		fmt.Fprintf(&buf, `  {"id": %d, "name": "item %d", "tags": ["a", "b", "c"], "ok": true},`+"\n", i, i)
	}
	buf.WriteString(`  {"id": -1}` + "\n]\n")
	ex := seedExchange(seedExamples[0])
	ex.Response.Body = buf.String()
	ex.Response.Size = int64(buf.Len())
	ex.Response.Headers = http.Header{"Content-Type": {"application/json"}}
	return ex
}

// BenchmarkViewLargeBody is the cost of one whole frame at 200×60 with a
// 50 MB body in the response pane, and of one scroll key plus its frame.
func BenchmarkViewLargeBody(b *testing.B) {
	m, _ := newTestModel(b, 200, 60, Options{})
	ex := largeExchange(50 << 20)
	m = runCmd(m, m.show(&ex, fixedNow))
	m = step(m, press(tea.KeyTab))
	m = step(m, press(tea.KeyTab))
	m = step(m, press(tea.KeyTab)) // the response pane has the keys
	b.Run("View", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = m.View()
		}
	})
	b.Run("ScrollKeyAndView", func(b *testing.B) {
		b.ReportAllocs()
		mm := m
		for b.Loop() {
			next, _ := mm.Update(press(tea.KeyPgDown))
			mm = next.(model)
			_ = mm.View()
		}
	})
}

// BenchmarkStartupWithHistory is start-up to a usable history browser on a
// real history database: the model, the first frame, opening the database
// and the first page of newest entries. Point APIERR_BENCH_HISTORY at a
// large database (history's benchmarks build a 1 000 000-entry one under
// $TMPDIR with APIERR_BENCH_SIZES=1000000); without it the benchmark skips.
func BenchmarkStartupWithHistory(b *testing.B) {
	path := os.Getenv("APIERR_BENCH_HISTORY")
	if path == "" {
		b.Skip("set APIERR_BENCH_HISTORY to a history database")
	}
	b.ReportAllocs()
	for b.Loop() {
		m := newModel(Options{HistoryPath: path, History: true}, defaultServices(nil), io.Discard, false, false)
		cmd := m.Init()
		next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m = next.(model)
		_ = m.View() // the first frame does not wait for the history
		m = runCmd(m, cmd)
		if !strings.Contains(m.View(), "shown") {
			b.Fatalf("the history browser shows no entries:\n%s", m.View())
		}
		m.shutdown()
	}
}
