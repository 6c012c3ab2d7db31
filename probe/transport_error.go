package probe

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
)

// Transport failure kinds, as kept in Diagnosis.TransportKind.
const (
	KindDNS              = "dns"
	KindRefused          = "refused"
	KindTimeoutConnect   = "timeout-connect"
	KindTimeoutTLS       = "timeout-tls"
	KindTimeoutHeaders   = "timeout-headers"
	KindTimeoutBody      = "timeout-body"
	KindTLSUnknownAuth   = "tls-unknown-authority"
	KindTLSHostname      = "tls-hostname-mismatch"
	KindTLSExpired       = "tls-expired"
	KindTLSOther         = "tls-handshake"
	KindReset            = "reset"
	KindUnexpectedEOF    = "unexpected-eof"
	KindProxy            = "proxy"
	KindInvalidURL       = "invalid-url"
	KindTooManyRedirects = "too-many-redirects"
	KindCancelled        = "cancelled"
	KindHeadersTooLarge  = "headers-too-large"
	KindBadResponse      = "bad-response"
	KindInvalidOption    = "invalid-option"
	KindOther            = "network"
)

// errTooManyRedirects stops a redirect chain longer than --max-redirs.
var errTooManyRedirects = errors.New("too many redirects")

// errMaxTime is the cause of the per-attempt deadline (-m), telling our
// own timeout apart from the caller's cancel.
var errMaxTime = errors.New("maximum time reached")

// invalidURLError is a URL that cannot be sent at all.
type invalidURLError struct{ msg string }

func (e invalidURLError) Error() string { return e.msg }

// optionError is a sending option that cannot be honoured (--cacert file
// unreadable, bad --proxy).
type optionError struct{ err error }

func (e optionError) Error() string { return e.err.Error() }

// classify names the transport failure err. ctx is the attempt's context
// (its cause tells -m from a cancel) and ph how far the attempt got.
func classify(ctx context.Context, err error, ph phase) string {
	var (
		dnsErr      *net.DNSError
		unknownAuth x509.UnknownAuthorityError
		hostErr     x509.HostnameError
		invalidCert x509.CertificateInvalidError
		recordErr   tls.RecordHeaderError
		alertErr    tls.AlertError
		opErr       *net.OpError
		urlErr      invalidURLError
		optErr      optionError
		proxyErr    errProxyRejected
	)
	switch {
	case errors.As(err, &optErr):
		return KindInvalidOption
	case errors.As(err, &urlErr):
		return KindInvalidURL
	case errors.Is(err, errTooManyRedirects):
		return KindTooManyRedirects
	case ctx.Err() != nil && context.Cause(ctx) != errMaxTime && !errors.Is(context.Cause(ctx), context.DeadlineExceeded):
		return KindCancelled
	case ctx.Err() != nil:
		return timeoutKind(ph)
	case errors.As(err, &proxyErr):
		return KindProxy
	case errors.As(err, &opErr) && opErr.Op == "proxyconnect":
		return KindProxy
	case errors.As(err, &dnsErr):
		return KindDNS
	case errors.As(err, &unknownAuth):
		return KindTLSUnknownAuth
	case errors.As(err, &hostErr):
		return KindTLSHostname
	case errors.As(err, &invalidCert):
		if invalidCert.Reason == x509.Expired {
			return KindTLSExpired
		}
		return KindTLSOther
	case errors.As(err, &recordErr):
		if string(recordErr.RecordHeader[:]) == "HTTP/" {
			return KindBadResponse // plain HTTP answered an https:// URL
		}
		return KindTLSOther
	case errors.As(err, &alertErr):
		return KindTLSOther
	case errors.Is(err, syscall.ECONNREFUSED):
		return KindRefused
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return KindReset
	case isTimeout(err):
		if strings.Contains(err.Error(), "TLS handshake timeout") {
			return KindTimeoutTLS
		}
		if errors.As(err, &opErr) && opErr.Op == "dial" {
			return KindTimeoutConnect
		}
		return timeoutKind(ph)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return KindUnexpectedEOF
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "response headers exceeded"):
		return KindHeadersTooLarge
	case strings.Contains(msg, "malformed HTTP"), strings.Contains(msg, "malformed MIME header"),
		strings.Contains(msg, "gave HTTP response to HTTPS client"):
		return KindBadResponse
	case strings.Contains(msg, "tls:"), strings.Contains(msg, "x509:"):
		return KindTLSOther
	case strings.Contains(msg, "unsupported protocol scheme"), strings.Contains(msg, "no Host in request URL"),
		strings.Contains(msg, "invalid URL"):
		return KindInvalidURL
	}
	return KindOther
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// timeoutKind names a -m timeout after the phase it interrupted.
func timeoutKind(ph phase) string {
	switch ph {
	case phaseStart, phaseConnect:
		return KindTimeoutConnect
	case phaseTLS:
		return KindTimeoutTLS
	case phaseWaiting:
		return KindTimeoutHeaders
	}
	return KindTimeoutBody
}

// errorText is the one-line form of err kept in Exchange.Error: Go's
// url.Error prefix ("Get \"http://...\": ") repeats what the exchange
// already says, so it is dropped.
func errorText(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}
