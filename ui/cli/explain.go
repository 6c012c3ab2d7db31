package cli

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/inert"
	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui/render"
	"golang.org/x/term"
)

const explainUsage = `Usage:
  apierr explain STATUS                    explain a status code
  apierr explain --raw FILE|-              explain a response saved with curl -i
  apierr explain --status N [--header 'K: V']... [--body-file FILE|-]

Flags:
  --api NAME   use this API's docs profile (see 'apierr apis list')
  --json       print the Diagnosis as JSON
  --save       keep the response and its diagnosis in history (redacted)
  --max-body SIZE  explain at most SIZE of the body (default 64M; 512K, 1G, bytes)

The request it answered (checked against the API's OpenAPI document, when
its profile was imported from one):
  --request 'METHOD URL'        e.g. --request 'GET https://api.example.com/v1/items?limit=500'
  --request-header 'K: V'       a header the request sent (repeatable)
  --request-body-file FILE|-    the body the request sent
  --check-request               check it whatever the status (default: 4xx only)
`

// explainArgs are the parsed flags of `apierr explain`.
type explainArgs struct {
	status   string // STATUS or --status
	raw      string // --raw FILE
	headers  []string
	bodyFile string
	api      string
	json     bool
	save     bool   // --save: keep the response in history
	maxBody  string // --max-body SIZE: the body cap
	// req is the request the response answered, when given.
	req pastedRequest
}

// Explain is `apierr explain`: it diagnoses a status code, a raw response
// or a status with headers and a body, without sending anything.
func Explain(env *Env, args []string) int {
	a, help, err := parseExplainArgs(args)
	if help {
		fmt.Fprint(env.Stdout, explainUsage)
		return ExitOK
	}
	if err != nil {
		return env.Fail(ExitUsage, "explain: %v", err)
	}
	bodyCap := int64(explainBodyCap)
	if a.maxBody != "" {
		if bodyCap, err = probe.ParseSize(a.maxBody); err != nil {
			return env.Fail(ExitUsage, "explain: --max-body: %s", render.InertLine(err.Error()))
		}
	}
	res, err := a.response(env, bodyCap)
	if err != nil {
		return env.Fail(ExitUsage, "explain: %s", render.InertLine(err.Error()))
	}
	status, header, body := res.status, res.header, res.body
	reg := env.LoadRegistry()
	a.api = strings.ToLower(a.api) // profile names are lower case
	if a.api != "" {
		if _, ok := reg.Lookup(a.api); !ok {
			return env.unknownAPI(reg, a.api)
		}
	}
	var req exchange.Request
	if a.req.given() {
		if req, err = a.req.request(env); err != nil {
			return env.Fail(ExitUsage, "explain: %s", render.InertLine(err.Error()))
		}
	}
	d := formats.DetectText(status, header, body, formats.Options{Profiles: reg, API: a.api, Host: hostOf(req.URL)})
	if res.truncated {
		d.Notes = append(d.Notes, fmt.Sprintf("The body is %s, longer than the %s cap (--max-body): only its first %s were explained.",
			probe.FormatSize(res.size), probe.FormatSize(bodyCap), probe.FormatSize(bodyCap)))
	}
	applySpec(env, reg, &d, req, a.req.always)

	if a.save {
		ex := explainedExchange(res, d)
		if req.Method != "" {
			ex.Request = req
		}
		saveExchange(env, &ex)
		if ex.ID != 0 {
			fmt.Fprintf(env.Stderr, "apierr: saved to history as #%d\n", ex.ID)
		}
	}

	if a.json {
		out, err := inert.MarshalIndent(d, "", "  ")
		if err != nil {
			return env.Fail(ExitUsage, "explain: %v", err)
		}
		fmt.Fprintf(env.Stdout, "%s\n", out)
		return ExitOK
	}
	st := render.PlainStyles()
	if env.Color() {
		st = render.DefaultStyles()
	}
	fmt.Fprint(env.Stdout, render.Diagnosis(clipDiagnosis(d), env.termWidth(), st))
	return ExitOK
}

