package render

import "github.com/apierr/apierr/formats"

// SpecSummary is the one line that says how the request fared against
// the API's OpenAPI document: "2 rules of the spec broken (steps 1-2)",
// "conforms to the spec", or "" when no operation was matched. The
// violations themselves are the first steps, each with its rule and
// source.
func SpecSummary(d formats.Diagnosis) string { return formats.SpecSummary(d) }
