package ui

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats/redact"
	tea "github.com/charmbracelet/bubbletea"
)

// hostileRID is a request_id with OSC 52 (clipboard write) and OSC 0
// (window title) sequences, their C1 forms and a bidi override.
const hostileRID = "rid-\x1b]52;c;ZXZpbA==\x07-\x1b]0;pwned\x07-\u009d0;t\u009c-\u202eevil"

func terminalControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return true
		}
	}
	return false
}

// copyWith presses key on an exchange whose request_id is rid and returns
// what reached the clipboard, the OSC 52 payload written and the status.
func copyWith(t *testing.T, svc services, key tea.KeyType, rid string, secretHeader, secret string) (clip, osc, status string) {
	t.Helper()
	var out bytes.Buffer
	svc.clipboard = func(s string) error { clip = s; return nil }
	m := newModel(Options{}, svc, &out, false, true)
	m = step(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	ex := seedExchange(seedExamples[0])
	ex.Diagnosis.RequestID = rid
	if secretHeader != "" {
		ex.Request.Headers.Set(secretHeader, secret)
	}
	m.show(&ex, fixedNow)
	next, cmd := m.Update(press(key))
	m = next.(model)
	for cmd != nil {
		next, cmd = m.Update(cmd())
		m = next.(model)
	}
	w := out.String()
	if i := strings.Index(w, "\x1b]52;c;"); i >= 0 {
		rest := w[i+len("\x1b]52;c;"):]
		if j := strings.IndexByte(rest, '\a'); j >= 0 {
			b, _ := base64.StdEncoding.DecodeString(rest[:j])
			osc = string(b)
		}
	}
	return clip, osc, m.status.text
}

func TestCopiedRequestIDIsInert(t *testing.T) {
	clip, osc, status := copyWith(t, fakeServices(&memStore{}), tea.KeyCtrlY, hostileRID, "", "")
	if clip == "" || osc != clip {
		t.Fatalf("clipboard %q, OSC 52 payload %q", clip, osc)
	}
	for name, s := range map[string]string{"clipboard": clip, "status bar": status} {
		if terminalControl(s) {
			t.Errorf("%s holds a raw control: %q", name, s)
		}
	}
	if !strings.Contains(clip, "rid-␛]52;c;ZXZpbA==␇") || !strings.Contains(status, "copied request_id rid-") {
		t.Errorf("the id is not shown visibly: clipboard %q, status %q", clip, status)
	}
	clip, _, status = copyWith(t, fakeServices(&memStore{}), tea.KeyCtrlT, hostileRID, "", "")
	if terminalControl(strings.ReplaceAll(clip, "\n", "")) || terminalControl(status) {
		t.Errorf("ticket copy holds a raw control:\n%q\nstatus %q", clip, status)
	}
}

// The config's [redact] names reach the TUI's copies: a tenant pin sent
// in X-Tenant-Pin and echoed in the request_id is in neither the copied
// id nor the copied ticket.
func TestCopiesUseTheConfigRedactor(t *testing.T) {
	const pin = "pin-4417-Kx"
	svc := fakeServices(&memStore{})
	real := defaultServices(redact.New([]string{"tenant_pin"}))
	svc.redactor, svc.ticket = real.redactor, real.ticket
	for _, key := range []tea.KeyType{tea.KeyCtrlY, tea.KeyCtrlT} {
		clip, osc, status := copyWith(t, svc, key, "req-"+pin, "X-Tenant-Pin", pin)
		if clip == "" {
			t.Fatalf("key %v: nothing copied (status %q)", key, status)
		}
		for name, s := range map[string]string{"clipboard": clip, "OSC 52": osc, "status": status} {
			if strings.Contains(s, pin) {
				t.Errorf("key %v: %s holds the pin: %q", key, name, s)
			}
		}
	}
}
