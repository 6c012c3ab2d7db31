package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/docimport"
	"github.com/apierr/apierr/formats/inert"
	"github.com/apierr/apierr/formats/openapi"
	"github.com/apierr/apierr/ui/render"
)

const apisImportUsage = `Usage: apierr apis import FILE|URL [--name NAME] [--host HOST]... [--dry-run] [--json] [--force]

Reads an API's error documentation (HTML, Markdown, or text copied from a
docs page; - reads stdin) and writes a profile to
$XDG_CONFIG_HOME/apierr/apis/NAME.toml.

Flags:
  --name NAME   the profile's name, used with --api (default: from the file or host)
  --host HOST   a host the API answers on, so send and explain pick the profile (repeatable)
  --dry-run     print the profile (TOML) instead of saving it
  --json        with --dry-run: print the profile as 'apis show NAME --json' does;
                otherwise: print the import report as JSON
  --force       replace an existing profile, or save one even when nothing was found
  --follow-refs an OpenAPI document: read the other files or URLs its $refs name
                (without it such a $ref is an error)

An OpenAPI 3.0/3.1 or Swagger 2.0 document (YAML or JSON) is recognized by
its content: the profile then also holds the API's operations, and send and
explain check a failed request against them.
`

// importArgs are the parsed flags of `apis import`.
type importArgs struct {
	input  string
	name   string
	hosts  []string
	dryRun bool
	json   bool
	force  bool
	// followRefs lets an OpenAPI document's $refs to other files be read.
	followRefs bool
}

func parseImportArgs(args []string) (importArgs, bool, error) {
	var a importArgs
	f := cmdFlags{cmd: "apis import",
		bools: map[string]*bool{"--dry-run": &a.dryRun, "--json": &a.json, "--force": &a.force,
			"--follow-refs": &a.followRefs},
		values: map[string]*string{"--name": &a.name},
		lists:  map[string]*[]string{"--host": &a.hosts},
	}
	input, help, err := f.parseOne(args, "FILE or URL")
	if help || err != nil {
		return a, help, err
	}
	a.input = input
	if a.input == "" {
		return a, false, errors.New("which page? give a FILE, - for stdin, or a URL (see 'apierr apis import --help')")
	}
	for _, h := range a.hosts {
		if h == "" || strings.ContainsAny(h, "/: ") {
			return a, false, fmt.Errorf("--host %q must be a bare host name such as api.acme.com or *.acme.com", render.InertLine(h))
		}
	}
	if a.name != "" && !validName(a.name) {
		return a, false, fmt.Errorf("--name %q must be lower case letters, digits, '-' or '_' (it is typed with --api)", render.InertLine(a.name))
	}
	return a, false, nil
}

// APIsImport is `apierr apis import`: it turns an API's error docs page
// into a profile, says what it found, and saves it (or prints it with
// --dry-run).
func APIsImport(env *Env, args []string) int {
	a, help, err := parseImportArgs(args)
	if help {
		fmt.Fprint(env.Stdout, apisImportUsage)
		return ExitOK
	}
	if err != nil {
		return env.Fail(ExitUsage, "apis import: %v", err)
	}
	src, source, docsURL, err := readDocs(env, a.input)
	if err != nil {
		return env.Fail(ExitUsage, "apis import: %s", render.InertLine(err.Error()))
	}
	if openapi.Sniff(src) {
		return importSpec(env, a, src, source)
	}
	name := a.name
	if name == "" {
		name = nameFrom(a.input)
		if name == "" {
			return env.Fail(ExitUsage, "apis import: cannot make a profile name from %s; give one with --name", render.InertLine(displayName(a.input)))
		}
	}
	p, rep := docimport.Import(src, docimport.Options{Name: name, Hosts: a.hosts, Source: source})
	p.DocsURL = docsURL

	// Status lines go to stderr when stdout carries the profile itself.
	info := env.Stdout
	if a.dryRun || a.json {
		info = env.Stderr
	}
	if !rep.Found() && !a.force {
		printReport(info, rep)
		return env.Fail(ExitUsage, "apis import: nothing recognizable in %s: no status table, error-code table or advice; nothing was saved (check the page, or save an empty profile with --force)",
			render.InertLine(displayName(a.input)))
	}
	data, err := docimport.Encode(p)
	if err != nil {
		return env.Fail(ExitUsage, "apis import: %v", err)
	}
	// Read the file back exactly as the registry will, so that what is
	// saved is known to load.
	parsed, err := formats.ParseProfile(name+".toml", data)
	if err != nil {
		printReport(info, rep)
		return env.Fail(ExitUsage, "apis import: the profile made from %s does not load (%s); nothing was saved",
			render.InertLine(displayName(a.input)), render.InertLine(err.Error()))
	}
	noteBuiltinOverride(info, name)
	if a.dryRun {
		printReport(env.Stderr, rep)
		if a.json {
			return printProfileJSON(env, parsed)
		}
		env.Stdout.Write(data)
		return ExitOK
	}
	path, err := installProfile(env, name, data, a.force)
	if err != nil {
		return env.Fail(ExitUsage, "apis import: %s", render.InertLine(err.Error()))
	}
	if a.json {
		out, err := inert.MarshalIndent(struct {
			Name   string           `json:"name"`
			Path   string           `json:"path"`
			Report docimport.Report `json:"report"`
		}{name, path, rep}, "", "  ")
		if err != nil {
			return env.Fail(ExitUsage, "apis import: %v", err)
		}
		fmt.Fprintf(env.Stdout, "%s\n", out)
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "saved %s to %s\n", name, render.InertLine(path))
	printReport(env.Stdout, rep)
	fmt.Fprintf(env.Stdout, "check it with: apierr apis show %s\n", name)
	return ExitOK
}