func parseExplainArgs(args []string) (explainArgs, bool, error) {
	var a explainArgs
	f := cmdFlags{cmd: "explain",
		bools: map[string]*bool{"--json": &a.json, "--save": &a.save, "--check-request": &a.req.always},
		values: map[string]*string{"--raw": &a.raw, "--status": &a.status, "--body-file": &a.bodyFile, "--api": &a.api, "--max-body": &a.maxBody,
			"--request": &a.req.line, "--request-body-file": &a.req.bodyFile},
		lists: map[string]*[]string{"--header": &a.headers, "-H": &a.headers, "--request-header": &a.req.headers},
	}
	pos, help, err := f.parse(args)
	if help || err != nil {
		return a, help, err
	}
	switch {
	case len(pos) > 1 || len(pos) == 1 && a.status != "":
		return a, false, fmt.Errorf("unexpected argument %q: give one status code", pos[len(pos)-1])
	case len(pos) == 1:
		a.status = pos[0]
	}
	switch {
	case a.raw != "" && (a.status != "" || len(a.headers) > 0 || a.bodyFile != ""):
		return a, false, fmt.Errorf("--raw reads the whole response: do not combine it with a status, --header or --body-file")
	case a.raw == "" && a.status == "":
		return a, false, fmt.Errorf("give a status code, --raw FILE or --status N, e.g. 'apierr explain 429'")
	}
	return a, false, nil
}

// response gathers the status, headers and body to explain; of a body
// at most bodyCap bytes are kept.
func (a explainArgs) response(env *Env, bodyCap int64) (rawResponse, error) {
	if a.raw != "" {
		in, done, err := openExplainInput(env, a.raw)
		if err != nil {
			return rawResponse{}, err
		}
		defer done()
		res, err := readRawResponse(in, bodyCap)
		if err != nil {
			return res, fmt.Errorf("%s %v", explainInputName(a.raw), unwrapPathError(err))
		}
		return res, nil
	}
	status, err := strconv.Atoi(a.status)
	if err != nil || status < 100 || status > 999 {
		return rawResponse{}, fmt.Errorf("status %q is not an HTTP status code: give a number from 100 to 999", a.status)
	}
	res := rawResponse{status: status, header: http.Header{}}
	for _, h := range a.headers {
		k, v, ok := strings.Cut(h, ":")
		if !ok || strings.TrimSpace(k) == "" {
			return res, fmt.Errorf("header %q has no colon: write it as 'Name: value'", h)
		}
		res.header.Add(strings.TrimSpace(k), strings.TrimSpace(v))
	}
	if a.bodyFile != "" {
		in, done, err := openExplainInput(env, a.bodyFile)
		if err != nil {
			return res, err
		}
		defer done()
		if err := readRawBody(bufio.NewReader(in), bodyCap, inputSize(in), &res); err != nil {
			return res, fmt.Errorf("cannot read %s: %v", explainInputName(a.bodyFile), unwrapPathError(err))
		}
	}
	return res, nil
}

// explainBodyCap is how much of a body explain reads unless --max-body
// says otherwise: more than send keeps (a saved response may come from
// anywhere), and bounded, so a huge paste costs at most this much.
const explainBodyCap = 64 << 20

// openExplainInput opens a file, or stdin for "-".
func openExplainInput(env *Env, name string) (io.Reader, func(), error) {
	if name == "-" {
		return env.Stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %v", name, unwrapPathError(err))
	}
	return f, func() { f.Close() }, nil
}

func explainInputName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}

// unwrapPathError drops the path an *os.PathError repeats.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// termWidth is the terminal's width, or 80 when Stdout is not a terminal.
func (e *Env) termWidth() int {
	if e.StdoutTTY {
		if f, ok := e.Stdout.(*os.File); ok {
			if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
				return w
			}
		}
	}
	if c, err := strconv.Atoi(e.Getenv("COLUMNS")); err == nil && c > 0 {
		return c
	}
	return 80
}
