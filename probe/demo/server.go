package demo

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

// DefaultAddr is where Start listens when given "": a free port on the
// loopback interface, so the demo is never reachable from other machines
// unless asked.
const DefaultAddr = "127.0.0.1:0"

// Server is a running demo API.
type Server struct {
	srv    *http.Server
	ln     net.Listener
	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
	// v4 is set when the address asked for was IPv4 ("0.0.0.0:PORT",
	// ":PORT"): Go may still listen dual-stack on [::], but the person
	// expects 127.0.0.1 back.
	v4 bool
}

// Start listens on addr ("" or "127.0.0.1:0" for a free loopback port) and
// serves the demo API in the background until Close. The error is the
// listener's (a busy port is a *net.OpError wrapping syscall.EADDRINUSE).
func Start(addr string) (*Server, error) { return StartHandler(addr, Handler()) }

// StartHandler is Start serving h, which is normally Handler() wrapped by
// the caller (to log requests, for instance).
func StartHandler(addr string, h http.Handler) (*Server, error) {
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	// Every request context derives from base, so Close ends the slow,
	// dripping and endless handlers at once instead of waiting for them.
	base, cancel := context.WithCancel(context.Background())
	host, _, _ := net.SplitHostPort(addr)
	s := &Server{
		v4:     host == "" || net.ParseIP(host).To4() != nil,
		ln:     ln,
		cancel: cancel,
		done:   make(chan struct{}),
		srv: &http.Server{
			Handler:           h,
			ReadHeaderTimeout: 10 * time.Second,
			MaxHeaderBytes:    64 << 10,
			BaseContext:       func(net.Listener) context.Context { return base },
		},
	}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(ln)
	}()
	return s, nil
}

// URL returns the base URL, e.g. "http://127.0.0.1:38111", without a
// trailing slash. A server listening on every interface is reached
// through loopback: 127.0.0.1 when it was asked for with an IPv4 address.
func (s *Server) URL() string {
	addr, ok := s.ln.Addr().(*net.TCPAddr)
	if !ok {
		return "http://" + s.ln.Addr().String()
	}
	host := addr.IP
	if host.IsUnspecified() {
		if s.v4 || host.To4() != nil {
			host = net.IPv4(127, 0, 0, 1)
		} else {
			host = net.IPv6loopback
		}
	}
	return "http://" + (&net.TCPAddr{IP: host, Port: addr.Port}).String()
}

// Addr returns the address the server listens on.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Close stops the server: slow and endless answers end at once, requests
// in flight get up to two seconds to finish. It is safe to call twice.
func (s *Server) Close() {
	s.once.Do(func() {
		s.cancel()
		ctx, stop := context.WithTimeout(context.Background(), 2*time.Second)
		defer stop()
		if err := s.srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
			_ = s.srv.Close()
		}
		<-s.done
	})
}
