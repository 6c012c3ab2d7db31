package cli

import (
	"os"
	"strings"
	"testing"
)

// README's explain sample is what a reader types and expects to see: the
// output it quotes must be the command's output, byte for byte (once the
// sample's four-space indent is taken off).
func TestREADMEExplainSampleIsTheRealOutput(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const prompt = "    $ apierr explain --raw ui/cli/testdata/seeds/occuspace_404.http\n"
	s := string(raw)
	i := strings.Index(s, prompt)
	if i < 0 {
		t.Fatal("README.md no longer quotes `apierr explain --raw ui/cli/testdata/seeds/occuspace_404.http`")
	}
	var want strings.Builder
	for _, l := range strings.Split(s[i+len(prompt):], "\n") {
		if l != "" && !strings.HasPrefix(l, "    ") {
			break
		}
		want.WriteString(strings.TrimPrefix(l, "    ") + "\n")
	}
	te := newExplainTestEnv(t)
	if code := Explain(te.Env, []string{"--raw", explainSeedFile("occuspace_404.http")}); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.errOut)
	}
	got := strings.TrimRight(te.out.String(), "\n")
	if w := strings.TrimRight(want.String(), "\n"); got != w {
		t.Errorf("README's explain sample is not what the command prints.\nREADME:\n%s\n\nreal output:\n%s", w, got)
	}
}
