package probe

import (
	"crypto/x509"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"

	"golang.org/x/net/http/httpguts"
)

// Check reports the first thing that makes r impossible to send as it is,
// before any socket is opened: the URL, the method, a header name or value
// HTTP does not allow (a NUL, a newline), the proxy URL, the --cacert
// file. The error is one line naming the input and what to do; callers
// with a user at the keyboard check a request once its variables are
// filled, so that a typing mistake is bad usage and not a network failure.
// Send makes the same checks and diagnoses a failure as invalid-url or
// invalid-option.
func (r Request) Check() error {
	if err := CheckURL(r.URL); err != nil {
		return invalidURLError{err.Error()}
	}
	if r.Method != "" && !httpguts.ValidHeaderFieldName(r.Method) {
		return invalidURLError{fmt.Sprintf("method %s is not an HTTP method: a method is one word, such as GET or POST", quoteBytes(r.Method))}
	}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range r.Header {
			if !yield(k) {
				return
			}
		}
	}) {
		if !httpguts.ValidHeaderFieldName(k) {
			return optionError{fmt.Errorf("header name %s is not one HTTP allows (letters, digits and !#$%%&'*+-.^_`|~ only)", quoteBytes(k))}
		}
		for _, v := range r.Header[k] {
			if !httpguts.ValidHeaderFieldValue(v) {
				return optionError{fmt.Errorf("header %s: its value %s holds %s, which HTTP does not allow in a header: remove it", k, quoteBytes(v), badHeaderByte(v))}
			}
		}
	}
	if r.Options.Proxy != "" {
		if err := checkProxy(r.Options.Proxy); err != nil {
			return optionError{fmt.Errorf("-x/--proxy: %w", err)}
		}
	}
	if r.Options.CACert != "" {
		if _, err := loadCACert(r.Options.CACert); err != nil {
			return optionError{fmt.Errorf("--cacert: %w", err)}
		}
	}
	return nil
}

// checkProxy accepts a proxy URL the transport can use: http, https,
// socks5 or socks5h, with a host.
func checkProxy(v string) error {
	u, err := url.Parse(v)
	if err == nil && u.Host != "" && u.Hostname() != "" && !strings.ContainsAny(v, " \t") {
		switch u.Scheme {
		case "http", "https", "socks5", "socks5h":
			return nil
		}
		return fmt.Errorf("%s: scheme %q is not one of http, https, socks5", quoteBytes(v), u.Scheme)
	}
	return fmt.Errorf("%s is not a proxy URL: write it like http://proxy.example:3128", quoteBytes(v))
}

// loadCACert reads the PEM certificates of a --cacert file.
func loadCACert(path string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", path, unwrapPathErr(err))
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s holds no PEM certificate (-----BEGIN CERTIFICATE-----)", path)
	}
	return pool, nil
}

// quoteBytes quotes s for a message, control bytes escaped, long values cut.
func quoteBytes(s string) string { return fmt.Sprintf("%q", clip(s, 40)) }

// badHeaderByte names the first byte of v a header value cannot carry.
func badHeaderByte(v string) string {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c < ' ' && c != '\t' || c == 0x7f {
			name := map[byte]string{0: "a NUL byte", '\n': "a newline", '\r': "a carriage return"}[c]
			if name == "" {
				name = fmt.Sprintf("the control byte 0x%02x", c)
			}
			return fmt.Sprintf("%s at byte %d", name, i+1)
		}
	}
	return "a byte"
}
