package formats

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// The corpus score measures recognition on testdata/published the way a
// user meets it: per metric, how many examples Detect gets exactly right,
// how many of the values a body carries it finds, and how many values it
// invents where the example expects none. It reports and does not assert
// on the figures (TestDetectPublishedExamples asserts each example); it
// fails only on an example whose metadata is incomplete.
//
// Run it on the whole corpus, or on one batch (the examples whose header
// has "# batch: NAME"; examples without one are batch "base"):
//
//	go test ./formats -run TestCorpusScore -v -args -batch NAME
//	APIERR_BATCH=NAME go test ./formats -run TestCorpusScore -v
//
// "# own-rule: yes|no" says whether formats has a rule of its own for the
// example's API (a family, a profile or a member keyed on that vendor).
// The figures are printed for all examples and again for those with
// "own-rule: no", which predict how apierr does on an API it has never
// seen.
//
// Expected values are only what the body or headers literally hold. The
// family (# format:) of an example outside the named families follows
// DESIGN.md's ids: an "error" object is error-object; a top-level list of
// error objects is errors-list (graphql, jsonapi when it has their
// members); "error" holding prose is error-string; "error" holding an
// identifier with the prose in another member is error-code-message
// (oauth2 when that member is error_description); a top-level code member
// beside a message is code-message; RFC 9457 members are problem+json,
// and its XML form problem+xml; an XML-RPC fault is xml-rpc; anything
// else is json.
var corpusBatch = flag.String("batch", "", "score only the published examples of this batch (TestCorpusScore)")

// scoreMetric counts one metric over a set of examples.
type scoreMetric struct {
	name     string
	total    int // examples scored
	correct  int // examples whose value equals the expected one
	expected int // examples that expect a value
	found    int // of those, examples where it was found exactly
	invented int // examples that expect none where a value was reported
	fails    []string
}

func (m *scoreMetric) add(file string, want, got any, empty bool, gotEmpty bool) {
	m.total++
	ok := reflect.DeepEqual(want, got)
	if ok {
		m.correct++
	}
	if !empty {
		m.expected++
		if ok {
			m.found++
		}
	} else if !gotEmpty {
		m.invented++
	}
	if !ok {
		m.fails = append(m.fails, fmt.Sprintf("%s: got %s, want %s", file, show(got), show(want)))
	}
}

func show(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case []FieldError:
		if len(x) == 0 {
			return "none"
		}
		var parts []string
		for _, fe := range x {
			parts = append(parts, fmt.Sprintf("%q|%q|%q", fe.Field, fe.Message, fe.Code))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}

func pct(n, d int) string {
	if d == 0 {
		return "   -  "
	}
	return fmt.Sprintf("%5.1f%%", 100*float64(n)/float64(d))
}

// wantFieldErrors is an example's expected field errors, nil when none.
func wantFieldErrors(p published) []FieldError {
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
	return want
}

// scoreExamples scores Detect on examples and returns the metrics in
// report order.
func scoreExamples(examples []published) []*scoreMetric {
	family := &scoreMetric{name: "family"}
	code := &scoreMetric{name: "code"}
	message := &scoreMetric{name: "message"}
	rid := &scoreMetric{name: "request id"}
	ridSource := &scoreMetric{name: "request id source"}
	fields := &scoreMetric{name: "field errors"}
	for _, p := range examples {
		d := DetectWith(p.status, p.header, p.body, Options{Now: exampleNow})
		family.add(p.file, p.one("format"), d.Format, false, d.Format == "")
		code.add(p.file, p.one("code"), d.Code, p.one("code") == "", d.Code == "")
		message.add(p.file, p.one("message"), d.Message, p.one("message") == "", d.Message == "")
		rid.add(p.file, p.one("request-id"), d.RequestID, p.one("request-id") == "", d.RequestID == "")
		ridSource.add(p.file, p.one("request-id-source"), d.RequestIDSource, p.one("request-id-source") == "", d.RequestIDSource == "")
		want := wantFieldErrors(p)
		got := d.FieldErrors
		if len(got) == 0 {
			got = nil
		}
		fields.add(p.file, want, got, want == nil, got == nil)
	}
	return []*scoreMetric{family, code, message, rid, ridSource, fields}
}

// batchOf is an example's batch name, "base" when it has none.
func batchOf(p published) string {
	if b := p.one("batch"); b != "" {
		return b
	}
	return "base"
}

func TestCorpusScore(t *testing.T) {
	batch := *corpusBatch
	if batch == "" {
		batch = os.Getenv("APIERR_BATCH")
	}
	all := loadPublished(t)
	var examples, unseen []published
	apis := map[string]bool{}
	unseenAPIs := map[string]bool{}
	batches := map[string]int{}
	for _, p := range all {
		batches[batchOf(p)]++
		if p.source == "" || p.api == "" || p.one("format") == "" {
			t.Errorf("%s: an example must record its source, api and format", p.file)
		}
		if p.one("batch") != "" {
			switch p.one("own-rule") {
			case "yes", "no":
			default:
				t.Errorf("%s: a batch example must say \"# own-rule: yes\" or \"no\"", p.file)
			}
		}
		if batch != "" && batchOf(p) != batch {
			continue
		}
		examples = append(examples, p)
		apis[p.api] = true
		if p.one("own-rule") == "no" {
			unseen = append(unseen, p)
			unseenAPIs[p.api] = true
		}
	}
	if len(examples) == 0 {
		t.Fatalf("no published examples in batch %q (batches: %v)", batch, batches)
	}
	scope := "whole corpus"
	if batch != "" {
		scope = "batch " + batch
	}
	t.Logf("%s: %d examples from %d APIs; %d examples from %d APIs with no rule of their own",
		scope, len(examples), len(apis), len(unseen), len(unseenAPIs))
	report := func(title string, set []published) {
		if len(set) == 0 {
			return
		}
		t.Logf("%s (%d examples)", title, len(set))
		t.Logf("  %-18s %9s %7s   %-16s %7s   %s", "metric", "exact", "", "found/has one", "", "invented")
		for _, m := range scoreExamples(set) {
			t.Logf("  %-18s %4d/%-4d %s   %4d/%-4d       %s   %d/%d", m.name,
				m.correct, m.total, pct(m.correct, m.total),
				m.found, m.expected, pct(m.found, m.expected),
				m.invented, m.total-m.expected)
		}
	}
	report("all", examples)
	report("APIs with no rule of their own", unseen)
	for _, m := range scoreExamples(examples) {
		sort.Strings(m.fails)
		for _, f := range m.fails {
			t.Logf("MISS %s %s", m.name, f)
		}
	}
}
