package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/probe"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// runCmd runs cmd and feeds what it yields back into the model, as the
// program would, a few levels deep. Timers (spinner, countdown) are not
// run: they would only sleep.
func runCmd(m model, cmd tea.Cmd) model {
	return runCmdDepth(m, cmd, 4)
}

func runCmdDepth(m model, cmd tea.Cmd, depth int) model {
	if cmd == nil || depth == 0 {
		return m
	}
	switch msg := cmd().(type) {
	case nil, tickMsg, spinner.TickMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmdDepth(m, c, depth)
		}
	default:
		next, c := m.Update(msg)
		m = runCmdDepth(next.(model), c, depth-1)
	}
	return m
}

func TestEachSeedDiagnosisShowsItsDocsAdvice(t *testing.T) {
	// What each seed's documented example must tell a person, in the
	// docs' own words.
	want := map[string][]string{
		"occuspace":       {"f1b8698f-b0e8-4fb9-82e1-ddf89029350c", "ctrl+y copies", "Verify that the location ID", "000_0d453bd9f91a630f.txt"},
		"raalabs":         {"Invalid 'to' timestamp", "001_763ea8bff2d64412.txt"},
		"octo":            {"INVALID_PRODUCT_ID", "The Product ID was invalid or missing", "productId: 123"},
		"hanger-selector": {"Building Code", "bad building code", "Verify input parameters"},
		"therealreal":     {"Check your request payload against the API specifications", "Field errors"},
	}
	st := DefaultStyles(true)
	for _, s := range seedExamples {
		t.Run(s.api, func(t *testing.T) {
			d := seedExchange(s).Diagnosis
			got := ansi.Strip(renderDiagnosis(d, 200, st, nil))
			for _, w := range want[s.api] {
				if !strings.Contains(got, w) {
					t.Errorf("diagnosis lacks %q:\n%s", w, got)
				}
			}
		})
	}
}

func TestRetryAfterCountsDown(t *testing.T) {
	secs := 30.0
	ex := seedExchange(seedExamples[0])
	ex.Response.Status, ex.Diagnosis.Status = 429, 429
	ex.Diagnosis.RetryAfterSeconds = &secs
	st := DefaultStyles(true)
	for _, c := range []struct {
		after time.Duration
		want  string
	}{
		{0, "wait 30s before retrying"},
		{12 * time.Second, "wait 18s before retrying"},
		{31 * time.Second, "Retry-After has elapsed"},
	} {
		left := countdown(retryDeadline(ex.Diagnosis, fixedNow), fixedNow.Add(c.after))
		if got := ansi.Strip(renderDiagnosis(ex.Diagnosis, 80, st, left)); !strings.Contains(got, c.want) {
			t.Errorf("%v after the response: want %q in\n%s", c.after, c.want, got)
		}
	}
	// Only 429 and 503 count down.
	ex.Diagnosis.Status = 404
	if !retryDeadline(ex.Diagnosis, fixedNow).IsZero() {
		t.Error("a 404 with Retry-After started a countdown")
	}
}

func TestLateReplyOfCancelledRequestIsDropped(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	m.req.url.SetValue("https://api.example.com/slow")
	m, _ = m.sendFields()
	first := m.sendTag
	m = step(m, press(tea.KeyEsc))
	if m.sending || m.status.text != "request cancelled" {
		t.Fatalf("esc while sending: sending=%v status %q", m.sending, m.status.text)
	}
	m = step(m, sentMsg{tag: first, ex: seedExchange(seedExamples[0])})
	if m.cur.ex != nil {
		t.Error("the reply of a cancelled request was shown")
	}
	// A superseded request: only the newest reply counts.
	m, _ = m.sendFields()
	old := m.sendTag
	m, _ = m.sendFields()
	m = step(m, sentMsg{tag: old, ex: seedExchange(seedExamples[0])})
	if m.cur.ex != nil {
		t.Error("the reply of a superseded request was shown")
	}
	m = step(m, sentMsg{tag: m.sendTag, ex: seedExchange(seedExamples[1])})
	if m.cur.ex == nil || m.cur.ex.Diagnosis.API != "raalabs" {
		t.Error("the reply of the newest request was not shown")
	}
}

