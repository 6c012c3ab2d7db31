package ui

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/redact"
	"github.com/apierr/apierr/probe"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// urlBarLine is the URL bar's text line of a frame.
func urlBarLine(m model) string {
	return strings.Split(plain(m.View()), "\n")[2]
}

// A longer URL filled after a shorter one shows whole, up to the pane
// edge, where a marker says it goes on (it once showed as many characters
// as the previous URL had, which looked like a real endpoint).
func TestGoldenURLBarShowsTheWholeNewURL(t *testing.T) {
	long := "http://127.0.0.1:36337/occuspace/v2/locations/1560/occupancy?interval=hour&from=2025-01-01&to=2025-02-01&tz=Europe/Oslo"
	for _, sz := range sizes {
		for _, focused := range []bool{false, true} {
			m, _ := newTestModel(t, sz.w, sz.h, Options{})
			m.req.fill("GET", "http://127.0.0.1:36337/occuspac", nil, "")
			m = step(m, tea.KeyMsg{})
			m.req.fill("GET", long, nil, "")
			if !focused {
				m = step(m, press(tea.KeyTab))
			}
			bar := urlBarLine(m)
			name := "urlbar_long"
			if focused {
				name += "_focused"
			}
			checkScreen(t, name, m, sz.w, sz.h)
			inner := m.req.url.Width
			if ansi.StringWidth(long) > inner {
				if !strings.Contains(bar, "…") {
					t.Errorf("%dx%d focused=%v: a URL wider than the bar has no marker: %q", sz.w, sz.h, focused, bar)
				}
				if !strings.Contains(bar, long[:inner-2]) {
					t.Errorf("%dx%d focused=%v: the bar shows %q, want the URL up to the edge (%q…)", sz.w, sz.h, focused, bar, long[:inner-2])
				}
			} else if !strings.Contains(bar, long) {
				t.Errorf("%dx%d: the bar shows %q, want the whole URL", sz.w, sz.h, bar)
			}
		}
	}
}

// After a new demo route is chosen the old answer leaves the panes; after
// an edit it stays, marked as the previous request's, and a copy says
// which exchange it came from.
func TestGoldenPanesOfThePreviousRequest(t *testing.T) {
	routes := []demoRoute{
		{Method: "GET", Path: "/occuspace/v2/locations/1560", API: "occuspace", Status: 404, Description: "location not found"},
		{Method: "POST", Path: "/octo/bookings", API: "octo", Status: 400, Description: "INVALID_PRODUCT_ID", Body: `{"productId":"123"}`},
	}
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{Demo: true})
		m = step(m, demoMsg{demo: demoHandle{URL: "http://127.0.0.1:7707", Routes: routes}})
		m = step(m, press(tea.KeyEnter))
		ex := seedExchange(seedExamples[0])
		ex.Request.URL = m.req.url.Value()
		m.show(&ex, fixedNow)

		m = step(m, press(tea.KeyCtrlG))
		m = step(m, press(tea.KeyDown))
		m = step(m, press(tea.KeyEnter))
		if m.cur.ex != nil {
			t.Fatal("the previous route's exchange is still shown after choosing another route")
		}
		checkScreen(t, "new_route_clears_panes", m, sz.w, sz.h)
		if v := plain(m.View()); strings.Contains(v, "f1b8698f") || strings.Contains(v, "404") {
			t.Errorf("the new route's screen shows the old answer:\n%s", v)
		}

		m.show(&ex, fixedNow)
		m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")})
		if !m.cur.stale {
			t.Fatal("an edit did not mark the shown exchange as the previous request's")
		}
		checkScreen(t, "edit_marks_previous", m, sz.w, sz.h)
		m, cmd := m.copyTicket()
		msg := cmd()
		tm, ok := msg.(ticketMsg)
		if !ok || !strings.Contains(tm.of, "#7 GET 127.0.0.1:7707/occuspace/v2/locations/1560 (the previous request)") {
			t.Errorf("the ticket copy does not say which exchange it is of: %+v", msg)
		}
	}
}

