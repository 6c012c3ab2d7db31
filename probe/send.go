package probe

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

// Send sends req and returns the exchange; transport failures are in it,
// never returned as an error. Cancelling ctx aborts the request (and any
// wait between retries) at once; the exchange then says "cancelled".
func Send(ctx context.Context, req Request) exchange.Exchange {
	opts := req.Options.withDefaults()
	start := time.Now()
	ex := exchange.Exchange{
		Time:     start.UTC(),
		Insecure: opts.Insecure,
		Attempts: []exchange.Attempt{},
	}
	method := req.Method
	if method == "" {
		method = http.MethodGet
		if len(req.Body) > 0 {
			method = http.MethodPost
		}
	}
	u, err := parseURL(req.URL)
	header := sentHeader(req.Header, u, opts)
	ex.Request = exchange.Request{Method: method, URL: req.URL, Headers: header, Body: string(req.Body)}
	if err == nil {
		err = req.Check()
	}
	var tr *http.Transport
	if err == nil {
		tr, err = transportFor(opts)
	}
	if err != nil {
		fail(&ex, classify(ctx, err, phaseStart), err.Error())
		return ex
	}

	retries := opts.Retry
	if !opts.RetryAll && !idempotent(method) {
		retries = 0
	}
	var waited time.Duration
	var res attemptResult
	for n := 1; ; n++ {
		if n > 1 {
			start = time.Now()
		}
		res = attempt(ctx, tr, start, method, u, header, req.Body, opts)
		ex.Attempts = append(ex.Attempts, exchange.Attempt{
			N: n, Status: res.status(), Error: res.errText,
			Waited: exchange.Duration(waited), Duration: res.timings.Total,
		})
		if n > retries || !shouldRetry(res.status(), res.kind) || ctx.Err() != nil {
			break
		}
		waited = backoff(n, opts.RetryDelay, opts.RetryMaxWait)
		if res.resp != nil {
			if d, ok := retryAfter(res.resp.Headers, time.Now()); ok {
				waited = min(d, opts.RetryMaxWait)
			}
		}
		if !sleep(ctx, waited) {
			break
		}
	}

	ex.Timings = res.timings
	ex.Redirects = res.hops
	ex.Response = res.resp
	if res.kind != "" {
		fail(&ex, res.kind, res.errText)
		if ctx.Err() != nil && res.kind != KindCancelled {
			fail(&ex, KindCancelled, "cancelled: "+res.errText)
		}
		return ex
	}
	ex.Diagnosis = formats.DetectText(res.resp.Status, res.resp.Headers, res.resp.Body, formats.Options{
		Profiles: opts.Profiles, API: opts.API, Host: res.host,
		Request: &formats.RequestFacts{Method: method, HasBody: len(req.Body) > 0},
	})
	ex.Diagnosis.Notes = append(ex.Diagnosis.Notes, res.notes...)
	return ex
}

// fail records a transport failure in ex. When the status line and
// headers had arrived (a body cut off or trickling), the Diagnosis keeps
// that status, so no output says "no response" under a response it shows.
func fail(ex *exchange.Exchange, kind, msg string) {
	ex.Error = msg
	ex.Diagnosis = transportDiagnosis(kind, msg)
	if r := ex.Response; r != nil && r.Status > 0 {
		d := &ex.Diagnosis
		d.Status, d.StatusText, d.StatusClass = r.Status, http.StatusText(r.Status), formats.ClassOf(r.Status)
		d.FormatName = FormatIncompleteName
	}
}

// sentHeader is req's header plus the defaults curl would add, and the
// Basic credentials of a user:password@ URL (so the exchange shows them
// as sent, redactable like any Authorization header).
func sentHeader(h http.Header, u *url.URL, opts Options) http.Header {
	out := make(http.Header, len(h)+3)
	for k, v := range h {
		k = http.CanonicalHeaderKey(k)
		if len(v) == 0 {
			out[k] = nil // present and empty: no default in its place
			continue
		}
		out[k] = append(out[k], v...)
	}
	if u != nil && u.User != nil && out.Get("Authorization") == "" {
		pass, _ := u.User.Password()
		r := http.Request{Header: out}
		r.SetBasicAuth(u.User.Username(), pass)
	}
	if _, ok := out["User-Agent"]; !ok {
		out.Set("User-Agent", userAgent())
	}
	if _, ok := out["Accept"]; !ok {
		out.Set("Accept", "*/*")
	}
	if _, ok := out["Accept-Encoding"]; !ok && opts.Compressed {
		out.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	}
	return out
}

// checkURL rejects what cannot be sent before any socket is opened.
func checkURL(raw string) error {
	_, err := parseURL(raw)
	return err
}

// parseURL parses a URL Send can use: http or https, with a host.
func parseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, invalidURLError{fmt.Sprintf("invalid URL %q: %v", raw, err)}
	}
	switch {
	case u.Scheme == "":
		return nil, invalidURLError{fmt.Sprintf("URL %q has no scheme: write https://%s", raw, raw)}
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, invalidURLError{fmt.Sprintf("URL %q: scheme %q is not supported, use http:// or https://", raw, u.Scheme)}
	case u.Host == "" || u.Hostname() == "":
		return nil, invalidURLError{fmt.Sprintf("URL %q has no host", raw)}
	}
	return u, nil
}

// attemptResult is the outcome of one try.
type attemptResult struct {
	resp    *exchange.Response
	timings exchange.Timings
	hops    []exchange.Hop
	host    string
	notes   []string
	kind    string // transport failure kind, "" when a full response arrived
	errText string
}

