package history

import (
	"context"
	"strings"
	"time"
)

// Summary is one line of a history listing. Its JSON form is the contract
// of `history list|search --json`.
type Summary struct {
	ID        int64     `json:"id"`
	Time      time.Time `json:"time"`
	Method    string    `json:"method"`
	URL       string    `json:"url"`
	Status    int       `json:"status"`
	Format    string    `json:"format"`
	Code      string    `json:"code"`
	Message   string    `json:"message"`
	RequestID string    `json:"request_id"`
	API       string    `json:"api"`
	// Transport is true when no response arrived.
	Transport bool `json:"transport,omitempty"`
	// Note is the note a person attached, if any.
	Note string `json:"note,omitempty"`
	// User and Machine say who saved the exchange and where (empty for
	// exchanges saved before apierr recorded it).
	User    string `json:"user,omitempty"`
	Machine string `json:"machine,omitempty"`
}

// Search returns the exchanges matching query, newest first, limit at a
// time starting at offset. An empty query lists everything. A query that
// does not parse returns an error wrapping ErrBadQuery.
func (s *Store) Search(ctx context.Context, query string, limit, offset int) ([]Summary, error) {
	q, err := ParseQuery(query)
	if err != nil {
		return nil, err
	}
	return s.SearchQuery(ctx, q, limit, offset)
}

// SearchQuery is Search with a parsed query.
func (s *Store) SearchQuery(ctx context.Context, q Query, limit, offset int) ([]Summary, error) {
	if limit <= 0 {
		limit = 50
	}
	if s.remote != nil {
		return s.remote.search(ctx, q, limit, offset)
	}
	from, where, args := q.sql(s.expandFTS(ctx, q.Text))
	order := ` ORDER BY e.time DESC, e.id DESC`
	if from != "exchanges e" {
		// tkey sorts opposite to time; ordering by the full-text rowid lets
		// FTS5 hand matches over newest first and stop at the limit.
		order = ` ORDER BY f.rowid`
	}
	sqlText := `SELECT ` + summaryColumns + ` FROM ` + from + where + order + ` LIMIT ? OFFSET ?`
	rows, err := s.db.QueryContext(ctx, sqlText, append(args, limit, max(offset, 0))...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := make([]Summary, 0, limit)
	for rows.Next() {
		sm, err := scanSummary(rows.Scan)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, sm)
	}
	return out, mapErr(rows.Err())
}

// Count returns how many exchanges match query.
func (s *Store) Count(ctx context.Context, query string) (int64, error) {
	return s.CountAtMost(ctx, query, 0)
}

// CountAtMost is Count stopping at limit (when > 0): it returns limit when
// there are at least that many, which on a large history costs a fraction
// of an exact count of a common word (a TUI shows "10000+").
func (s *Store) CountAtMost(ctx context.Context, query string, limit int64) (int64, error) {
	q, err := ParseQuery(query)
	if err != nil {
		return 0, err
	}
	if s.remote != nil {
		return s.remote.count(ctx, q, limit)
	}
	from, where, args := q.sql(s.expandFTS(ctx, q.Text))
	sqlText, args := sqliteDialect.countSQL(from, where, args, limit)
	var n int64
	err = s.db.QueryRowContext(ctx, sqlText, args...).Scan(&n)
	return n, mapErr(err)
}

// sql returns the FROM clause, the WHERE clause (with its leading space,
// or "") and the arguments for q, whose free text is the FTS5 query fts
// (ftsQuery, or expandFTS's form of it).
func (q Query) sql(fts string) (from, where string, args []any) {
	from = "exchanges e"
	if fts != "" {
		from = "exchanges_fts f JOIN exchanges e ON e.tkey = f.rowid"
	}
	where, args = q.where(sqliteDialect, fts)
	return from, where, args
}

// ftsQuery is the FTS5 query of the free-text terms: each term's words
// (split as the index splits them, see words) as a quoted phrase whose
// last word matches as a prefix ("valid" finds "validation"), so nothing
// a person types is read as FTS5 syntax and a search typed letter by
// letter finds as it goes. A term with no words is left out; "" means no
// text condition.
func ftsQuery(text []string) string {
	parts := make([]string, 0, len(text))
	for _, t := range text {
		if ws := words(t); len(ws) > 0 {
			parts = append(parts, `"`+strings.Join(ws, " ")+`"*`)
		}
	}
	return strings.Join(parts, " ")
}

// prefixEnd is the smallest string greater than every string starting
// with p, so a prefix match is an index range.
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return string(b) + "\xff"
}

func escapeLike(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}
