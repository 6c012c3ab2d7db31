package formats

import (
	"cmp"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Section titles, the same in every rendering of a Diagnosis: the TUI's
// diagnosis pane, the CLI's printer and the support tickets.
const (
	SectionFieldErrors = "Field errors"
	SectionSteps       = "What to do"
	SectionMeaning     = "What it means"
	SectionDetails     = "Details"
	SectionNotes       = "Notes"
)

// Field keys of the summary, for renderers that decorate one (the TUI
// adds "ctrl+y copies" to the request_id, a countdown to the retry).
const (
	FieldFormat    = "format"
	FieldFailure   = "failure"
	FieldAPI       = "api"
	FieldOperation = "operation"
	FieldSpec      = "spec"
	FieldTitle     = "title"
	FieldMessage   = "message"
	FieldCode      = "code"
	FieldRequestID = "request_id"
	FieldRetry     = "retry"
	FieldRateLimit = "rate_limit"
	FieldType      = "type"
	FieldInstance  = "instance"
	FieldExtra     = "extra"
)

// Field is one labelled value of a section.
type Field struct {
	// Key says what the value is (one of the Field* constants).
	Key string
	// Label is how people read it: "Format", "request_id", an extra
	// member's name.
	Label string
	// Value is as the Diagnosis holds it: server text is not yet inert.
	Value string
}

// Section is one titled part of a Diagnosis as people read it. Exactly
// one of Fields, Steps, Paragraphs and FieldErrors is set.
type Section struct {
	// Title is one of the Section* constants; "" for the summary.
	Title       string
	Fields      []Field
	Steps       []Step
	Paragraphs  []string
	FieldErrors []FieldError
}

// Sections lays d out in the one order every renderer follows: the
// summary (format, API, title, message, code, request_id, retry, rate
// limit; with an OpenAPI profile the operation and how the request fared
// against its spec, whose violations are the first steps), the field
// errors, what to do (the docs' steps first: what a person acts on), what
// it means, the details (type, instance, members the
// format does not define) and the notes. Empty sections are left out;
// the status line is the renderer's own.
func Sections(d Diagnosis) []Section {
	var out []Section
	add := func(s Section) {
		if len(s.Fields)+len(s.Steps)+len(s.Paragraphs)+len(s.FieldErrors) > 0 {
			out = append(out, s)
		}
	}
	var sum []Field
	field := func(key, label, value string) {
		if value != "" {
			sum = append(sum, Field{key, label, value})
		}
	}
	if d.Format != "" {
		name := d.Format
		if d.FormatName != "" && d.FormatName != d.Format {
			name = d.FormatName + " (" + d.Format + ")"
		}
		field(FieldFormat, "Format", name)
	}
	field(FieldFailure, "Failure", d.TransportKind)
	if d.API != "" || d.APIMatch != "" {
		field(FieldAPI, "API", apiSummary(d))
	}
	field(FieldOperation, "Operation", d.Operation)
	field(FieldSpec, "Request", SpecSummary(d))
	if d.Title != d.StatusText && d.Title != d.Message {
		field(FieldTitle, "Title", d.Title)
	}
	field(FieldMessage, "Message", d.Message)
	if d.Code != d.Type {
		field(FieldCode, "Code", d.Code)
	}
	if d.RequestID != "" {
		v := d.RequestID
		if d.RequestIDSource != "" {
			v += " (from " + d.RequestIDSource + ")"
		}
		field(FieldRequestID, "request_id", v)
	}
	field(FieldRetry, "Retry", RetrySummary(d))
	if rl := d.RateLimit; rl != nil {
		field(FieldRateLimit, "Rate limit", cmp.Or(rl.Summary, rateLimitFigures(rl)))
	}
	add(Section{Fields: sum})
	add(Section{Title: SectionFieldErrors, FieldErrors: d.FieldErrors})
	add(Section{Title: SectionSteps, Steps: stepsOf(d)})
	var paras []string
	for _, p := range strings.Split(d.Explanation, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	add(Section{Title: SectionMeaning, Paragraphs: paras})
	var details []Field
	if d.Type != "" {
		details = append(details, Field{FieldType, "Type", d.Type})
	}
	if d.Instance != "" {
		details = append(details, Field{FieldInstance, "Instance", d.Instance})
	}
	keys := make([]string, 0, len(d.Extra))
	for k := range d.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := d.Extra[k]
		s, ok := v.(string)
		if !ok {
			s = fmt.Sprint(v)
		}
		details = append(details, Field{FieldExtra, k, s})
	}
	add(Section{Title: SectionDetails, Fields: details})
	add(Section{Title: SectionNotes, Paragraphs: d.Notes})
	return out
}

// SpecSummary is the one line that says how the request fared against
// the API's OpenAPI document: "2 rules of the spec broken (steps 1-2)",
// "the request conforms to …", or "" when no operation was matched. The
// violations themselves are the first steps, each with its rule and
// source.
func SpecSummary(d Diagnosis) string {
	if d.Operation == "" {
		return ""
	}
	switch n := len(d.Violations); {
	case n == 0 && d.Status >= 400 && d.Status < 500:
		return "the request conforms to the documented parameters, body and security"
	case n == 0:
		return ""
	case n == 1:
		return "1 rule of the spec broken (step 1)"
	default:
		return fmt.Sprintf("%d rules of the spec broken (steps 1-%d)", n, n)
	}
}

// stepsOf prefers Steps (with sources) and falls back to Recovery.
func stepsOf(d Diagnosis) []Step {
	if len(d.Steps) > 0 {
		return d.Steps
	}
	out := make([]Step, len(d.Recovery))
	for i, r := range d.Recovery {
		out[i] = Step{Text: r}
	}
	return out
}

// apiSummary names the profile and how it was chosen.
func apiSummary(d Diagnosis) string {
	if d.API == "" {
		return d.APIMatch
	}
	s := d.API
	if d.APITitle != "" {
		s = d.APITitle + " (" + d.API + ")"
	}
	switch how := d.APIMatch; {
	case how == "":
	case how == "--api":
		s += ", as chosen"
	case matcherReason(how):
		s += ", matched by " + how
	default:
		s += ", " + how
	}
	return s
}

// matcherReason reports whether how is one of Match's own reasons ("host
// api.occuspace.io", "problem type URI", ...), which read after "matched
// by"; other reasons are a caller's words ("chosen with ctrl+p for …").
func matcherReason(how string) bool {
	for _, p := range []string{"host ", "problem type URI", "instance path", "error code vocabulary"} {
		if strings.HasPrefix(how, p) {
			return true
		}
	}
	return false
}

// rateLimitFigures is a rate limit without its sentence: "0 remaining of
// 100 (X-RateLimit-*)".
func rateLimitFigures(rl *RateLimit) string {
	var parts []string
	if rl.Remaining != nil {
		parts = append(parts, strconv.FormatInt(*rl.Remaining, 10)+" remaining")
	}
	if rl.Limit != nil {
		parts = append(parts, "of "+strconv.FormatInt(*rl.Limit, 10))
	}
	if rl.ResetSeconds != nil {
		parts = append(parts, "resets in "+DescribeWait(*rl.ResetSeconds))
	}
	if rl.Header != "" {
		parts = append(parts, "("+rl.Header+")")
	}
	return strings.Join(parts, " ")
}

// RetrySummary says whether to send the request again and whose side
// acts: "yes, in 2m (Retry-After); who acts: server". It is "" for a
// diagnosis with neither status nor format (nothing to say).
func RetrySummary(d Diagnosis) string {
	if d.Status == 0 && d.Format == "" {
		return ""
	}
	var s string
	switch {
	case d.Retryable:
		s = "yes"
	case d.StatusClass == ClassClientError:
		s = "no: the same request will fail again"
	case d.StatusClass == ClassSuccess || d.StatusClass == ClassInformational:
		s = "not needed"
	default:
		s = "no"
	}
	if d.RetryAfterSeconds != nil {
		s += ", in " + DescribeWait(*d.RetryAfterSeconds) + " (Retry-After)"
	}
	if d.WhoActs != "" {
		s += "; who acts: " + d.WhoActs
	}
	return s
}
