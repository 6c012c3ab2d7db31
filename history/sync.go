package history

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// syncBatch is how many exchanges one sync round pushes in one team
// store transaction.
const syncBatch = 500

// SyncTo pushes this local history's unsynced exchanges to the team store
// to, oldest first, a batch per transaction, and marks each batch synced
// once the team store has committed it. The rows go as stored, already
// redacted on this machine. It is idempotent and resumable: the team
// store keeps an exchange once by its content hash, so a batch pushed
// again after a kill (committed there, not yet marked here) adds nothing.
// progress, when not nil, is called after each batch. It returns how many
// exchanges were pushed and how many of them were new to the team store.
func (s *Store) SyncTo(ctx context.Context, to *Store, progress func(pushed, added int)) (pushed, added int, err error) {
	if s.remote != nil {
		return 0, 0, errors.New("sync pushes a local history file: give it with --history (or leave the default)")
	}
	if to.remote == nil {
		return 0, 0, fmt.Errorf("%s is a file: sync --to takes a team store, postgres://…", to.path)
	}
	if s.readOnly {
		return 0, 0, s.errReadOnly()
	}
	last := int64(0)
	for {
		rows, ids, err := s.unsynced(ctx, last, syncBatch)
		if err != nil {
			return pushed, added, err
		}
		if len(rows) == 0 {
			return pushed, added, nil
		}
		for i := range rows {
			if rows[i].user == "" {
				rows[i].user, rows[i].machine = s.user, s.machine
			}
		}
		_, n, err := to.remote.insertRows(ctx, rows)
		if err != nil {
			return pushed, added, err
		}
		if err := s.markSynced(ctx, ids); err != nil {
			return pushed, added, err
		}
		pushed += len(rows)
		added += n
		last = ids[len(ids)-1]
		if progress != nil {
			progress(pushed, added)
		}
	}
}

// Unsynced counts the exchanges sync would push.
func (s *Store) Unsynced(ctx context.Context) (int64, error) {
	if s.remote != nil {
		return 0, nil
	}
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM exchanges WHERE synced = 0`).Scan(&n)
	return n, mapErr(err)
}

// unsynced reads up to limit unsynced rows after id, with their index
// text rebuilt from the stored exchange.
func (s *Store) unsynced(ctx context.Context, after int64, limit int) ([]row, []int64, error) {
	q, err := s.db.QueryContext(ctx, `SELECT id, time, method, url, host, status, transport, format, code, message,
		request_id, request_id_source, api, source, duration_us, note, hash, data, user_name, machine
		FROM exchanges WHERE synced = 0 AND id > ? ORDER BY id LIMIT ?`, after, limit)
	if err != nil {
		return nil, nil, mapErr(err)
	}
	defer q.Close()
	var rows []row
	var ids []int64
	for q.Next() {
		var r row
		var id int64
		if err := q.Scan(&id, &r.time, &r.method, &r.url, &r.host, &r.status, &r.transport, &r.format, &r.code, &r.message,
			&r.requestID, &r.ridSource, &r.api, &r.source, &r.durationUS, &r.note, &r.hash, &r.data, &r.user, &r.machine); err != nil {
			return nil, nil, mapErr(err)
		}
		e, err := decode(r.data)
		if err != nil {
			return nil, nil, fmt.Errorf("exchange %d: %w", id, err)
		}
		resp := ""
		if e.Response != nil {
			resp = e.Response.Body
		}
		r.ftsBody = indexedBody(resp, e.Request.Body, r.note)
		if len(r.hash) == 0 {
			r.hash = contentHash(e)
		}
		rows = append(rows, r)
		ids = append(ids, id)
	}
	return rows, ids, mapErr(q.Err())
}

func (s *Store) markSynced(ctx context.Context, ids []int64) error {
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	_, err := s.db.ExecContext(ctx, `UPDATE exchanges SET synced = 1 WHERE id IN (`+marks+`)`, args...)
	return mapErr(err)
}
