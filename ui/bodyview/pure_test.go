package bodyview

import (
	"strings"
	"testing"

	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/x/ansi"
)

func TestKindOf(t *testing.T) {
	cases := []struct {
		contentType, body string
		want              kind
	}{
		{"application/json", "", kindJSON},
		{"application/problem+json; charset=utf-8", "", kindJSON},
		{"application/vnd.api+json", "", kindJSON},
		{"application/xml", "", kindXML},
		{"text/xml", "", kindXML},
		{"application/soap+xml", "", kindXML},
		{"text/html; charset=UTF-8", "", kindHTML},
		{"application/yaml", "", kindYAML},
		{"text/csv", "{", kindText},
		// No or vague type: the body decides.
		{"", occuspaceJSON, kindJSON},
		{"text/plain", "  [1,2]", kindJSON},
		{"", s3XML, kindXML},
		{"", "<!DOCTYPE html><html></html>", kindHTML},
		{"application/octet-stream", envoyText, kindText},
		{"not a / type;;", "", kindText},
	}
	for _, c := range cases {
		if got := kindOf(c.contentType, []byte(c.body)); got != c.want {
			t.Errorf("kindOf(%q, %.20q) = %v, want %v", c.contentType, c.body, got, c.want)
		}
	}
}

func TestPrettyXML(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{
			// A SOAP 1.1 fault (W3C SOAP 1.1 note, section 4.4): prefixes kept.
			"soap fault",
			`<?xml version="1.0"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>Server Error</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
			`<?xml version="1.0"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
  <SOAP-ENV:Body>
    <SOAP-ENV:Fault>
      <faultcode>SOAP-ENV:Server</faultcode>
      <faultstring>Server Error</faultstring>
    </SOAP-ENV:Fault>
  </SOAP-ENV:Body>
</SOAP-ENV:Envelope>
`,
		},
		{
			"comment, empty element, escapes",
			"<r>\n  <!-- note --><e a=\"x&amp;y\"/><t>a &lt; b</t></r>",
			`<r>
  <!-- note -->
  <e a="x&amp;y"/>
  <t>a &lt; b</t>
</r>
`,
		},
	}
	for _, c := range cases {
		got, err := prettyXML([]byte(c.in))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(got) != c.want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.name, got, c.want)
		}
	}
	for _, bad := range []string{"<a><b></a>", "<a>", "not xml at all"} {
		out, note := pretty(kindXML, []byte(bad))
		if string(out) != bad || note == "" {
			t.Errorf("pretty(%q) = %q, %q; want it as sent with a note", bad, out, note)
		}
	}
}

func TestFindAll(t *testing.T) {
	cases := []struct {
		hay, q string
		want   []match
	}{
		{"Not Found, not found, NOT FOUND", "not found", []match{{0, 9}, {11, 20}, {22, 31}}},
		{"aaaa", "aa", []match{{0, 2}, {2, 4}}},
		{"Straße STRASSE straße", "straße", []match{{0, 7}, {16, 23}}},
		{"ΣΊΣΥΦΟΣ σίσυφος", "σίσυφος", []match{{0, 14}, {15, 29}}},
		{"no", "", nil},
		{"short", "longer than it", nil},
		{"x\xffy", "Y", []match{{2, 3}}},
	}
	for _, c := range cases {
		got, _ := findAll([]byte(c.hay), c.q, maxMatches)
		if len(got) != len(c.want) {
			t.Errorf("findAll(%q, %q) = %v, want %v", c.hay, c.q, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("findAll(%q, %q) = %v, want %v", c.hay, c.q, got, c.want)
				break
			}
		}
	}
	if got, capped := findAll([]byte(strings.Repeat("a", 50)), "a", 10); len(got) != 10 || !capped {
		t.Errorf("capped search: %d matches, capped %v; want 10, true", len(got), capped)
	}
}

func TestRenderLine(t *testing.T) {
	st := PlainStyles()
	cases := []struct {
		name, raw   string
		left, width int
		want        string
	}{
		{"fits", "hello", 0, 10, "hello"},
		{"cut with marker", "hello world", 0, 8, "hello w…"},
		{"scrolled", "hello world", 2, 8, "…lo wor…"},
		{"scrolled to fit", "hello world", 3, 8, "…o world"},
		{"scrolled to the end", "hello world", 6, 8, "…orld"},
		{"scrolled past the end", "hello", 9, 8, ""},
		{"wide runes", "日本語のエラー", 0, 7, "日本語…"},
		{"tab and controls", "a\tb\x1b[1m", 0, 20, "a    b␛[1m"},
		{"invalid utf-8", "a\xffb", 0, 20, `a\xffb`},
		{"long line", strings.Repeat("ab", 1<<20), 1000, 6, "…baba…"},
	}
	for _, c := range cases {
		got := ansi.Strip(renderLine(&st, []byte(c.raw), nil, nil, c.left, c.width))
		if got != c.want {
			t.Errorf("%s: renderLine = %q, want %q", c.name, got, c.want)
		}
		if w := ansi.StringWidth(got); w > c.width {
			t.Errorf("%s: %d cells, wider than %d", c.name, w, c.width)
		}
	}
}

func TestDisplayWidthMatchesInert(t *testing.T) {
	for _, s := range []string{"plain", "tab\there", "日本語", "\x1b]52;c;x\x07", "a\xff\xfeb", "\u202eevil", "e\u0301"} {
		if got, want := displayWidth([]byte(s)), cellWidth(render.InertLine(s)); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestHighlightSpans(t *testing.T) {
	cases := []struct {
		k    kind
		line string
		want []tokKind // classes of the non-blank runs, in order
	}{
		{kindJSON, `  "status": 404,`, []tokKind{tkKey, tkPunct, tkNumber, tkPunct}},
		{kindJSON, `    "Not Found", true`, []tokKind{tkString, tkPunct, tkLiteral}},
		{kindXML, `  <Code a="1">NoSuchKey</Code>`, []tokKind{tkTag, tkAttr, tkPunct, tkString, tkTag, tkText, tkTag}},
		{kindYAML, `error: "bad" # why`, []tokKind{tkKey, tkPunct, tkString, tkComment}},
	}
	for _, c := range cases {
		tx := newText([]byte(c.line + "\n"))
		h := newHighlighter(c.k, tx, len(tx.b))
		var got []tokKind
		prev := 0
		for _, s := range h.line(0) {
			if strings.TrimSpace(c.line[prev:s.end]) != "" {
				got = append(got, s.kind)
			}
			prev = s.end
		}
		if len(got) != len(c.want) {
			t.Errorf("%v %q: classes %v, want %v", c.k, c.line, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%v %q: classes %v, want %v", c.k, c.line, got, c.want)
				break
			}
		}
	}
}

func TestStatusWords(t *testing.T) {
	if got := humanSize(50 << 20); got != "50.0 MiB" {
		t.Errorf("humanSize(50 MiB) = %q", got)
	}
	if got := humanSize(HighlightLimit); got != "1 MiB" {
		t.Errorf("humanSize(1 MiB) = %q", got)
	}
	if got := group(3510082); got != "3 510 082" {
		t.Errorf("group = %q", got)
	}
}
