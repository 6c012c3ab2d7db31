package history

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

const pgInsertSQL = `INSERT INTO exchanges
	(time, method, url, host, status, class, transport, format, code, message,
	 request_id, request_id_source, api, source, duration_us, note, user_name, machine, hash, words, data)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::tsvector, $21)
	ON CONFLICT (hash) DO NOTHING
	RETURNING id`

// pgText makes a string storable in a PostgreSQL text column, which
// takes neither NUL nor invalid UTF-8; the exact bytes stay in data.
func pgText(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

func rowWords(r row) string {
	return tsvector(r.url, r.code, r.message, r.requestID, r.ftsBody)
}

// insertRows writes rows in one transaction, each once: a row whose
// content hash is stored already gives the stored id.
func (p *pgStore) insertRows(ctx context.Context, rows []row) ([]int64, int, error) {
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return nil, 0, p.connErr(err)
	}
	defer tx.Rollback(context.Background())
	var b pgx.Batch
	for _, r := range rows {
		b.Queue(pgInsertSQL, r.time, pgText(r.method), pgText(r.url), pgText(r.host), r.status, r.status/100, r.transport,
			pgText(r.format), pgText(r.code), pgText(r.message), pgText(r.requestID), pgText(r.ridSource), pgText(r.api),
			pgText(r.source), r.durationUS, pgText(r.note), pgText(r.user), pgText(r.machine), r.hash, rowWords(r), r.data)
	}
	res := tx.SendBatch(ctx, &b)
	ids := make([]int64, len(rows))
	added := 0
	var missing []int
	for i := range rows {
		err := res.QueryRow().Scan(&ids[i])
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			missing = append(missing, i)
		case err != nil:
			res.Close()
			return nil, 0, p.connErr(fmt.Errorf("exchange %d: %w", i+1, err))
		default:
			added++
		}
	}
	if err := res.Close(); err != nil {
		return nil, 0, p.connErr(err)
	}
	for _, i := range missing {
		if err := tx.QueryRow(ctx, `SELECT id FROM exchanges WHERE hash = $1`, rows[i].hash).Scan(&ids[i]); err != nil {
			return nil, 0, p.connErr(err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, 0, p.connErr(err)
	}
	return ids, added, nil
}

// ErrUnreachable: the team store could not be reached or dropped the
// connection.
var ErrUnreachable = errors.New("team history unreachable")

// connErr names the store in err, scrubbed; a lost or refused connection
// (not an answer of the server about the query) wraps ErrUnreachable.
func (p *pgStore) connErr(err error) error {
	if err == nil {
		return nil
	}
	if lostConnection(err) {
		return fmt.Errorf("%w: %s: %w", ErrUnreachable, p.display, &scrubbedError{msg: lastLine(p.scrub(err).Error()), err: err})
	}
	return fmt.Errorf("%s: %w", p.display, &scrubbedError{msg: lastLine(p.scrub(err).Error()), err: err})
}

// lastLine is the last line of a driver's message, which for a failed
// connection (one line per address tried) says why: one line, not five.
func lastLine(msg string) string {
	lines := strings.Split(strings.TrimSpace(msg), "\n")
	last := strings.TrimSpace(lines[len(lines)-1])
	// "127.0.0.1:1 (127.0.0.1): dial error: dial tcp …" → "dial tcp …"
	for _, sep := range []string{"dial error: ", "server error: "} {
		if _, rest, ok := strings.Cut(last, sep); ok && len(lines) > 1 {
			return rest
		}
	}
	return last
}

// lostConnection tells a network failure or a server shutting down from
// a query the server refused.
func lostConnection(err error) bool {
	if errors.Is(err, context.Canceled) {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// Class 08 is connection exceptions, 57P01..03 the server going
		// away (https://www.postgresql.org/docs/15/errcodes-appendix.html).
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	return true
}

// pgWhere is q as a WHERE clause of the team store and its arguments,
// numbered from $1.
func (q Query) pgWhere() (string, []any) {
	return q.where(postgresDialect, tsquery(q.Text))
}

// probeWindow is how many of the newest exchanges a free-text search
// reads in time order before it asks the full-text index instead.
const probeWindow = 2000

// search lists q's matches newest first. Without free text the indexes on
// time, status class, request_id and user serve the order directly. With
// it, PostgreSQL cannot tell a word in half the rows from one in a single
// row (a prefix's selectivity is a guess), and the wrong plan costs a
// scan of the whole table: so the newest probeWindow exchanges are read
// in order first, which is enough for a common word; when they hold fewer
// matches than asked, the matches come from the GIN index and are sorted,
// which is cheap because there are few.
func (p *pgStore) search(ctx context.Context, q Query, limit, offset int) ([]Summary, error) {
	where, args := q.pgWhere()
	n := len(args)
	page := ` ORDER BY e.time DESC, e.id DESC LIMIT $` + strconv.Itoa(n+1) + ` OFFSET $` + strconv.Itoa(n+2)
	args = append(args, limit, max(offset, 0))
	if tsquery(q.Text) == "" {
		return p.summaries(ctx, `SELECT `+summaryColumns+` FROM exchanges e`+where+page, args)
	}
	recent := `(SELECT * FROM exchanges ORDER BY time DESC, id DESC LIMIT ` + strconv.Itoa(probeWindow) + `) e`
	out, err := p.summaries(ctx, `SELECT `+summaryColumns+` FROM `+recent+where+page, args)
	if err != nil || len(out) == limit {
		return out, err
	}
	matches := `WITH m AS MATERIALIZED (SELECT e.id, e.time FROM exchanges e` + where + `)
		SELECT ` + summaryColumns + ` FROM exchanges e JOIN (SELECT m.id FROM m ORDER BY m.time DESC, m.id DESC LIMIT $` +
		strconv.Itoa(n+1) + ` OFFSET $` + strconv.Itoa(n+2) + `) top ON top.id = e.id ORDER BY e.time DESC, e.id DESC`
	return p.summaries(ctx, matches, args)
}

func (p *pgStore) summaries(ctx context.Context, sqlText string, args []any) ([]Summary, error) {
	limit := args[len(args)-2].(int)
	rows, err := p.pool.Query(ctx, sqlText, args...)
	if err != nil {
		return nil, p.connErr(err)
	}
	defer rows.Close()
	out := make([]Summary, 0, limit)
	for rows.Next() {
		sm, err := scanSummary(rows.Scan)
		if err != nil {
			return nil, p.connErr(err)
		}
		out = append(out, sm)
	}
	return out, p.connErr(rows.Err())
}

func (p *pgStore) count(ctx context.Context, q Query, limit int64) (int64, error) {
	where, args := q.pgWhere()
	sqlText, args := postgresDialect.countSQL("exchanges e", where, args, limit)
	var n int64
	err := p.pool.QueryRow(ctx, sqlText, args...).Scan(&n)
	return n, p.connErr(err)
}

func (p *pgStore) get(ctx context.Context, id int64) (exchange.Exchange, error) {
	var data []byte
	var note string
	err := p.pool.QueryRow(ctx, `SELECT data, note FROM exchanges WHERE id = $1`, id).Scan(&data, &note)
	if errors.Is(err, pgx.ErrNoRows) {
		return exchange.Exchange{}, fmt.Errorf("%w: id %d", ErrNotFound, id)
	}
	if err != nil {
		return exchange.Exchange{}, p.connErr(err)
	}
	return storedExchange(id, data, note)
}

func (p *pgStore) getByRequestID(ctx context.Context, idOrPrefix string) (exchange.Exchange, error) {
	var id int64
	err := p.pool.QueryRow(ctx, `SELECT id FROM exchanges WHERE request_id = $1 ORDER BY time DESC, id DESC LIMIT 1`, pgText(idOrPrefix)).Scan(&id)
	if err == nil {
		return p.get(ctx, id)
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return exchange.Exchange{}, p.connErr(err)
	}
	rows, err := p.pool.Query(ctx, `SELECT DISTINCT request_id FROM exchanges WHERE request_id LIKE $1 ESCAPE '\' LIMIT 3`, escapeLike(pgText(idOrPrefix))+"%")
	if err != nil {
		return exchange.Exchange{}, p.connErr(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return exchange.Exchange{}, p.connErr(err)
	}
	rid, err := oneRequestID(idOrPrefix, ids)
	if err != nil {
		return exchange.Exchange{}, err
	}
	return p.getByRequestID(ctx, rid)
}

func (p *pgStore) delete(ctx context.Context, id int64) error {
	tag, err := p.pool.Exec(ctx, `DELETE FROM exchanges WHERE id = $1`, id)
	if err != nil {
		return p.connErr(err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%w: id %d", ErrNotFound, id)
	}
	return nil
}

func (p *pgStore) prune(ctx context.Context, olderThan time.Duration, keep int) (int64, error) {
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return 0, p.connErr(err)
	}
	defer tx.Rollback(context.Background())
	var total int64
	if olderThan > 0 {
		tag, err := tx.Exec(ctx, `DELETE FROM exchanges WHERE time < $1`, time.Now().Add(-olderThan).UnixMicro())
		if err != nil {
			return 0, p.connErr(err)
		}
		total += tag.RowsAffected()
	}
	if keep > 0 {
		tag, err := tx.Exec(ctx, `DELETE FROM exchanges WHERE id NOT IN
			(SELECT id FROM exchanges ORDER BY time DESC, id DESC LIMIT $1)`, keep)
		if err != nil {
			return 0, p.connErr(err)
		}
		total += tag.RowsAffected()
	}
	return total, p.connErr(tx.Commit(ctx))
}

// setNote stores an already redacted note and indexes it with the
// exchange.
func (p *pgStore) setNote(ctx context.Context, id int64, note string) error {
	e, err := p.get(ctx, id)
	if err != nil {
		return err
	}
	resp := ""
	if e.Response != nil {
		resp = e.Response.Body
	}
	words := tsvector(e.Request.URL, e.Diagnosis.Code, e.Diagnosis.Message, e.Diagnosis.RequestID, indexedBody(resp, e.Request.Body, note))
	tag, err := p.pool.Exec(ctx, `UPDATE exchanges SET note = $1, words = $2::tsvector WHERE id = $3`, pgText(note), words, id)
	if err != nil {
		return p.connErr(err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%w: id %d", ErrNotFound, id)
	}
	return nil
}
