package bodyview

import (
	"sync"
	"testing"
)

// body50MB is a minified 50 MB JSON error list (about 270 000 problem
// details), built once for all benchmarks.
var body50MB = sync.OnceValue(func() []byte { return problems(270_000) })

// loaded50MB is a 160x40 viewer with the 50 MB body re-indented (the
// background command already run), scrolled down one page.
func loaded50MB(b *testing.B) Model {
	b.Helper()
	m := New(DefaultStyles())
	m.SetSize(160, 40)
	m.Focus()
	cmd := m.SetContent(body50MB(), "application/json")
	m, _ = m.Update(cmd())
	return press(m, "pgdown")
}

// BenchmarkSetContent50MB is opening the body: the work SetContent does on
// the UI goroutine (indexing the raw lines) before the first frame.
func BenchmarkSetContent50MB(b *testing.B) {
	body := body50MB()
	m := New(DefaultStyles())
	m.SetSize(160, 40)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		m.SetContent(body, "application/json")
		_ = m.View()
	}
}

// BenchmarkReindent50MB is the background command re-indenting and
// indexing the body; the screen stays responsive meanwhile.
func BenchmarkReindent50MB(b *testing.B) {
	body := body50MB()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		_ = prettyCmd(1, 1, kindJSON, body)()
	}
}

// BenchmarkView50MB is one frame with the re-indented 50 MB body.
func BenchmarkView50MB(b *testing.B) {
	m := loaded50MB(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkView50MBOneLine is one frame of the raw 50 MB single line, as
// shown before the re-indent finishes, scrolled right.
func BenchmarkView50MBOneLine(b *testing.B) {
	m := New(DefaultStyles())
	m.SetSize(160, 40)
	m.Focus()
	m.SetContent(body50MB(), "application/json")
	m = press(m, "right", "right")
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkScroll50MB is a pgdown keypress and the frame it draws.
func BenchmarkScroll50MB(b *testing.B) {
	m := loaded50MB(b)
	pgdown := keyMsg("pgdown")
	b.ReportAllocs()
	for b.Loop() {
		m, _ = m.Update(pgdown)
		_ = m.View()
	}
}

// BenchmarkSearch50MB is the background scan of a search over the
// re-indented 50 MB body (the UI is not blocked by it).
func BenchmarkSearch50MB(b *testing.B) {
	m := loaded50MB(b)
	b.SetBytes(int64(len(m.txt.b)))
	b.ReportAllocs()
	for b.Loop() {
		_, _ = findAll(m.txt.b, "Location 26999", maxMatches)
	}
}

// BenchmarkSearchStep50MB is an n keypress (jump to the next match, which
// may be far away) and the frame it draws.
func BenchmarkSearchStep50MB(b *testing.B) {
	m := loaded50MB(b)
	m = press(typeText(press(m, "/"), "location 1"), "enter")
	if len(m.matches) == 0 {
		b.Fatal("no matches")
	}
	n := keyMsg("n")
	b.ReportAllocs()
	for b.Loop() {
		m, _ = m.Update(n)
		_ = m.View()
	}
}

// BenchmarkViewHighlighted is a frame of a 1 MiB JSON body with
// highlighting, scrolled to lines not tokenised yet (the worst frame).
func BenchmarkViewHighlighted(b *testing.B) {
	body := problems(5_000)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		m := New(DefaultStyles())
		m.SetSize(160, 40)
		m.Focus()
		m.SetContent(body, "application/json")
		m = press(m, "pgdown")
		b.StartTimer()
		_ = m.View()
	}
}

// BenchmarkSetContent50MBLines is opening a 50 MB body that arrives
// already indented (3.5 million lines to index before the first frame).
func BenchmarkSetContent50MBLines(b *testing.B) {
	body, _ := pretty(kindJSON, body50MB())
	body = body[:50<<20]
	m := New(DefaultStyles())
	m.SetSize(160, 40)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		m.SetContent(body, "application/json")
		_ = m.View()
	}
}
