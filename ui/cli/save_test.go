package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr/history"
)

// openSaved opens the history a command wrote, as a later command would.
func openSaved(t *testing.T, path string) *history.Store {
	t.Helper()
	st, err := history.Open(path)
	if err != nil {
		t.Fatalf("open history: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestSendSavesToHistoryUnlessNoHistory(t *testing.T) {
	srv := sendAPI(t)
	env, _, errb := sendEnv(t, nil)
	env.HistoryFlag = filepath.Join(t.TempDir(), "h.db")

	if code := Send(env, []string{"-H", "Authorization: Bearer sk_live_abcdefghijklmnop1234", srv.URL + "/v2/locations/1560"}); code != ExitOK {
		t.Fatalf("send exit %d: %s", code, errb)
	}
	if code := Send(env, []string{"--no-history", srv.URL + "/v2/locations/1561"}); code != ExitOK {
		t.Fatalf("send --no-history exit %d: %s", code, errb)
	}
	st := openSaved(t, env.HistoryFlag)
	got, err := st.Search(context.Background(), "", 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !strings.HasSuffix(got[0].URL, "/1560") || got[0].RequestID != "f1b8698f-b0e8-4fb9-82e1-ddf89029350c" {
		t.Fatalf("history holds %+v, want only the first exchange with its request id", got)
	}
	ex, err := st.Get(context.Background(), got[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if ex.Source != "send" || strings.Contains(ex.Request.Headers.Get("Authorization"), "sk_live_") {
		t.Fatalf("saved exchange source %q, authorization %q: want send and redacted", ex.Source, ex.Request.Headers.Get("Authorization"))
	}
}

func TestSendWarnsWhenHistoryIsUnusable(t *testing.T) {
	srv := sendAPI(t)
	env, out, errb := sendEnv(t, nil)
	env.HistoryFlag = filepath.Join(t.TempDir(), "h.db")
	junk := []byte("this is not a database, and it must stay as it is\n")
	if err := os.WriteFile(env.HistoryFlag, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	if code := Send(env, []string{srv.URL}); code != ExitOK {
		t.Fatalf("send exit %d: %s", code, errb)
	}
	if !strings.Contains(out.String(), "404") {
		t.Fatalf("the result is still printed, got %q", out)
	}
	if lines := strings.Split(strings.TrimSpace(errb.String()), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "not saved to history") || !strings.Contains(lines[0], env.HistoryFlag) {
		t.Fatalf("want one warning line naming the file, got %q", errb)
	}
	if after, _ := os.ReadFile(env.HistoryFlag); string(after) != string(junk) {
		t.Fatal("the unusable history file was modified")
	}
}

func TestExplainSave(t *testing.T) {
	te := newExplainTestEnv(t)
	te.HistoryFlag = filepath.Join(t.TempDir(), "h.db")
	if code := Explain(te.Env, []string{"--raw", explainSeedFile("occuspace_404.http"), "--save"}); code != ExitOK {
		t.Fatalf("explain --save exit %d: %s", code, te.errOut)
	}
	if !strings.Contains(te.errOut.String(), "saved to history as #1") {
		t.Fatalf("want the saved id on stderr, got %q", te.errOut)
	}
	st := openSaved(t, te.HistoryFlag)
	ex, err := st.GetByRequestID(context.Background(), "f1b8698f")
	if err != nil {
		t.Fatalf("look up the saved response by request id prefix: %v", err)
	}
	if ex.Source != "explain" || ex.Response == nil || ex.Response.Status != 404 || ex.Diagnosis.API != "occuspace" {
		t.Fatalf("saved %+v", ex)
	}

	// history show says there was no request rather than printing a blank one.
	te.out.Reset()
	if code := History(te.Env, []string{"show", "f1b8698f"}); code != ExitOK {
		t.Fatalf("history show exit %d: %s", code, te.errOut)
	}
	if !strings.Contains(te.out.String(), "(none: a response pasted into apierr explain --save)") {
		t.Fatalf("history show of a pasted response:\n%s", te.out)
	}

	// Without --save nothing is written.
	te2 := newExplainTestEnv(t)
	te2.HistoryFlag = filepath.Join(t.TempDir(), "h.db")
	Explain(te2.Env, []string{"--raw", explainSeedFile("occuspace_404.http")})
	if _, err := os.Stat(te2.HistoryFlag); !os.IsNotExist(err) {
		t.Fatalf("explain without --save created %s", te2.HistoryFlag)
	}
}
