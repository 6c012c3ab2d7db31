package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr/history/historytest"
)

// A history in a directory that cannot be written still answers list,
// search, show, ticket and export; send answers too and says once that
// it could not save. As root the checks run as the user nobody, since
// file modes do not bind root.
func TestReadOnlyHistoryCommands(t *testing.T) {
	shared := historytest.SharedDir(t)
	db := filepath.Join(shared, "ro", "history.db")
	if os.Getenv("APIERR_TEST_SHARED") == "" {
		srv := sendAPI(t)
		os.WriteFile(filepath.Join(shared, "url"), []byte(srv.URL), 0o644)
		os.Mkdir(filepath.Dir(db), 0o755)
		env, _, errb := sendEnv(t, nil)
		env.HistoryFlag = db
		if code := Send(env, []string{srv.URL + "/v2/locations/1560"}); code != ExitOK {
			t.Fatalf("send: exit %d: %s", code, errb)
		}
		os.Chmod(db, 0o444)
		os.Chmod(filepath.Dir(db), 0o555)
		if historytest.Unprivileged(t, "TestReadOnlyHistoryCommands", shared) {
			return
		}
	}
	url, _ := os.ReadFile(filepath.Join(shared, "url"))
	h := newHistoryEnv(t)
	h.env.HistoryFlag = db
	out := filepath.Join(t.TempDir(), "out.har")
	for _, args := range [][]string{
		{"list"}, {"search", "status:404 locat"}, {"show", "f1b8698f"}, {"ticket", "f1b8698f"}, {"export", "--har", out},
	} {
		stdout, stderr, code := h.run(args...)
		if code != ExitOK || stderr != "" || !strings.Contains(stdout+readFile(out), "f1b8698f") {
			t.Errorf("history %s: exit %d, stderr %q, stdout %q", strings.Join(args, " "), code, stderr, stdout)
		}
	}
	env, stdout, errb := sendEnv(t, nil)
	env.HistoryFlag = db
	if code := Send(env, []string{string(url) + "/v2/locations/1561"}); code != ExitOK {
		t.Fatalf("send on a read-only history: exit %d: %s", code, errb)
	}
	if !strings.Contains(stdout.String(), "404") {
		t.Errorf("send printed %q", stdout)
	}
	warn := errb.String()
	if strings.Count(warn, "\n") != 1 || !strings.Contains(warn, "not saved to history") || !strings.Contains(warn, db) {
		t.Errorf("send said %q: want one line saying the history at %s cannot be saved to", warn, db)
	}
}

func readFile(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}
