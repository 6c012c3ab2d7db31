package probe

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// curlFlag is one curl option apierr understands.
type curlFlag struct {
	long  string
	short byte
	arg   bool
	// apply takes the value; for a flag without one it gets "1", or ""
	// for the --no-NAME form.
	apply func(st *parseState, v string) error
}

func on(v string) bool { return v != "" }

// ignored is for options that only change how curl prints (-s, -v, -i):
// apierr always shows the whole exchange, so they are accepted and ignored.
func ignored(*parseState, string) error { return nil }

// curlFlags is every option understood, curl's names first.
var curlFlags = []*curlFlag{
	{"request", 'X', true, func(st *parseState, v string) error {
		if v == "" || strings.ContainsAny(v, " \t\r\n") {
			return fmt.Errorf("method %q is not an HTTP method", v)
		}
		st.method = strings.ToUpper(v)
		return nil
	}},
	{"header", 'H', true, (*parseState).addHeader},
	{"data", 'd', true, func(st *parseState, v string) error { return st.addData(v, true, true) }},
	{"data-ascii", 0, true, func(st *parseState, v string) error { return st.addData(v, true, true) }},
	{"data-binary", 0, true, func(st *parseState, v string) error { return st.addData(v, true, false) }},
	{"data-raw", 0, true, func(st *parseState, v string) error { return st.addData(v, false, false) }},
	{"data-urlencode", 0, true, (*parseState).addURLEncoded},
	{"json", 0, true, func(st *parseState, v string) error {
		b, err := st.maybeFile(v)
		st.jsonData = append(st.jsonData, string(b))
		return err
	}},
	{"form", 'F', true, (*parseState).addForm},
	{"form-string", 0, true, func(st *parseState, v string) error {
		name, val, ok := strings.Cut(v, "=")
		if !ok {
			return fmt.Errorf("write name=value")
		}
		st.form = append(st.form, formPart{name: name, value: []byte(val)})
		return nil
	}},
	{"user", 'u', true, (*parseState).basicAuth},
	{"cookie", 'b', true, (*parseState).cookie},
	{"user-agent", 'A', true, func(st *parseState, v string) error { st.req.Header.Set("User-Agent", v); return nil }},
	{"referer", 'e', true, func(st *parseState, v string) error { st.req.Header.Set("Referer", v); return nil }},
	{"get", 'G', false, func(st *parseState, v string) error { st.get = on(v); return nil }},
	{"head", 'I', false, func(st *parseState, v string) error { st.head = on(v); return nil }},
	{"url", 0, true, func(st *parseState, v string) error { st.urls = append(st.urls, v); return nil }},
	{"insecure", 'k', false, func(st *parseState, v string) error { st.req.Options.Insecure = on(v); return nil }},
	{"location", 'L', false, func(st *parseState, v string) error { st.req.Options.FollowRedirects = on(v); return nil }},
	{"location-trusted", 0, false, func(st *parseState, v string) error { st.req.Options.FollowRedirects = on(v); return nil }},
	{"compressed", 0, false, func(st *parseState, v string) error { st.req.Options.Compressed = on(v); return nil }},
	{"max-time", 'm', true, func(st *parseState, v string) error { return seconds(v, &st.req.Options.MaxTime) }},
	{"connect-timeout", 0, true, func(st *parseState, v string) error { return seconds(v, &st.req.Options.ConnectTimeout) }},
	{"cacert", 0, true, func(st *parseState, v string) error {
		if _, err := loadCACert(v); err != nil {
			return err
		}
		st.req.Options.CACert = v
		return nil
	}},
	{"max-redirs", 0, true, func(st *parseState, v string) error { return count(v, &st.req.Options.MaxRedirs) }},
	{"retry", 0, true, func(st *parseState, v string) error { return count(v, &st.req.Options.Retry) }},
	{"retry-delay", 0, true, func(st *parseState, v string) error { return seconds(v, &st.req.Options.RetryDelay) }},
	{"retry-max-wait", 0, true, func(st *parseState, v string) error { return seconds(v, &st.req.Options.RetryMaxWait) }},
	{"retry-max-time", 0, true, func(st *parseState, v string) error { return seconds(v, &st.req.Options.RetryMaxWait) }},
	{"retry-all", 0, false, func(st *parseState, v string) error { st.req.Options.RetryAll = on(v); return nil }},
	{"retry-all-errors", 0, false, func(st *parseState, v string) error { st.req.Options.RetryAll = on(v); return nil }},
	{"retry-connrefused", 0, false, ignored},
	{"proxy", 'x', true, func(st *parseState, v string) error {
		p := v
		if !strings.Contains(p, "://") {
			p = "http://" + p // curl's default proxy scheme
		}
		if err := checkProxy(p); err != nil {
			return fmt.Errorf("%s is not a proxy URL: write it like http://proxy.example:3128", quoteBytes(v))
		}
		st.req.Options.Proxy = p
		return nil
	}},
	{"max-body", 0, true, func(st *parseState, v string) error {
		n, err := ParseSize(v)
		st.req.Options.MaxBody = n
		return err
	}},
	{"include", 'i', false, ignored},
	{"silent", 's', false, ignored},
	{"show-error", 'S', false, ignored},
	{"verbose", 'v', false, ignored},
	{"fail", 'f', false, ignored},
	{"fail-with-body", 0, false, ignored},
	{"globoff", 'g', false, ignored},
	{"no-buffer", 'N', false, ignored},
	{"progress-bar", '#', false, ignored},
	{"no-progress-meter", 0, false, ignored},
	{"http1.1", 0, false, ignored},
	{"http2", 0, false, ignored},
	{"path-as-is", 0, false, ignored},
}