func TestHistoryThatCannotOpenLeavesTheRestWorking(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{HistoryPath: "/tmp/x/history.db"})
	m.store = nil
	m = step(m, historyOpenedMsg{err: errors.New("history database is from a newer apierr")})
	if !m.status.err || !strings.Contains(m.status.text, "history unavailable (/tmp/x/history.db)") {
		t.Errorf("status %q, want one line naming the file", m.status.text)
	}
	m, _ = m.sendFields() // no URL: a clear line, no crash
	m.req.url.SetValue("https://api.example.com/")
	m, _ = m.sendFields()
	m = step(m, sentMsg{tag: m.sendTag, ex: seedExchange(seedExamples[0])})
	if m.cur.ex == nil || !strings.Contains(m.status.text, "not saved: history unavailable") {
		t.Errorf("after a send: status %q; want the response shown and the save declined", m.status.text)
	}
	m = step(m, press(tea.KeyCtrlR))
	if v := plain(m.View()); !strings.Contains(v, "history unavailable") {
		t.Errorf("the history browser does not say why it is empty:\n%s", v)
	}
}

func TestProfilePickerReexplains(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	ex := seedExchange(seedExamples[0])
	m.show(&ex, fixedNow)
	m = step(m, press(tea.KeyCtrlP))
	if m.screen != screenProfiles {
		t.Fatal("ctrl+p did not open the profile picker")
	}
	m = step(m, press(tea.KeyDown)) // "none"
	next, cmd := m.Update(press(tea.KeyEnter))
	m = runCmd(next.(model), cmd)
	if m.choice.api != profileNone || m.choice.host != "api.occuspace.io" || m.cur.ex.Diagnosis.API != "" {
		t.Errorf("after choosing none: choice %+v, diagnosis api %q", m.choice, m.cur.ex.Diagnosis.API)
	}
	if !strings.Contains(m.status.text, "no profile") {
		t.Errorf("status %q", m.status.text)
	}
}

