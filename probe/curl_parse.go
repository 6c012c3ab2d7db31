package probe

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// CurlParser turns curl command lines and curl-like arguments into
// Requests. The zero value reads @- from os.Stdin and @file relative to
// the working directory.
type CurlParser struct {
	// Stdin is read for --data @- and friends; nil means os.Stdin.
	Stdin io.Reader
	// Dir is where relative @file paths are read from; "" means the
	// working directory.
	Dir string
}

// ParseCurl parses a curl command line into a Request.
func ParseCurl(cmdline string) (Request, error) { return CurlParser{}.ParseCurl(cmdline) }

// ParseCurl parses a whole curl command line: quoting with '…', "…" and
// $'…', `\` line continuations, and a leading "$ " prompt are understood.
func (p CurlParser) ParseCurl(cmdline string) (Request, error) {
	line := strings.TrimSpace(cmdline)
	line = strings.TrimPrefix(line, "$ ")
	words, err := splitCommand(line)
	if err != nil {
		return Request{}, err
	}
	if len(words) == 0 {
		return Request{}, fmt.Errorf("the curl command is empty: paste a command like curl https://api.example.com/v1/items")
	}
	if name := strings.TrimSuffix(filepath.Base(words[0]), ".exe"); name != "curl" {
		return Request{}, fmt.Errorf("not a curl command: it starts with %q; paste a command that starts with curl", clip(words[0], 30))
	}
	return p.ParseArgs(words[1:])
}

// ParseArgs parses curl's arguments (without the leading "curl") into a
// Request, as `apierr send` takes them.
func (p CurlParser) ParseArgs(args []string) (Request, error) {
	st := &parseState{p: p, req: Request{Header: http.Header{}}}
	if err := st.walk(args); err != nil {
		return Request{}, err
	}
	return st.finish()
}

// parseState is the request being assembled from the arguments.
type parseState struct {
	p          CurlParser
	req        Request
	urls       []string
	method     string
	data       []string // -d and kin, joined with &
	jsonData   []string // --json, concatenated
	form       []formPart
	get, head  bool
	removed    map[string]bool // headers removed with -H 'Name:'
	cookies    []string
	jsonAccept bool
}

// walk reads every argument, expanding combined short flags (-sSL,
// -XPOST) and --flag=value.
func (st *parseState) walk(args []string) error {
	for i := 0; i < len(args); i++ {
		a := args[i]
		next := func(name string) (string, error) {
			if i+1 >= len(args) {
				return "", fmt.Errorf("%s needs a value", name)
			}
			i++
			return args[i], nil
		}
		switch {
		case a == "--":
			st.urls = append(st.urls, args[i+1:]...)
			return nil
		case strings.HasPrefix(a, "--"):
			name, val, hasVal := strings.Cut(a[2:], "=")
			f, neg := lookupLong(name)
			if f == nil {
				return unknownFlag("--" + name)
			}
			if !f.arg {
				if hasVal {
					return fmt.Errorf("--%s takes no value", f.long)
				}
				if err := f.apply(st, map[bool]string{true: "", false: "1"}[neg]); err != nil {
					return err
				}
				continue
			}
			if !hasVal {
				v, err := next("--" + f.long)
				if err != nil {
					return err
				}
				val = v
			}
			if err := f.apply(st, val); err != nil {
				return fmt.Errorf("--%s: %w", f.long, err)
			}
		case len(a) > 1 && a[0] == '-':
			for j := 1; j < len(a); j++ {
				f := shortFlags[a[j]]
				if f == nil {
					return unknownFlag("-" + string(a[j]))
				}
				if !f.arg {
					if err := f.apply(st, "1"); err != nil {
						return err
					}
					continue
				}
				val := a[j+1:]
				if val == "" {
					v, err := next("-" + string(a[j]))
					if err != nil {
						return err
					}
					val = v
				}
				if err := f.apply(st, val); err != nil {
					return fmt.Errorf("-%c: %w", a[j], err)
				}
				break
			}
		default:
			st.urls = append(st.urls, a)
		}
	}
	return nil
}

func unknownFlag(flag string) error {
	return fmt.Errorf("unsupported curl option %s: remove it, or see 'apierr send --help' for the options apierr understands", flag)
}

