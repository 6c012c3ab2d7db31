package formats

import (
	"bufio"
	"bytes"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// published is one example error response from a vendor's docs, an RFC
// or a framework's source, kept in testdata/published/NAME.txt as:
//
//	# source: https://... (where the example was published)
//	# api: Stripe
//	# format: error-object
//	# code: resource_missing
//	# message: No such customer: 'cus_x'
//	# request-id: req_123
//	# request-id-source: header Request-Id
//	# field: id | No such customer: 'cus_x'
//	# extra: productId=123
//	HTTP/1.1 404 Not Found
//	Content-Type: application/json
//
//	{"error": ...}
//
// The response part is what `curl -i` prints. A want line that is absent
// means the value must be empty.
type published struct {
	file   string
	source string
	api    string
	want   map[string][]string
	status int
	header http.Header
	body   []byte
}

// loadPublished reads every example under testdata/published.
func loadPublished(tb testing.TB) []published {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "published", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no examples in testdata/published: %v", err)
	}
	var out []published
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		p, err := parsePublished(raw)
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		p.file = filepath.Base(f)
		out = append(out, p)
	}
	return out
}

// parsePublished splits an example file into its metadata and response.
func parsePublished(raw []byte) (published, error) {
	p := published{want: map[string][]string{}}
	rest := raw
	for bytes.HasPrefix(rest, []byte("# ")) {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		k, v, _ := strings.Cut(string(line[2:]), ":")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch k {
		case "source":
			p.source = v
		case "api":
			p.api = v
		default:
			p.want[k] = append(p.want[k], v)
		}
	}
	r := textproto.NewReader(bufio.NewReader(bytes.NewReader(rest)))
	statusLine, err := r.ReadLine()
	if err != nil {
		return p, err
	}
	fields := strings.Fields(statusLine)
	if len(fields) < 2 {
		return p, strconv.ErrSyntax
	}
	if p.status, err = strconv.Atoi(fields[1]); err != nil {
		return p, err
	}
	mh, err := r.ReadMIMEHeader()
	if err != nil && len(mh) == 0 && err.Error() != "EOF" {
		return p, err
	}
	p.header = http.Header(mh)
	// The body is whatever follows the blank line, as bytes.
	if i := bytes.Index(rest, []byte("\n\n")); i >= 0 {
		p.body = rest[i+2:]
	}
	return p, nil
}

// one returns the single want value for key, "" when absent.
func (p published) one(key string) string {
	if v := p.want[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// exampleNow is the clock for examples without a Date header.
var exampleNow = time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)

func TestDetectPublishedExamples(t *testing.T) {
	examples := loadPublished(t)
	apis := map[string]bool{}
	for _, p := range examples {
		apis[p.api] = true
		t.Run(strings.TrimSuffix(p.file, ".txt"), func(t *testing.T) {
			if p.source == "" || p.api == "" || p.one("format") == "" {
				t.Fatal("example must record its source, api and format")
			}
			d := DetectWith(p.status, p.header, p.body, Options{Now: exampleNow})
			check := func(what, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			check("format", d.Format, p.one("format"))
			check("code", d.Code, p.one("code"))
			check("message", d.Message, p.one("message"))
			check("request id", d.RequestID, p.one("request-id"))
			check("request id source", d.RequestIDSource, p.one("request-id-source"))
			if v := p.one("title"); v != "" {
				check("title", d.Title, v)
			}
			if d.FormatName == "" {
				t.Error("format name is empty")
			}
			var want []FieldError
			for _, f := range p.want["field"] {
				parts := strings.Split(f, " | ")
				fe := FieldError{Field: parts[0]}
				if len(parts) > 1 {
					fe.Message = parts[1]
				}
				if len(parts) > 2 {
					fe.Code = parts[2]
				}
				want = append(want, fe)
			}
			got := d.FieldErrors
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("field errors:\n got %#v\nwant %#v", got, want)
			}
			for _, e := range p.want["extra"] {
				k, v, _ := strings.Cut(e, "=")
				if gv := scalar(d.Extra[k]); gv != v {
					t.Errorf("extra[%q] = %#v, want %q (extra: %v)", k, d.Extra[k], v, d.Extra)
				}
			}
			for _, n := range p.want["note"] {
				if !containsSub(d.Notes, n) {
					t.Errorf("notes %q lack %q", d.Notes, n)
				}
			}
			if v := p.one("retry-after"); v != "" {
				if d.RetryAfterSeconds == nil || strconv.FormatFloat(*d.RetryAfterSeconds, 'f', -1, 64) != v {
					t.Errorf("retry after = %v, want %s", d.RetryAfterSeconds, v)
				}
			}
		})
	}
	if len(examples) < 60 || len(apis) < 25 {
		t.Errorf("%d examples from %d APIs; want at least 60 from 25", len(examples), len(apis))
	}
}

// containsSub reports whether some note contains sub.
func containsSub(notes []string, sub string) bool {
	for _, n := range notes {
		if strings.Contains(n, sub) {
			return true
		}
	}
	return false
}
