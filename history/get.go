package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/apierr/apierr/formats/exchange"
)

// Get returns the exchange with id, or an error wrapping ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (exchange.Exchange, error) {
	if s.remote != nil {
		return s.remote.get(ctx, id)
	}
	var data []byte
	var note string
	err := s.db.QueryRowContext(ctx, `SELECT data, note FROM exchanges WHERE id = ?`, id).Scan(&data, &note)
	if errors.Is(err, sql.ErrNoRows) {
		return exchange.Exchange{}, fmt.Errorf("%w: id %d", ErrNotFound, id)
	}
	if err != nil {
		return exchange.Exchange{}, mapErr(err)
	}
	return storedExchange(id, data, note)
}

// storedExchange is the exchange id decoded from its stored data, with
// its note, as either store keeps it.
func storedExchange(id int64, data []byte, note string) (exchange.Exchange, error) {
	e, err := decode(data)
	if err != nil {
		return e, fmt.Errorf("exchange %d: %w", id, err)
	}
	e.ID, e.Note = id, note
	return e, nil
}

// GetByRequestID returns the newest exchange whose request_id is
// idOrPrefix, or else starts with it. A prefix shared by several
// request_ids is ErrAmbiguous; none is ErrNotFound.
func (s *Store) GetByRequestID(ctx context.Context, idOrPrefix string) (exchange.Exchange, error) {
	if idOrPrefix == "" {
		return exchange.Exchange{}, fmt.Errorf("%w: empty request_id", ErrNotFound)
	}
	if s.remote != nil {
		return s.remote.getByRequestID(ctx, idOrPrefix)
	}
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM exchanges WHERE request_id = ? ORDER BY time DESC, id DESC LIMIT 1`, idOrPrefix).Scan(&id)
	if err == nil {
		return s.Get(ctx, id)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return exchange.Exchange{}, mapErr(err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT request_id FROM exchanges WHERE request_id >= ? AND request_id < ? LIMIT 3`, idOrPrefix, prefixEnd(idOrPrefix))
	if err != nil {
		return exchange.Exchange{}, mapErr(err)
	}
	var ids []string
	for rows.Next() {
		var rid string
		if err := rows.Scan(&rid); err != nil {
			rows.Close()
			return exchange.Exchange{}, mapErr(err)
		}
		ids = append(ids, rid)
	}
	rows.Close()
	rid, err := oneRequestID(idOrPrefix, ids)
	if err != nil {
		return exchange.Exchange{}, err
	}
	return s.GetByRequestID(ctx, rid)
}

// oneRequestID is the request_id that prefix names, given ids, the first
// three stored request_ids starting with it: none is ErrNotFound, more
// than one ErrAmbiguous.
func oneRequestID(prefix string, ids []string) (string, error) {
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("%w: request_id %s", ErrNotFound, prefix)
	case 1:
		return ids[0], nil
	}
	return "", fmt.Errorf("%w: %s matches %s, %s and maybe more; type more of it", ErrAmbiguous, prefix, ids[0], ids[1])
}

// Delete removes the exchange with id.
func (s *Store) Delete(ctx context.Context, id int64) error {
	if s.readOnly {
		return s.errReadOnly()
	}
	if s.remote != nil {
		return s.remote.delete(ctx, id)
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM exchanges WHERE id = ?`, id)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%w: id %d", ErrNotFound, id)
	}
	return nil
}

// Prune deletes exchanges older than olderThan (when > 0) and all but the
// newest keep (when > 0), and returns how many went.
func (s *Store) Prune(ctx context.Context, olderThan time.Duration, keep int) (int64, error) {
	if s.readOnly {
		return 0, s.errReadOnly()
	}
	if s.remote != nil {
		return s.remote.prune(ctx, olderThan, keep)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, mapErr(err)
	}
	defer tx.Rollback()
	var total int64
	if olderThan > 0 {
		cut := time.Now().Add(-olderThan).UnixMicro()
		res, err := tx.ExecContext(ctx, `DELETE FROM exchanges WHERE time < ?`, cut)
		if err != nil {
			return 0, mapErr(err)
		}
		n, _ := res.RowsAffected()
		total += n
	}
	if keep > 0 {
		res, err := tx.ExecContext(ctx, `DELETE FROM exchanges WHERE id NOT IN
			(SELECT id FROM exchanges ORDER BY time DESC, id DESC LIMIT ?)`, keep)
		if err != nil {
			return 0, mapErr(err)
		}
		n, _ := res.RowsAffected()
		total += n
	}
	return total, mapErr(tx.Commit())
}

// SetNote attaches text to the exchange with id (redacted like
// everything else); "" removes the note. The note is indexed with the
// exchange, so a search finds it.
func (s *Store) SetNote(ctx context.Context, id int64, text string) error {
	if s.readOnly {
		return s.errReadOnly()
	}
	if s.remote != nil {
		return s.remote.setNote(ctx, id, s.redactor.Text(text))
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE exchanges SET note = ? WHERE id = ?`, s.redactor.Text(text), id)
	if err != nil {
		return mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%w: id %d", ErrNotFound, id)
	}
	if err := reindex(ctx, tx, `id = ?`, id); err != nil {
		return err
	}
	return mapErr(tx.Commit())
}

// reindex rebuilds the full-text entries of the rows matching where from
// their stored data and note.
func reindex(ctx context.Context, tx *sql.Tx, where string, args ...any) error {
	rows, err := tx.QueryContext(ctx, `SELECT tkey, data, note FROM exchanges WHERE `+where, args...)
	if err != nil {
		return mapErr(err)
	}
	type entry struct {
		tkey int64
		e    exchange.Exchange
		note string
	}
	var list []entry
	for rows.Next() {
		var en entry
		var data []byte
		if err := rows.Scan(&en.tkey, &data, &en.note); err != nil {
			rows.Close()
			return mapErr(err)
		}
		if en.e, err = decode(data); err != nil {
			rows.Close()
			return err
		}
		list = append(list, en)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return mapErr(err)
	}
	for _, en := range list {
		if _, err := tx.ExecContext(ctx, `DELETE FROM exchanges_fts WHERE rowid = ?`, en.tkey); err != nil {
			return mapErr(err)
		}
		e := en.e
		resp := ""
		if e.Response != nil {
			resp = e.Response.Body
		}
		if _, err := tx.ExecContext(ctx, insertFTSSQL, en.tkey, e.Request.URL, e.Diagnosis.Code, e.Diagnosis.Message,
			e.Diagnosis.RequestID, indexedBody(resp, e.Request.Body, en.note)); err != nil {
			return mapErr(err)
		}
	}
	return nil
}
