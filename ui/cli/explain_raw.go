package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/apierr/apierr/probe"
)

// rawResponse is a response as `curl -i` saved it.
type rawResponse struct {
	status int
	header http.Header
	// body is the body's first bytes, at most the cap readRawResponse was
	// given; truncated tells whether there were more, and size how many
	// there were in all.
	body      string
	truncated bool
	size      int64
}

// parseRawResponse reads a whole HTTP response held in memory; see
// readRawResponse.
func parseRawResponse(data []byte) (int, http.Header, []byte, error) {
	r, err := readRawResponse(bytes.NewReader(data), math.MaxInt64-1)
	if err != nil {
		return 0, nil, nil, err
	}
	return r.status, r.header, []byte(r.body), nil
}

// readRawResponse reads a whole HTTP response as `curl -i` prints it:
// a status line ("HTTP/1.1 404 Not Found" or "HTTP/2 404"), headers, a
// blank line and the body. CRLF or LF line ends both work. When several
// responses follow each other (curl -iL through redirects, a "100
// Continue" or a proxy's "200 Connection established" first), the last
// one is the answer. Of the body at most bodyCap bytes are kept, the rest
// counted, and the status lines and headers may take as much again, so a
// huge input costs twice the cap in memory at most, never more.
func readRawResponse(in io.Reader, bodyCap int64) (rawResponse, error) {
	total := inputSize(in)
	br := bufio.NewReaderSize(in, 64<<10)
	var res rawResponse
	headerBytes := int64(0)
	line := func() (string, bool, error) {
		s, err := readLine(br, bodyCap-headerBytes)
		if err != nil {
			return "", false, err
		}
		headerBytes += int64(len(s))
		return strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r"), s != "", nil
	}
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	skipBlankLines(br)
	for {
		l, _, err := line()
		if err != nil {
			return res, err
		}
		code, ok := parseStatusLine(l)
		if !ok {
			return res, fmt.Errorf("does not start with an HTTP status line such as 'HTTP/1.1 404 Not Found' (save the response with curl -i)")
		}
		res.status, res.header = code, http.Header{}
		last := ""
		for {
			l, more, err := line()
			if err != nil {
				return res, err
			}
			if l == "" {
				break
			}
			if err := addRawHeader(res.header, &last, l); err != nil {
				return res, err
			}
			if !more {
				break
			}
		}
		if !nextIsStatusLine(br) {
			break
		}
		skipBlankLines(br)
	}
	return res, readRawBody(br, bodyCap, total-headerBytes, &res)
}

// readLine reads one line of at most limit bytes, its LF included.
func readLine(br *bufio.Reader, limit int64) (string, error) {
	var b strings.Builder
	for {
		chunk, err := br.ReadSlice('\n')
		if int64(b.Len()+len(chunk)) > limit {
			return "", fmt.Errorf("has more status line and header bytes than the %s cap (--max-body); is a blank line missing before the body?", probe.FormatSize(limit))
		}
		b.Write(chunk)
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil && err != io.EOF:
			return "", err
		}
		return b.String(), nil
	}
}

// inputSize is the size of a file or an in-memory reader, else -1.
func inputSize(in io.Reader) int64 {
	switch in := in.(type) {
	case interface{ Len() int }:
		return int64(in.Len())
	case interface{ Stat() (os.FileInfo, error) }:
		if st, err := in.Stat(); err == nil && st.Mode().IsRegular() {
			return st.Size()
		}
	}
	return -1
}

// addRawHeader adds one header line to h; last is the previous header's
// name, for an obsolete folded continuation line.
func addRawHeader(h http.Header, last *string, line string) error {
	if line[0] == ' ' || line[0] == '\t' {
		if *last != "" {
			vs := h[*last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
		}
		return nil
	}
	k, v, ok := strings.Cut(line, ":")
	if !ok || strings.TrimSpace(k) == "" || strings.ContainsAny(k, " \t") {
		return fmt.Errorf("header line %q has no 'Name: value' form; is a blank line missing before the body?", clipText(line, 60))
	}
	*last = http.CanonicalHeaderKey(k)
	h.Add(*last, strings.TrimSpace(v))
	return nil
}

// readRawBody keeps the first bodyCap bytes of what br has left and
// counts the rest; sizeHint is about how many there are, or -1.
func readRawBody(br *bufio.Reader, bodyCap, sizeHint int64, res *rawResponse) error {
	var b strings.Builder
	if sizeHint > 0 {
		// One buffer of the right size, not a doubling series of them.
		b.Grow(int(min(sizeHint, bodyCap)))
	}
	n, err := io.Copy(&b, io.LimitReader(br, bodyCap))
	if err != nil {
		return err
	}
	rest, err := io.Copy(io.Discard, br)
	if err != nil {
		return err
	}
	res.body, res.truncated, res.size = b.String(), rest > 0, n+rest
	return nil
}

// nextIsStatusLine reports whether, after blank lines, another response
// begins (without consuming anything).
func nextIsStatusLine(br *bufio.Reader) bool {
	peek, _ := br.Peek(br.Size())
	peek = bytes.TrimLeft(peek, "\r\n \t")
	l, _, _ := bytes.Cut(peek, []byte{'\n'})
	_, ok := parseStatusLine(string(bytes.TrimSuffix(l, []byte{'\r'})))
	return ok
}

// skipBlankLines consumes the blank lines at the head of br.
func skipBlankLines(br *bufio.Reader) {
	for {
		peek, _ := br.Peek(br.Size())
		l, _, found := bytes.Cut(peek, []byte{'\n'})
		if !found || len(bytes.TrimSpace(l)) != 0 {
			return
		}
		br.Discard(len(l) + 1)
	}
}

// parseStatusLine reads "HTTP/1.1 404 Not Found", "HTTP/2 404" or
// "HTTP/2.0 404".
func parseStatusLine(s string) (int, bool) {
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
