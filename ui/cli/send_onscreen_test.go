package cli

import (
	"strings"
	"testing"
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
