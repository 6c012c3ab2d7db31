package history

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/apierr/apierr/formats/exchange"
)

const insertSQL = `INSERT INTO exchanges
	(time, method, url, host, status, class, transport, format, code, message,
	 request_id, request_id_source, api, source, duration_us, note, hash, tkey, data, user_name, machine)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (hash) DO NOTHING`

const insertFTSSQL = `INSERT INTO exchanges_fts (rowid, url, code, message, request_id, body) VALUES (?, ?, ?, ?, ?, ?)`

// Save redacts a copy of e and stores it, setting e.ID. Saving an exchange
// already stored (same time, request and response) stores nothing and sets
// e.ID to the stored one.
func (s *Store) Save(ctx context.Context, e *exchange.Exchange) (int64, error) {
	r, err := encode(s.redactor.Exchange(*e))
	if err != nil {
		return 0, err
	}
	r.user, r.machine = s.user, s.machine
	ids, _, err := s.insertRows(ctx, []row{r})
	if err != nil {
		return 0, err
	}
	e.ID = ids[0]
	return ids[0], nil
}

// SaveBatch redacts and stores xs in one transaction (all or nothing),
// setting each one's ID, and returns how many were new: entries already
// stored are skipped.
func (s *Store) SaveBatch(ctx context.Context, xs []exchange.Exchange) (int, error) {
	rows, err := s.encodeAll(xs)
	if err != nil {
		return 0, err
	}
	ids, added, err := s.insertRows(ctx, rows)
	if err != nil {
		return 0, err
	}
	for i := range xs {
		xs[i].ID = ids[i]
	}
	return added, nil
}

// encodeAll redacts and encodes xs on every core: for imports that is a
// third of the work, done before the write transaction starts.
func (s *Store) encodeAll(xs []exchange.Exchange) ([]row, error) {
	rows := make([]row, len(xs))
	workers := min(runtime.GOMAXPROCS(0), max(len(xs)/64, 1))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(xs); i += workers {
				r, err := encode(s.redactor.Exchange(xs[i]))
				if err != nil {
					errs[w] = fmt.Errorf("exchange %d: %w", i+1, err)
					return
				}
				r.user, r.machine = s.user, s.machine
				rows[i] = r
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// insertRows writes rows in one immediate transaction.
func (s *Store) insertRows(ctx context.Context, rows []row) ([]int64, int, error) {
	if s.remote != nil {
		return s.remoteInsert(ctx, rows)
	}
	if s.readOnly {
		return nil, 0, s.errReadOnly()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, insertSQL)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	defer ins.Close()
	fts, err := tx.PrepareContext(ctx, insertFTSSQL)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	defer fts.Close()
	find, err := tx.PrepareContext(ctx, `SELECT id FROM exchanges WHERE hash = ?`)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	defer find.Close()
	added := 0
	ids := make([]int64, len(rows))
	for i, r := range rows {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		id, fresh, err := insertRow(ctx, ins, fts, find, r)
		if err != nil {
			return nil, 0, fmt.Errorf("exchange %d: %w", i+1, err)
		}
		ids[i] = id
		if fresh {
			added++
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, 0, mapErr(err)
	}
	return ids, added, nil
}

// insertRow inserts one row and its full-text entry; a row whose content
// hash is already stored is skipped and the stored id returned.
func insertRow(ctx context.Context, ins, fts, find *sql.Stmt, r row) (int64, bool, error) {
	// tkey is minus (the time in milliseconds times tkeySlots plus a slot
	// that starts where the content hash points and moves on when another
	// exchange of the same millisecond has it). Negative, so that newest
	// first is FTS5's ascending rowid order, which it reads lazily and
	// stops at the limit; descending order reads every match first.
	// Times outside 1970..2191 (a zero time, a bogus HAR date) are clamped
	// so the product stays inside an int64; they only sort less exactly.
	base := -min(max(floorDiv(r.time, 1000), 0), 7e12) * tkeySlots
	slot := int64(binary.BigEndian.Uint32(r.hash) % tkeySlots)
	var res sql.Result
	var err error
	for try := 0; ; try++ {
		res, err = ins.ExecContext(ctx, r.time, r.method, r.url, r.host, r.status, r.status/100, r.transport,
			r.format, r.code, r.message, r.requestID, r.ridSource, r.api, r.source, r.durationUS, r.note, r.hash, base-slot, r.data, r.user, r.machine)
		if err == nil || try >= 100000 || !tkeyTaken(err) {
			break
		}
		slot = (slot + 1) % tkeySlots
	}
	tkey := base - slot
	if err != nil {
		return 0, false, mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var id int64
		if err := find.QueryRowContext(ctx, r.hash).Scan(&id); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return 0, false, errors.New("a duplicate exchange vanished during the save")
			}
			return 0, false, mapErr(err)
		}
		return id, false, nil
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, false, mapErr(err)
	}
	if _, err := fts.ExecContext(ctx, tkey, r.url, r.code, r.message, r.requestID, r.ftsBody); err != nil {
		return 0, false, mapErr(err)
	}
	return id, true, nil
}

// tkeyTaken reports a UNIQUE failure on tkey (and not on hash, which
// means a duplicate and is handled by ON CONFLICT).
func tkeyTaken(err error) bool {
	return strings.Contains(err.Error(), "exchanges.tkey")
}

// tkeySlots is how many exchanges one millisecond can hold in the
// full-text index; ms * tkeySlots fits an int64 until the year 2262.
const tkeySlots = 1_000_000

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
