package ui

import (
	"context"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/redact"
	"github.com/apierr/apierr/probe"
)

// services is the outside world the TUI drives: the network, the history
// database, the profile files, the demo server and the clipboard. Commands
// receive copies of these functions; tests replace them with fakes.
type services struct {
	// send sends one request; transport failures are in the exchange.
	send func(context.Context, probe.Request) exchange.Exchange
	// parseCurl turns a pasted curl command into a request.
	parseCurl func(string) (probe.Request, error)
	// curl renders a request as a curl command, secrets redacted unless asked.
	curl func(exchange.Request, bool) string
	// openHistory opens the history database at path.
	openHistory func(path string) (historyStore, error)
	// ticket renders a support ticket in Markdown.
	ticket func(e exchange.Exchange, curl string) (string, error)
	// loadProfiles reads the built-in and user API profiles.
	loadProfiles func(dir string) (profileSet, error)
	// startDemo starts the demo API on a free loopback port.
	startDemo func() (demoHandle, error)
	// clipboard writes the system clipboard (an error when there is none).
	clipboard func(string) error
	// now is the clock, for elapsed times and Retry-After countdowns.
	now func() time.Time
	// redactor is the one built from the config's [redact] names; nil
	// means the built-in names only.
	redactor *redact.Redactor
}

// historyStore is what the TUI needs of the history database.
type historyStore interface {
	Save(ctx context.Context, e *exchange.Exchange) (int64, error)
	Get(ctx context.Context, id int64) (exchange.Exchange, error)
	Search(ctx context.Context, query string, limit, offset int) ([]entry, error)
	Close() error
}

// entry is one line of the history browser.
type entry struct {
	ID        int64
	Time      time.Time
	Method    string
	URL       string
	Status    int
	Format    string
	Code      string
	Message   string
	RequestID string
	API       string
	// User is who saved the exchange, set only when the history is a
	// team store (shared by several people).
	User string
}

// profileSet is the API profiles known: built-in first, then the user's.
type profileSet struct {
	Registry *formats.Registry
	Profiles []profileInfo
	// Warnings are user profile files that could not be read.
	Warnings []string
}

// profileInfo is one row of the profile picker.
type profileInfo struct {
	Name, Title, Source string
	User                bool
}

// demoHandle is a running demo API.
type demoHandle struct {
	URL    string
	Routes []demoRoute
	Close  func() error
}

// demoRoute is one row of the demo picker and what choosing it fills in.
type demoRoute struct {
	Method, Path, API, Format, Description string
	Status                                 int
	Header                                 map[string][]string
	Body                                   string
}
