package history

import (
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlitelib "modernc.org/sqlite/lib"
)

// Errors callers branch on. Errors returned by the Store wrap one of these
// when it applies, with errors.Is.
var (
	// ErrNotFound: no exchange has that id or request_id.
	ErrNotFound = errors.New("no such exchange in history")
	// ErrAmbiguous: a request_id prefix matches several request_ids.
	ErrAmbiguous = errors.New("request_id prefix matches several exchanges")
	// ErrNewerSchema: the database was written by a newer apierr.
	ErrNewerSchema = errors.New("history database is from a newer apierr")
	// ErrNotDatabase: the file at the history path is not an apierr
	// history database (another file, or a corrupt one).
	ErrNotDatabase = errors.New("not an apierr history database")
	// ErrBadQuery: a search query could not be understood.
	ErrBadQuery = errors.New("bad history query")
	// ErrReadOnly: the history can be read but not written (a read-only
	// file, directory or mount).
	ErrReadOnly = errors.New("history database is read-only")
	// ErrBusy: another process held the database longer than the busy
	// timeout.
	ErrBusy = errors.New("history database is busy")
)

// mapErr wraps driver errors in the sentinel they mean, keeping the
// driver's text for the message.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		// The low byte is the primary result code
		// (https://www.sqlite.org/rescode.html).
		switch se.Code() & 0xff {
		case sqlitelib.SQLITE_BUSY, sqlitelib.SQLITE_LOCKED:
			return fmt.Errorf("%w: %v", ErrBusy, err)
		case sqlitelib.SQLITE_CORRUPT, sqlitelib.SQLITE_NOTADB:
			return &driverError{sentinel: ErrNotDatabase, err: err}
		}
	}
	return err
}

// driverError is a driver error with the sentinel it means.
type driverError struct {
	sentinel error
	err      error
}

func (e *driverError) Error() string { return e.sentinel.Error() + ": " + e.err.Error() }

func (e *driverError) Unwrap() []error { return []error{e.sentinel, e.err} }
