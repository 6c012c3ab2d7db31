package cli

import (
	"strings"
	"testing"

	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// -k on a plain-HTTP request does not claim TLS was left unchecked, and
// send says which history id it saved the exchange as.
func TestSendInsecureOnHTTPAndSavedID(t *testing.T) {
	srv := sendAPI(t)
	defer srv.Close()
	env, out, errb := sendEnv(t, nil)
	if code := Send(env, []string{"-k", srv.URL + "/v2/locations/1560"}); code != ExitOK {
		t.Fatalf("send: %d %s", code, errb)
	}
	if strings.Contains(out.String(), "NOT verified") || !strings.Contains(out.String(), "has no effect here: the request used plain HTTP") {
		t.Errorf("-k on http:// is told as unverified TLS:\n%s", out)
	}
	if !strings.Contains(errb.String(), "saved to history as #1 (apierr history show 1)") {
		t.Errorf("send did not say its history id: %q", errb)
	}
}

// The timing column lines up on a colour terminal too, where escape
// sequences around the phase names once counted as width.
func TestSendTimingColumnAlignsInColour(t *testing.T) {
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	lipgloss.SetColorProfile(termenv.ANSI256)
	ex := sendGoldenExchange()
	styled := renderSend(ex, 80, render.DefaultStyles())
	if !strings.Contains(styled, "\x1b[") {
		t.Fatal("the styled output has no escape sequences: the test would prove nothing")
	}
	out := ansi.Strip(styled)
	col := -1
	for _, l := range strings.Split(out, "\n") {
		if i := strings.Index(l, " ms  █"); i >= 0 && strings.HasPrefix(l, "  ") {
			if col >= 0 && i != col {
				t.Errorf("timing figures end at column %d and %d:\n%s", col, i, out)
			}
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no timing rows in:\n%s", out)
	}
}
