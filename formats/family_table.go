package formats

// jsonFamily recognizes one JSON error shape. fill reports whether the
// top-level object m has the family's shape and, when it does, fills d
// from it. It must not set d.Format (the table does) and must not keep
// state: many goroutines may run it at once.
type jsonFamily struct {
	id   string
	name string
	// cues are members of which the top-level object must hold at least
	// one for fill to accept it; nil when fill needs none in particular.
	// The walk passes over a family whose cues the body lacks without
	// calling fill: a body holds a few members, and most families' code
	// then stays out of the way. TestFamilyCues checks every list against
	// its fill.
	cues []string
	fill func(s *scan, m map[string]any, d *Diagnosis) bool
}

// jsonFamilies is the ordered table walked over a JSON object body, in
// the manner of net/http's sniff signatures: the first family whose fill
// accepts the body wins. More specific shapes come first (a Kubernetes
// Status before problem+json, Google's status before the generic error
// object, a problem with an errors[] extension before the errors lists,
// OAuth 2.0 before a bare error string, Spring Boot's error page
// before an error string). A body that no family accepts, and any JSON
// that is not an object, falls back to "json": best-effort message, code
// and request id from the usual member names (recognizeAnyJSON).
//
// The ids are a public contract (DESIGN.md): never rename one.
var jsonFamilies = []jsonFamily{
	{"kubernetes-status", "Kubernetes Status", []string{"kind"}, fillKubernetes},
	{"google-status", "Google API error (google.rpc.Status)", []string{"error"}, fillGoogle},
	{"problem+json", "RFC 9457 Problem Details", nil, fillProblem},
	{"graphql", "GraphQL errors", []string{"errors"}, fillGraphQL},
	{"jsonapi", "JSON:API errors", []string{"errors"}, fillJSONAPI},
	{"errors-list", "List of error objects (errors[])", []string{"errors"}, fillErrorsList},
	{"aws-json", "AWS JSON error", nil, fillAWSJSON},
	{"error-object", "Error object (code, message, details)", []string{"error"}, fillErrorObject},
	{"slack", "Slack Web API error", []string{"ok"}, fillSlack},
	{"oauth2", "OAuth 2.0 error response (RFC 6749, 5.2)", []string{"error"}, fillOAuth2},
	{"error-code-message", "Error code and errorMessage (OCTO)", []string{"errorMessage", "reason", "description", "message"}, fillErrorCodeMessage},
	{"spring-boot", "Spring Boot error", []string{"timestamp"}, fillSpringBoot},
	{"error-string", "Error string", []string{"error"}, fillErrorString},
	{"fastapi", "FastAPI / pydantic validation error", []string{"detail"}, fillFastAPI},
	{"detail", "Detail message (Django REST framework, FastAPI)", []string{"detail"}, fillDetail},
	{"laravel", "Laravel validation error", []string{"errors"}, fillLaravel},
	{"jira", "Atlassian Jira error collection", []string{"errorMessages"}, fillJira},
	{"rails", "Rails-style errors member", []string{"errors"}, fillRails},
	{"github", "GitHub REST error", []string{"documentation_url"}, fillGitHub},
	{"paypal", "PayPal REST error", []string{"name"}, fillPayPal},
	{"gitlab", "GitLab validation error", []string{"message"}, fillGitLab},
	{"code-message", "Code and message", []string{"message", "Message"}, fillCodeMessage},
	{"drf", "Django REST framework field errors", nil, fillDRF},
}

// Human names of the families recognized outside the JSON table.
var otherFamilyNames = map[string]string{
	"json":        "JSON (no known error format)",
	"xml":         "XML error document",
	"soap-fault":  "SOAP fault",
	"xml-rpc":     "XML-RPC fault",
	"problem+xml": "RFC 9457 Problem Details (XML)",
	"html":        "HTML page",
	"text":        "Plain text",
	"empty":       "Empty body",
	"binary":      "Binary data",
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
