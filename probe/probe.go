// Package probe sends HTTP requests the way curl does, times them, and
// diagnoses every outcome, including failures that never reached the API.
package probe

import (
	"context"
	"net/http"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

// Request is a request to send and how to send it.
type Request struct {
	Method  string
	URL     string
	Header  http.Header
	Body    []byte
	Options Options
}

// Options say how to send a Request (curl's names in comments).
type Options struct {
	MaxTime         time.Duration // -m/--max-time
	ConnectTimeout  time.Duration // --connect-timeout
	FollowRedirects bool          // -L
	Insecure        bool          // -k
	CACert          string        // --cacert
	MaxBody         int64         // --max-body
	Retry           int           // --retry
	RetryMaxWait    time.Duration // --retry-max-wait
	RetryAll        bool          // --retry-all
	API             string        // --api
	Profiles        *formats.Registry
}

// Send sends req and returns the exchange; transport failures are in it,
// never returned as an error.
func Send(ctx context.Context, req Request) exchange.Exchange {
	return exchange.Exchange{Error: "probe.Send is not built yet"}
}

// ParseCurl parses a curl command line into a Request.
func ParseCurl(cmdline string) (Request, error) { return Request{}, nil }

// CurlCommand renders a request as a curl command that reproduces it,
// secrets redacted unless showSecrets.
func CurlCommand(req exchange.Request, showSecrets bool) string { return "" }
