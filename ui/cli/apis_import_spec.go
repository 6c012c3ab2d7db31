package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/docimport"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/inert"
	"github.com/apierr/apierr/formats/openapi"
	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui/render"
)

// maxSpecInput caps an OpenAPI document read from a file or URL; real
// ones reach 20 MB.
const maxSpecInput = 64 << 20

// specMemoryLimit is the soft memory limit while a document is imported.
const specMemoryLimit = 170 << 20

// specReport is what `apis import --json` prints for an OpenAPI document.
type specReport struct {
	Name       string   `json:"name"`
	Path       string   `json:"path,omitempty"`
	Operations string   `json:"operations_path,omitempty"`
	Version    string   `json:"openapi_version"`
	Ops        int      `json:"operations"`
	Statuses   int      `json:"status_rows"`
	ErrorCodes int      `json:"error_codes"`
	Fields     int      `json:"fields"`
	Hosts      []string `json:"hosts"`
	Warnings   []string `json:"warnings"`
	Seconds    float64  `json:"seconds"`
}

// importSpec is `apis import` for an OpenAPI or Swagger document: the
// profile gets the API's operations, saved beside it as an index that
// send and explain read only when a response from the API needs it.
func importSpec(env *Env, a importArgs, src []byte, source string) int {
	start := time.Now()
	// Decoding a 20 MB document leaves much short-lived garbage beside a
	// model of about 140 MB; a soft limit has the collector reclaim it
	// before the heap doubles, keeping the process near 200 MB for about
	// 1.5 s more CPU. Smaller documents never reach the limit.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(specMemoryLimit))
	src, err := wholeSpec(env, a.input, src)
	if err != nil {
		return env.Fail(ExitUsage, "apis import: %s", render.InertLine(err.Error()))
	}
	spec, err := openapi.Load(src, openapi.LoadOptions{
		Location:   specLocation(a.input, source),
		FollowRefs: a.followRefs,
		ReadRef:    func(u *url.URL) ([]byte, error) { return readRef(env, u) },
	})
	if err != nil {
		return env.Fail(ExitUsage, "apis import: %s", render.InertLine(err.Error()))
	}
	name := a.name
	if name == "" {
		name = nameFrom(a.input)
	}
	if name == "" && spec.Doc.Info != nil {
		name = nameFrom(spec.Doc.Info.Title + ".x")
	}
	if name == "" {
		return env.Fail(ExitUsage, "apis import: cannot make a profile name from %s; give one with --name", render.InertLine(displayName(a.input)))
	}
	opsFile := name + ".operations.json.gz"
	p, ix := openapi.Build(spec, openapi.BuildOptions{Name: name, Source: source, Hosts: a.hosts, OperationsFile: opsFile})
	// Steps name the document briefly: its file name, or its URL.
	ix.Source = displayName(a.input)
	data, err := encodeSpecProfile(p)
	if err != nil {
		return env.Fail(ExitUsage, "apis import: %v", err)
	}
	// Read the file back exactly as the registry will.
	if _, err := formats.ParseProfile(name+".toml", data); err != nil {
		return env.Fail(ExitUsage, "apis import: the profile made from %s does not load (%s); nothing was saved",
			render.InertLine(displayName(a.input)), render.InertLine(err.Error()))
	}
	index, err := ix.Encode()
	if err != nil {
		return env.Fail(ExitUsage, "apis import: %v", err)
	}
	rep := specReport{Name: name, Version: spec.Version, Ops: len(ix.Ops), Statuses: len(p.Statuses),
		ErrorCodes: len(p.ErrorCodes), Fields: len(p.Fields), Hosts: orEmpty(p.Hosts), Warnings: orEmpty(spec.Warnings)}
	info := env.Stdout
	if a.dryRun || a.json {
		info = env.Stderr
	}
	noteBuiltinOverride(info, name)
	if a.dryRun {
		printSpecReport(env.Stderr, rep)
		if a.json {
			return printProfileJSON(env, p)
		}
		env.Stdout.Write(data)
		return ExitOK
	}
	dir := env.ProfilesDir()
	opsPath := filepath.Join(dir, opsFile)
	if _, err := os.Stat(filepath.Join(dir, name+".toml")); err == nil && !a.force {
		return env.Fail(ExitUsage, "apis import: %s already exists; use --force to replace it, or choose another --name",
			render.InertLine(filepath.Join(dir, name+".toml")))
	}
	if err := writeAtomic(dir, opsFile, index); err != nil {
		return env.Fail(ExitUsage, "apis import: %s", render.InertLine(err.Error()))
	}
	path, err := installProfile(env, name, data, true)
	if err != nil {
		os.Remove(opsPath)
		return env.Fail(ExitUsage, "apis import: %s", render.InertLine(err.Error()))
	}
	rep.Path, rep.Operations = path, opsPath
	rep.Seconds = time.Since(start).Seconds()
	if a.json {
		out, err := inert.MarshalIndent(rep, "", "  ")
		if err != nil {
			return env.Fail(ExitUsage, "apis import: %v", err)
		}
		fmt.Fprintf(env.Stdout, "%s\n", out)
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "saved %s to %s\n", name, render.InertLine(path))
	printSpecReport(env.Stdout, rep)
	fmt.Fprintf(env.Stdout, "check it with: apierr apis show %s --operations\n", name)
	return ExitOK
}

