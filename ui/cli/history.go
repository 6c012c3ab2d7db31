package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats/inert"
	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/ui/render"
)

const historyUsage = `Usage:
  apierr history                              the TUI's history browser
  apierr history list [--limit N] [--offset N] [--json]
  apierr history search QUERY [--limit N] [--offset N] [--json]
  apierr history show ID|REQUEST_ID [--json]
  apierr history ticket ID|REQUEST_ID [--format markdown|text|json]
  apierr history note ID TEXT                 ("" removes the note)
  apierr history delete ID
  apierr history prune --older-than 90d | --keep N
  apierr history export --har FILE|- [QUERY]
  apierr history import FILE.har|-
  apierr history sync [--to postgres://…]    push the local history to a team store
  apierr history migrate                      create or upgrade a team store's schema

QUERY: words and "phrases" (full text over URL, code, message, request_id
and bodies) with filters status:404 status:4xx code:X rid:PREFIX host:H
method:M api:NAME format:F source:S user:NAME machine:NAME
after:2026-11-01 before:DATE is:error is:transport. Words match as
prefixes ("valid" finds "validation"). See README.md, "apierr history".

The history is --history PATH|postgres://…, else $APIERR_HISTORY, else
history = "…" in config.toml, else $XDG_DATA_HOME/apierr/history.db.
`

// History is `apierr history SUBCOMMAND`: it lists, searches, shows,
// annotates, prunes, exports and imports the saved exchanges, offline.
func History(env *Env, args []string) int {
	return runSubcommand(env, "history", historyUsage, []subcommand{
		{"list", historyList}, {"search", historySearch}, {"show", historyShow},
		{"ticket", historyTicket}, {"note", historyNote}, {"delete", historyDelete},
		{"prune", historyPrune}, {"export", historyExport}, {"import", historyImport},
		{"sync", historySync}, {"migrate", historyMigrate},
	}, args)
}

// intFlag reads a non-negative integer flag value ("" is def).
func intFlag(name, v string, def int) (int, error) {
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s %s: want a whole number, e.g. %s 50", name, render.InertLine(v), name)
	}
	return n, nil
}

// openHistory opens the store or prints why it cannot.
func (e *Env) openHistory(cmd string) (*history.Store, int) {
	s, err := e.OpenHistory()
	if err != nil {
		return nil, e.Fail(ExitUsage, "history %s: %s", cmd, render.InertLine(err.Error()))
	}
	return s, ExitOK
}

// historyErr prints a store error as one line; a missing exchange or a
// bad query is the user's input, so both are usage errors.
func (e *Env) historyErr(cmd string, err error) int {
	msg := render.InertLine(err.Error())
	switch {
	case errors.Is(err, history.ErrBadQuery):
		msg = strings.TrimPrefix(msg, history.ErrBadQuery.Error()+": ")
		return e.Fail(ExitUsage, "history %s: %s", cmd, msg)
	case errors.Is(err, history.ErrNotFound):
		return e.Fail(ExitUsage, "history %s: %s (see 'apierr history list')", cmd, msg)
	}
	return e.Fail(ExitUsage, "history %s: %s", cmd, msg)
}

// historyJSON prints v as indented JSON, without escaping &, < and > in
// URLs (the output is for people and jq, not for HTML), with C1 and bidi
// controls escaped (it is for terminals too).
func (e *Env) historyJSON(v any) int {
	var buf bytes.Buffer
	enc := inert.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return e.Fail(ExitUsage, "%v", err)
	}
	e.Stdout.Write(buf.Bytes())
	return ExitOK
}
