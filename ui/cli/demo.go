package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/apierr/apierr/probe/demo"
)

// DemoAddr is where `apierr demo` listens unless --addr says otherwise: a
// fixed loopback port, so the README's examples work as written.
const DemoAddr = "127.0.0.1:7707"

const demoUsage = `Usage: apierr demo [--addr 127.0.0.1:PORT] [--public] [--quiet]

Serves the demo API in the foreground: every status and error code of the
five documented APIs, and common others. GET / lists the routes. ctrl+c stops it.

  --addr HOST:PORT   where to listen (default ` + DemoAddr + `; port 0 picks a free one)
  --public           allow an address other machines can reach
  --quiet            do not print a line per request
`

// Demo runs `apierr demo`: it serves the demo API until SIGINT or SIGTERM.
func Demo(env *Env, args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runDemo(ctx, env, args, nil)
}

// runDemo serves until ctx ends. started, when not nil, is called with
// the base URL once the server listens (tests use it instead of a signal).
func runDemo(ctx context.Context, env *Env, args []string, started func(url string)) int {
	addr, public, quiet := DemoAddr, false, false
	f := cmdFlags{cmd: "demo", bools: map[string]*bool{"--public": &public, "--quiet": &quiet},
		values: map[string]*string{"--addr": &addr}}
	pos, help, err := f.parse(args)
	switch {
	case help:
		fmt.Fprint(env.Stdout, demoUsage)
		return ExitOK
	case err != nil:
		return env.Fail(ExitUsage, "demo: %v", err)
	case len(pos) > 0:
		return env.Fail(ExitUsage, "demo: unexpected argument %q: the only flags are --addr, --public and --quiet", pos[0])
	}
	loopback, err := checkDemoAddr(addr)
	if err != nil {
		return env.Fail(ExitUsage, "demo: %v", err)
	}
	if !loopback && !public {
		return env.Fail(ExitUsage, "demo: %s can be reached from other machines; use a loopback address such as 127.0.0.1:PORT, or add --public to mean it", addr)
	}
	var h = demo.Handler()
	if !quiet {
		h = demoLogRequests(h, env.Stdout)
	}
	srv, err := demo.StartHandler(addr, h)
	if err != nil {
		return env.Fail(ExitUsage, "demo: %s", demoListenProblem(addr, err))
	}
	defer srv.Close()
	printDemoBanner(env.Stdout, srv.URL(), loopback)
	if started != nil {
		started(srv.URL())
	}
	<-ctx.Done()
	srv.Close()
	fmt.Fprintln(env.Stdout, "demo API stopped")
	return ExitOK
}

// checkDemoAddr validates HOST:PORT and tells whether it is loopback only.
func checkDemoAddr(addr string) (loopback bool, err error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("--addr %q is not HOST:PORT; use e.g. --addr 127.0.0.1:8080", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return false, fmt.Errorf("--addr %q: port %q is not a number from 0 to 65535", addr, port)
	}
	if strings.EqualFold(host, "localhost") {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

// demoListenProblem turns a listen error into what to do about it.
func demoListenProblem(addr string, err error) string {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Sprintf("port %s is already in use; pick another with --addr 127.0.0.1:PORT (port 0 picks a free one)", addr)
	case errors.Is(err, syscall.EACCES):
		return fmt.Sprintf("not allowed to listen on %s (ports below 1024 need privileges); pick a port above 1024", addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return fmt.Sprintf("%s is not an address of this machine; use 127.0.0.1:PORT", addr)
	}
	return fmt.Sprintf("cannot listen on %s: %v", addr, err)
}

// printDemoBanner says where the demo is and what to try first.
func printDemoBanner(w io.Writer, base string, loopback bool) {
	scope := "loopback only"
	if !loopback {
		scope = "reachable from other machines"
	}
	fmt.Fprintf(w, "apierr demo API on %s (%s; ctrl+c stops it)\n", base, scope)
	fmt.Fprintf(w, "%d example requests listed at %s/ (the same ones apierr --demo offers)\n\n", len(demo.Routes()), base)
	fmt.Fprintln(w, "Try:")
	for _, ex := range demoExamples() {
		fmt.Fprintln(w, "  "+demoSendCommand(base, ex))
	}
	fmt.Fprintln(w)
}

// demoExamples picks three routes that show recognition at its best: a
// problem+json with request_id, OCTO's codes, and an API that needs --api.
func demoExamples() []demo.Route {
	var out []demo.Route
	for _, want := range []struct {
		api    string
		status int
		path   string
	}{{"occuspace", 404, "/occuspace/"}, {"octo", 400, "/octo/products/"}, {"raalabs", 400, "/raalabs/"}} {
		for _, rt := range demo.Routes() {
			if rt.API == want.api && rt.Status == want.status && strings.HasPrefix(rt.Path, want.path) {
				out = append(out, rt)
				break
			}
		}
	}
	return out
}

// demoSendCommand renders an `apierr send` command line for a route, quoted
// for a POSIX shell.
func demoSendCommand(base string, rt demo.Route) string {
	parts := []string{"apierr", "send"}
	if rt.Method != "GET" {
		parts = append(parts, "-X", rt.Method)
	}
	if rt.API == "raalabs" || rt.API == "therealreal" {
		// Their bodies carry no clue of which API sent them.
		parts = append(parts, "--api", rt.API)
	}
	for _, k := range demoHeaderNames(rt.Header) {
		for _, v := range rt.Header[k] {
			parts = append(parts, "-H", demoQuote(k+": "+v))
		}
	}
	if rt.Body != "" {
		parts = append(parts, "-d", demoQuote(rt.Body))
	}
	return strings.Join(append(parts, demoQuote(base+rt.Path)), " ")
}

func demoQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=@,+", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