// ctrl+y without a request_id says why nothing was copied.
func TestCopyIDWithoutRequestIDSaysSo(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	m = step(m, press(tea.KeyCtrlY))
	if !strings.Contains(m.status.text, "no exchange shown yet") {
		t.Errorf("ctrl+y with nothing shown: %q", m.status.text)
	}
	ex := seedExchange(seedExamples[1]) // Raa Labs sends no request id
	m.show(&ex, fixedNow)
	m = step(m, press(tea.KeyCtrlY))
	if !strings.Contains(m.status.text, "carries no request_id") {
		t.Errorf("ctrl+y on a response without request_id: %q", m.status.text)
	}
}

// ctrl+s and enter on an exchange opened from history replay it as r
// does: the same warning about its redacted secrets, the same diff after.
func TestGoldenSendKeysOnAnOpenedExchangeWarnLikeReplay(t *testing.T) {
	for _, sz := range sizes {
		for _, k := range []tea.KeyMsg{press(tea.KeyCtrlS), {Type: tea.KeyRunes, Runes: []rune("r")}} {
			m, _ := newTestModel(t, sz.w, sz.h, Options{})
			var sent []string
			m.svc.send = func(_ context.Context, r probe.Request) exchange.Exchange {
				sent = append(sent, r.Header.Get("Authorization"))
				return seedExchange(seedExamples[2])
			}
			ex := seedExchange(seedExamples[2])
			ex.ID = 4
			ex.Request.Headers = map[string][]string{"Authorization": {"Bearer [REDACTED:7c43ef5a]"}}
			m, _ = m.openOffline(ex)
			next, cmd := m.Update(k)
			m = next.(model)
			if !strings.Contains(m.status.text, "replaying #4 with its secrets redacted") {
				t.Errorf("%s: status while sending %q, want the redacted-secrets warning", k, m.status.text)
			}
			m = runCmd(m, cmd)
			if len(sent) != 1 || m.cur.replayed == nil || !strings.Contains(m.status.text, "replayed with redacted secrets") {
				t.Errorf("%s: sent %v, replayed %v, status %q", k, sent, m.cur.replayed != nil, m.status.text)
			}
			if k.Type == tea.KeyCtrlS {
				m.cur.ex.Timings = ex.Timings
				checkScreen(t, "ctrl_s_on_opened_exchange", m, sz.w, sz.h)
			}
		}
	}
}

// Names with hyphens wrap whole: "(error-" / "object)" once split the
// format id over two lines of the diagnosis pane.
func TestGoldenFormatNameWrapsWhole(t *testing.T) {
	d := seedExchange(seedExamples[4]).Diagnosis
	for _, w := range []int{40, 44, 48, 52} {
		got := plain(renderDiagnosis(d, w, DefaultStyles(true), nil))
		if strings.Contains(got, "(error-\n") || strings.Contains(got, "error-\n") {
			t.Errorf("width %d: a hyphenated name is split:\n%s", w, got)
		}
	}
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		ex := seedExchange(seedExamples[4])
		ex.Diagnosis.FormatName = "Error object with a code, a message and a details list"
		m.show(&ex, fixedNow)
		checkScreen(t, "format_name_whole", m, sz.w, sz.h)
	}
}