func (r attemptResult) status() int {
	if r.resp == nil {
		return 0
	}
	return r.resp.Status
}

// attempt sends the request once, following redirects if asked. start is
// when it began.
func attempt(ctx context.Context, tr *http.Transport, start time.Time, method string, u *url.URL, header http.Header, payload []byte, opts Options) attemptResult {
	tm := newTimer(start)
	// -m is per attempt; its cause tells it from the caller's cancel (esc).
	actx, cancel := context.WithDeadlineCause(httptrace.WithClientTrace(ctx, tm.trace()), start.Add(opts.MaxTime), errMaxTime)
	defer cancel()
	var payloadReader io.Reader
	if len(payload) > 0 {
		// A *bytes.Reader lets the request send the same bytes again, for
		// a 307/308 with -L and for HTTP/2 retrying on a new connection.
		payloadReader = bytes.NewReader(payload)
	}
	hreq, err := http.NewRequestWithContext(actx, method, u.String(), payloadReader)
	if err != nil {
		return attemptResult{kind: KindInvalidURL, errText: err.Error()}
	}
	hreq.Header = header

	var res attemptResult
	var resp *http.Response
	if opts.FollowRedirects {
		// The hops are gathered apart from res, so that res stays on the
		// stack for every request without -L.
		hops := new([]exchange.Hop)
		resp, err = followClient(tr, hops, opts.MaxRedirs).Do(hreq)
		res.hops = *hops
	} else {
		// Without -L one round trip is the whole exchange: the client's
		// redirect and cookie machinery would have nothing to do.
		resp, err = tr.RoundTrip(hreq)
	}
	if err != nil {
		tm.finish()
		res.timings = tm.timings()
		res.kind = classify(actx, err, tm.phase())
		res.errText = describe(res.kind, err, context.Cause(actx), opts)
		return res
	}
	defer resp.Body.Close()
	tm.headersIn()

	ce := resp.Header.Get("Content-Encoding")
	b := body{}
	var rerr error
	// Content-Length is the size on the wire, encoded or not: it sizes
	// the buffer, so a body arrives in one read into one allocation.
	b.data, b.truncated, b.wireSize, rerr = readBody(resp.Body, opts.MaxBody, resp.ContentLength)
	tm.finish()
	res.timings = tm.timings()
	b.size = int64(len(b.data))
	if ce != "" && method != http.MethodHead {
		decodeBody(&b, ce, opts.MaxBody)
	}
	if b.truncated {
		b.size = max(b.size+1, b.wireSize)
		note := fmt.Sprintf("The body is longer than the %s cap (--max-body): only the first %s are kept.", FormatSize(opts.MaxBody), FormatSize(opts.MaxBody))
		if resp.ContentLength > 0 {
			note += fmt.Sprintf(" The server announced %s.", FormatSize(resp.ContentLength))
		}
		res.notes = append(res.notes, note)
	}
	res.notes = append(res.notes, b.notes...)
	res.host = resp.Request.URL.Hostname()
	res.resp = &exchange.Response{
		Status:    resp.StatusCode,
		Proto:     resp.Proto,
		Headers:   resp.Header,
		Body:      string(b.data),
		Truncated: b.truncated,
		Size:      b.size,
		WireSize:  b.wireSize,
	}
	if rerr != nil && !b.truncated {
		res.kind = classify(actx, rerr, phaseBody)
		res.errText = "reading the body: " + describe(res.kind, rerr, context.Cause(actx), opts)
	}
	return res
}

// followClient is a client following redirects (-L) that records each
// hop in hops and stops after maxRedirs.
func followClient(tr *http.Transport, hops *[]exchange.Hop, maxRedirs int) *http.Client {
	return &http.Client{Transport: tr, CheckRedirect: func(next *http.Request, via []*http.Request) error {
		prev := via[len(via)-1]
		hop := exchange.Hop{URL: prev.URL.String(), Location: next.URL.String()}
		if next.Response != nil {
			hop.Status = next.Response.StatusCode
		}
		*hops = append(*hops, hop)
		if len(via) > maxRedirs {
			return fmt.Errorf("%w: more than %d (--max-redirs)", errTooManyRedirects, maxRedirs)
		}
		return nil
	}}
}

// describe is the message kept for a failure: Go's text, except for our
// own time limit, whose Go text ("context canceled") says nothing. cause
// is what cancelled the attempt, if anything did.
func describe(kind string, err, cause error, opts Options) string {
	switch kind {
	case KindTimeoutConnect, KindTimeoutTLS, KindTimeoutHeaders, KindTimeoutBody:
		what := map[string]string{
			KindTimeoutConnect: "connecting", KindTimeoutTLS: "in the TLS handshake",
			KindTimeoutHeaders: "waiting for the response headers", KindTimeoutBody: "reading the body",
		}[kind]
		if cause == errMaxTime || errors.Is(err, errMaxTime) || errors.Is(err, context.DeadlineExceeded) {
			return fmt.Sprintf("no complete answer within %s (-m/--max-time): timed out %s", opts.MaxTime, what)
		}
		return fmt.Sprintf("timed out %s after %s (--connect-timeout): %s", what, opts.ConnectTimeout, errorText(err))
	case KindCancelled:
		return "cancelled before a response arrived"
	case KindBadResponse:
		var rec tls.RecordHeaderError
		if errors.As(err, &rec) && string(rec.RecordHeader[:]) == "HTTP/" {
			return "the server answered in plain HTTP on an https:// URL: use http:// for this port"
		}
	}
	return errorText(err)
}

// sleep waits d or until ctx is done; it reports whether the wait ran out.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
