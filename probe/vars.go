package probe

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"os"
	"strings"
)

// Lookup finds a variable's value; ok is false when it is not set.
type Lookup func(name string) (value string, ok bool)

// Expand fills every ${NAME} in the request's URL, header names and
// values, and body from lookup. "$${" stands for a literal "${". A
// variable that is not set is an error naming it: an empty string is
// never sent silently in its place.
func (r Request) Expand(lookup Lookup) (Request, error) {
	var err error
	if r.URL, err = expandString(r.URL, lookup); err != nil {
		return r, fmt.Errorf("in the URL: %w", err)
	}
	if r.Header != nil {
		h := make(http.Header, len(r.Header))
		for k, vs := range r.Header {
			name, err := expandString(k, lookup)
			if err != nil {
				return r, fmt.Errorf("in header %s: %w", k, err)
			}
			for _, v := range vs {
				v, err = expandString(v, lookup)
				if err != nil {
					return r, fmt.Errorf("in header %s: %w", k, err)
				}
				h.Add(name, v)
			}
		}
		r.Header = h
	}
	if bytes.Contains(r.Body, []byte("${")) {
		s, err := expandString(string(r.Body), lookup)
		if err != nil {
			return r, fmt.Errorf("in the body: %w", err)
		}
		r.Body = []byte(s)
	}
	return r, nil
}

// expandString fills ${NAME} references in s; see Request.Expand.
func expandString(s string, lookup Lookup) (string, error) {
	if !strings.Contains(s, "${") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "$${"):
			b.WriteString("${")
			i += 3
		case strings.HasPrefix(s[i:], "${"):
			end := strings.IndexByte(s[i+2:], '}')
			if end < 0 {
				return "", fmt.Errorf("unclosed ${ at %q: write ${NAME}, or $${ for a literal ${", clip(s[i:], 20))
			}
			name := s[i+2 : i+2+end]
			if !validVarName(name) {
				return "", fmt.Errorf("${%s} is not a variable name (letters, digits and _): write $${ for a literal ${", name)
			}
			v, ok := lookup(name)
			if !ok {
				return "", fmt.Errorf("variable %s is not set: export it or add %s=... to an --env-file", name, name)
			}
			b.WriteString(v)
			i += 2 + end + 1
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String(), nil
}

func validVarName(name string) bool {
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		return false
	}
	for _, c := range []byte(name) {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// ReadEnvFile reads KEY=VALUE lines: blank lines and # comments are
// skipped, "export " is allowed in front, and a value may be wrapped in
// single quotes (taken as is) or double quotes (\n, \" and \\ understood).
func ReadEnvFile(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--env-file: %w", err)
	}
	defer f.Close()
	vars := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		key, val, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok || !validVarName(key) {
			return nil, fmt.Errorf("--env-file %s line %d: expected KEY=VALUE, got %q", path, n, clip(line, 40))
		}
		val = strings.TrimSpace(val)
		switch {
		case len(val) >= 2 && val[0] == '\'' && val[len(val)-1] == '\'':
			val = val[1 : len(val)-1]
		case len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"':
			val = strings.NewReplacer(`\n`, "\n", `\"`, `"`, `\\`, `\`).Replace(val[1 : len(val)-1])
		default:
			// An unquoted value may end in a comment, as in shell.
			if i := strings.Index(val, " #"); i >= 0 {
				val = strings.TrimSpace(val[:i])
			}
		}
		vars[key] = val
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("--env-file %s: %w", path, err)
	}
	return vars, nil
}

// EnvLookup looks a name up in file first (the --env-file the user named
// for this request), then in getenv; a variable set to "" in the
// environment counts as set only when the file does not have it.
func EnvLookup(file map[string]string, getenv func(string) (string, bool)) Lookup {
	return func(name string) (string, bool) {
		if v, ok := file[name]; ok {
			return v, true
		}
		if getenv != nil {
			return getenv(name)
		}
		return "", false
	}
}
