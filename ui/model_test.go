package ui

import (
	"bytes"
	"context"
	"errors"
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
	if m.ex != nil {
		t.Error("the reply of a cancelled request was shown")
	}
	// A superseded request: only the newest reply counts.
	m, _ = m.sendFields()
	old := m.sendTag
	m, _ = m.sendFields()
	m = step(m, sentMsg{tag: old, ex: seedExchange(seedExamples[0])})
	if m.ex != nil {
		t.Error("the reply of a superseded request was shown")
	}
	m = step(m, sentMsg{tag: m.sendTag, ex: seedExchange(seedExamples[1])})
	if m.ex == nil || m.ex.Diagnosis.API != "raalabs" {
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
	if m.ex == nil || !strings.Contains(m.status.text, "not saved: history unavailable") {
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
	if m.api != profileNone || m.ex.Diagnosis.API != "" {
		t.Errorf("after choosing none: api %q, diagnosis api %q", m.api, m.ex.Diagnosis.API)
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
	if !strings.HasPrefix(out.String(), "\x1bPtmux;") || !strings.Contains(out.String(), osc52Payload("abc")) {
		t.Errorf("not a tmux passthrough of OSC 52: %q", out.String())
	}
}

func TestTypingNeverTriggersPlainShortcuts(t *testing.T) {
	m, _ := newTestModel(t, 120, 40, Options{})
	m.saved = &exchange.Exchange{}
	m.replayed = &exchange.Exchange{}
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
	m.api = "occuspace"
	m.req.fill("POST", "https://api.occuspace.io/v2/x", nil, `{"a":1}`)
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
	if len(m.hist.rows) != historyPage || !strings.Contains(plain(m.View()), "more below") {
		t.Fatalf("first page holds %d rows, want %d and a 'more below' note", len(m.hist.rows), historyPage)
	}
	next, cmd = m.Update(press(tea.KeyEnd))
	m = runCmd(next.(model), cmd)
	if len(m.hist.rows) != 2*historyPage {
		t.Errorf("after moving to the last row: %d rows, want the second page fetched (%d)", len(m.hist.rows), 2*historyPage)
	}
	// Typing supersedes the search in flight: its late page is dropped.
	stale := m.hist.tag
	m = step(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("hanger")})
	m = step(m, searchMsg{tag: stale, rows: []entry{{ID: 999}}})
	if len(m.hist.rows) == 1 {
		t.Error("a page for the old filter replaced the list")
	}
}
