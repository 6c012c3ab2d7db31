package docimport

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
)

func warnings(rep Report) string { return strings.Join(rep.Warnings, "\n") }

func TestNoTables(t *testing.T) {
	src := []byte("Welcome to our API.\n\nWe hope you enjoy it. Contact us any time.\n")
	p, rep := Import(src, Options{Name: "prose"})
	if rep.Found() {
		t.Fatalf("a page of prose gave a profile: %+v", p)
	}
	if got := strings.Join(rep.Lines(), "\n"); !strings.Contains(got, "status codes: 0 rows") || !strings.Contains(got, "advice: none found") {
		t.Errorf("report does not say nothing was found:\n%s", got)
	}
}

func TestMissingCells(t *testing.T) {
	t.Run("markdown row", func(t *testing.T) {
		src := "# Errors\n\n| Code | Name | Description |\n|---|---|---|\n| 400 | Bad Request | The body is not valid JSON |\n| 404 | Not Found |\n"
		p, rep := Import([]byte(src), Options{Name: "m"})
		if len(p.Statuses) != 2 || p.Statuses[1].Description != "" {
			t.Fatalf("statuses %+v", p.Statuses)
		}
		if !strings.Contains(warnings(rep), `row "404" has no description cell`) {
			t.Errorf("no warning about the missing cell: %q", rep.Warnings)
		}
	})
	t.Run("copied cells", func(t *testing.T) {
		// The 401 row lost its description: the next row starts early.
		src := "Status Code\nName\nDescription\n400\nBad Request\nThe body is invalid\n401\nUnauthorized\n404\nNot Found\nNo such thing\n"
		p, rep := Import([]byte(src), Options{Name: "c"})
		want := []formats.StatusDoc{st(400, "Bad Request", "The body is invalid", ""), st(401, "Unauthorized", "", ""), st(404, "Not Found", "No such thing", "")}
		if fmt.Sprint(p.Statuses) != fmt.Sprint(want) {
			t.Errorf("statuses %+v, want %+v", p.Statuses, want)
		}
		if !strings.Contains(warnings(rep), `row "401" has no description cell`) {
			t.Errorf("no warning about the missing cell: %q", rep.Warnings)
		}
	})
}

func TestConflictingRows(t *testing.T) {
	src := "| Code | Description |\n|---|---|\n| 404 | No such order |\n| 404 | No such customer |\n| 404 | No such order |\n| 299 | Made up |\n\n" +
		"| Error code | Description |\n|---|---|\n| E_AUTH | Bad token |\n| E_AUTH | Expired token |\n"
	p, rep := Import([]byte(src), Options{Name: "dup"})
	if len(p.Statuses) != 2 || p.Statuses[0].Description != "No such order" {
		t.Errorf("statuses %+v: want the first 404 row kept, and 299", p.Statuses)
	}
	w := warnings(rep)
	for _, want := range []string{"status 404 is listed twice with different text", "status 299 is not a registered HTTP status", "error code E_AUTH is listed twice"} {
		if !strings.Contains(w, want) {
			t.Errorf("no warning %q in:\n%s", want, w)
		}
	}
	if strings.Count(w, "404") != 1 {
		t.Errorf("the identical third 404 row should not be reported again:\n%s", w)
	}
}

// An HTML page whose scripts and styles hold text that looks like docs:
// none of it may reach the profile. Its definition list is the status
// table and its h3 sections are advice.
const scriptedPage = `<!DOCTYPE html><html><head><title>Errors</title>
<style>.x:before { content: "500 Internal Server Error"; }</style>
<script>var rows = "<table><tr><td>418</td><td>teapot</td></tr></table>"; document.write("<h3>402 Payment Required</h3>");</script>
</head><body><nav><ul><li>Home</li></ul></nav>
<h1>Errors</h1>
<p>Every error body is a JSON object.</p>
<pre><code>{"error": {"code": "rate_limited", "message": "Slow down"}}</code></pre>
<h2>Status codes</h2>
<dl>
<dt>400 Bad Request</dt><dd>The request could not be read.</dd>
<dt>429 Too Many Requests</dt><dd>You sent too many requests.</dd>
</dl>
<script type="application/json">{"status": 503}</script>
<h3>429 Too Many Requests</h3>
<p>Wait for the time given in Retry-After.</p>
<ul><li>Send fewer requests</li><li>Spread them over time</li></ul>
<noscript><p>503 Service Unavailable</p></noscript>
</body></html>`

