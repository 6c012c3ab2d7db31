package ui

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats/exchange"

	"github.com/charmbracelet/bubbles/cursor"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// sizes are the terminal sizes every screen is checked at: the smallest
// supported and a comfortable one.
var sizes = []struct{ w, h int }{{80, 24}, {160, 48}}

// newTestModel is a model on fake services, sized, with its history open
// and the built-in profiles loaded, as after start-up.
func newTestModel(t testing.TB, w, h int, opts Options) (model, *memStore) {
	t.Helper()
	store := &memStore{}
	svc := fakeServices(store)
	m := newModel(opts, svc, nil, false, true)
	// A steady cursor: no blink timers to wait for.
	m.req.url.Cursor.SetMode(cursor.CursorStatic)
	m.req.headers.Cursor.SetMode(cursor.CursorStatic)
	m.req.body.Cursor.SetMode(cursor.CursorStatic)
	m.hist.query.Cursor.SetMode(cursor.CursorStatic)
	m = step(m, tea.WindowSizeMsg{Width: w, Height: h})
	m = step(m, historyOpenedMsg{store: store})
	set, err := svc.loadProfiles("")
	if err != nil {
		t.Fatal(err)
	}
	m = step(m, profilesMsg{set: set})
	return m, store
}

// step is Update without commands, for building a state.
func step(m model, msg tea.Msg) model {
	next, _ := m.Update(msg)
	return next.(model)
}

// checkScreen asserts the frame fills the terminal exactly and matches
// its golden file.
func checkScreen(t *testing.T, name string, m model, w, h int) {
	t.Helper()
	v := m.View()
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines, want %d", name, len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("%s: line %d is %d cells wide, want at most %d: %q", name, i+1, n, w, ansi.Strip(l))
		}
	}
	golden(t, fmt.Sprintf("%s_%dx%d", name, w, h), plain(v))
}

func TestGoldenRequestView(t *testing.T) {
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		checkScreen(t, "request_empty", m, sz.w, sz.h)
	}
}

// Each seed API's documented example, shown as a response: the diagnosis
// pane (and at the small size, the response pane too).
func TestGoldenSeedDiagnosis(t *testing.T) {
	for _, s := range seedExamples {
		for _, sz := range sizes {
			m, _ := newTestModel(t, sz.w, sz.h, Options{})
			ex := seedExchange(s)
			m.req.fill(ex.Request.Method, ex.Request.URL, ex.Request.Headers, "")
			m.show(&ex, fixedNow)
			m.shown = focusDiagnosis
			checkScreen(t, "seed_"+s.api, m, sz.w, sz.h)
			if sz.w == 80 {
				m = step(m, tea.KeyMsg{Type: tea.KeyTab})
				m = step(m, tea.KeyMsg{Type: tea.KeyTab})
				m = step(m, tea.KeyMsg{Type: tea.KeyTab})
				if m.shown != focusResponse {
					t.Fatalf("three tabs from the URL bar show pane %d, want the response", m.shown)
				}
				checkScreen(t, "response_"+s.api, m, sz.w, sz.h)
			}
		}
	}
}

func TestGoldenHistoryBrowser(t *testing.T) {
	for _, sz := range sizes {
		m, store := newTestModel(t, sz.w, sz.h, Options{History: true})
		for i, s := range seedExamples {
			ex := seedExchange(s)
			if i == 1 {
				ex.Note = "customer ticket 4711: RPM export fails"
			}
			store.Save(nil, &ex)
		}
		rows, _ := store.Search(nil, "", historyPage, 0)
		m = step(m, searchMsg{tag: m.hist.tag, rows: rows, total: 5, counted: true})
		checkScreen(t, "history", m, sz.w, sz.h)
	}
}

func TestGoldenHelp(t *testing.T) {
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		m = step(m, tea.KeyMsg{Type: tea.KeyF1})
		checkScreen(t, "help", m, sz.w, sz.h)
	}
}

func TestGoldenProfilePicker(t *testing.T) {
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		m = step(m, tea.KeyMsg{Type: tea.KeyCtrlP})
		checkScreen(t, "profiles", m, sz.w, sz.h)
	}
}