func TestCopyTicketIsRedactedMarkdown(t *testing.T) {
	var out bytes.Buffer
	store := &memStore{}
	svc := fakeServices(store)
	var clip string
	svc.clipboard = func(s string) error { clip = s; return nil }
	m := newModel(Options{}, svc, &out, false, true)
	m = step(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	ex := seedExchange(seedExamples[0])
	ex.Request.Headers.Set("Authorization", "Bearer s3cr3t-token-value")
	m.show(&ex, fixedNow)
	next, cmd := m.Update(press(tea.KeyCtrlT))
	m = next.(model)
	msg := cmd() // renders the ticket
	next, cmd = m.Update(msg)
	m = next.(model)
	m = step(m, cmd()) // copies it
	if clip == "" || strings.Contains(clip, "s3cr3t-token-value") {
		t.Fatalf("ticket on the clipboard is empty or holds the secret:\n%s", clip)
	}
	if !strings.Contains(clip, "f1b8698f-b0e8-4fb9-82e1-ddf89029350c") {
		t.Errorf("ticket lacks the request_id:\n%s", clip)
	}
	if !strings.Contains(m.status.text, "copied support ticket (Markdown") {
		t.Errorf("status %q", m.status.text)
	}
	if !strings.Contains(out.String(), "\x1b]52;c;") {
		t.Error("no OSC 52 sequence written")
	}
}

func TestCopyInsideTmuxIsWrapped(t *testing.T) {
	var out bytes.Buffer
	msg := copyCmd(&out, true, nil, "abc", "request_id abc")()
	if _, ok := msg.(copiedMsg); !ok {
		t.Fatalf("got %T", msg)
	}
	// tmux keeps a plain OSC 52 when set-clipboard is on, and passes the
	// wrapped one on to the outer terminal when allow-passthrough is on.
	plainSeq := "\x1b]52;c;" + osc52Payload("abc") + "\a"
	if !strings.HasPrefix(out.String(), plainSeq) {
		t.Errorf("no plain OSC 52 for tmux's set-clipboard: %q", out.String())
	}
	if wrapped := strings.TrimPrefix(out.String(), plainSeq); !strings.HasPrefix(wrapped, "\x1bPtmux;") || !strings.Contains(wrapped, osc52Payload("abc")) {
		t.Errorf("not a tmux passthrough of OSC 52: %q", out.String())
	}
}

func TestTypingNeverTriggersPlainShortcuts(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	m.cur.saved = &exchange.Exchange{}
	m.cur.replayed = &exchange.Exchange{}
	for _, r := range "?rd" {
		m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	if m.screen != screenRequest || m.req.url.Value() != "?rd" {
		t.Errorf("typing ?rd in the URL bar: screen %d, URL %q", m.screen, m.req.url.Value())
	}
	m = step(m, press(tea.KeyEsc)) // leave the field
	m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	if m.screen != screenHelp {
		t.Error("? outside a field did not open help")
	}
}

func TestParseHeaders(t *testing.T) {
	h, err := parseHeaders("Accept: application/json\n\nAuthorization: Bearer x:y\n")
	if err != nil || h.Get("Accept") != "application/json" || h.Get("Authorization") != "Bearer x:y" {
		t.Errorf("got %v, %v", h, err)
	}
	if _, err := parseHeaders("Accept application/json"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("a line without a colon: %v", err)
	}
}

func TestSendFillsProfileAndHost(t *testing.T) {
	store := &memStore{}
	svc := fakeServices(store)
	var got probe.Request
	svc.send = func(_ context.Context, r probe.Request) exchange.Exchange {
		got = r
		return seedExchange(seedExamples[0])
	}
	m := newModel(Options{}, svc, nil, false, true)
	m.req.fill("POST", "https://api.occuspace.io/v2/x", nil, `{"a":1}`)
	m.choose("occuspace", "https://api.occuspace.io/", "chosen in the test")
	m, cmd := m.sendFields()
	m = runCmd(m, cmd)
	if got.Method != "POST" || string(got.Body) != `{"a":1}` || got.Options.API != "occuspace" {
		t.Errorf("sent %+v", got)
	}
	if len(store.xs) != 0 {
		t.Error("saved before the history was open")
	}
	m = runCmd(m, func() tea.Msg { return historyOpenedMsg{store: store} })
	if len(store.xs) != 1 || store.xs[0].Source != exchange.SourceTUI {
		t.Errorf("the exchange waiting for the history was not saved with source tui: %+v", store.xs)
	}
}

// A saved request carrying escape sequences (say, from an imported HAR)
// is shown inert in the editors.
func TestFilledFieldsAreInert(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	ex := seedExchange(seedExamples[0])
	ex.Request.URL = "https://api.example.com/\x1b]52;c;aGk=\x07"
	ex.Request.Body = "{\"a\":\"\x1b[31mred\"}"
	m, _ = m.openOffline(ex)
	v := m.View()
	if strings.Contains(v, "\x1b]52") || strings.Contains(v, "\x1b[31m") {
		t.Errorf("a server's escape sequence reached the screen: %q", v)
	}
}

// The browser asks for one page at a time, the next only when the cursor
// nears the end, and drops results of a filter already replaced.
func TestHistoryPagesLazilyAndDropsStaleResults(t *testing.T) {
	m, store := newTestModel(t, 120, 40, Options{})
	for i := 0; i < 2*historyPage+20; i++ {
		ex := seedExchange(seedExamples[i%len(seedExamples)])
		store.Save(context.Background(), &ex)
	}
	next, cmd := m.Update(press(tea.KeyCtrlR))
	m = runCmd(next.(model), cmd)
	total := 2*historyPage + 20
	if len(m.hist.rows) != historyPage || !strings.Contains(plain(m.View()), fmt.Sprintf("1 of %d exchanges", total)) {
		t.Fatalf("first page holds %d rows, want %d and the total %d:\n%s", len(m.hist.rows), historyPage, total, plain(m.View()))
	}
	for i := 0; i < 3; i++ {
		next, cmd = m.Update(press(tea.KeyPgDown))
		m = runCmd(next.(model), cmd)
	}
	if len(m.hist.rows) != 2*historyPage {
		t.Errorf("near the end of the first page: %d rows, want the second page fetched (%d)", len(m.hist.rows), 2*historyPage)
	}
	// end goes to the real last exchange, without loading what is between.
	next, cmd = m.Update(press(tea.KeyEnd))
	m = runCmd(next.(model), cmd)
	if e, _ := m.hist.selected(); e.ID != 1 || !strings.Contains(plain(m.View()), fmt.Sprintf("%d of %d exchanges", total, total)) {
		t.Fatalf("end: cursor on #%d, want the oldest (#1):\n%s", e.ID, plain(m.View()))
	}
	// Scrolling back up from there fetches the page before the window.
	for i := 0; i < 12; i++ {
		next, cmd = m.Update(press(tea.KeyPgUp))
		m = runCmd(next.(model), cmd)
	}
	if m.hist.base != 0 || len(m.hist.rows) != total {
		t.Errorf("after scrolling up from the end: window [%d, +%d), want the earlier rows prepended", m.hist.base, len(m.hist.rows))
	}
	for i, e := range m.hist.rows {
		if e.ID != int64(total-i) {
			t.Fatalf("row %d is #%d, want #%d: the window has a gap or a repeat", i, e.ID, total-i)
		}
	}
	// Typing supersedes the search in flight: its late page is dropped.
	stale := m.hist.tag
	m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("hanger")})
	m = step(m, searchMsg{tag: stale, rows: []entry{{ID: 999}}})
	if len(m.hist.rows) == 1 {
		t.Error("a page for the old filter replaced the list")
	}
}

