package ui

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/apierr/apierr/probe"
	tea "github.com/charmbracelet/bubbletea"
)

// sendURL types rawURL into the URL bar and sends it with the real probe,
// feeding the answer back.
func sendURL(t *testing.T, m model, rawURL string) model {
	t.Helper()
	m.req.fill("GET", rawURL, nil, "")
	m, cmd := m.sendFields()
	m = runCmd(m, cmd)
	if m.cur.ex == nil || m.cur.ex.Response == nil {
		t.Fatalf("no response from %s", rawURL)
	}
	return m
}

// withRealSend is a test model whose requests go over real sockets.
func withRealSend(t *testing.T, opts Options) model {
	m, _ := newTestModel(t, 160, 48, opts)
	m.svc.send = probe.Send
	return m
}

// A profile chosen for one host is used for that host only: the same
// server reached as "localhost" is explained automatically again.
func TestProfileChoiceAppliesToItsHostOnly(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		w.Write([]byte(seedExamples[4].body))
	}))
	defer srv.Close()
	m := withRealSend(t, Options{})
	m = sendURL(t, m, srv.URL+"/v1/products")
	m = step(m, press(tea.KeyCtrlP))
	for m.profPick.list.cursor < len(m.profPick.cells)-1 && m.profPick.cells[m.profPick.list.cursor][0] != "therealreal" {
		m = step(m, press(tea.KeyDown))
	}
	next, cmd := m.Update(press(tea.KeyEnter))
	m = runCmd(next.(model), cmd)
	if m.cur.ex.Diagnosis.API != "therealreal" || !strings.Contains(apiLine(m.cur.ex.Diagnosis), "chosen with ctrl+p for 127.0.0.1") {
		t.Fatalf("after choosing therealreal: api %q, line %q", m.cur.ex.Diagnosis.API, apiLine(m.cur.ex.Diagnosis))
	}
	m = sendURL(t, m, srv.URL+"/v1/products")
	if m.cur.ex.Diagnosis.API != "therealreal" {
		t.Errorf("the next request to the same host lost the choice: api %q", m.cur.ex.Diagnosis.API)
	}
	other := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	m = sendURL(t, m, other+"/v1/products")
	if m.cur.ex.Diagnosis.API == "therealreal" || strings.Contains(m.cur.ex.Diagnosis.APIMatch, "ctrl+p") {
		t.Errorf("a request to another host used the choice: api %q (%s)", m.cur.ex.Diagnosis.API, m.cur.ex.Diagnosis.APIMatch)
	}
}

// A demo route's profile does not stick to a later request whose body
// names its own API: Occuspace's problem type URI beats TheRealReal's
// route, the header says so, and the exchange is saved as occuspace.
func TestGoldenBodyCluesBeatAStaleChoice(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(occuspace404))
	defer srv.Close()
	for _, sz := range sizes {
		m, store := newTestModel(t, sz.w, sz.h, Options{})
		m.svc.send = probe.Send
		m.choose("therealreal", srv.URL, "set by the demo route")
		m = sendURL(t, m, srv.URL+"/occuspace/v2/locations/1560")
		d := m.cur.ex.Diagnosis
		if d.API != "occuspace" || !strings.Contains(d.APIMatch, "over therealreal set by the demo route") {
			t.Fatalf("api %q (%s), want occuspace matched by its body over the route's choice", d.API, d.APIMatch)
		}
		if len(store.xs) != 1 || store.xs[0].Diagnosis.API != "occuspace" {
			t.Errorf("saved with api %q, want occuspace", store.xs[0].Diagnosis.API)
		}
		if strings.Contains(plain(m.View()), "Tokens expire") {
			t.Error("TheRealReal's advice is shown on an Occuspace body")
		}
		// The frame holds the test server's port: name it.
		m.req.fill("GET", "http://127.0.0.1:7707/occuspace/v2/locations/1560", nil, "")
		m.cur.ex.Request.URL = m.req.url.Value()
		m.cur.ex.Timings = seedExchange(seedExamples[0]).Timings
		m.cur.ex.Response.Headers.Del("Date")
		m.resp.set(m.cur.ex, m.st)
		m.status = info("")
		m.shown = focusDiagnosis
		checkScreen(t, "body_clues_beat_choice", m, sz.w, sz.h)
	}
}

// An exchange opened from history is replayed with the profile it was
// saved with, not with the one chosen since.
func TestOpenedExchangeKeepsItsProfile(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(seedExamples[1].body))
	}))
	defer srv.Close()
	m := withRealSend(t, Options{})
	saved := seedExchange(seedExamples[1])
	saved.Request.URL = srv.URL + "/v1/vessel-1/engine.main.rpm"
	m.choose("octo", srv.URL, "chosen with ctrl+p for 127.0.0.1")
	m, _ = m.openOffline(saved)
	if c, _ := m.choiceFor(saved.Request.URL); c.api != "raalabs" {
		t.Fatalf("opened exchange: choice %+v, want raalabs as saved", c)
	}
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("r")})
	m = runCmd(next.(model), cmd)
	if m.cur.replayed == nil || m.cur.ex.Diagnosis.API != "raalabs" || !strings.Contains(m.cur.ex.Diagnosis.APIMatch, "as saved with #7") {
		t.Errorf("replay explained with %q (%s), want raalabs as saved", m.cur.ex.Diagnosis.API, m.cur.ex.Diagnosis.APIMatch)
	}
}

// ctrl+k in the picker remembers the choice for the host; a later
// session given the remembered table uses it with the reason shown.
func TestRememberedProfileForHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(occuspace404))
	defer srv.Close()
	var gotHost, gotAPI string
	m := withRealSend(t, Options{RememberProfile: func(h, a string) error { gotHost, gotAPI = h, a; return nil }})
	m.req.fill("GET", srv.URL+"/x", nil, "")
	m = step(m, press(tea.KeyCtrlP))
	m = step(m, press(tea.KeyDown))
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlK})
	m = runCmd(next.(model), cmd)
	if gotHost != "127.0.0.1" || gotAPI != profileNone {
		t.Fatalf("remembered %q for %q, want none for 127.0.0.1", gotAPI, gotHost)
	}
	if !strings.Contains(m.status.text, "127.0.0.1 uses no profile from now on") {
		t.Errorf("status %q", m.status.text)
	}
	m2 := withRealSend(t, Options{HostProfiles: map[string]string{"127.0.0.1": "occuspace"}})
	m2 = sendURL(t, m2, srv.URL+"/v2/locations/1560")
	if m2.cur.ex.Diagnosis.API != "occuspace" || !strings.Contains(apiLine(m2.cur.ex.Diagnosis), "remembered for 127.0.0.1") {
		t.Errorf("with a remembered profile: %q", apiLine(m2.cur.ex.Diagnosis))
	}
}