func TestGoldenDemoPicker(t *testing.T) {
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{Demo: true})
		m = step(m, demoMsg{demo: demoHandle{URL: "http://127.0.0.1:7707", Routes: []demoRoute{
			{Method: "GET", Path: "/occuspace/v2/locations/1560/occupancy?interval=hour", API: "occuspace", Status: 404, Description: "Occuspace: location 1560 not found or not accessible"},
			{Method: "POST", Path: "/octo/bookings", API: "octo", Status: 400, Description: "OCTO: INVALID_PRODUCT_ID with the productId sent", Body: `{"productId":"123"}`},
			{Method: "GET", Path: "/others/graphql", Status: 200, Description: "GraphQL: errors[] inside a 200"},
		}}})
		checkScreen(t, "demo", m, sz.w, sz.h)
	}
}

// An exchange opened from history, then replayed with another outcome:
// the offline screen and the diff.
func TestGoldenOfflineAndDiff(t *testing.T) {
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		saved := seedExchange(seedExamples[0])
		m, _ = m.openOffline(saved)
		checkScreen(t, "offline", m, sz.w, sz.h)

		replayed := saved
		replayed.Response = &exchange200
		replayed.Diagnosis.Status, replayed.Diagnosis.StatusText = 200, "OK"
		replayed.Diagnosis.RequestID = ""
		m.cur.replayed = &replayed
		m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d")})
		if m.screen != screenDiff {
			t.Fatalf("d on an exchange with a replay shows screen %d, want the diff", m.screen)
		}
		checkScreen(t, "diff", m, sz.w, sz.h)
	}
}

var exchange200 = exchangeResponse(200, `{"id":1560,"occupancy":42}`)

func exchangeResponse(status int, body string) exchange.Response {
	return exchange.Response{Status: status, Proto: "HTTP/1.1", Headers: http.Header{"Content-Type": {"application/json"}}, Body: body}
}

// Every screen fills the terminal exactly, whatever its size, and follows
// a resize.
func TestScreensFitEverySize(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{50, 14}, {80, 24}, {100, 30}, {120, 34}, {119, 40}, {200, 60}} {
		m, _ := newTestModel(t, 160, 48, Options{})
		ex := seedExchange(seedExamples[3])
		m.show(&ex, fixedNow)
		m = step(m, tea.WindowSizeMsg{Width: sz.w, Height: sz.h})
		for _, k := range []tea.KeyMsg{{}, press(tea.KeyCtrlR), press(tea.KeyF1), press(tea.KeyCtrlP)} {
			if k.Type != 0 {
				m = step(m, press(tea.KeyEsc))
				m = step(m, k)
			}
			v := m.View()
			lines := strings.Split(v, "\n")
			if len(lines) != sz.h {
				t.Errorf("%dx%d screen %d: %d lines", sz.w, sz.h, m.screen, len(lines))
			}
			for i, l := range lines {
				if n := ansi.StringWidth(l); n > sz.w {
					t.Errorf("%dx%d screen %d line %d: %d cells: %q", sz.w, sz.h, m.screen, i+1, n, ansi.Strip(l))
				}
			}
		}
	}
}

// The mouse wheel scrolls the pane under the pointer.
func TestMouseWheelScrollsPaneUnderPointer(t *testing.T) {
	m, _ := newTestModel(t, 120, 34, Options{})
	ex := seedExchange(seedExamples[0])
	m.show(&ex, fixedNow)
	r := m.lay.panes[focusDiagnosis]
	m = step(m, tea.MouseMsg{X: r.x + 2, Y: r.y + 2, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.diag.vp.YOffset == 0 {
		t.Error("the wheel over the diagnosis did not scroll it")
	}
	r = m.lay.panes[focusHeaders]
	before := m.diag.vp.YOffset
	m = step(m, tea.MouseMsg{X: r.x + 2, Y: r.y + 2, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.diag.vp.YOffset != before {
		t.Error("the wheel over the headers scrolled the diagnosis")
	}
}

// A request in flight, then one that got no response at all.
func TestGoldenSendingAndTransportError(t *testing.T) {
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		m.req.fill("GET", "http://127.0.0.1:1/v1/things", nil, "")
		m, _ = m.sendFields()
		checkScreen(t, "sending", m, sz.w, sz.h)

		ex := exchange.Exchange{
			Time:    fixedNow,
			Request: exchange.Request{Method: "GET", URL: "http://127.0.0.1:1/v1/things"},
			Error:   "dial tcp 127.0.0.1:1: connect: connection refused",
			Timings: exchange.Timings{Connect: ms(1), Total: ms(1)},
		}
		ex.Diagnosis.Format, ex.Diagnosis.TransportKind = "transport", "refused"
		ex.Diagnosis.Message = ex.Error
		m = step(m, sentMsg{tag: m.sendTag, ex: ex})
		checkScreen(t, "transport", m, sz.w, sz.h)
	}
}
