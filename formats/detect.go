package formats

import (
	"net/http"
	"time"
)

// Options tune DetectWith. The zero value uses the built-in profiles and
// matches a profile by the body's own clues only.
type Options struct {
	// Profiles is the set of API docs profiles to match; nil means the
	// built-in ones.
	Profiles *Registry
	// API forces the profile with this name (the --api flag).
	API string
	// Host is the request's host, for matching profiles by host.
	Host string
	// Request is what is known of the request that got the response; nil
	// when there was none (apierr explain). Generic steps about a request
	// body are left out for a request that sent none.
	Request *RequestFacts
	// Now is the reference time for an HTTP-date Retry-After when the
	// response has no Date header; zero means time.Now().
	Now time.Time
}

// RequestFacts is what explain needs to know of the request.
type RequestFacts struct {
	Method  string
	HasBody bool
}

// Detect recognizes the error format of one response and explains it with
// the built-in API docs profiles and the generic status catalogue. It never
// panics and always returns a Diagnosis, however malformed the body.
func Detect(status int, header http.Header, body []byte) Diagnosis {
	return DetectWith(status, header, body, Options{})
}

// DetectWith is Detect with a choice of profiles, a forced API and the
// request's host.
func DetectWith(status int, header http.Header, body []byte, opts Options) Diagnosis {
	return DetectText(status, header, string(body), opts)
}

// DetectText is DetectWith for a body held as a string, as an exchange
// holds it: nothing is copied, the Diagnosis' texts share the body's
// memory.
func DetectText(status int, header http.Header, body string, opts Options) Diagnosis {
	d := recognize(status, header, body, opts.Now)
	explain(&d, opts)
	return d
}
