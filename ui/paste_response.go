package ui

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

// pastedBodyCap is the most of a pasted response's body that is kept, as
// the probe keeps of a body it receives.
const pastedBodyCap = 64 << 20

// rawStatusLine is the first line of a response as curl -i prints it.
var rawStatusLine = regexp.MustCompile(`^HTTP/(\d)(\.\d)? \d{3}\b`)

// isRawResponse reports whether pasted text is a whole HTTP response
// (curl -i, a support ticket's excerpt) rather than a URL or a command.
func isRawResponse(s string) bool {
	return rawStatusLine.MatchString(strings.TrimLeft(s, " \t\r\n"))
}

// parseRawResponse reads a response as curl -i prints it, with net/http's
// own reader: status line, headers, blank line, body. "HTTP/2 404" is
// read as HTTP/2.0, and bare LF line ends are fine.
func parseRawResponse(s string) (exchange.Response, error) {
	s = strings.TrimLeft(s, " \t\r\n")
	if m := rawStatusLine.FindStringSubmatch(s); m != nil && m[2] == "" {
		s = "HTTP/" + m[1] + ".0" + s[len("HTTP/")+1:]
	}
	resp, err := http.ReadResponse(bufio.NewReader(strings.NewReader(s)), nil)
	if err != nil {
		return exchange.Response{}, fmt.Errorf("the pasted text starts like an HTTP response but does not read as one: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, pastedBodyCap+1))
	if err != nil && len(body) == 0 {
		return exchange.Response{}, fmt.Errorf("the pasted response's body does not read: %v", err)
	}
	r := exchange.Response{Status: resp.StatusCode, Proto: resp.Proto, Headers: resp.Header, Size: int64(len(body))}
	if len(body) > pastedBodyCap {
		body, r.Truncated = body[:pastedBodyCap], true
	}
	r.Body = string(body)
	return r, nil
}

// openPastedResponse shows a pasted response as an exchange with its
// diagnosis, explained for the URL in the bar (its host picks the
// profile) when there is one. Nothing is sent, and it is not saved.
func (m model) openPastedResponse(s string) (model, error) {
	r, err := parseRawResponse(s)
	if err != nil {
		return m, err
	}
	u := strings.TrimSpace(m.req.url.Value())
	if urlHost(u) == "" {
		u = ""
	}
	opts, why := m.explainOptions(u)
	d := formats.DetectText(r.Status, r.Headers, r.Body, opts)
	d = settleProfile(d, &r, opts, why)
	ex := exchange.Exchange{
		Time:      m.svc.now().UTC(),
		Request:   exchange.Request{Method: m.req.method, URL: u},
		Response:  &r,
		Diagnosis: d,
		Source:    exchange.SourceTUI,
	}
	m.cur.saved, m.cur.replayed, m.cur.offline = nil, nil, false
	m.show(&ex, m.svc.now())
	m.shown = focusDiagnosis
	m.status = info("pasted response shown: %s (nothing sent, not saved)", summary(ex))
	return m, nil
}
