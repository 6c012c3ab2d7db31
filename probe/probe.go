// Package probe sends HTTP requests the way curl does, times them, and
// diagnoses every outcome, including failures that never reached the API.
//
// A Request comes from code, from curl-like arguments (CurlParser.ParseArgs) or from a
// whole curl command line (ParseCurl). Send turns it into an
// exchange.Exchange: the request as it went on the wire, the response
// (decoded, capped), where the time went, every attempt and redirect hop,
// and the Diagnosis. Send never returns an error: a request that got no
// answer is diagnosed as format "transport" with a TransportKind, an
// explanation and recovery steps, so callers show every outcome the same way.
package probe

import (
	"net/http"
	"time"

	"github.com/apierr/apierr/formats"
)

// Version is apierr's version, sent in the default User-Agent
// ("apierr/VERSION"). main sets it from its build-time version.
var Version = "0.1.0"

// Defaults used when an Options field is zero.
const (
	DefaultMaxTime        = 30 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxBody        = 16 << 20
	DefaultMaxRedirs      = 10
	DefaultRetryMaxWait   = 60 * time.Second
	// DefaultMaxHeaderBytes caps the response header block, so a server
	// sending 100 000 headers is stopped and explained, not buffered.
	DefaultMaxHeaderBytes = 1 << 20
)

// Request is a request to send and how to send it.
type Request struct {
	Method  string
	URL     string
	Header  http.Header
	Body    []byte
	Options Options
}

// Options say how to send a Request (curl's names in comments). Zero
// values mean the Default* constants.
type Options struct {
	MaxTime         time.Duration // -m/--max-time, per attempt, body included
	ConnectTimeout  time.Duration // --connect-timeout, TCP connect and TLS handshake
	FollowRedirects bool          // -L
	Insecure        bool          // -k
	CACert          string        // --cacert
	MaxBody         int64         // --max-body
	Retry           int           // --retry
	RetryMaxWait    time.Duration // --retry-max-wait
	RetryAll        bool          // --retry-all (also non-idempotent methods)
	API             string        // --api
	Profiles        *formats.Registry

	MaxRedirs      int           // --max-redirs
	Compressed     bool          // --compressed: send Accept-Encoding
	RetryDelay     time.Duration // --retry-delay: fixed wait instead of backoff
	Proxy          string        // -x/--proxy; "" means the environment's
	MaxHeaderBytes int64         // response header cap
}

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() Options {
	if o.MaxTime <= 0 {
		o.MaxTime = DefaultMaxTime
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxRedirs <= 0 {
		o.MaxRedirs = DefaultMaxRedirs
	}
	if o.RetryMaxWait <= 0 {
		o.RetryMaxWait = DefaultRetryMaxWait
	}
	if o.MaxHeaderBytes <= 0 {
		o.MaxHeaderBytes = DefaultMaxHeaderBytes
	}
	return o
}

// userAgent is the User-Agent sent when the request sets none.
func userAgent() string { return "apierr/" + Version }
