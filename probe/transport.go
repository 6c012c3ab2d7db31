package probe

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// transportKey is what makes two requests need different transports.
// Requests with equal keys share one, so keep-alive connections are reused
// from one Send to the next (the TUI resends the same request often).
type transportKey struct {
	insecure       bool
	caCert         string
	connectTimeout time.Duration
	maxHeaderBytes int64
	proxy          string
}

var transports sync.Map // transportKey -> *http.Transport

// errProxyRejected is returned when a proxy answers CONNECT with an error.
type errProxyRejected struct{ status string }

func (e errProxyRejected) Error() string {
	return "proxy refused the tunnel: " + e.status
}

// transportFor returns the shared transport for o, building it once.
func transportFor(o Options) (*http.Transport, error) {
	key := transportKey{o.Insecure, o.CACert, o.ConnectTimeout, o.MaxHeaderBytes, o.Proxy}
	if t, ok := transports.Load(key); ok {
		return t.(*http.Transport), nil
	}
	tlsConf := &tls.Config{InsecureSkipVerify: o.Insecure}
	if o.CACert != "" {
		pool, err := loadCACert(o.CACert)
		if err != nil {
			return nil, optionError{fmt.Errorf("--cacert: %w", err)}
		}
		tlsConf.RootCAs = pool
	}
	proxy := http.ProxyFromEnvironment
	if o.Proxy != "" {
		pu, err := url.Parse(o.Proxy)
		if err != nil || checkProxy(o.Proxy) != nil {
			return nil, optionError{fmt.Errorf("-x/--proxy: %w", checkProxy(o.Proxy))}
		}
		proxy = http.ProxyURL(pu)
	}
	dialer := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second}
	t := &http.Transport{
		Proxy:                  proxy,
		DialContext:            dialer.DialContext,
		TLSClientConfig:        tlsConf,
		TLSHandshakeTimeout:    o.ConnectTimeout,
		ForceAttemptHTTP2:      true,
		MaxIdleConns:           32,
		MaxIdleConnsPerHost:    8,
		IdleConnTimeout:        90 * time.Second,
		ExpectContinueTimeout:  time.Second,
		MaxResponseHeaderBytes: o.MaxHeaderBytes,
		// Bodies are decoded by probe itself, so the wire size is known
		// and Accept-Encoding is sent only with --compressed, like curl.
		DisableCompression: true,
		OnProxyConnectResponse: func(_ context.Context, _ *url.URL, _ *http.Request, resp *http.Response) error {
			if resp.StatusCode != http.StatusOK {
				return errProxyRejected{resp.Status}
			}
			return nil
		},
	}
	actual, _ := transports.LoadOrStore(key, t)
	return actual.(*http.Transport), nil
}
