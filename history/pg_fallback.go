package history

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// SavedLocallyError says the team store could not take an exchange and
// it was kept in the local history instead, marked unsynced, for
// 'apierr history sync' to push later. The exchange is saved: callers
// print the error as a warning.
type SavedLocallyError struct {
	// Local is the local history's path.
	Local string
	// Err is why the team store did not take it.
	Err error
}

func (e *SavedLocallyError) Error() string {
	return fmt.Sprintf("%v; kept in the local history %s (unsynced: 'apierr history sync --to …' pushes it later)", e.Err, e.Local)
}

func (e *SavedLocallyError) Unwrap() error { return e.Err }

// remoteSaveTimeout bounds one attempt to save in the team store.
var remoteSaveTimeout = 15 * time.Second

// remoteInsert saves rows in the team store. A dropped connection (the
// server restarted) is tried once more on a fresh one, which is safe as
// rows are kept once by content hash; when the server stays away the
// rows go to the fallback history.
func (s *Store) remoteInsert(ctx context.Context, rows []row) ([]int64, int, error) {
	try := func() ([]int64, int, error) {
		// A server that accepts the connection and then says nothing must
		// not hold the command: past the deadline it counts as away.
		tctx, cancel := context.WithTimeout(ctx, remoteSaveTimeout)
		defer cancel()
		ids, added, err := s.remote.insertRows(tctx, rows)
		if err != nil && tctx.Err() != nil && ctx.Err() == nil {
			err = fmt.Errorf("%w: %s: no answer within %v", ErrUnreachable, s.remote.display, remoteSaveTimeout)
		}
		return ids, added, err
	}
	ids, added, err := try()
	if errors.Is(err, ErrUnreachable) && ctx.Err() == nil {
		s.remote.pool.Reset() // drop the pool's dead connections
		ids, added, err = try()
	}
	if err == nil || !errors.Is(err, ErrUnreachable) || s.remote.fallback == "" {
		return ids, added, err
	}
	opts := s.remote.opts
	opts.Fallback = ""
	local, lerr := OpenWith(s.remote.fallback, opts)
	if lerr != nil {
		return nil, 0, fmt.Errorf("%w; and the local history could not keep it either: %v", err, lerr)
	}
	defer local.Close()
	ids, added, lerr = local.insertRows(ctx, rows)
	if lerr != nil {
		return nil, 0, fmt.Errorf("%w; and the local history could not keep it either: %v", err, lerr)
	}
	return ids, added, &SavedLocallyError{Local: s.remote.fallback, Err: err}
}