// esc in an exchange opened from history goes back to the list, with the
// cursor on the row it was opened from; the note saved with it is shown.
func TestGoldenBackToHistoryKeepsTheCursor(t *testing.T) {
	for _, sz := range sizes {
		m, store := newTestModel(t, sz.w, sz.h, Options{})
		for i, s := range seedExamples {
			ex := seedExchange(s)
			if i == 2 {
				ex.Note = "OCTO support case 1193"
			}
			store.Save(nil, &ex)
		}
		next, cmd := m.Update(press(tea.KeyCtrlR))
		m = runCmd(next.(model), cmd)
		m = step(m, press(tea.KeyDown))
		m = step(m, press(tea.KeyDown))
		want, _ := m.hist.selected()
		next, cmd = m.Update(press(tea.KeyEnter))
		m = runCmd(next.(model), cmd)
		if m.screen != screenRequest || m.cur.ex == nil || m.cur.ex.ID != want.ID {
			t.Fatalf("enter did not open #%d", want.ID)
		}
		if !strings.Contains(plain(m.View()), "OCTO support case 1193") {
			t.Errorf("the opened exchange does not show its note:\n%s", plain(m.View()))
		}
		checkScreen(t, "opened_with_note", m, sz.w, sz.h)
		next, cmd = m.Update(press(tea.KeyEsc))
		m = runCmd(next.(model), cmd)
		if m.screen != screenHistory {
			t.Fatalf("esc in the opened exchange shows screen %d, want the history list", m.screen)
		}
		if got, _ := m.hist.selected(); got.ID != want.ID {
			t.Errorf("back in the list the cursor is on #%d, want #%d", got.ID, want.ID)
		}
		checkScreen(t, "history_back", m, sz.w, sz.h)
		// r is not typed into the URL bar on the way.
		if v := m.req.url.Value(); strings.Contains(v, "r") && !strings.Contains(seedExamples[2].url, "r") {
			t.Errorf("URL bar %q", v)
		}
	}
}

// A Retry-After HTTP-date far ahead reads as a wait a person can take in
// (once "after 27879468.817291267 s").
func TestGoldenLongRetryAfterReadsAsDaysAndHours(t *testing.T) {
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		ex := exchangeResponse(503, "")
		ex.Headers.Set("Date", "Mon, 14 Mar 2026 15:09:26 GMT")
		ex.Headers.Set("Retry-After", "Thu, 21 Jan 2027 07:28:00 GMT")
		x := exchange.Exchange{ID: 3, Time: fixedNow, Request: exchange.Request{Method: "GET", URL: "https://api.example.com/v1/things"}, Response: &ex}
		x.Diagnosis = formats.DetectWith(503, ex.Headers, nil, formats.Options{})
		m.show(&x, fixedNow)
		v := plain(m.View())
		if strings.Contains(v, "27879468") || !strings.Contains(v, "wait 312d 17h") {
			t.Errorf("%dx%d: the wait does not read as days and hours:\n%s", sz.w, sz.h, v)
		}
		checkScreen(t, "retry_after_long", m, sz.w, sz.h)
	}
}

// OCTO sends every error as 400: its INTERNAL_SERVER_ERROR is told to be
// retried and the server's to fix, not to check the JSON syntax.
func TestGoldenOCTOServerErrorSentAs400(t *testing.T) {
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		s := seedExample{"octo", "https://api.octo.example/bookings", `{"error":"INTERNAL_SERVER_ERROR","errorMessage":"Internal server error"}`, "application/json", 400}
		ex := seedExchange(s)
		m.show(&ex, fixedNow)
		v := plain(m.View())
		if strings.Contains(v, "JSON syntax") || !strings.Contains(v, "yes: sending it again may work · the server's side acts") {
			t.Errorf("%dx%d: the advice is a client's:\n%s", sz.w, sz.h, v)
		}
		checkScreen(t, "octo_internal_error", m, sz.w, sz.h)
	}
}

// A huge text body taken as the message is cut to a few lines, so the
// request_id and the advice stay on screen; sizes use one unit system.
func TestGoldenLargeBodyMessageIsCapped(t *testing.T) {
	body := strings.Repeat("upstream connect error or disconnect/reset before headers. ", 4000)
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		resp := exchange.Response{Status: 502, Proto: "HTTP/1.1", Headers: http.Header{"Content-Type": {"text/plain"}, "X-Request-Id": {"0ce680b7-05d5-4a2b-b850-0114cc28a8f4"}},
			Body: body, Size: 17 << 20, Truncated: true}
		x := exchange.Exchange{ID: 9, Time: fixedNow, Request: exchange.Request{Method: "GET", URL: "https://api.example.com/v1/export"}, Response: &resp}
		x.Diagnosis = formats.DetectWith(502, resp.Headers, []byte(body), formats.Options{})
		m.show(&x, fixedNow)
		v := plain(m.View())
		if !strings.Contains(v, "more in the Response pane") || !strings.Contains(v, "0ce680b7") {
			t.Errorf("%dx%d: the message is not capped or the request_id is off screen:\n%s", sz.w, sz.h, v)
		}
		checkScreen(t, "large_body_message", m, sz.w, sz.h)
		m = step(m, press(tea.KeyTab))
		m = step(m, press(tea.KeyTab))
		m = step(m, press(tea.KeyTab))
		v = plain(m.View())
		if strings.Contains(v, " MB") || !strings.Contains(v, "MiB") {
			t.Errorf("%dx%d: sizes mix unit systems:\n%s", sz.w, sz.h, v)
		}
	}
}

