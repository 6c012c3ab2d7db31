package formats

// Profile is what an API's own error documentation says: its error body
// format, its status table, its error-code table and its advice. Built-in
// profiles are TOML files embedded from formats/profiles/; user profiles
// in the same schema live in $XDG_CONFIG_HOME/apierr/apis/.
type Profile struct {
	// Name is the short id used with --api (lower case, no spaces).
	Name string `toml:"name" json:"name"`
	// Title is the API's human name.
	Title string `toml:"title" json:"title"`
	// Source names the document the profile came from (a seed file's
	// name for the built-in ones, a path or URL for imported ones).
	Source string `toml:"source" json:"source"`
	// DocsURL is where the documentation is published, when known.
	DocsURL string `toml:"docs_url" json:"docs_url"`
	// Format is the family id of the API's error bodies.
	Format string `toml:"format" json:"format"`
	// Summary is the docs' own introduction to their errors, if any.
	Summary string `toml:"summary" json:"summary"`
	// Hosts lists host names (exact, or "*.example.com") the API answers on.
	Hosts []string `toml:"hosts" json:"hosts"`
	// TypePrefixes lists problem `type` URI prefixes that identify the API.
	TypePrefixes []string `toml:"type_prefixes" json:"type_prefixes"`
	// InstancePrefixes lists problem `instance` path prefixes that identify it.
	InstancePrefixes []string `toml:"instance_prefixes" json:"instance_prefixes"`
	// Statuses is the docs' status-code table, every row.
	Statuses []StatusDoc `toml:"status" json:"statuses"`
	// ErrorCodes is the docs' error-code table, every row.
	ErrorCodes []ErrorCodeDoc `toml:"error_code" json:"error_codes"`
	// Advice holds the docs' troubleshooting sections.
	Advice []Advice `toml:"advice" json:"advice"`
	// Fields documents the members of the error body.
	Fields []FieldDoc `toml:"field" json:"fields"`
	// Examples are example error bodies quoted from the docs.
	Examples []Example `toml:"example" json:"examples"`
	// Operations names the file, beside the profile's own, that holds the
	// operations read from the API's OpenAPI document (formats/openapi's
	// index). It is read only when a request needs it.
	Operations string `toml:"operations" json:"operations,omitempty"`
}

// StatusDoc is one row of an API's status-code table.
type StatusDoc struct {
	Code        int    `toml:"code" json:"code"`
	Name        string `toml:"name" json:"name"`
	Description string `toml:"description" json:"description"`
	// Action is the docs' suggested action column, when the table has one.
	Action string `toml:"action" json:"action"`
}

// ErrorCodeDoc is one row of an API's error-code table.
type ErrorCodeDoc struct {
	Code        string `toml:"code" json:"code"`
	Description string `toml:"description" json:"description"`
	// Status is the HTTP status the docs pair with the code, 0 if unstated.
	Status int `toml:"status" json:"status"`
	// Attributes are extra body members the docs say accompany the code.
	Attributes []string `toml:"attributes" json:"attributes"`
}

// Advice is one troubleshooting section of the docs.
type Advice struct {
	// Title is the section heading as written ("" when the docs give none).
	Title string `toml:"title" json:"title"`
	// Intro is the section's lead-in line before its steps, if any
	// ("When receiving a 422 status code:").
	Intro string `toml:"intro" json:"intro,omitempty"`
	// Statuses are the status codes it applies to; empty means it is
	// general advice for the classes in Classes, or for every error.
	Statuses []int `toml:"statuses" json:"statuses"`
	// Classes are status classes ("4xx", "5xx") it applies to.
	Classes []string `toml:"classes" json:"classes"`
	// Steps are the section's paragraphs or bullet points, in order.
	Steps []string `toml:"steps" json:"steps"`
}

// FieldDoc documents one member of the API's error body.
type FieldDoc struct {
	Name        string `toml:"name" json:"name"`
	Type        string `toml:"type" json:"type"`
	Description string `toml:"description" json:"description"`
}

// Example is an example error body quoted from the docs.
type Example struct {
	Title  string `toml:"title" json:"title"`
	Status int    `toml:"status" json:"status"`
	Body   string `toml:"body" json:"body"`
	// Description is what the docs say about the example, if anything.
	Description string `toml:"description" json:"description,omitempty"`
}
