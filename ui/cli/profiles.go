package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/apierr/apierr/formats"
)

// Registry returns the API docs profiles this user has: the built-in ones,
// overridden and extended by the *.toml files in ProfilesDir. A file that
// cannot be used gives one error (its full path and, for syntax errors,
// its line) and the other files still load.
func (e *Env) Registry() (*formats.Registry, []error) {
	dir := e.ProfilesDir()
	user, errs := formats.LoadProfiles(os.DirFS(dir))
	for i, err := range errs {
		// Name the file by its full path, so the user can open it.
		var pe *formats.ProfileError
		if errors.As(err, &pe) {
			pe.File = filepath.Join(dir, pe.File)
		} else {
			errs[i] = fmt.Errorf("%s: %w", dir, err)
		}
	}
	reg := formats.Builtin()
	if len(user) > 0 {
		reg = reg.With(user...)
	}
	return reg, errs
}

// LoadRegistry is Registry for commands: each unusable profile file is
// reported as one warning line on Stderr and the rest are used.
func (e *Env) LoadRegistry() *formats.Registry {
	reg, errs := e.Registry()
	for _, err := range errs {
		fmt.Fprintf(e.Stderr, "apierr: warning: skipping API profile %v\n", err)
	}
	return reg
}

// unknownAPI is the one-line error for an --api or apis show NAME that
// no profile has.
func (e *Env) unknownAPI(reg *formats.Registry, name string) int {
	return e.Fail(ExitUsage, "no API profile named %q: known ones are %s (see 'apierr apis list')",
		name, joinProfileNames(reg.Names()))
}

func joinProfileNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}