// A multi-line curl command pasted without bracketed paste comes as
// lines, each ended by enter; or, folded by the URL bar, with its "\"s
// followed by spaces. Both fill the request (it once failed with "more
// than one URL given").
func TestGoldenUnbracketedMultiLineCurlPaste(t *testing.T) {
	lines := []string{
		`curl 'https://api.octo.example/bookings' \`,
		`  -H 'Content-Type: application/json' \`,
		`  -H 'X-Trace: abc' \`,
		`  --data '{"productId":"123"}'`,
	}
	check := func(t *testing.T, m model) {
		t.Helper()
		if m.status.err || m.req.url.Value() != "https://api.octo.example/bookings" || m.req.body.Value() != `{"productId":"123"}` ||
			!strings.Contains(m.req.headers.Value(), "X-Trace: abc") || m.req.method != "POST" {
			t.Errorf("status %q, method %s, URL %q, headers %q, body %q", m.status.text, m.req.method, m.req.url.Value(), m.req.headers.Value(), m.req.body.Value())
		}
	}
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		for _, l := range lines {
			m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(l)})
			m = step(m, press(tea.KeyEnter))
		}
		check(t, m)
		checkScreen(t, "curl_pasted_by_lines", m, sz.w, sz.h)

		m, _ = newTestModel(t, sz.w, sz.h, Options{})
		m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Join(lines, "\n"))})
		m = step(m, press(tea.KeyEnter))
		check(t, m)
	}
	if got := joinContinuations(`curl -d @my\ file.json https://x.example`); got != `curl -d @my\ file.json https://x.example` {
		t.Errorf("an escaped space inside a word was taken for a line end: %q", got)
	}
}

// An entry still loading when the person leaves the browser does not take
// the screen over when it arrives late.
func TestLateHistoryLoadIsDropped(t *testing.T) {
	m, store := newTestModel(t, 120, 40, Options{})
	ex := seedExchange(seedExamples[0])
	store.Save(nil, &ex)
	next, cmd := m.Update(press(tea.KeyCtrlR))
	m = runCmd(next.(model), cmd)
	next, load := m.Update(press(tea.KeyEnter))
	m = next.(model)
	m = step(m, press(tea.KeyEsc))
	m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("https://api.example.com/")})
	m = step(m, load())
	if m.cur.ex != nil || m.cur.offline || m.req.url.Value() != "https://api.example.com/" {
		t.Errorf("a late load took over: shown %v, offline %v, URL %q", m.cur.ex != nil, m.cur.offline, m.req.url.Value())
	}
}

// ? is its own binding: help where it is not text, a character in the URL
// bar.
func TestQuestionMarkIsHelpOnlyWhenNotTyping(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	if m.screen != screenRequest || m.req.url.Value() != "?" {
		t.Fatalf("? in the URL bar: screen %d, URL %q", m.screen, m.req.url.Value())
	}
	m = step(m, press(tea.KeyEsc)) // to the diagnosis pane
	m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	if m.screen != screenHelp {
		t.Errorf("? outside a text field shows screen %d, want help", m.screen)
	}
}