// The URL input gives back the room a longer method label takes: after
// ctrl+o turns GET into POST, a URL that fits is still shown whole.
func TestURLBarFollowsTheMethodWidth(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("https://api.example.com/v1/things")})
	m = step(m, press(tea.KeyCtrlO))
	bar := strings.Split(plain(m.View()), "\n")[2]
	if !strings.Contains(bar, "POST ▸ https://api.example.com/v1/things") || strings.Contains(bar, "…") {
		t.Errorf("URL bar after ctrl+o: %q", bar)
	}
}

// At the 120 columns the README shows, a history row keeps an OCTO
// error code and its format whole; only the request_id is shortened.
func TestHistoryRowsKeepCodesWholeAt120Columns(t *testing.T) {
	e := entry{ID: 4, Time: fixedNow, Method: "GET", URL: "http://127.0.0.1:7707/octo/products/123", Status: 400,
		Format: "error-code-message", Code: "INVALID_PRODUCT_ID", RequestID: "809e394f-5a2b-4cc6-b376-052c0decf31a"}
	row := historyRows([]entry{e}, 118, fixedNow)[0]
	for _, want := range []string{"127.0.0.1:7707/octo/products/123", "error-code-message", "INVALID_PRODUCT_ID", "809e394f"} {
		if !strings.Contains(row, want) {
			t.Errorf("row lacks %q: %q", want, row)
		}
	}
}

// The diff of a replay compares lines: a line both answers share, next
// to lines that changed, stays a context line.
func TestDiffKeepsSharedLinesAsContext(t *testing.T) {
	// An OCTO answer replayed with a redacted key: what the TUI showed.
	before := "code: INVALID_PRODUCT_ID\ntitle:\nmessage: The Product ID was invalid or missing\n" +
		"request_id: 809e394f-5a2b-4cc6-b376-052c0decf31a\nbody:\n{\n  \"error\": \"INVALID_PRODUCT_ID\",\n" +
		"  \"errorMessage\": \"The Product ID was invalid or missing\",\n  \"productId\": \"123\"\n}\n"
	after := "code: FORBIDDEN\ntitle:\nmessage: The API key is invalid or has been revoked\n" +
		"request_id: 48e407e5-0cf0-49e0-9474-cd9d35cf209b\nbody:\n{\n  \"error\": \"FORBIDDEN\",\n" +
		"  \"errorMessage\": \"The API key is invalid or has been revoked\"\n}\n"
	got := lineDiff("saved", "replayed", before, after)
	for _, shared := range []string{"\n body:\n", "\n {\n", "\n }\n"} {
		if !strings.Contains(got, shared) {
			t.Errorf("shared line %q is not context:\n%s", strings.TrimSpace(shared), got)
		}
	}
	if strings.Contains(got, "-body:") || strings.Contains(got, "+body:") {
		t.Errorf("an unchanged line is shown as removed and added:\n%s", got)
	}
	if lineDiff("a", "b", before, before) != "" {
		t.Error("equal texts give a diff")
	}
}

