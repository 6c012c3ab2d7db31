// Package exchange holds the data shape of one HTTP exchange as apierr
// keeps it: the request as sent, the response, timings, attempts and the
// Diagnosis. probe fills it, history stores it, ui shows it. Its JSON form
// is the public contract of `send --json` and `history show --json`.
package exchange

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/apierr/apierr/formats"
)

// Where an exchange came from, as kept in Exchange.Source.
const (
	SourceTUI       = "tui"
	SourceSend      = "send"
	SourceHARImport = "har-import"
	SourceExplain   = "explain"
	SourceDocsFetch = "apis-import"
)

// Exchange is one request and what came back.
type Exchange struct {
	// ID is the history id, 0 until saved.
	ID int64 `json:"id,omitempty"`
	// Time is when the request started, in UTC.
	Time time.Time `json:"time"`
	// Request is the request as actually sent.
	Request Request `json:"request"`
	// Response is nil when no response arrived.
	Response *Response `json:"response"`
	// Timings is the breakdown of the last attempt.
	Timings Timings `json:"timings"`
	// Attempts lists every attempt when retries were asked for.
	Attempts []Attempt `json:"attempts"`
	// Redirects lists the hops followed with -L, in order.
	Redirects []Hop `json:"redirects,omitempty"`
	// Error is the transport error, "" when a response arrived.
	Error string `json:"error"`
	// Insecure is true when TLS verification was turned off (-k).
	Insecure bool `json:"insecure,omitempty"`
	// Diagnosis is what formats made of the response.
	Diagnosis formats.Diagnosis `json:"diagnosis"`
	// Source is where the exchange came from (Source* constants).
	Source string `json:"source,omitempty"`
	// Note is free text a person attached to it.
	Note string `json:"note,omitempty"`
}

// Request is an HTTP request as sent.
type Request struct {
	Method  string      `json:"method"`
	URL     string      `json:"url"`
	Headers http.Header `json:"headers"`
	Body    string      `json:"body"`
}

// Response is an HTTP response as received (body decoded from any
// Content-Encoding, capped).
type Response struct {
	Status  int         `json:"status"`
	Proto   string      `json:"proto,omitempty"`
	Headers http.Header `json:"headers"`
	Body    string      `json:"body"`
	// Truncated is true when the body was longer than the cap.
	Truncated bool `json:"truncated"`
	// Size is the number of body bytes seen after decoding.
	Size int64 `json:"size"`
	// WireSize is the number of body bytes received on the wire.
	WireSize int64 `json:"wire_size"`
}

// Hop is one redirect followed.
type Hop struct {
	Status   int    `json:"status"`
	URL      string `json:"url"`
	Location string `json:"location"`
}

// Attempt is one try of a request sent with retries.
type Attempt struct {
	N      int    `json:"n"`
	Status int    `json:"status"`
	Error  string `json:"error"`
	// Waited is the back-off slept before this attempt.
	Waited Duration `json:"waited_ms"`
	// Duration is how long the attempt took.
	Duration Duration `json:"duration_ms"`
}

// Timings is where the time of one attempt went.
type Timings struct {
	DNS      Duration `json:"dns_ms"`
	Connect  Duration `json:"connect_ms"`
	TLS      Duration `json:"tls_ms"`
	TTFB     Duration `json:"ttfb_ms"`
	Transfer Duration `json:"transfer_ms"`
	Total    Duration `json:"total_ms"`
	// Reused is true when an idle connection was reused (no DNS, connect
	// or TLS time).
	Reused bool `json:"reused"`
}

// Duration is a time.Duration that reads and writes JSON as milliseconds.
type Duration time.Duration

// MarshalJSON writes the duration as fractional milliseconds.
func (d Duration) MarshalJSON() ([]byte, error) {
	return json.Marshal(float64(d) / float64(time.Millisecond))
}

// UnmarshalJSON reads fractional milliseconds.
func (d *Duration) UnmarshalJSON(b []byte) error {
	var ms float64
	if err := json.Unmarshal(b, &ms); err != nil {
		return err
	}
	*d = Duration(ms * float64(time.Millisecond))
	return nil
}

// D returns the value as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }
