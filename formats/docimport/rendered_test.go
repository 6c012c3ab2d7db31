package docimport

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// TestCorpusRendered renders each Markdown page of the corpus to HTML the
// way a docs site's build does (GitHub-flavoured Markdown with goldmark,
// raw HTML kept, front matter consumed and its title the h1, the article
// inside a page with navigation and scripts) and imports the HTML: it
// must say what the Markdown says, to the same floors. MDX components
// are not rendered (a site's build would), so tabbed pages lose a little.
func TestCorpusRendered(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	var lines []string
	right, got, want := 0, 0, 0
	for _, c := range corpus {
		if !strings.HasSuffix(c.file, ".md") && !strings.HasSuffix(c.file, ".mdx") {
			continue
		}
		src, err := os.ReadFile(filepath.Join("testdata", "corpus", c.file))
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		text := stripFrontMatter(string(src))
		if title := frontMatterTitle(string(src[:len(src)-len(text)])); title != "" && !mdH1.MatchString(text) {
			body.WriteString("<h1>" + title + "</h1>\n") // the site's page title
		}
		if err := md.Convert([]byte(text), &body); err != nil {
			t.Fatal(err)
		}
		page := "<!DOCTYPE html><html><head><title>Errors</title><script>var nav = 1;</script></head><body>" +
			"<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/errors\">Errors</a></li></ul></nav>" +
			"<main><article>" + body.String() + "</article></main><footer>© docs</footer></body></html>"
		p, rep := Import([]byte(page), Options{Name: "rendered"})
		if rep.Kind != KindHTML {
			t.Errorf("%s: rendered page read as %s", c.file, rep.Kind)
		}
		w, g := wantFacts(c), gotFacts(p)
		r, wrong, missing := score(w, g)
		right, got, want = right+r, got+len(g), want+len(w)
		pr, rc := ratio(r, len(g)), ratio(r, len(w))
		lines = append(lines, fmt.Sprintf("%-40s precision %5.1f%%  recall %5.1f%%", c.file, 100*pr, 100*rc))
		if pr < 0.8 || rc < 0.8 {
			t.Errorf("%s as HTML: precision %.1f%%, recall %.1f%%\n  wrong: %s\n  missing: %s", c.file, 100*pr, 100*rc, clipList(wrong), clipList(missing))
		}
	}
	lines = append(lines, fmt.Sprintf("rendered: precision %.1f%%, recall %.1f%%", 100*ratio(right, got), 100*ratio(right, want)))
	t.Log("\n" + strings.Join(lines, "\n"))
	if ratio(right, got) < 0.95 || ratio(right, want) < 0.95 {
		t.Error("the rendered pages are below 95%")
	}
}
