package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/inert"
	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui/render"
)

const sendUsage = `Usage:
  apierr send [curl options] URL [--json] [--api NAME] [--no-history] [--show-secrets] [--env-file FILE]
  apierr send --curl 'curl ...' [--json] [--api NAME] ...

Sends one request and diagnoses the answer: status, where the time went,
the headers worth seeing, and what the error means and how to recover.

apierr's own flags:
  --curl 'CMD'       take a whole curl command (as copied from a browser or docs)
  --json             print the exchange and its diagnosis as JSON
  --api NAME         explain with this API's docs profile (see 'apierr apis list')
  --env-file FILE    KEY=VALUE lines filling ${KEY} in the URL, headers and body
  --show-secrets     print credentials as they are instead of redacted
  --no-history       do not keep this exchange in the history
  --check-request    check the request against the API's OpenAPI document
                     whatever the status (default: when the answer is a 4xx)
  --max-body SIZE    keep at most SIZE of the body (default 16M; 512K, 1G, bytes)
  --retry-max-wait S longest wait between retries, Retry-After included (default 60)

curl options understood:
  -X/--request METHOD   -H/--header 'Name: value'   -d/--data, --data-raw,
  --data-binary, --data-ascii, --data-urlencode (@file, @- for stdin)
  --json DATA (only inside --curl)   -F/--form name=value|@file   -u/--user user:pass
  -b/--cookie 'a=b'  -A/--user-agent  -e/--referer  -G/--get  -I/--head  --url URL
  -k/--insecure  -L/--location  --max-redirs N  --compressed  --cacert FILE
  -m/--max-time S (default 30)  --connect-timeout S (default 10)  -x/--proxy URL
  --retry N  --retry-delay S  --retry-all-errors   (-s -S -i -v are accepted)

Exit status: 0 when a response arrived (whatever its status), 1 when none
did (DNS, refused, TLS, timeout...), 2 on bad usage.
`

// sendArgs are apierr's own flags of `send`; the rest are curl's.
type sendArgs struct {
	curl        string
	hasCurl     bool
	json        bool
	api         string
	envFile     string
	showSecrets bool
	noHistory   bool
	curlArgs    []string
	// checkRequest checks the request against the API's OpenAPI
	// document whatever the status.
	checkRequest bool
}

// Send is `apierr send`: it sends one request built from curl-like flags
// (or a whole --curl command) and prints the exchange and its Diagnosis.
func Send(env *Env, args []string) int {
	a, help, err := parseSendArgs(args)
	if help {
		fmt.Fprint(env.Stdout, sendUsage)
		return ExitOK
	}
	if err != nil {
		return env.Fail(ExitUsage, "send: %s", render.InertLine(err.Error()))
	}
	req, vars, err := a.request(env)
	if err != nil {
		return env.Fail(ExitUsage, "send: %s", render.InertLine(err.Error()))
	}
	reg := env.LoadRegistry()
	if a.api != "" {
		if _, ok := reg.Lookup(a.api); !ok {
			return env.unknownAPI(reg, a.api)
		}
	}
	req.Options.Profiles, req.Options.API = reg, a.api
	// The redactor comes first: a config that cannot be read stops the
	// command before anything is sent.
	red, err := env.Redactor()
	if err != nil {
		return env.Fail(ExitUsage, "send: %s", render.InertLine(err.Error()))
	}
	// Values filled from variables are secrets wherever they went.
	red = red.WithSecrets(vars...)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	ex := probe.Send(ctx, req)
	stop()
	ex.Source = exchange.SourceSend
	if ex.Response != nil {
		applySpec(env, reg, &ex.Diagnosis, ex.Request, a.checkRequest)
	}
	redacted := red.Exchange(ex)
	if !a.noHistory {
		// What is stored is redacted whatever --show-secrets says.
		saveRedacted(env, red, &redacted)
		ex.ID = redacted.ID
	}

	shown := redacted
	if a.showSecrets {
		shown = ex
	}
	if a.json {
		out, err := inert.MarshalIndent(shown, "", "  ")
		if err != nil {
			return env.Fail(ExitUsage, "send: %v", err)
		}
		fmt.Fprintf(env.Stdout, "%s\n", out)
	} else {
		st := render.PlainStyles()
		if env.Color() {
			st = render.DefaultStyles()
		}
		fmt.Fprint(env.Stdout, renderSend(shown, env.termWidth(), st))
	}
	if ex.Error != "" {
		return ExitTransport
	}
	return ExitOK
}

// parseSendArgs separates apierr's flags from curl's. A curl option that
// takes a value keeps its value even when the value looks like one of
// ours (-d --json sends the text "--json").
func parseSendArgs(args []string) (sendArgs, bool, error) {
	var a sendArgs
	curl := []string{}
	f := cmdFlags{cmd: "send",
		bools: map[string]*bool{"--json": &a.json, "--no-history": &a.noHistory, "--show-secrets": &a.showSecrets,
			"--check-request": &a.checkRequest},
		values: map[string]*string{"--api": &a.api, "--env-file": &a.envFile},
		lists:  map[string]*[]string{"--curl": &curl},
		passOn: probe.FlagTakesValue,
	}
	pos, help, err := f.parse(args)
	var given *valueGivenError
	switch {
	case help:
		return a, true, nil
	case errors.As(err, &given) && given.flag == "--json":
		return a, false, fmt.Errorf("--json takes no value here (it prints JSON); to send a JSON body use -d or --curl \"curl --json ...\"")
	case err != nil:
		return a, false, err
	case len(curl) > 1:
		return a, false, fmt.Errorf("give one --curl command, not %d", len(curl))
	}
	a.curlArgs = pos
	if len(curl) == 1 {
		a.curl, a.hasCurl = curl[0], true
	}
	if a.hasCurl && len(a.curlArgs) > 0 {
		return a, false, fmt.Errorf("give either --curl 'curl ...' or curl options and a URL, not both (%s)", a.curlArgs[0])
	}
	if !a.hasCurl && len(a.curlArgs) == 0 {
		return a, false, fmt.Errorf("no URL given: apierr send https://api.example.com/v1/items (see 'apierr send --help')")
	}
	return a, false, nil
}

// request parses the curl part and fills ${VARIABLES}, returning the
// values it filled in.
func (a sendArgs) request(env *Env) (probe.Request, []string, error) {
	p := probe.CurlParser{Stdin: env.Stdin}
	var req probe.Request
	var err error
	if a.hasCurl {
		req, err = p.ParseCurl(a.curl)
	} else {
		req, err = p.ParseArgs(a.curlArgs)
	}
	if err != nil {
		return req, nil, err
	}
	var file map[string]string
	if a.envFile != "" {
		if file, err = probe.ReadEnvFile(a.envFile); err != nil {
			return req, nil, err
		}
	}
	lookup := probe.EnvLookup(file, func(name string) (string, bool) {
		v := env.Getenv(name)
		return v, v != ""
	})
	var filled []string
	req, err = req.Expand(func(name string) (string, bool) {
		v, ok := lookup(name)
		if ok {
			filled = append(filled, v)
		}
		return v, ok
	})
	if err != nil {
		return req, nil, err
	}
	return req, filled, req.Check()
}