func printSpecReport(w io.Writer, r specReport) {
	fmt.Fprintf(w, "  OpenAPI %s: %d operations, %d status rows, %d error codes, %d error body fields\n",
		render.InertLine(r.Version), r.Ops, r.Statuses, r.ErrorCodes, r.Fields)
	if len(r.Hosts) > 0 {
		fmt.Fprintf(w, "  hosts: %s\n", render.InertLine(strings.Join(r.Hosts, ", ")))
	} else {
		fmt.Fprintf(w, "  hosts: none in the document's servers; pick it with --api, or import with --host\n")
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "  warning: the document is not fully valid (used anyway): %s\n", render.InertLine(warn))
	}
}

// wholeSpec reads the input again, without the docs importer's cap, when
// the first read stopped at that cap.
func wholeSpec(env *Env, input string, src []byte) ([]byte, error) {
	if len(src) < docimport.MaxInput {
		return src, nil
	}
	if u, err := url.Parse(input); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		return fetchSpec(env, input)
	}
	if input == "-" {
		return nil, fmt.Errorf("the document on stdin is larger than %d MB; save it to a file and import the file", docimport.MaxInput>>20)
	}
	f, err := os.Open(input)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", input, pathErr(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSpecInput+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", input, pathErr(err))
	}
	if len(data) > maxSpecInput {
		return nil, fmt.Errorf("%s is larger than %d MB", input, maxSpecInput>>20)
	}
	return data, nil
}

// fetchSpec GETs a large document (or a $ref'd one).
func fetchSpec(env *Env, rawURL string) ([]byte, error) {
	ex := probe.Send(context.Background(), probe.Request{
		Method: http.MethodGet, URL: rawURL,
		Header:  http.Header{"Accept": {"application/json, application/yaml, text/yaml;q=0.9, */*;q=0.5"}},
		Options: probe.Options{MaxTime: fetchTimeout, FollowRedirects: true, MaxBody: maxSpecInput},
	})
	ex.Source = exchange.SourceDocsFetch
	if ex.Error != "" || ex.Response == nil {
		return nil, fmt.Errorf("cannot fetch %s: %s", rawURL, ex.Error)
	}
	if s := ex.Response.Status; s >= 400 {
		return nil, fmt.Errorf("fetching %s: the server answered %d %s", rawURL, s, http.StatusText(s))
	}
	if ex.Response.Truncated {
		return nil, fmt.Errorf("%s is larger than %d MB", rawURL, maxSpecInput>>20)
	}
	return []byte(ex.Response.Body), nil
}

// readRef reads what a $ref names, with --follow-refs: a file (relative
// ones were resolved against the document's own path) or a URL.
func readRef(env *Env, u *url.URL) ([]byte, error) {
	switch u.Scheme {
	case "http", "https":
		return fetchSpec(env, u.String())
	case "", "file":
		data, err := os.ReadFile(u.Path)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %v", u.Path, pathErr(err))
		}
		return data, nil
	}
	return nil, fmt.Errorf("cannot read $ref %s: only files and http(s) URLs are followed", u)
}

// specLocation is the document's location for resolving relative $refs:
// the file's absolute path, or the URL.
func specLocation(input, source string) string {
	if input == "-" {
		return "stdin"
	}
	return source
}

// encodeSpecProfile writes the profile as TOML, with a header saying
// where it came from.
func encodeSpecProfile(p formats.Profile) ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# %s API, imported from its OpenAPI document %s.\n", oneLineText(p.Title), oneLineText(p.Source))
	fmt.Fprintf(&buf, "# The operations are in %s beside this file; import the document again to refresh both.\n", p.Operations)
	if err := toml.NewEncoder(&buf).Encode(p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func oneLineText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// writeAtomic writes dir/name through a temporary file.
func writeAtomic(dir, name string, data []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %v", dir, pathErr(err))
	}
	tmp, err := os.CreateTemp(dir, "."+name+"-*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %v", dir, pathErr(err))
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %v", filepath.Join(dir, name), err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}

// removeOperations deletes the operations index that the profile file at
// profilePath names, so that `apis remove` leaves nothing behind. Only a
// file beside the profile is removed.
func removeOperations(profilePath string) {
	data, err := os.ReadFile(profilePath)
	if err != nil {
		return
	}
	p, err := formats.ParseProfile(filepath.Base(profilePath), data)
	if err != nil || p.Operations == "" || filepath.Base(p.Operations) != p.Operations {
		return
	}
	os.Remove(filepath.Join(filepath.Dir(profilePath), p.Operations))
}