var longFlags, shortFlags = indexFlags()

func indexFlags() (map[string]*curlFlag, map[byte]*curlFlag) {
	long, short := map[string]*curlFlag{}, map[byte]*curlFlag{}
	for _, f := range curlFlags {
		long[f.long] = f
		if f.short != 0 {
			short[f.short] = f
		}
	}
	return long, short
}

// lookupLong finds a long option; neg is true for the --no-NAME form of
// an option without a value.
func lookupLong(name string) (f *curlFlag, neg bool) {
	if f := longFlags[name]; f != nil {
		return f, false
	}
	if n, ok := strings.CutPrefix(name, "no-"); ok {
		if f := longFlags[n]; f != nil && !f.arg {
			return f, true
		}
	}
	return nil, false
}

// seconds reads curl's fractional seconds ("2", "0.5").
func seconds(v string, d *time.Duration) error {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f <= 0 || f > 1e6 {
		return fmt.Errorf("%q is not a number of seconds like 10 or 2.5", v)
	}
	*d = time.Duration(f * float64(time.Second))
	return nil
}

// count reads a non-negative whole number.
func count(v string, n *int) error {
	i, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || i < 0 {
		return fmt.Errorf("%q is not a whole number like 3", v)
	}
	*n = i
	return nil
}

// FlagTakesValue reports whether arg is a curl option that takes its value
// from the next argument (-H, --data, -XPOST does not: its value is
// attached). Callers mixing their own flags with curl's use it to skip
// values that merely look like flags.
func FlagTakesValue(arg string) bool {
	switch {
	case strings.HasPrefix(arg, "--"):
		if strings.Contains(arg, "=") {
			return false
		}
		f, _ := lookupLong(arg[2:])
		return f != nil && f.arg
	case len(arg) > 1 && arg[0] == '-':
		// In -sSH the last letter takes the next argument only if nothing
		// is attached after the first letter that takes a value.
		for j := 1; j < len(arg); j++ {
			f := shortFlags[arg[j]]
			if f == nil {
				return false
			}
			if f.arg {
				return j == len(arg)-1
			}
		}
	}
	return false
}