// printProfileJSON prints a profile as `apis show NAME --json` does.
func printProfileJSON(env *Env, p formats.Profile) int {
	out, err := inert.MarshalIndent(p, "", "  ")
	if err != nil {
		return env.Fail(ExitUsage, "%v", err)
	}
	fmt.Fprintf(env.Stdout, "%s\n", out)
	return ExitOK
}

// displayName is how an input is named in messages.
func displayName(input string) string {
	if input == "-" {
		return "stdin"
	}
	if strings.Contains(input, "://") {
		return input
	}
	return filepath.Base(input)
}

// printReport writes the import report, one inert line each: the text
// quoted in it comes from the page.
func printReport(w io.Writer, rep docimport.Report) {
	for _, l := range rep.Lines() {
		fmt.Fprintf(w, "  %s\n", render.InertLine(l))
	}
}

// installProfile writes data as dir/NAME.toml, refusing to replace an
// existing file unless force. The write goes through a temporary file so
// that a failure never leaves half a profile behind.
func installProfile(env *Env, name string, data []byte, force bool) (string, error) {
	dir := env.ProfilesDir()
	path := filepath.Join(dir, name+".toml")
	if _, err := os.Stat(path); err == nil && !force {
		return "", fmt.Errorf("%s already exists; use --force to replace it, or choose another --name", path)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot create %s: %v", dir, pathErr(err))
	}
	tmp, err := os.CreateTemp(dir, "."+name+"-*.tmp")
	if err != nil {
		return "", fmt.Errorf("cannot write in %s: %v", dir, pathErr(err))
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", fmt.Errorf("cannot write %s: %v", path, pathErr(err))
	}
	return path, nil
}

// validName is the rule formats applies to profile names.
func validName(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// nameFrom makes a profile name from a file name ("Acme Errors.html" ->
// "acme-errors") or a URL's host ("docs.acme.com" -> "acme").
func nameFrom(input string) string {
	base := input
	if u, err := url.Parse(input); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		if net.ParseIP(u.Hostname()) != nil || !strings.Contains(u.Hostname(), ".") {
			// A bare address says nothing: the page's own name does.
			return nameFrom(path.Base(u.Path))
		}
		labels := strings.Split(u.Hostname(), ".")
		base = ""
		for i, l := range labels {
			if i == len(labels)-1 && len(labels) > 1 {
				break // the top-level domain
			}
			switch l {
			case "www", "api", "docs", "developer", "developers", "dev", "help", "support":
				continue
			}
			base = l
			break
		}
	} else {
		base = strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
		if input == "-" {
			return ""
		}
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// readDocs reads the page from a file, stdin or a URL. It returns the
// bytes, the source to record in the profile and, for a URL, the docs URL.
func readDocs(env *Env, input string) (src []byte, source, docsURL string, err error) {
	if u, perr := url.Parse(input); perr == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		src, err := fetchDocs(context.Background(), env, input)
		return src, input, input, err
	}
	src, err = readDocsInput(env, input)
	if err != nil {
		return nil, "", "", err
	}
	if input == "-" {
		return src, "stdin", "", nil
	}
	// The profile outlives the working directory: record where the page is.
	if abs, err := filepath.Abs(input); err == nil {
		return src, abs, "", nil
	}
	return src, input, "", nil
}

// findUserProfile finds the user file that defines name: NAME.toml, or
// another file whose name key says so.
func findUserProfile(env *Env, name string) (string, bool) {
	dir := env.ProfilesDir()
	path := filepath.Join(dir, name+".toml")
	if _, err := os.Stat(path); err == nil {
		return path, true
	}
	files, _ := fs.Glob(os.DirFS(dir), "*.toml")
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			continue
		}
		if p, err := formats.ParseProfile(f, data); err == nil && p.Name == name {
			return filepath.Join(dir, f), true
		}
	}
	return "", false
}

// noteBuiltinOverride says, when name is a built-in profile's, that an
// import under it takes the built-in one's place and how to get it back.
func noteBuiltinOverride(w io.Writer, name string) {
	if _, builtin := formats.Builtin().Lookup(name); builtin {
		fmt.Fprintf(w, "note: %s is a built-in profile; this import overrides it (apierr apis remove %s brings it back)\n", name, name)
	}
}
