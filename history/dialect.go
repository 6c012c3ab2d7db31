package history

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// sqlDialect is what the SQL of the SQLite store and of the team store
// (PostgreSQL) differ in, as data: one builder then writes a Query's
// WHERE clause for both, so a query term means the same in each.
type sqlDialect struct {
	// numbered says placeholders are $1, $2… rather than ?.
	numbered bool
	// match is the free-text condition; its argument is the store's own
	// form of the text (an FTS5 query, a tsquery).
	match string
	// foldEq is a case-insensitive equality of the column %s and ?.
	foldEq string
	// isTrue is the boolean column %s being true.
	isTrue string
	// prefix is the condition that the column col starts with p, and its
	// arguments.
	prefix func(col, p string) (string, []any)
}

var sqliteDialect = sqlDialect{
	match:  "exchanges_fts MATCH ?",
	foldEq: "%s = ? COLLATE NOCASE",
	isTrue: "%s = 1",
	// A range of the column's index rather than LIKE, which SQLite serves
	// with an index only under a case-insensitive collation.
	prefix: func(col, p string) (string, []any) {
		return col + " >= ? AND " + col + " < ?", []any{p, prefixEnd(p)}
	},
}

var postgresDialect = sqlDialect{
	numbered: true,
	match:    "e.words @@ to_tsquery('simple', ?)",
	foldEq:   "lower(%s) = lower(?)",
	isTrue:   "%s",
	// Byte ranges do not hold under a server's collation; the text column
	// holds pgText's form of the id.
	prefix: func(col, p string) (string, []any) {
		return col + ` LIKE ? ESCAPE '\'`, []any{escapeLike(pgText(p)) + "%"}
	},
}

// param is the n-th (from 1) placeholder of a statement.
func (d sqlDialect) param(n int) string {
	if d.numbered {
		return "$" + strconv.Itoa(n)
	}
	return "?"
}

// where is q as a WHERE clause (with its leading space, or "") and its
// arguments, text being the store's form of the free text ("" for none).
func (q Query) where(d sqlDialect, text string) (string, []any) {
	var conds []string
	var args []any
	// add takes a condition written with ? placeholders and numbers them
	// when the dialect does.
	add := func(c string, a ...any) {
		for _, v := range a {
			args = append(args, v)
			if d.numbered {
				c = strings.Replace(c, "?", d.param(len(args)), 1)
			}
		}
		conds = append(conds, c)
	}
	foldEq := func(col, v string) {
		if v != "" {
			add(fmt.Sprintf(d.foldEq, col), v)
		}
	}
	eq := func(col, v string) {
		if v != "" {
			add(col+" = ?", v)
		}
	}
	if text != "" {
		add(d.match, text)
	}
	if q.Class > 0 {
		add("e.class = ?", q.Class)
	}
	if q.StatusMin > 0 {
		if q.StatusMin == q.StatusMax {
			add("e.status = ?", q.StatusMin)
		} else {
			add("e.status BETWEEN ? AND ?", q.StatusMin, q.StatusMax)
		}
	}
	foldEq("e.code", q.Code)
	if q.RequestID != "" {
		c, a := d.prefix("e.request_id", q.RequestID)
		add(c, a...)
	}
	if q.Host != "" {
		add(`(e.host = ? OR e.host LIKE ? ESCAPE '\')`, q.Host, "%."+escapeLike(q.Host))
	}
	eq("e.method", q.Method)
	foldEq("e.api", q.API)
	foldEq("e.format", q.Format)
	eq("e.source", q.Source)
	foldEq("e.user_name", q.User)
	foldEq("e.machine", q.Machine)
	if !q.After.IsZero() {
		add("e.time >= ?", q.After.UnixMicro())
	}
	if !q.Before.IsZero() {
		add("e.time < ?", q.Before.UnixMicro())
	}
	transport := fmt.Sprintf(d.isTrue, "e.transport")
	if q.IsTransport {
		add(transport)
	}
	if q.IsError {
		add("(e.status >= 400 OR " + transport + ")")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// countSQL is the statement counting the rows of from and where (whose
// arguments are args), stopping at limit when it is > 0.
func (d sqlDialect) countSQL(from, where string, args []any, limit int64) (string, []any) {
	if limit <= 0 {
		return `SELECT count(*) FROM ` + from + where, args
	}
	args = append(args, limit)
	return `SELECT count(*) FROM (SELECT 1 FROM ` + from + where + ` LIMIT ` + d.param(len(args)) + `) c`, args
}

const summaryColumns = `e.id, e.time, e.method, e.url, e.status, e.format, e.code, e.message, e.request_id, e.api, e.transport, e.note, e.user_name, e.machine`

// scanSummary reads one row of summaryColumns with scan, the Scan of
// either driver's rows.
func scanSummary(scan func(dest ...any) error) (Summary, error) {
	var sm Summary
	var us int64
	err := scan(&sm.ID, &us, &sm.Method, &sm.URL, &sm.Status, &sm.Format, &sm.Code, &sm.Message, &sm.RequestID, &sm.API, &sm.Transport, &sm.Note, &sm.User, &sm.Machine)
	sm.Time = time.UnixMicro(us).UTC()
	return sm, err
}
