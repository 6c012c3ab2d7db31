package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/inert"
	"github.com/apierr/apierr/ui/render"
)

// APIsAdd is `apierr apis add FILE [--force]`: it checks a hand-written
// profile the way the registry will read it and installs it as
// NAME.toml in the profile directory, comments and all.
func APIsAdd(env *Env, args []string) int {
	force := false
	f := cmdFlags{cmd: "apis add", bools: map[string]*bool{"--force": &force}}
	file, help, err := f.parseOne(args, "FILE")
	switch {
	case help:
		fmt.Fprint(env.Stdout, "Usage: apierr apis add FILE [--force]\n\nChecks a profile file (schema: README, 'Teaching apierr another API') and installs it.\n")
		return ExitOK
	case err != nil:
		return env.Fail(ExitUsage, "apis add: %v", err)
	}
	if file == "" {
		return env.Fail(ExitUsage, "apis add: which file? (usage: apierr apis add FILE [--force])")
	}
	data, err := readDocsInput(env, file)
	if err != nil {
		return env.Fail(ExitUsage, "apis add: %s", render.InertLine(err.Error()))
	}
	p, err := formats.ParseProfile(docsInputName(file), data)
	if err != nil {
		return env.Fail(ExitUsage, "apis add: %s", render.InertLine(err.Error()))
	}
	if _, builtin := formats.Builtin().Lookup(p.Name); builtin {
		fmt.Fprintf(env.Stdout, "note: %s is a built-in profile; this file overrides it (apierr apis remove %s brings it back)\n", p.Name, p.Name)
	}
	if old, ok := findUserProfile(env, p.Name); ok && filepath.Base(old) != p.Name+".toml" {
		return env.Fail(ExitUsage, "apis add: %s already defines %s; remove it first (apierr apis remove %s)", render.InertLine(old), p.Name, p.Name)
	}
	path, err := installProfile(env, p.Name, data, force)
	if err != nil {
		return env.Fail(ExitUsage, "apis add: %s", render.InertLine(err.Error()))
	}
	fmt.Fprintf(env.Stdout, "installed %s (%d statuses, %d error codes, %d advice sections) as %s\n",
		p.Name, len(p.Statuses), len(p.ErrorCodes), len(p.Advice), render.InertLine(path))
	return ExitOK
}

// APIsRemove is `apierr apis remove NAME`: it deletes a user profile.
// Built-in profiles cannot be removed; a user profile of the same name
// that overrides one can, and the built-in one is used again.
func APIsRemove(env *Env, args []string) int {
	f := cmdFlags{cmd: "apis remove"}
	name, help, err := f.parseOne(args, "name")
	switch {
	case help:
		fmt.Fprint(env.Stdout, "Usage: apierr apis remove NAME\n")
		return ExitOK
	case err != nil:
		return env.Fail(ExitUsage, "apis remove: %v", err)
	}
	if name == "" {
		return env.Fail(ExitUsage, "apis remove: which profile? (see 'apierr apis list')")
	}
	_, builtin := formats.Builtin().Lookup(name)
	path, ok := "", false
	if validName(name) {
		path, ok = findUserProfile(env, name)
	}
	if !ok {
		if builtin {
			return env.Fail(ExitUsage, "apis remove: %s is built into apierr and cannot be removed; to change it, add your own profile named %s (apierr apis add FILE)", name, name)
		}
		return env.Fail(ExitUsage, "apis remove: no user profile named %q in %s (see 'apierr apis list')", render.InertLine(name), env.ProfilesDir())
	}
	removeOperations(path)
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return env.Fail(ExitUsage, "apis remove: cannot remove %s: %v", path, pathErr(err))
	}
	fmt.Fprintf(env.Stdout, "removed %s (%s)\n", name, render.InertLine(path))
	if builtin {
		fmt.Fprintf(env.Stdout, "the built-in profile %s is used again\n", name)
	}
	return ExitOK
}

// APIsTest is `apierr apis test NAME --raw FILE [--json]`: what a
// response saved with curl -i would be told with that profile.
func APIsTest(env *Env, args []string) int {
	raw, asJSON := "", false
	f := cmdFlags{cmd: "apis test", bools: map[string]*bool{"--json": &asJSON}, values: map[string]*string{"--raw": &raw}}
	name, help, err := f.parseOne(args, "profile name")
	switch {
	case help:
		fmt.Fprint(env.Stdout, "Usage: apierr apis test NAME --raw FILE|- [--json]\n\nExplains a response saved with curl -i using the profile NAME.\n")
		return ExitOK
	case err != nil:
		return env.Fail(ExitUsage, "apis test: %v", err)
	}
	if name == "" || raw == "" {
		return env.Fail(ExitUsage, "apis test: usage: apierr apis test NAME --raw FILE [--json]")
	}
	reg := env.LoadRegistry()
	p, ok := reg.Lookup(name)
	if !ok {
		return env.unknownAPI(reg, name)
	}
	data, err := readDocsInput(env, raw)
	if err != nil {
		return env.Fail(ExitUsage, "apis test: %s", render.InertLine(err.Error()))
	}
	status, header, body, err := parseRawResponse(data)
	if err != nil {
		return env.Fail(ExitUsage, "apis test: %s %s", render.InertLine(docsInputName(raw)), render.InertLine(err.Error()))
	}
	d := formats.DetectWith(status, header, body, formats.Options{API: name, Profiles: reg})
	if asJSON {
		out, err := inert.MarshalIndent(d, "", "  ")
		if err != nil {
			return env.Fail(ExitUsage, "apis test: %v", err)
		}
		fmt.Fprintf(env.Stdout, "%s\n", out)
		return ExitOK
	}
	st := render.PlainStyles()
	if env.Color() {
		st = render.DefaultStyles()
	}
	fmt.Fprintf(env.Stdout, "with profile %s (%s):\n\n", name, render.InertLine(p.Source))
	fmt.Fprint(env.Stdout, render.Diagnosis(d, env.termWidth(), st))
	return ExitOK
}