func TestHTMLScriptsAndStyles(t *testing.T) {
	p, rep := Import([]byte(scriptedPage), Options{Name: "scripted"})
	if rep.Kind != KindHTML {
		t.Fatalf("read as %s", rep.Kind)
	}
	want := []formats.StatusDoc{st(400, "Bad Request", "The request could not be read.", ""), st(429, "Too Many Requests", "You sent too many requests.", "")}
	if fmt.Sprint(p.Statuses) != fmt.Sprint(want) {
		t.Errorf("statuses %+v, want %+v", p.Statuses, want)
	}
	if len(p.Advice) != 1 || fmt.Sprint(p.Advice[0].Statuses) != "[429]" ||
		strings.Join(p.Advice[0].Steps, "|") != "Wait for the time given in Retry-After.|Send fewer requests|Spread them over time" {
		t.Errorf("advice %+v", p.Advice)
	}
	if p.Format != "error-object" || len(p.Examples) != 1 {
		t.Errorf("format %q with %d examples, want error-object from 1", p.Format, len(p.Examples))
	}
	data, _ := Encode(p)
	for _, leak := range []string{"teapot", "418", "402", "503", "document.write", "content:"} {
		if bytes.Contains(data, []byte(leak)) {
			t.Errorf("script or style text %q reached the profile:\n%s", leak, data)
		}
	}
	if !strings.Contains(warnings(rep), "script, style or template elements were ignored") {
		t.Errorf("no note about ignored scripts: %q", rep.Warnings)
	}
}

func TestNotUTF8(t *testing.T) {
	// Windows-1252: é is 0xE9, the right quote 0x92.
	src := []byte("| Code | Description |\n|---|---|\n| 409 | Caf\xe9 order already exists; it\x92s paid |\n")
	p, rep := Import(src, Options{Name: "latin"})
	if len(p.Statuses) != 1 || p.Statuses[0].Description != "Café order already exists; it’s paid" {
		t.Errorf("statuses %+v", p.Statuses)
	}
	if !strings.Contains(warnings(rep), "not valid UTF-8") {
		t.Errorf("no encoding warning: %q", rep.Warnings)
	}
}

// bigPage is a 5 MB page: a real status table, then megabytes of prose,
// stray braces that never close and headings with nothing under them.
func bigPage() []byte {
	var b bytes.Buffer
	b.WriteString("# Errors\n\n| Code | Description |\n|---|---|\n| 400 | Bad input |\n| 503 | Down for maintenance |\n\n")
	for b.Len() < 5<<20 {
		b.WriteString("Lorem ipsum dolor sit amet, the request was fine and nothing failed here at all.\n\n{\n\n## Note\n\n")
	}
	return b.Bytes()
}

func TestFiveMegabytePage(t *testing.T) {
	src := bigPage()
	p, rep := Import(src, Options{Name: "big"})
	if len(p.Statuses) != 2 {
		t.Errorf("statuses %+v", p.Statuses)
	}
	if !rep.Found() {
		t.Error("the table at the top was not found")
	}
	// The same page as copied text (no Markdown syntax) must also finish.
	txt := bytes.ReplaceAll(src, []byte("## "), nil)
	txt = bytes.ReplaceAll(txt, []byte("|---|---|\n"), nil)
	Import(txt, Options{Name: "big"})
}

func TestOversizedPage(t *testing.T) {
	src := bytes.Repeat([]byte("x"), MaxInput+10)
	_, rep := Import(src, Options{Name: "huge"})
	if !strings.Contains(warnings(rep), "only the first") {
		t.Errorf("no truncation warning: %q", rep.Warnings)
	}
}

func BenchmarkImportFiveMegabytes(b *testing.B) {
	src := bigPage()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Import(src, Options{Name: "big"})
	}
}

// BenchmarkImportFiveMegabytesText is the same page as copied text: no
// Markdown headings or separator rows, so the text reader does the work.
func BenchmarkImportFiveMegabytesText(b *testing.B) {
	src := bytes.ReplaceAll(bigPage(), []byte("## "), nil)
	src = bytes.ReplaceAll(src, []byte("|---|---|\n"), nil)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Import(src, Options{Name: "big"})
	}
}

func BenchmarkImportFiveMegabytesHTML(b *testing.B) {
	var page bytes.Buffer
	page.WriteString("<html><body><table><tr><th>Code</th><th>Description</th></tr><tr><td>400</td><td>Bad</td></tr></table>")
	for page.Len() < 5<<20 {
		page.WriteString("<script>var a = '<td>418</td>';</script><div><p>Nothing to see, just text that goes on.</p></div>\n")
	}
	page.WriteString("</body></html>")
	src := page.Bytes()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Import(src, Options{Name: "big"})
	}
}

