package render

import (
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func renderSampleDiagnosis() formats.Diagnosis {
	retry := 30.0
	limit, remaining := int64(100), int64(0)
	return formats.Diagnosis{
		Status: 429, StatusText: "Too Many Requests", StatusClass: formats.ClassClientError,
		Format: "problem+json", FormatName: "RFC 9457 Problem Details",
		Code: "rate-limited", Title: "Too many", Message: "Slow down \x1b]52;c;cm0gLXJmIH4=\x07 please",
		RequestID: "req-\x1b[31m1", RequestIDSource: "header X-Request-Id",
		FieldErrors: []formats.FieldError{{Field: "items[0].qty\x1b[2J", Message: "must be positive", Code: "min"}},
		Retryable:   true, RetryAfterSeconds: &retry,
		RateLimit: &formats.RateLimit{Limit: &limit, Remaining: &remaining, Header: "X-RateLimit-*"},
		API:       "acme", APITitle: "Acme", APIMatch: "host api.acme.test",
		Explanation: "Acme allows 100 calls a minute.\n\nThe client sent too many requests.",
		Steps: []formats.Step{
			{Text: "Wait for the window to reset.", Source: "acme.toml"},
			{Text: "Retry with exponential back-off and jitter, and lower your request rate.", Source: "RFC 6585, 4"},
		},
		Notes: []string{"Content-Type said text/html \x07"},
	}
}

func TestDiagnosisPlainIsInert(t *testing.T) {
	out := Diagnosis(renderSampleDiagnosis(), 60, PlainStyles())
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("plain output has control bytes:\n%q", out)
	}
	for _, want := range []string{
		"429 Too Many Requests  client error",
		"API         Acme (acme), matched by host api.acme.test",
		"Message     Slow down ␛]52;c;cm0gLXJmIH4=␇ please",
		"request_id  req-␛[31m1 (from header X-Request-Id)",
		"Retry       yes, in 30s (Retry-After)",
		"Rate limit  0 remaining of 100 (X-RateLimit-*)",
		"  items[0].qty␛[2J  must be positive [min]",
		"  1. Wait for the window to reset.\n     source: acme.toml",
		"  2. Retry with exponential back-off",
		"     source: RFC 6585, 4",
		"Notes\n  - Content-Type said text/html ␇",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestDiagnosisWrapsToWidth(t *testing.T) {
	for _, width := range []int{40, 60, 100} {
		for _, line := range strings.Split(Diagnosis(renderSampleDiagnosis(), width, PlainStyles()), "\n") {
			if w := ansi.StringWidth(line); w > width {
				t.Errorf("width %d: line of %d: %q", width, w, line)
			}
		}
	}
}

func TestDiagnosisStyledKeepsBodyInert(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	out := Diagnosis(renderSampleDiagnosis(), 80, DefaultStyles())
	if !strings.Contains(out, "\x1b[") {
		t.Error("styled output has no styling at all")
	}
	if strings.Contains(out, "\x1b]") || strings.Contains(out, "\x07") {
		t.Errorf("styled output lets an OSC sequence through:\n%q", out)
	}
	if got := ansi.Strip(out); got != Diagnosis(renderSampleDiagnosis(), 80, PlainStyles()) {
		t.Errorf("styled text differs from plain text once stripped:\n%s", got)
	}
}

func TestDiagnosisWithoutResponse(t *testing.T) {
	out := Diagnosis(formats.Diagnosis{Format: "transport", TransportKind: "dns", StatusClass: formats.ClassUnknown,
		Explanation: "The host name did not resolve.", Recovery: []string{"Check the host name."}}, 80, PlainStyles())
	for _, want := range []string{"No response  unknown", "Failure     dns", "  1. Check the host name."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