// Typing filters the demo route and profile pickers; enter takes the row
// under the cursor among those shown.
func TestGoldenPickersFilterAsYouType(t *testing.T) {
	routes := []demoRoute{
		{Method: "GET", Path: "/occuspace/v2/locations/1560", API: "occuspace", Status: 404, Description: "location not found"},
		{Method: "POST", Path: "/octo/bookings", API: "octo", Status: 400, Description: "INVALID_UNIT_ID: unknown unit"},
		{Method: "GET", Path: "/octo/products/123", API: "octo", Status: 400, Description: "INVALID_PRODUCT_ID"},
	}
	typeIn := func(m model, s string) model {
		for _, r := range s {
			k := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}
			if r == ' ' {
				k = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{r}}
			}
			m = step(m, k)
		}
		return m
	}
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{Demo: true})
		m = step(m, demoMsg{demo: demoHandle{URL: "http://127.0.0.1:7707", Routes: routes}})
		m = typeIn(m, "octo 123")
		checkScreen(t, "demo_filtered", m, sz.w, sz.h)
		m = step(m, press(tea.KeyEnter))
		if got := m.req.url.Value(); got != "http://127.0.0.1:7707/octo/products/123" {
			t.Errorf("enter on the filtered route filled %q", got)
		}

		m = step(m, press(tea.KeyCtrlP))
		m = typeIn(m, "raa")
		checkScreen(t, "profiles_filtered", m, sz.w, sz.h)
		m = step(m, press(tea.KeyEnter))
		if c, _ := m.choiceFor(m.req.url.Value()); c.api != "raalabs" {
			t.Errorf("enter on the filtered profile chose %q", c.api)
		}
	}
}

// alt+c copies the request as curl with its token redacted, alt+C with
// it; alt+b copies the body and alt+w writes it to a file, redacted.
func TestCopyAsCurlCopyAndSaveBody(t *testing.T) {
	var clip []string
	m, _ := newTestModel(t, 120, 40, Options{})
	m.svc.clipboard = func(s string) error { clip = append(clip, s); return nil }
	m.req.fill("GET", "https://api.occuspace.io/v2/locations/1560", http.Header{"Authorization": {"Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc"}}, "")
	alt := func(r rune) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: true} }
	// In the headers editor alt+c is the field's (capitalize a word).
	m = step(m, press(tea.KeyTab))
	if next, cmd := m.Update(alt('c')); runCmd(next.(model), cmd).req.headers.Value() == "" || len(clip) != 0 {
		t.Fatal("alt+c in the headers editor copied instead of editing")
	}
	m = step(m, press(tea.KeyEsc))
	next, cmd := m.Update(alt('c'))
	m = runCmd(next.(model), cmd)
	next, cmd = m.Update(alt('C'))
	m = runCmd(next.(model), cmd)
	if len(clip) != 2 || strings.Contains(clip[0], "sk_live_4eC39") || !strings.Contains(clip[0], "[REDACTED") || !strings.Contains(clip[1], "sk_live_4eC39") {
		t.Fatalf("curl copies: %q", clip)
	}
	if !strings.Contains(m.status.text, "WITH its secrets") {
		t.Errorf("status after alt+C: %q", m.status.text)
	}
	ex := seedExchange(seedExamples[0])
	ex.Request.Headers = http.Header{"Authorization": {"Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc"}}
	ex.Response.Body = `{"detail":"token sk_live_4eC39HqLyjWDarjtT1zdp7dc is not allowed \x1b[2J"}`
	m.show(&ex, fixedNow)
	next, cmd = m.Update(alt('b'))
	m = runCmd(next.(model), cmd)
	if len(clip) != 3 || strings.Contains(clip[2], "sk_live_4eC39") || strings.Contains(clip[2], "\x1b") {
		t.Errorf("body copy: %q", clip[len(clip)-1])
	}
	t.Chdir(t.TempDir())
	next, cmd = m.Update(alt('w'))
	m = runCmd(next.(model), cmd)
	b, err := os.ReadFile("apierr-body-7.json")
	if err != nil || strings.Contains(string(b), "sk_live_4eC39") || !strings.Contains(m.status.text, "apierr-body-7.json") {
		t.Errorf("saved body %q (%v), status %q", b, err, m.status.text)
	}
}