// FuzzImport: no input may panic, and what is found must make a profile
// that formats.ParseProfile accepts.
func FuzzImport(f *testing.F) {
	f.Add([]byte(scriptedPage))
	f.Add([]byte("Status Code\nName\nDescription\n400\nBad Request\nx\n"))
	f.Add([]byte("| Code | Description |\n|---|---|\n| 404 | x |\n"))
	f.Add([]byte("- Name\n200 OK- Description\nfine\n"))
	f.Add([]byte("HTTP Status CodeNameDescriptionSuggestion Action\n400Bad RequestBad.Fix it.\n"))
	// The corpus's smaller pages: every shape the importer reads.
	if files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*")); err == nil {
		for _, name := range files {
			if strings.HasSuffix(name, ".source") {
				continue
			}
			if data, err := os.ReadFile(name); err == nil && len(data) < 32<<10 {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, rep := Import(src, Options{Name: "fuzz"})
		if !rep.Found() {
			return
		}
		data, err := Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := formats.ParseProfile("fuzz.toml", data); err != nil {
			t.Fatalf("%v\n%s", err, data)
		}
	})
}

// An XML example body in copied text is cut out whole and recognized.
// Body: the S3 NoSuchKey example of the Amazon S3 API Reference
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
func TestTextXMLExample(t *testing.T) {
	src := "Error responses\nThe body of an error is XML:\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>NoSuchKey</Code>\n  <Message>The resource you requested does not exist</Message>\n  <Resource>/mybucket/myfoto.jpg</Resource>\n  <RequestId>4442587FB7D0A2F9</RequestId>\n</Error>\nCode\nDescription\nNoSuchKey\nThe specified key does not exist.\n"
	p, rep := Import([]byte(src), Options{Name: "s3"})
	if len(p.Examples) != 1 || !strings.HasSuffix(p.Examples[0].Body, "</Error>") {
		t.Fatalf("examples %+v", p.Examples)
	}
	if p.Format != "xml" {
		t.Errorf("format %q, want xml", p.Format)
	}
	if len(p.ErrorCodes) != 1 || p.ErrorCodes[0].Code != "NoSuchKey" {
		t.Errorf("error codes %+v (report %q)", p.ErrorCodes, rep.Lines())
	}
}

// Prose that quotes a status is not advice, and a line that starts with
// three digits is not a status heading.
func TestStatusNumbersInProse(t *testing.T) {
	src := "# Errors\n\n| Code | Description |\n|---|---|\n| 400 | Bad input |\n| 429 | Slow down |\n\n" +
		"## Pagination\n\nEvery list call answers 200 with a next link in the response.\n\n" +
		"## Limits\n\n200 items per page\n\nAsk support for more.\n\n" +
		"## Rate limiting\n\nIf you receive a 429 status code:\n\n- Wait a second\n"
	p, rep := Import([]byte(src), Options{Name: "prose"})
	if len(p.Statuses) != 2 {
		t.Errorf("statuses %+v", p.Statuses)
	}
	if len(p.Advice) != 1 || fmt.Sprint(p.Advice[0].Statuses) != "[429]" {
		t.Errorf("advice %+v", p.Advice)
	}
	if u := strings.Join(rep.Unplaced, "\n"); !strings.Contains(u, `section "Pagination"`) || !strings.Contains(u, `section "Limits"`) {
		t.Errorf("unplaced sections not reported: %q", rep.Unplaced)
	}
}

// Headings keep their status when a docs generator adds a permalink mark
// or an explicit id.
func TestHeadingMarks(t *testing.T) {
	for _, src := range []string{
		"<h1>Errors</h1><h2>429 Too Many Requests<a class=\"headerlink\" href=\"#429\">¶</a></h2><p>Wait a second.</p><p>Then retry.</p>",
		"# Errors\n\n## 429 Too Many Requests {#rate-limited}\n\nWait a second.\n\nThen retry.\n",
	} {
		p, _ := Import([]byte(src), Options{Name: "marks"})
		if len(p.Advice) != 1 || p.Advice[0].Title != "429 Too Many Requests" || len(p.Advice[0].Steps) != 2 {
			t.Errorf("%.30q: advice %+v", src, p.Advice)
		}
	}
}
