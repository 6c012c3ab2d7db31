package cli

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr/history/historytest"
)

// A team set up as the README says: an admin migrates, two people with
// their own config files send and search one store, the password never
// shows, and an exchange sent while the server is away is kept locally
// and synced later.
func TestTeamHistoryCommands(t *testing.T) {
	dsn := historytest.PostgresSchema(t)
	u, _ := url.Parse(dsn)
	const pw = "s3cret-team-pw"
	u.User = url.UserPassword(u.User.Username(), pw)
	team := u.String()
	srv := sendAPI(t)

	person := func(user string) *historyEnv {
		h := newHistoryEnv(t)
		os.MkdirAll(filepath.Join(h.vars["XDG_CONFIG_HOME"], "apierr"), 0o700)
		cfg := "history = \"" + team + "\"\nuser = \"" + user + "\"\n"
		if err := os.WriteFile(filepath.Join(h.vars["XDG_CONFIG_HOME"], "apierr", "config.toml"), []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		return h
	}
	alice, bob := person("alice"), person("bob")
	noPW := func(what, s string) {
		if strings.Contains(s, pw) {
			t.Errorf("%s shows the password: %s", what, s)
		}
	}

	out, errOut, code := alice.run("list")
	noPW("list before migrate", out+errOut)
	if code != ExitUsage || !strings.Contains(errOut, "apierr history migrate") {
		t.Errorf("list before migrate: exit %d, %q", code, errOut)
	}
	out, errOut, code = alice.run("migrate")
	noPW("migrate", out+errOut)
	if code != ExitOK || !strings.Contains(out, "schema version 0 → 1") {
		t.Fatalf("migrate: exit %d, %q %q", code, out, errOut)
	}

	alice.out.Reset()
	alice.errOut.Reset()
	if code := Send(alice.env, []string{srv.URL + "/v2/locations/1560"}); code != ExitOK || strings.Contains(alice.errOut.String(), "warning") {
		t.Fatalf("alice's send: exit %d, %s", code, alice.errOut)
	}
	out, errOut, code = bob.run("search", "user:alice", "status:404", "locat")
	noPW("search", out+errOut)
	if code != ExitOK || !strings.Contains(out, "f1b8698f") || !strings.Contains(out, "by alice on") {
		t.Errorf("bob does not see alice's exchange: exit %d, %q %q", code, out, errOut)
	}
	out, _, _ = bob.run("search", "user:alice", "--json")
	if !strings.Contains(out, `"user": "alice"`) {
		t.Errorf("--json without the user: %s", out)
	}

	// The server is away: bob's exchange stays on his machine.
	down := strings.Replace(team, u.Host, "127.0.0.1:1", 1)
	bob.vars["APIERR_HISTORY"] = down
	bob.out.Reset()
	bob.errOut.Reset()
	if code := Send(bob.env, []string{srv.URL + "/v2/locations/1561"}); code != ExitOK {
		t.Fatalf("send with the server away: exit %d", code)
	}
	warn := bob.errOut.String()
	noPW("send warning", warn)
	if strings.Count(warn, "\n") != 1 || !strings.Contains(warn, "kept in the local history") {
		t.Errorf("send with the server away said %q", warn)
	}
	delete(bob.vars, "APIERR_HISTORY")
	out, errOut, code = bob.run("sync")
	noPW("sync", out+errOut)
	if code != ExitOK || !strings.Contains(out, "Pushed 1 exchange") {
		t.Errorf("sync: exit %d, %q %q", code, out, errOut)
	}
	if out, _, _ = bob.run("sync"); !strings.Contains(out, "Pushed 0 exchanges") {
		t.Errorf("second sync: %q", out)
	}
	if out, _, _ = alice.run("search", "user:bob"); !strings.Contains(out, "1561") {
		t.Errorf("alice does not see bob's synced exchange: %q", out)
	}
}