// A pasted curl command's options are kept, shown and sent; the alt keys
// change them; a flag that cannot be applied is named.
func TestGoldenRequestOptionsFromCurlAndKeys(t *testing.T) {
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		var sent probe.Options
		m.svc.send = func(_ context.Context, r probe.Request) exchange.Exchange {
			sent = r.Options
			return seedExchange(seedExamples[0])
		}
		m = m.importCurl("curl -L -m 10 -x http://proxy.example:3128 https://api.occuspace.io/v2/locations/1560")
		if !strings.Contains(m.status.text, "-L -m 10s -x http://proxy.example:3128") {
			t.Errorf("status %q does not name the kept options", m.status.text)
		}
		m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'r'}, Alt: true})
		m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'k'}, Alt: true})
		checkScreen(t, "request_options", m, sz.w, sz.h)
		m, cmd := m.sendFields()
		runCmd(m, cmd)
		if !sent.FollowRedirects || !sent.Insecure || sent.MaxTime != 10*time.Second || sent.Retry != 1 || sent.Proxy != "http://proxy.example:3128" {
			t.Errorf("sent options %+v", sent)
		}
		m = m.importCurl("curl --frobnicate https://api.example.com/x")
		if !m.status.err || !strings.Contains(m.status.text, "--frobnicate") {
			t.Errorf("an option that cannot be applied is not named: %q", m.status.text)
		}
	}
}

// With an environment active, replaying an opened exchange fills the
// redacted token whose hash matches one of its values, says which, and
// leaves the other markers; the saved replay keeps the token redacted.
func TestEnvironmentFillsRedactedMarkersOnReplay(t *testing.T) {
	const token = "demo-token"
	m, store := newTestModel(t, 120, 40, Options{})
	var sent []probe.Request
	m.svc.send = func(_ context.Context, r probe.Request) exchange.Exchange {
		sent = append(sent, r)
		ex := seedExchange(seedExamples[0])
		ex.ID = 0
		ex.Request.Headers = r.Header
		return ex
	}
	m = step(m, envsMsg{envs: []environment{{name: "staging", path: "envs/staging.env", vars: map[string]string{"TOKEN": token, "HOST": "api.occuspace.io"}}}})
	m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'e'}, Alt: true})
	m = step(m, press(tea.KeyDown))
	m = step(m, press(tea.KeyEnter))
	if env := m.activeEnv(); env == nil || !strings.Contains(plain(m.View()), "env: staging") {
		t.Fatalf("the environment is not active or not in the header:\n%s", plain(m.View()))
	}
	ex := seedExchange(seedExamples[0])
	ex.ID = 4
	ex.Request.Headers = http.Header{"Authorization": {"Bearer " + redact.Marker(token)}, "X-Other": {redact.Marker("something else")}}
	m, _ = m.openOffline(ex)
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")})
	m = runCmd(next.(model), cmd)
	if len(sent) != 1 || sent[0].Header.Get("Authorization") != "Bearer "+token || sent[0].Header.Get("X-Other") != redact.Marker("something else") {
		t.Fatalf("sent %v", sent)
	}
	if !strings.Contains(m.status.text, "filled TOKEN from environment staging") || !strings.Contains(m.status.text, "not filled") {
		t.Errorf("status %q", m.status.text)
	}
	if strings.Contains(m.req.headers.Value(), token) {
		t.Error("the token reached the headers pane")
	}
	for _, x := range store.xs {
		if strings.Contains(x.Request.Headers.Get("Authorization"), token) {
			t.Error("the replay was saved with the token")
		}
	}
	// ${VAR} in a field is filled from it too.
	m.req.fill("GET", "https://${HOST}/v2/locations/1560", nil, "")
	m, cmd = m.sendFields()
	runCmd(m, cmd)
	if got := sent[len(sent)-1].URL; got != "https://api.occuspace.io/v2/locations/1560" {
		t.Errorf("${HOST} sent as %q", got)
	}
}