// Secrets are redacted when saved, so `r` sends what the fields hold: the
// saved request until the real token is typed in, and says so.
func TestReplaySendsTheFieldsAndNamesRedactedSecrets(t *testing.T) {
	store := &memStore{}
	svc := fakeServices(store)
	var sent []probe.Request
	svc.send = func(_ context.Context, r probe.Request) exchange.Exchange {
		sent = append(sent, r)
		return seedExchange(seedExamples[2])
	}
	m := newModel(Options{}, svc, nil, false, true)
	m = step(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	ex := seedExchange(seedExamples[2])
	ex.ID = 4
	ex.Request.Headers = map[string][]string{"Authorization": {"Bearer [REDACTED:7c43ef5a]"}}
	m, _ = m.openOffline(ex)

	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")})
	m = runCmd(next.(model), cmd)
	if len(sent) != 1 || sent[0].Header.Get("Authorization") != "Bearer [REDACTED:7c43ef5a]" {
		t.Fatalf("replay sent %+v", sent)
	}
	if !strings.Contains(m.status.text, "replayed with redacted secrets") {
		t.Errorf("status %q does not say the secrets were sent redacted", m.status.text)
	}

	m.req.headers.SetValue("Authorization: Bearer demo-token")
	next, cmd = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")})
	m = runCmd(next.(model), cmd)
	if len(sent) != 2 || sent[1].Header.Get("Authorization") != "Bearer demo-token" {
		t.Fatalf("replay after typing the token sent %+v", sent[len(sent)-1])
	}
	if strings.Contains(m.status.text, "redacted") || m.cur.replayed == nil || m.cur.saved == nil || m.cur.saved.ID != 4 {
		t.Errorf("status %q, saved %v, replayed %v", m.status.text, m.cur.saved != nil, m.cur.replayed != nil)
	}
}

// A curl command pasted after a replay is a new request: the header no
// longer speaks of the replay and d has nothing to diff.
func TestCurlAfterReplayStartsAfresh(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	saved, replayed := seedExchange(seedExamples[0]), seedExchange(seedExamples[2])
	m.cur.saved, m.cur.replayed = &saved, &replayed
	m = m.importCurl("curl -X POST https://api.example.com/v1/orders -d '{}'")
	if m.cur.saved != nil || m.cur.replayed != nil || strings.Contains(plain(m.View()), "replay of") {
		t.Errorf("the replay of #%d still applies to a pasted curl command", saved.ID)
	}
}

// At 80 columns a long host and path keeps both ends: the host's start
// and the endpoint.
func TestHistoryRowsKeepBothEndsOfALongPath(t *testing.T) {
	e := entry{ID: 1, Time: fixedNow, Method: "GET", URL: "http://127.0.0.1:7707/other/compressed/zstd", Status: 400,
		Format: "error-string", RequestID: "90f5f453-ed5e-41cf-b951-368f7daa4dc4"}
	row := historyRows([]entry{e}, 78, fixedNow)[0]
	if !strings.Contains(row, "127.0") || !strings.Contains(row, "…") || !strings.Contains(row, "zstd") {
		t.Errorf("row %q lost the start or the end of the host and path", row)
	}
	if got := cutMiddle("api.octo.example/products/123", 21); got != "api.oct…/products/123" || ansi.StringWidth(got) != 21 {
		t.Errorf("cutMiddle = %q", got)
	}
}

// The demo picker does not repeat the API column at the start of each
// description, so at 80 columns what the route shows is what fits.
func TestDemoRowsDropTheAPINameFromDescriptions(t *testing.T) {
	for _, c := range []struct{ desc, api, want string }{
		{"Raa Labs: a day of engine RPM readings", "raalabs", "a day of engine RPM readings"},
		{"Hanger Selector: hangers of building B12", "hanger-selector", "hangers of building B12"},
		{"OCTO UNAUTHORIZED: no API key in the Authorization header", "octo", "UNAUTHORIZED: no API key in the Authorization header"},
		{"TheRealReal: one product", "therealreal", "one product"},
		{"GraphQL: a partial failure reported in errors[] of a 200", "", "GraphQL: a partial failure reported in errors[] of a 200"},
		{"Occuspace-like note: kept", "octo", "Occuspace-like note: kept"},
	} {
		if got := withoutAPIName(c.desc, c.api); got != c.want {
			t.Errorf("withoutAPIName(%q, %q) = %q, want %q", c.desc, c.api, got, c.want)
		}
	}
}

// ctrl+p opens the profile picker on the profile in use, say the one a
// demo route chose, so enter keeps it.
func TestProfilePickerOpensOnTheProfileInUse(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	m.req.fill("GET", "http://127.0.0.1:7707/raalabs/v1/x", nil, "")
	m.choose("raalabs", m.req.url.Value(), "set by the demo route")
	m = step(m, press(tea.KeyCtrlP))
	if m.screen != screenProfiles || !strings.Contains(plain(m.View()), "› raalabs") {
		t.Fatalf("the picker does not point at raalabs:\n%s", plain(m.View()))
	}
	m = step(m, press(tea.KeyEnter))
	if m.choice.api != "raalabs" {
		t.Errorf("enter changed the profile to %q", m.choice.api)
	}
}

// A URL typed without its scheme is named in the status bar with the
// fix, as apierr send does; nothing is sent or saved.
func TestURLWithoutSchemeIsAFixNotAnExchange(t *testing.T) {
	store := &memStore{}
	svc := fakeServices(store)
	sent := 0
	svc.send = func(context.Context, probe.Request) exchange.Exchange { sent++; return exchange.Exchange{} }
	m := newModel(Options{}, svc, nil, false, true)
	m = step(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("127.0.0.1:7707/octo/products")})
	next, cmd := m.Update(press(tea.KeyEnter))
	m = runCmd(next.(model), cmd)
	if sent != 0 || len(store.xs) != 0 {
		t.Errorf("sent %d, saved %d", sent, len(store.xs))
	}
	if !strings.Contains(m.status.text, "did you mean http://127.0.0.1:7707/octo/products") {
		t.Errorf("status %q", m.status.text)
	}
}

