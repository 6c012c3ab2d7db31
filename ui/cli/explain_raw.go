package cli

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// parseRawResponse reads a whole HTTP response as `curl -i` prints it:
// a status line ("HTTP/1.1 404 Not Found" or "HTTP/2 404"), headers, a
// blank line and the body. CRLF or LF line ends both work. When several
// responses follow each other (curl -iL through redirects, a "100
// Continue" or a proxy's "200 Connection established" first), the last
// one is the answer.
func parseRawResponse(data []byte) (int, http.Header, []byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	rest := trimLeadingBlankLines(data)
	status, header, body := 0, http.Header(nil), []byte(nil)
	for {
		line, after := cutRawLine(rest)
		code, ok := parseStatusLine(line)
		if !ok {
			if status == 0 {
				return 0, nil, nil, fmt.Errorf("does not start with an HTTP status line such as 'HTTP/1.1 404 Not Found' (save the response with curl -i)")
			}
			break
		}
		status, header = code, http.Header{}
		rest = after
		var err error
		rest, err = readHeaders(rest, header)
		if err != nil {
			return 0, nil, nil, err
		}
		body = rest
		next := trimLeadingBlankLines(rest)
		if l, _ := cutRawLine(next); !isStatusLine(l) {
			break
		}
		rest = next
	}
	return status, header, body, nil
}

// readHeaders reads header lines into h up to the blank line and returns
// what follows it (the body).
func readHeaders(data []byte, h http.Header) ([]byte, error) {
	last := ""
	for len(data) > 0 {
		line, after := cutRawLine(data)
		data = after
		if len(line) == 0 {
			return data, nil
		}
		if line[0] == ' ' || line[0] == '\t' {
			// An obsolete folded continuation of the previous header.
			if last != "" {
				vs := h[last]
				vs[len(vs)-1] += " " + strings.TrimSpace(string(line))
			}
			continue
		}
		k, v, ok := strings.Cut(string(line), ":")
		if !ok || strings.TrimSpace(k) == "" || strings.ContainsAny(k, " \t") {
			return nil, fmt.Errorf("header line %q has no 'Name: value' form; is a blank line missing before the body?", clipText(string(line), 60))
		}
		last = http.CanonicalHeaderKey(k)
		h.Add(last, strings.TrimSpace(v))
	}
	return nil, nil
}

// cutRawLine returns the first line without its LF or CRLF, and the rest.
func cutRawLine(data []byte) ([]byte, []byte) {
	line, rest, found := bytes.Cut(data, []byte{'\n'})
	if !found {
		rest = nil
	}
	return bytes.TrimSuffix(line, []byte{'\r'}), rest
}

func trimLeadingBlankLines(data []byte) []byte {
	for len(data) > 0 {
		line, rest := cutRawLine(data)
		if len(bytes.TrimSpace(line)) != 0 {
			return data
		}
		data = rest
	}
	return data
}

func isStatusLine(line []byte) bool {
	_, ok := parseStatusLine(line)
	return ok
}

// parseStatusLine reads "HTTP/1.1 404 Not Found", "HTTP/2 404" or
// "HTTP/2.0 404".
func parseStatusLine(line []byte) (int, bool) {
	s := string(line)
	if !strings.HasPrefix(s, "HTTP/") {
		return 0, false
	}
	fields := strings.Fields(s)
	if len(fields) < 2 || len(fields[1]) != 3 {
		return 0, false
	}
	code, err := strconv.Atoi(fields[1])
	if err != nil || code < 100 {
		return 0, false
	}
	return code, true
}

func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