// alt+j filters the body with jq as you type; a bad filter says what is
// wrong and keeps the last output; esc shows the body as it came.
func TestGoldenJQFilter(t *testing.T) {
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		ex := seedExchange(seedExamples[3]) // hanger-selector, with errors[]
		m.show(&ex, fixedNow)
		next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}, Alt: true})
		m = runCmd(next.(model), cmd)
		for _, r := range ".errors[0].reason" {
			next, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			m = runCmd(next.(model), cmd)
		}
		v := plain(m.View())
		if !strings.Contains(v, "1 result(s)") || !strings.Contains(v, `"bad building code"`) || strings.Contains(v, `"instance"`) {
			t.Errorf("%dx%d: the filter's output is not shown:\n%s", sz.w, sz.h, v)
		}
		checkScreen(t, "jq_filter", m, sz.w, sz.h)
		next, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'['}})
		m = runCmd(next.(model), cmd)
		if !m.jq.failed || !strings.Contains(m.jq.result, "does not parse") {
			t.Errorf("a bad filter: %q", m.jq.result)
		}
		next, cmd = m.Update(press(tea.KeyEsc))
		m = runCmd(next.(model), cmd)
		if m.jq.active || m.jq.filter != "" || !strings.Contains(plain(m.View()), `"instance"`) {
			t.Errorf("esc did not bring the body back:\n%s", plain(m.View()))
		}
	}
}

// A superseded run's late output is dropped.
func TestJQLateOutputIsDropped(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	ex := seedExchange(seedExamples[0])
	m.show(&ex, fixedNow)
	m.jq.active = true
	slow := m.runJQ(".title")
	m.runJQ(".detail")
	if msg := slow(); msg != nil {
		m = step(m, msg)
	}
	if strings.Contains(plain(m.View()), `"Not Found"`) && !strings.Contains(plain(m.View()), "instance") {
		t.Error("the superseded filter's output was shown")
	}
}

// A raw response pasted into the URL bar (curl -i output of the Occuspace
// 404 of seed 000, over HTTP/2) opens as an exchange with its diagnosis.
func TestGoldenPastedRawResponse(t *testing.T) {
	raw := "HTTP/2 404 \ncontent-type: application/problem+json\nx-request-id: f1b8698f-b0e8-4fb9-82e1-ddf89029350c\n\n" + seedExamples[0].body + "\n"
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(raw), Paste: true})
		if m.cur.ex == nil || m.cur.ex.Diagnosis.Status != 404 || m.cur.ex.Diagnosis.API != "occuspace" || m.cur.ex.Diagnosis.RequestID == "" {
			t.Fatalf("pasted response: %+v, status %q", m.cur.ex, m.status.text)
		}
		checkScreen(t, "pasted_response", m, sz.w, sz.h)
		m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("HTTP/1.1 404 Not Found\nthis is no header\n\n{}"), Paste: true})
		if !m.status.err {
			t.Errorf("a broken response is not named: %q", m.status.text)
		}
	}
}

// A HAR file's path in the URL bar imports it into the real history and
// opens the browser on the imported errors (ui/cli's session.har: an
// Occuspace 404, a TheRealReal 400 and a lookup failure).
func TestGoldenHARPathImportsAndShowsErrors(t *testing.T) {
	har, err := filepath.Abs(filepath.Join("cli", "testdata", "history", "session.har"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sz := range sizes {
		m, _ := newTestModel(t, sz.w, sz.h, Options{})
		st, err := openHistory(filepath.Join(t.TempDir(), "history.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		m = step(m, historyOpenedMsg{store: st})
		m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(har)})
		next, cmd := m.Update(press(tea.KeyEnter))
		m = runCmd(next.(model), cmd)
		if m.screen != screenHistory || m.hist.query.Value() != harQuery || len(m.hist.rows) != 3 {
			t.Fatalf("after the import: screen %d, query %q, %d rows; status %q", m.screen, m.hist.query.Value(), len(m.hist.rows), m.status.text)
		}
		if !strings.Contains(m.status.text, "imported 3 entries from session.har, 3 of them errors") {
			t.Errorf("status %q", m.status.text)
		}
		for i := range m.hist.rows {
			m.hist.rows[i].Time = fixedNow
		}
		checkScreen(t, "har_imported", m, sz.w, sz.h)
	}
}
