package formats

// jsonFamily recognizes one JSON error shape. fill reports whether the
// top-level object m has the family's shape and, when it does, fills d
// from it. It must not set d.Format (the table does) and must not keep
// state: many goroutines may run it at once.
type jsonFamily struct {
	id   string
	name string
	fill func(s *scan, m map[string]any, d *Diagnosis) bool
}

// jsonFamilies is the ordered table walked over a JSON object body, in
// the manner of net/http's sniff signatures: the first family whose fill
// accepts the body wins. More specific shapes come first (a Kubernetes
// Status before problem+json, Google's status before the generic error
// object, OAuth 2.0 before a bare error string, Spring Boot's error page
// before an error string). A body that no family accepts, and any JSON
// that is not an object, falls back to "json": best-effort message, code
// and request id from the usual member names (recognizeAnyJSON).
//
// The ids are a public contract (DESIGN.md): never rename one.
var jsonFamilies = []jsonFamily{
	{"kubernetes-status", "Kubernetes Status", fillKubernetes},
	{"google-status", "Google API error (google.rpc.Status)", fillGoogle},
	{"graphql", "GraphQL errors", fillGraphQL},
	{"jsonapi", "JSON:API errors", fillJSONAPI},
	{"errors-list", "List of error objects (errors[])", fillErrorsList},
	{"problem+json", "RFC 9457 Problem Details", fillProblem},
	{"aws-json", "AWS JSON error", fillAWSJSON},
	{"error-object", "Error object (code, message, details)", fillErrorObject},
	{"slack", "Slack Web API error", fillSlack},
	{"oauth2", "OAuth 2.0 error response (RFC 6749, 5.2)", fillOAuth2},
	{"error-code-message", "Error code and errorMessage (OCTO)", fillErrorCodeMessage},
	{"spring-boot", "Spring Boot error", fillSpringBoot},
	{"error-string", "Error string", fillErrorString},
	{"fastapi", "FastAPI / pydantic validation error", fillFastAPI},
	{"detail", "Detail message (Django REST framework, FastAPI)", fillDetail},
	{"laravel", "Laravel validation error", fillLaravel},
	{"jira", "Atlassian Jira error collection", fillJira},
	{"rails", "Rails-style errors member", fillRails},
	{"github", "GitHub REST error", fillGitHub},
	{"paypal", "PayPal REST error", fillPayPal},
	{"gitlab", "GitLab validation error", fillGitLab},
	{"code-message", "Code and message", fillCodeMessage},
	{"drf", "Django REST framework field errors", fillDRF},
}

// Human names of the families recognized outside the JSON table.
var otherFamilyNames = map[string]string{
	"json":       "JSON (no known error format)",
	"xml":        "XML error (AWS/S3 style)",
	"soap-fault": "SOAP fault",
	"html":       "HTML page",
	"text":       "Plain text",
	"empty":      "Empty body",
	"binary":     "Binary data",
}

// familyName returns the human name of a family id.
func familyName(id string) string {
	if n, ok := otherFamilyNames[id]; ok {
		return n
	}
	for _, f := range jsonFamilies {
		if f.id == id {
			return f.name
		}
	}
	return id
}
