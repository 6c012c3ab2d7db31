package formats

import "sync"

// Whose side must act on a status, as kept in StatusEntry.WhoActs and
// Diagnosis.WhoActs.
const (
	ActClient = "client"
	ActServer = "server"
	ActEither = "either"
	ActNone   = "none"
)

// StatusEntry is what the project's generic status catalogue says about
// one HTTP status code, in its own words. Each entry cites where the code
// is defined, the way net/http's status table does.
type StatusEntry struct {
	// Code is the status code.
	Code int `json:"code"`
	// Name is the registered reason phrase (or the vendor's, when unofficial).
	Name string `json:"name"`
	// Class is one of the Class* constants.
	Class string `json:"class"`
	// Meaning says in a sentence or two what the code means.
	Meaning string `json:"meaning"`
	// WhoActs is one of the Act* constants: whose side must change something.
	WhoActs string `json:"who_acts"`
	// Retryable tells whether sending the same request again may help.
	Retryable bool `json:"retryable"`
	// Steps are generic recovery steps, most useful first.
	Steps []string `json:"steps"`
	// Cite is where the code is defined: "RFC 9110, 15.5.5" or a vendor's doc.
	Cite string `json:"cite"`
	// Official is true for codes in the IANA HTTP status code registry.
	Official bool `json:"official"`
}

// StatusInfo returns the catalogue's entry for code. For a code the
// catalogue does not list it returns the entry of the code's class (with
// Code set to code and the class's generic name) and false; codes outside
// 100-599 get the ClassUnknown entry.
func StatusInfo(code int) (StatusEntry, bool) {
	if index := statusIndex(); code >= 0 && code < len(index) {
		if e := index[code]; e != nil {
			return *e, true
		}
	}
	e := classEntries[classIndex(code)]
	e.Code = code
	return e, false
}

// statusIndex[code] is the catalogue's entry for code, Class filled in,
// nil for a code it does not list: every response looks its status up, and
// walking the tables would read a few kilobytes of entries each time.
// It is built on first use, one pass over the tables, the official
// entries first so that they win over an unofficial one for the same code.
var statusIndex = sync.OnceValue(func() (index *[600]*StatusEntry) {
	index = new([600]*StatusEntry)
	for _, table := range [...][]StatusEntry{informationalStatuses, successStatuses, redirectionStatuses,
		clientErrorStatuses, serverErrorStatuses, unofficialStatuses} {
		for i := range table {
			code := table[i].Code
			if code >= 0 && code < len(index) && index[code] == nil {
				e := table[i]
				e.Class = ClassOf(code)
				index[code] = &e
			}
		}
	}
	return index
})

// ClassOf returns the Class* constant of a status code.
func ClassOf(code int) string {
	return classEntries[classIndex(code)].Class
}

// classIndex maps a code to its row in classEntries (0 is unknown).
func classIndex(code int) int {
	if code < 100 || code > 599 {
		return 0
	}
	return code / 100
}

// OfficialStatusCodes lists every code of the IANA registry the catalogue
// covers, in order; tests and `apis` listings use it.
func OfficialStatusCodes() []int {
	var codes []int
	for c := 100; c <= 599; c++ {
		if e, ok := StatusInfo(c); ok && e.Official {
			codes = append(codes, c)
		}
	}
	return codes
}

// classEntries are the fallbacks for codes the catalogue does not list,
// indexed by classIndex.
var classEntries = [...]StatusEntry{
	{Name: "Unknown Status", Class: ClassUnknown, WhoActs: ActEither,
		Meaning: "This is not a valid HTTP status code (valid codes are 100 to 599), or no status was received at all.",
		Steps: []string{
			"Check that the response really came from an HTTP server and was read completely.",
			"Capture the raw response (curl -i) and look at the status line.",
		},
		Cite: "RFC 9110, 15"},
	{Name: "Informational", Class: ClassInformational, WhoActs: ActNone,
		Meaning: "A 1xx status is an interim response: the server is still working and a final response will follow.",
		Steps: []string{
			"Wait for the final response; an HTTP client normally handles 1xx by itself.",
		},
		Cite: "RFC 9110, 15.2"},
	{Name: "Success", Class: ClassSuccess, WhoActs: ActNone,
		Meaning: "A 2xx status means the request was received, understood and accepted.",
		Steps: []string{
			"Nothing to fix in the request; if the body still reports an error, read the body's own error fields.",
		},
		Cite: "RFC 9110, 15.3"},
	{Name: "Redirection", Class: ClassRedirection, WhoActs: ActClient,
		Meaning: "A 3xx status means the client must take another step, usually a request to another URL, to finish.",
		Steps: []string{
			"Follow the Location header (curl -L), or update the URL you call.",
		},
		Cite: "RFC 9110, 15.4"},
	{Name: "Client Error", Class: ClassClientError, WhoActs: ActClient,
		Meaning: "A 4xx status means the server thinks the request itself is wrong; sending it again unchanged will fail again.",
		Steps: []string{
			"Read the error message in the body: it usually names what to change.",
			"Compare the request's URL, headers, credentials and body with the API docs.",
		},
		Cite: "RFC 9110, 15.5"},
	{Name: "Server Error", Class: ClassServerError, WhoActs: ActServer,
		Meaning: "A 5xx status means the server failed to handle a request that may well be valid.",
		Steps: []string{
			"Retry after a short wait, with back-off.",
			"If it persists, contact the API's support and quote the request id.",
		},
		Retryable: true,
		Cite:      "RFC 9110, 15.6"},
}
