package formats

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

//go:embed profiles/*.toml
var builtinFS embed.FS

var (
	builtinOnce sync.Once
	builtin     *Registry
	builtinErrs []error
)

// Builtin returns the registry of the API docs profiles built into the
// binary (formats/profiles/*.toml). They are parsed on first use only, so
// commands that never explain anything pay nothing for them.
func Builtin() *Registry {
	builtinOnce.Do(func() {
		sub, err := fs.Sub(builtinFS, "profiles")
		if err != nil {
			builtin, builtinErrs = NewRegistry(), []error{err}
			return
		}
		profiles, errs := LoadProfiles(sub)
		builtin, builtinErrs = NewRegistry(profiles...), errs
	})
	return builtin
}

// builtinErrors reports built-in profiles that failed to load; tests
// require it to be empty.
func builtinErrors() []error {
	Builtin()
	return builtinErrs
}

// LoadProfiles parses every *.toml file at the root of fsys (the caller
// passes os.DirFS(dir): formats does no I/O of its own), in name order. A
// file that fails gives one error naming it (and the line, for syntax
// errors) and the others still load.
func LoadProfiles(fsys fs.FS) ([]Profile, []error) {
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, []error{err}
	}
	sort.Strings(names)
	var (
		profiles []Profile
		errs     []error
	)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path.Base(name), err))
			continue
		}
		p, err := ParseProfile(path.Base(name), data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		profiles = append(profiles, p)
	}
	return profiles, errs
}

// ProfileError is a profile file that cannot be used.
type ProfileError struct {
	// File is the file's name as given to ParseProfile.
	File string
	// Line is the 1-based line of a syntax error, 0 when unknown.
	Line int
	// Msg says what is wrong.
	Msg string
}

// Error reads "file:line: message", or "file: message" without a line.
func (e *ProfileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// ParseProfile decodes and validates one profile in TOML. source names the
// file in errors and becomes the profile's Source when the file sets none.
// Unknown keys are errors, so a misspelt table name is not silently lost.
func ParseProfile(source string, data []byte) (Profile, error) {
	var p Profile
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&p)
	if err != nil {
		return Profile{}, tomlError(source, data, err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		return Profile{}, &ProfileError{File: source, Line: keyLine(data, keys[0]),
			Msg: fmt.Sprintf("unknown key %q: check its spelling against the profile schema (apierr apis show occuspace --json)", keys[0].String())}
	}
	if p.Source == "" {
		p.Source = source
	}
	if err := validateProfile(p); err != nil {
		return Profile{}, &ProfileError{File: source, Msg: err.Error()}
	}
	return p, nil
}

// keyLine is the 1-based line where key is first written, as "name =" or
// as a table header "[name]" / "[[name]]", looking for its last part; 0
// when not found. The decoder keeps key positions to itself.
func keyLine(data []byte, key toml.Key) int {
	if len(key) == 0 {
		return 0
	}
	last := key[len(key)-1]
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if header := strings.Trim(line, "[] \t"); strings.HasPrefix(line, "[") && (header == key.String() || header == last) {
			return i + 1
		}
		name, _, ok := strings.Cut(line, "=")
		if ok && strings.Trim(strings.TrimSpace(name), `"'`) == last {
			return i + 1
		}
	}
	return 0
}

// tomlError turns the decoder's error into a ProfileError with the line.
func tomlError(source string, data []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line := pe.Position.Line
		// The lexer counts an unexpected newline as part of the next
		// line; the byte offset says which line the mistake is on.
		if s := pe.Position.Start; s > 0 && s <= len(data) {
			line = 1 + bytes.Count(data[:s], []byte{'\n'})
		}
		return &ProfileError{File: source, Line: line, Msg: pe.Message}
	}
	msg := strings.TrimPrefix(err.Error(), "toml: ")
	line := 0
	// Type errors read "line N (last key "k"): ..."
	if n, _ := fmt.Sscanf(msg, "line %d", &line); n == 1 {
		if i := strings.Index(msg, " ("); i > 0 {
			msg = msg[i+1:]
		}
	}
	return &ProfileError{File: source, Line: line, Msg: msg}
}
