package docimport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
)

// TestReadmeSchemaExample keeps the README's example profile loadable and
// complete: it must use every key of the schema.
func TestReadmeSchemaExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Skip("README.md not found beside the module")
	}
	_, section, ok := strings.Cut(string(readme), "## Teaching apierr another API")
	if !ok {
		t.Fatal("README has no 'Teaching apierr another API' section")
	}
	_, block, ok := strings.Cut(section, "```toml\n")
	if !ok {
		t.Fatal("the section has no ```toml example")
	}
	block, _, _ = strings.Cut(block, "```")
	p, err := formats.ParseProfile("README example", []byte(block))
	if err != nil {
		t.Fatalf("the README example does not load: %v", err)
	}
	for _, key := range []string{"name", "title", "source", "docs_url", "format", "summary", "hosts",
		"type_prefixes", "instance_prefixes", "[[status]]", "code", "description", "action",
		"[[error_code]]", "status", "attributes", "[[advice]]", "intro", "statuses", "classes", "steps",
		"[[field]]", "type", "[[example]]", "body"} {
		if !strings.Contains(block, "\n"+key+" ") && !strings.Contains(block, "\n"+key+"\n") {
			t.Errorf("the README example does not show %s", key)
		}
	}
	// And Encode writes the same profile back loadable.
	data, err := Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := formats.ParseProfile("re-encoded", data); err != nil {
		t.Errorf("re-encoded README example: %v", err)
	}
}

// TestReadmeImportSummary keeps the summary the README shows for Twirp's
// errors page the one an import of that page prints today.
func TestReadmeImportSummary(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Skip("README.md not found beside the module")
	}
	_, section, ok := strings.Cut(string(readme), "    $ apierr apis import twirp-errors.md --name twirp\n")
	if !ok {
		t.Fatal("README shows no import of Twirp's errors page")
	}
	var shown []string
	for _, l := range strings.Split(section, "\n") {
		if !strings.HasPrefix(l, "      ") {
			if len(shown) > 0 {
				break
			}
			continue
		}
		shown = append(shown, strings.TrimPrefix(l, "      "))
	}
	src, err := os.ReadFile(filepath.Join("testdata", "corpus", "twirp_errors.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rep := Import(src, Options{Name: "twirp"})
	if got := strings.Join(rep.Lines(), "\n"); got != strings.Join(shown, "\n") {
		t.Errorf("README shows:\n%s\n\nan import prints:\n%s", strings.Join(shown, "\n"), got)
	}
}
