package cli

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/ui/render"
)

func historyExport(env *Env, args []string) int {
	var harPath string
	f := cmdFlags{cmd: "history export", values: map[string]*string{"--har": &harPath}}
	pos, help, err := f.parse(args)
	if help {
		fmt.Fprint(env.Stdout, historyUsage)
		return ExitOK
	}
	if err == nil && harPath == "" {
		err = errors.New("say where: --har FILE (or --har - for stdout), then an optional QUERY")
	}
	var q history.Query
	if err == nil {
		q, err = history.ParseQuery(strings.Join(pos, " "))
	}
	if err != nil {
		if errors.Is(err, history.ErrBadQuery) {
			return env.historyErr("export", err)
		}
		return env.Fail(ExitUsage, "history export: %v", err)
	}
	s, code := env.openHistory("export")
	if s == nil {
		return code
	}
	defer s.Close()
	ctx := context.Background()
	var xs []exchange.Exchange
	const page = 500
	for off := 0; ; off += page {
		list, err := s.SearchQuery(ctx, q, page, off)
		if err != nil {
			return env.historyErr("export", err)
		}
		for _, sm := range list {
			e, err := s.Get(ctx, sm.ID)
			if err != nil {
				return env.historyErr("export", err)
			}
			xs = append(xs, e)
		}
		if len(list) < page {
			break
		}
	}
	var w io.Writer = env.Stdout
	var file *os.File
	if harPath != "-" {
		file, err = os.OpenFile(harPath, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return env.Fail(ExitUsage, "history export: %v", err)
		}
		w = file
	}
	bw := bufio.NewWriter(w)
	err = s.ExportHAR(bw, xs)
	if err == nil {
		err = bw.Flush()
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return env.Fail(ExitUsage, "history export: %v", err)
	}
	if harPath != "-" {
		fmt.Fprintf(env.Stdout, "Exported %d exchanges to %s (HAR 1.2, secrets redacted).\n", len(xs), harPath)
	}
	return ExitOK
}

// maxListedErrors is how many errors the import report lists one by one.
const maxListedErrors = 25

// importChunk is how many HAR entries one transaction saves.
const importChunk = 2000

func historyImport(env *Env, args []string) int {
	f := cmdFlags{cmd: "history import"}
	pos, help, err := f.parse(args)
	if help {
		fmt.Fprint(env.Stdout, historyUsage)
		return ExitOK
	}
	if err == nil && len(pos) != 1 {
		err = errors.New("give one HAR file (or - for stdin), e.g. 'apierr history import session.har'")
	}
	if err != nil {
		return env.Fail(ExitUsage, "history import: %v", err)
	}
	name := pos[0]
	var r io.Reader = env.Stdin
	if name != "-" {
		file, err := os.Open(name)
		if err != nil {
			return env.Fail(ExitUsage, "history import: %v", err)
		}
		defer file.Close()
		r = file
	}
	xs, err := history.ImportHARWith(bufio.NewReaderSize(r, 1<<20), exchange.SourceHARImport, env.LoadRegistry())
	if err != nil {
		return env.Fail(ExitUsage, "history import: %s: %s", render.InertLine(name), render.InertLine(err.Error()))
	}
	s, code := env.openHistory("import")
	if s == nil {
		return code
	}
	defer s.Close()
	// One transaction per chunk: a crash keeps whole chunks (and a second
	// import adds only what is missing), and other apierr processes can
	// save between chunks instead of waiting out the whole file.
	added := 0
	for start := 0; start < len(xs); start += importChunk {
		n, err := s.SaveBatch(context.Background(), xs[start:min(start+importChunk, len(xs))])
		if err != nil {
			return env.historyErr("import", fmt.Errorf("after %d new entries were saved: %w", added, err))
		}
		added += n
	}
	for i := range xs {
		xs[i] = s.Redact(xs[i])
	}
	fmt.Fprint(env.Stdout, importReport(filepath.Base(name), xs, added))
	return ExitOK
}

// importReport says what came in: how many entries, how many errors, by
// status and by format, and the errors' request_ids to quote.
func importReport(name string, xs []exchange.Exchange, added int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Imported %s from %s: %d new, %d already in history.\n", plural(len(xs), "entry", "entries"), render.InertLine(name), added, len(xs)-added)
	var errs []exchange.Exchange
	byStatus := map[string]int{}
	byFormat := map[string]int{}
	for _, e := range xs {
		if e.Response != nil && e.Response.Status < 400 && e.Error == "" {
			continue
		}
		errs = append(errs, e)
		st := "no response"
		if e.Response != nil {
			st = strconv.Itoa(e.Response.Status)
		}
		byStatus[st]++
		byFormat[cmp.Or(e.Diagnosis.Format, "unknown")]++
	}
	if len(errs) == 0 {
		b.WriteString("No errors among them.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "%d of them are errors.\n", len(errs))
	fmt.Fprintf(&b, "  by status: %s\n", counts(byStatus))
	fmt.Fprintf(&b, "  by format: %s\n", counts(byFormat))
	b.WriteString("Errors:\n")
	shown := errs
	if len(shown) > maxListedErrors {
		shown = shown[:maxListedErrors]
	}
	for _, e := range shown {
		st := "—"
		if e.Response != nil {
			st = strconv.Itoa(e.Response.Status)
		}
		rid := "(no request_id)"
		if e.Diagnosis.RequestID != "" {
			rid = "request_id " + render.InertLine(e.Diagnosis.RequestID)
		}
		fmt.Fprintf(&b, "  #%-6d %-3s %s %s  %s\n", e.ID, st, render.InertLine(e.Request.Method), render.InertLine(e.Request.URL), rid)
	}
	if more := len(errs) - len(shown); more > 0 {
		fmt.Fprintf(&b, "  … and %d more: apierr history search source:har-import is:error\n", more)
	}
	return b.String()
}

func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s ×%d", render.InertLine(k), m[k])
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
