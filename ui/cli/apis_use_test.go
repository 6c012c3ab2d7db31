package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// apis use keeps a profile for a host in config.toml, next to the
// settings already there; send then explains that host's answers with
// it and says why; auto forgets it.
func TestAPIsUseKeepsAProfileForAHost(t *testing.T) {
	env, out, errb := sendEnv(t, nil)
	if err := os.MkdirAll(env.ConfigDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(env.ConfigPath(), []byte("[redact]\nnames = [\"x-tenant-pin\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := APIsUse(env, []string{"octo", "--host", "127.0.0.1"}); code != ExitOK {
		t.Fatalf("apis use: %d %s", code, errb)
	}
	if !strings.Contains(out.String(), "127.0.0.1 uses profile octo from now on") {
		t.Errorf("apis use said %q", out)
	}
	c, err := env.LoadConfig()
	if err != nil || c.Hosts["127.0.0.1"] != "octo" || len(c.Redact.Names) != 1 {
		t.Fatalf("config after apis use: %+v, %v", c, err)
	}
	if b, _ := os.ReadFile(env.ConfigPath()); strings.Contains(string(b), "history =") || strings.Contains(string(b), "user =") {
		t.Errorf("apis use wrote settings nobody set:\n%s", b)
	}

	srv := sendAPI(t)
	defer srv.Close()
	out.Reset()
	if code := Send(env, []string{"--json", "--no-history", srv.URL + "/v2/locations/1560"}); code != ExitOK {
		t.Fatalf("send: %d %s", code, errb)
	}
	var got struct {
		Diagnosis struct {
			API      string `json:"api"`
			APIMatch string `json:"api_match"`
		} `json:"diagnosis"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Diagnosis.API != "octo" || got.Diagnosis.APIMatch != "remembered for 127.0.0.1 (apierr apis use)" {
		t.Errorf("send explained with %+v, want octo remembered for the host", got.Diagnosis)
	}

	if code := APIsUse(env, []string{"auto", "--host", "127.0.0.1"}); code != ExitOK {
		t.Fatal(errb)
	}
	if c, _ := env.LoadConfig(); len(c.Hosts) != 0 {
		t.Errorf("auto left %v", c.Hosts)
	}
}

func TestAPIsUseBadUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"octo"}, "give a profile and a host"},
		{[]string{"--host", "a.example"}, "give a profile and a host"},
		{[]string{"nosuch", "--host", "a.example"}, `no API profile named "nosuch"`},
		{[]string{"octo", "--host", "https://a.example/x"}, "is not a host name"},
		{[]string{"octo", "--host"}, "--host"},
	} {
		env, _, errb := sendEnv(t, nil)
		if code := APIsUse(env, c.args); code != ExitUsage || !strings.Contains(errb.String(), c.want) || strings.Count(errb.String(), "\n") != 1 {
			t.Errorf("apis use %v: exit %d, %q; want one line with %q", c.args, code, errb, c.want)
		}
	}
}
