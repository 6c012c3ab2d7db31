package ui

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apierr/apierr/formats/redact"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// Profile scoping, as a person does it: choose TheRealReal with ctrl+p
// for 127.0.0.1, then send the same server's Occuspace 404 as localhost:
// it is explained by its own clues, not by the earlier choice.
func TestFlowProfileScopedToItsHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(occuspace404))
	defer srv.Close()
	tm := startFlow(t)
	tm.Type(srv.URL + "/v2/locations/1560")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "404 Not Found", "saved as #1")
	tm.Send(press(tea.KeyCtrlP))
	waitFor(t, tm, "API profile")
	tm.Type("therealreal")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "explained again with profile therealreal")

	// The URL bar still has the focus.
	tm.Send(press(tea.KeyCtrlA))
	tm.Send(press(tea.KeyCtrlK))
	tm.Type(strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/v2/locations/1560")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "saved as #2")
	tm.Send(press(tea.KeyCtrlC))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(model)
	if d := fm.cur.ex.Diagnosis; d.API != "occuspace" || strings.Contains(d.APIMatch, "ctrl+p") {
		t.Errorf("the localhost request was explained with %q (%s), want occuspace by its body", d.API, d.APIMatch)
	}
}

// An environment fills the redacted token of an exchange opened from
// history when it is replayed; the server sees the real token.
func TestFlowEnvironmentFillsReplay(t *testing.T) {
	const token = "demo-token"
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("Authorization"))
		occuspace404(w, r)
	}))
	defer srv.Close()
	cfg := t.TempDir()
	if err := os.MkdirAll(filepath.Join(cfg, "envs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "envs", "staging.env"), []byte("TOKEN="+token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startFlowIn(t, cfg)
	tm.Type(srv.URL + "/v2/locations/1560")
	tm.Send(press(tea.KeyTab))
	tm.Type("Authorization: Bearer " + token)
	tm.Send(press(tea.KeyCtrlS))
	waitFor(t, tm, "saved as #1")
	tm.Send(press(tea.KeyCtrlR))
	waitFor(t, tm, "1 of 1 exchange")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "opened #1 from history")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'e'}, Alt: true})
	waitFor(t, tm, "Environment")
	tm.Type("staging")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "environment staging")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")})
	waitFor(t, tm, "replay of #1")
	tm.Send(press(tea.KeyCtrlC))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(model)
	if !strings.Contains(fm.status.text, "filled TOKEN from environment staging") {
		t.Errorf("status %q does not say the token was filled", fm.status.text)
	}
	if len(got) != 2 || got[1] != "Bearer "+token {
		t.Errorf("the server saw %q, want the real token on the replay", got)
	}
	if strings.Contains(fm.req.headers.Value(), token) {
		t.Error("the token reached the headers pane")
	}
	if !strings.Contains(fm.req.headers.Value(), redact.Marker(token)) {
		t.Errorf("the opened exchange's headers: %q", fm.req.headers.Value())
	}
}

// jq filters a real response live; a pasted raw response opens with its
// diagnosis.
func TestFlowJQAndPastedResponse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(occuspace404))
	defer srv.Close()
	tm := startFlow(t)
	tm.Type(srv.URL + "/v2/locations/1560")
	tm.Send(press(tea.KeyEnter))
	waitFor(t, tm, "saved as #1")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}, Alt: true})
	tm.Type(".request_id")
	waitFor(t, tm, "1 result(s)")
	tm.Send(press(tea.KeyEnter))
	tm.Send(press(tea.KeyEsc))

	raw := "HTTP/1.1 422 Unprocessable Entity\nContent-Type: application/json\n\n" + seedExamples[4].body + "\n"
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(raw), Paste: true})
	waitFor(t, tm, "pasted response shown: 422")
	tm.Send(press(tea.KeyCtrlC))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(model)
	if fm.cur.ex == nil || fm.cur.ex.Diagnosis.Status != 422 || fm.cur.ex.Diagnosis.Format != "error-object" {
		t.Errorf("pasted response: %+v", fm.cur.ex)
	}
}