// Before the first send the Response pane's hint is wrapped, not cut, in
// the side-by-side layout of 120 columns.
func TestEmptyResponseHintIsWhole(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	if v := plain(m.View()); !strings.Contains(v, "ctrl+s).") || strings.Contains(v, "(or c…") {
		t.Errorf("the hint is cut:\n%s", v)
	}
}

// The status bar names the copied ticket's request_id whole at 120
// columns, with how it was copied.
func TestTicketCopiedStatusFits120Columns(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	m = step(m, ticketMsg{text: "### API error\n", rid: "0ce680b7-05d5-4a2b-b850-0114cc28a8f4"})
	m = step(m, copiedMsg{what: "support ticket (Markdown, 39 lines) for request_id 0ce680b7-05d5-4a2b-b850-0114cc28a8f4"})
	lines := strings.Split(plain(m.View()), "\n")
	status := strings.Join(lines[len(lines)-2:], " ")
	for _, want := range []string{"0ce680b7-05d5-4a2b-b850-0114cc28a8f4", "(OSC 52; no system clipboard here)"} {
		if !strings.Contains(status, want) {
			t.Errorf("status bar %q lacks %q", status, want)
		}
	}
	if len(lines) != 40 {
		t.Errorf("a two-line status made the frame %d lines", len(lines))
	}
}
