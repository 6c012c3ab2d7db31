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
	"runtime/debug"
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

// importChunk is how many HAR entries one transaction saves, at most;
// importChunkBytes bounds their bodies, so a chunk of large pages stays
// small in memory.
const (
	importChunk      = 2000
	importChunkBytes = 8 << 20
	// importMemoryLimit is the Go heap the import aims to stay under.
	importMemoryLimit = 96 << 20
)

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
	// A soft limit makes the collector work harder rather than let the
	// heap double past what a chunk needs; memory then stays flat.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemoryLimit))
	s, err := env.openHistoryWith(history.Options{Bulk: true})
	if err != nil {
		return env.Fail(ExitUsage, "history import: %s", render.InertLine(err.Error()))
	}
	defer s.Close()
	// The file is read one entry at a time and saved one chunk per
	// transaction: memory holds a chunk, however large the file; a crash
	// keeps whole chunks (and a second import adds only what is missing);
	// other apierr processes can save between chunks.
	var rep importStats
	chunk := make([]exchange.Exchange, 0, importChunk)
	chunkBytes := 0
	flush := func() error {
		chunkBytes = 0
		n, err := s.SaveBatch(context.Background(), chunk)
		if err != nil {
			return fmt.Errorf("after %d new entries were saved: %w", rep.added, err)
		}
		rep.added += n
		for _, e := range chunk {
			rep.add(s.Redact(e))
		}
		chunk = chunk[:0]
		return nil
	}
	var saveErr error
	reg := env.LoadRegistry()
	err = history.ReadHAR(r, exchange.SourceHARImport, reg, func(e exchange.Exchange) error {
		// An API imported from its OpenAPI document names the operation
		// and the request's violations, as when the request was sent.
		applySpec(env, reg, &e.Diagnosis, e.Request, false)
		chunk = append(chunk, e)
		chunkBytes += len(e.Request.Body)
		if e.Response != nil {
			chunkBytes += len(e.Response.Body)
		}
		if len(chunk) < importChunk && chunkBytes < importChunkBytes {
			return nil
		}
		saveErr = flush()
		return saveErr
	})
	if err == nil && len(chunk) > 0 {
		saveErr = flush()
		err = saveErr
	}
	if saveErr != nil {
		return env.historyErr("import", saveErr)
	}
	if err != nil {
		msg := render.InertLine(err.Error())
		if rep.total > 0 {
			msg += fmt.Sprintf(" (the %d entries before it are saved; importing the fixed file again adds only what is missing)", rep.total)
		}
		return env.Fail(ExitUsage, "history import: %s: %s", render.InertLine(name), msg)
	}
	fmt.Fprint(env.Stdout, rep.report(filepath.Base(name)))
	return ExitOK
}

// importStats gathers what the import report says while entries stream
// past: counts, and the first errors to list.
type importStats struct {
	total, added, errors int
	byStatus, byFormat   map[string]int
	shown                []exchange.Exchange
}

func (st *importStats) add(e exchange.Exchange) {
	st.total++
	if e.Response != nil && e.Response.Status < 400 && e.Error == "" {
		return
	}
	if st.byStatus == nil {
		st.byStatus, st.byFormat = map[string]int{}, map[string]int{}
	}
	st.errors++
	status := "no response"
	if e.Response != nil {
		status = strconv.Itoa(e.Response.Status)
	}
	st.byStatus[status]++
	st.byFormat[cmp.Or(e.Diagnosis.Format, "unknown")]++
	if len(st.shown) < maxListedErrors {
		st.shown = append(st.shown, e)
	}
}

// report says what came in: how many entries, how many errors, by status
// and by format, and the errors' request_ids to quote.
func (st *importStats) report(name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Imported %s from %s: %d new, %d already in history.\n", plural(st.total, "entry", "entries"), render.InertLine(name), st.added, st.total-st.added)
	if st.errors == 0 {
		b.WriteString("No errors among them.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "%d of them are errors.\n", st.errors)
	fmt.Fprintf(&b, "  by status: %s\n", counts(st.byStatus))
	fmt.Fprintf(&b, "  by format: %s\n", counts(st.byFormat))
	b.WriteString("Errors:\n")
	for _, e := range st.shown {
		status := "—"
		if e.Response != nil {
			status = strconv.Itoa(e.Response.Status)
		}
		rid := "(no request_id)"
		if e.Diagnosis.RequestID != "" {
			rid = "request_id " + render.InertLine(e.Diagnosis.RequestID)
		}
		fmt.Fprintf(&b, "  #%-6d %-3s %s %s  %s\n", e.ID, status, render.InertLine(e.Request.Method), render.InertLine(e.Request.URL), rid)
	}
	if more := st.errors - len(st.shown); more > 0 {
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