// finish checks the URL and builds the body, method and default headers.
func (st *parseState) finish() (Request, error) {
	r := &st.req
	switch len(st.urls) {
	case 0:
		return Request{}, fmt.Errorf("no URL given: add one like https://api.example.com/v1/items")
	case 1:
	default:
		for _, u := range st.urls {
			if strings.HasPrefix(u, "{") || strings.HasPrefix(u, "[") {
				return Request{}, fmt.Errorf("%q is not a URL: to send a JSON body use -d '…' -H 'Content-Type: application/json' (apierr send's own --json prints JSON output)", clip(u, 30))
			}
		}
		return Request{}, fmt.Errorf("more than one URL given (%s, %s): send one request at a time", clip(st.urls[0], 40), clip(st.urls[1], 40))
	}
	r.URL = strings.TrimSpace(st.urls[0])
	if !strings.Contains(r.URL, "${") {
		// A URL made of variables is checked once they are filled in.
		if err := CheckURL(r.URL); err != nil {
			return Request{}, err
		}
	}

	hasData := len(st.data) > 0 || len(st.jsonData) > 0
	body := strings.Join(st.data, "&") + strings.Join(st.jsonData, "")
	method := "GET"
	switch {
	case st.head:
		method = "HEAD"
	case st.get:
		if body != "" {
			sep := "?"
			if strings.Contains(r.URL, "?") {
				sep = "&"
			}
			r.URL += sep + body
		}
		body, hasData = "", false
	case len(st.form) > 0:
		if hasData {
			return Request{}, fmt.Errorf("-F/--form cannot be combined with -d/--data: use one or the other")
		}
		b, ctype, err := st.buildForm()
		if err != nil {
			return Request{}, err
		}
		body, method = string(b), "POST"
		st.defaultHeader("Content-Type", ctype)
	case hasData:
		method = "POST"
		if len(st.jsonData) > 0 {
			st.defaultHeader("Content-Type", "application/json")
			st.defaultHeader("Accept", "application/json")
		} else {
			st.defaultHeader("Content-Type", "application/x-www-form-urlencoded")
		}
	}
	if st.method != "" {
		method = st.method
	}
	r.Method = method
	if body != "" {
		r.Body = []byte(body)
	}
	if len(st.cookies) > 0 {
		r.Header.Set("Cookie", strings.Join(st.cookies, "; "))
	}
	return *r, nil
}

// defaultHeader sets name unless the command set it or removed it.
func (st *parseState) defaultHeader(name, value string) {
	if _, ok := st.req.Header[name]; ok || st.removed[name] {
		return
	}
	st.req.Header.Set(name, value)
}

// CheckURL rejects a URL apierr could not send, saying how to fix it (a
// URL without a scheme gets the https:// suggestion).
func CheckURL(u string) error {
	if u == "" {
		return fmt.Errorf("the URL is empty: give one like https://api.example.com/v1/items")
	}
	if strings.HasPrefix(u, "/") {
		return fmt.Errorf("URL %q has no host: give the whole URL, e.g. https://api.example.com%s", clip(u, 60), clip(u, 60))
	}
	if !strings.Contains(u, "://") {
		scheme := "https://"
		if h := strings.ToLower(u); strings.HasPrefix(h, "localhost") || strings.HasPrefix(h, "127.") || strings.HasPrefix(h, "[::1]") {
			scheme = "http://" // local servers rarely have TLS
		}
		return fmt.Errorf("URL %q has no scheme: did you mean %s%s ?", clip(u, 60), scheme, clip(u, 60))
	}
	return checkURL(u)
}

// readArg reads an @file argument: "-" is stdin.
func (st *parseState) readArg(name string) ([]byte, error) {
	if name == "-" {
		in := st.p.Stdin
		if in == nil {
			in = os.Stdin
		}
		b, err := io.ReadAll(in)
		if err != nil {
			return nil, fmt.Errorf("reading stdin: %v", err)
		}
		return b, nil
	}
	path := name
	if st.p.Dir != "" && !filepath.IsAbs(path) {
		path = filepath.Join(st.p.Dir, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read @%s: %v", name, unwrapPathErr(err))
	}
	return b, nil
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// addHeader applies one -H: "Name: value" adds, "Name:" removes (curl's
// way to drop a default header), "Name;" sends it empty.
func (st *parseState) addHeader(h string) error {
	if strings.HasPrefix(h, "@") {
		b, err := st.readArg(h[1:])
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimRight(line, "\r"); strings.TrimSpace(line) != "" {
				if err := st.addHeader(line); err != nil {
					return err
				}
			}
		}
		return nil
	}
	name, value, ok := strings.Cut(h, ":")
	if !ok {
		if n, found := strings.CutSuffix(strings.TrimSpace(h), ";"); found && validHeaderName(n) {
			st.req.Header[http.CanonicalHeaderKey(n)] = []string{""}
			return nil
		}
		return fmt.Errorf("header %q has no colon: write it as 'Name: value'", clip(h, 40))
	}
	name = strings.TrimSpace(name)
	if !validHeaderName(name) {
		return fmt.Errorf("header %q: %q is not a header name", clip(h, 40), clip(name, 30))
	}
	key := http.CanonicalHeaderKey(name)
	value = strings.TrimSpace(value)
	if value == "" {
		delete(st.req.Header, key)
		if st.removed == nil {
			st.removed = map[string]bool{}
		}
		st.removed[key] = true
		if key == "User-Agent" || key == "Accept" || key == "Accept-Encoding" {
			// Present but empty: Send then adds no default in its place.
			st.req.Header[key] = []string{}
		}
		return nil
	}
	st.req.Header.Add(key, value)
	return nil
}

func validHeaderName(n string) bool {
	if n == "" {
		return false
	}
	for _, c := range []byte(n) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// basicAuth is -u user:password as an Authorization header.
func (st *parseState) basicAuth(v string) error {
	if !strings.Contains(v, ":") {
		return fmt.Errorf("write -u user:password (apierr does not prompt for the password)")
	}
	st.req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(v)))
	return nil
}

// cookie is -b: a "name=value; ..." string. curl also takes a cookie-jar
// file name there, which apierr does not read.
func (st *parseState) cookie(v string) error {
	if !strings.Contains(v, "=") {
		return fmt.Errorf("cookie files are not read: pass the cookies themselves, -b 'name=value; other=value'")
	}
	st.cookies = append(st.cookies, strings.TrimSpace(v))
	return nil
}
