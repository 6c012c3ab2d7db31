package render

import (
	"fmt"

	"github.com/apierr/apierr/formats"
)

// SpecSummary is the one line that says how the request fared against
// the API's OpenAPI document: "2 rules of the spec broken (steps 1-2)",
// "conforms to the spec", or "" when no operation was matched. The
// violations themselves are the first steps, each with its rule and
// source.
func SpecSummary(d formats.Diagnosis) string {
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
