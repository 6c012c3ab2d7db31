package formats

// Status classes, as used in Diagnosis.StatusClass.
const (
	ClassInformational = "informational"
	ClassSuccess       = "success"
	ClassRedirection   = "redirection"
	ClassClientError   = "client_error"
	ClassServerError   = "server_error"
	ClassUnknown       = "unknown"
)

// Diagnosis is what apierr concludes about one response (or one failed
// attempt to get a response). Its JSON form is a public contract: members
// may be added, never renamed. Absent values are "", empty arrays or null;
// nothing is ever invented.
type Diagnosis struct {
	// Status is the HTTP status code, 0 when no response arrived.
	Status int `json:"status"`
	// StatusText is the status code's registered reason phrase.
	StatusText string `json:"status_text"`
	// StatusClass is one of the Class* constants.
	StatusClass string `json:"status_class"`
	// Format is the stable family id of the body (problem+json, error-string, ...).
	Format string `json:"format"`
	// FormatName is the family's human name.
	FormatName string `json:"format_name"`
	// Code is the machine-readable error code or type the body carries.
	Code string `json:"code"`
	// Title is the body's short summary, when it has one.
	Title string `json:"title"`
	// Message is the best human-readable message found.
	Message string `json:"message"`
	// Type is a problem type URI or similar classifier.
	Type string `json:"type"`
	// Instance identifies this occurrence (problem+json instance).
	Instance string `json:"instance"`
	// RequestID is the id to quote to the API's support team.
	RequestID string `json:"request_id"`
	// RequestIDSource says where RequestID was found ("body request_id",
	// "header X-Request-Id", ...).
	RequestIDSource string `json:"request_id_source"`
	// FieldErrors lists per-field problems, field names as the API wrote them.
	FieldErrors []FieldError `json:"field_errors"`
	// Extra holds top-level members the format does not define, as sent.
	Extra map[string]any `json:"extra"`
	// Retryable tells whether sending the same request again may succeed.
	Retryable bool `json:"retryable"`
	// RetryAfterSeconds comes from Retry-After (seconds or HTTP-date).
	RetryAfterSeconds *float64 `json:"retry_after_seconds"`
	// API is the name of the docs profile that matched, or "".
	API string `json:"api"`
	// APITitle is the matched profile's human title.
	APITitle string `json:"api_title,omitempty"`
	// APIMatch says how the profile was chosen ("host api.occuspace.io",
	// "problem type URI", "error code vocabulary", "--api").
	APIMatch string `json:"api_match,omitempty"`
	// Explanation says what this status means for this API: the docs'
	// words first, the generic catalogue's after.
	Explanation string `json:"explanation"`
	// Recovery lists the recovery steps in order, the API docs' own first.
	Recovery []string `json:"recovery"`
	// Steps is Recovery with the source of each step.
	Steps []Step `json:"steps"`
	// Sources names where the explanation and steps came from.
	Sources []string `json:"sources"`
	// WhoActs says whose side must act: "client", "server", "either", "none".
	WhoActs string `json:"who_acts,omitempty"`
	// RateLimit is what the rate-limit headers said, when any were sent.
	RateLimit *RateLimit `json:"rate_limit,omitempty"`
	// TransportKind classifies a failure that got no response (dns,
	// refused, timeout-connect, tls-unknown-authority, ...).
	TransportKind string `json:"transport_kind,omitempty"`
	// Notes are remarks about the response itself (truncated body,
	// invalid JSON, content type that disagrees with the body, ...).
	Notes []string `json:"notes,omitempty"`
	// Operation is the API operation the request was matched to in the
	// profile's OpenAPI document ("GET /v1/items/{id}"), "" when none.
	Operation string `json:"operation,omitempty"`
	// Violations are the places where the request breaks that
	// operation's documented rules, in the order they were checked.
	Violations []Violation `json:"violations,omitempty"`
}

// Violation is one place where a request breaks its API's OpenAPI
// document: a parameter, a body member or a security requirement.
type Violation struct {
	// In is where the value was: path, query, header, cookie, body, security.
	In string `json:"in"`
	// Name is the parameter's name, or the body member's JSON pointer.
	Name string `json:"name"`
	// Value is the value sent (redacted when secret), "" when missing.
	Value string `json:"value"`
	// Rule is what the document requires, in words.
	Rule string `json:"rule"`
	// Source names the document and operation the rule comes from.
	Source string `json:"source"`
}

// FieldError is one field-level problem reported by an API.
type FieldError struct {
	// Field is the field, parameter or pointer exactly as the API named it.
	Field string `json:"field"`
	// Message says what is wrong with it.
	Message string `json:"message"`
	// Code is a per-field error code, when the API gives one.
	Code string `json:"code,omitempty"`
}

// Step is one recovery step and the document it came from.
type Step struct {
	// Text is the step in the source's words.
	Text string `json:"text"`
	// Source names the document: a profile's source file or an RFC section.
	Source string `json:"source"`
}

// RateLimit gathers X-RateLimit-* and RateLimit/RateLimit-Policy headers.
type RateLimit struct {
	Limit        *int64   `json:"limit"`
	Remaining    *int64   `json:"remaining"`
	ResetSeconds *float64 `json:"reset_seconds"`
	Policy       string   `json:"policy,omitempty"`
	// Header names the header family the figures were read from.
	Header string `json:"header"`
	// Summary is one sentence a person can read.
	Summary string `json:"summary"`
}
