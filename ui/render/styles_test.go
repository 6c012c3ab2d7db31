package render

import (
	"testing"

	"github.com/apierr/apierr/formats"
)

// Each status class gets its own colour; anything else (a transport
// failure has no status) gets the fallback.
func TestByClass(t *testing.T) {
	cases := map[string]string{
		formats.ClassInformational: "1xx",
		formats.ClassSuccess:       "2xx",
		formats.ClassRedirection:   "3xx",
		formats.ClassClientError:   "4xx",
		formats.ClassServerError:   "5xx",
		formats.ClassUnknown:       "other",
		"":                         "other",
	}
	for class, want := range cases {
		if got := ByClass(class, "1xx", "2xx", "3xx", "4xx", "5xx", "other"); got != want {
			t.Errorf("ByClass(%q) = %q, want %q", class, got, want)
		}
	}
}
