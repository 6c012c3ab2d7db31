// Package history keeps every exchange apierr sees in a local SQLite
// database, redacted before it is written, searchable offline with a small
// query language, and exportable as a support ticket or a HAR file.
//
// The database is pure-Go SQLite (modernc.org/sqlite) in WAL mode with a
// busy timeout, so several apierr processes can write at once; the schema
// comes from numbered migrations, and a database written by a newer apierr
// is refused without being touched, as is any SQLite file not marked as
// apierr's.
//
// A team shares one history on PostgreSQL instead (a postgres:// URL in
// place of the file, see pg.go): the same Store, the same rows redacted on
// this machine, the same query language, its own numbered migrations.
package history

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	osuser "os/user"
	"path/filepath"
	"strings"
	"sync"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/redact"
	"modernc.org/sqlite"
)

// Store is an open history database. It is safe for concurrent use.
type Store struct {
	db       *sql.DB
	path     string
	redactor redact.Redactor
	// readOnly is set when the file or its directory cannot be written:
	// everything reads, every write returns ErrReadOnly.
	readOnly bool
	// user and machine are recorded with every exchange saved.
	user, machine string
	// remote is set when the history is a team store on PostgreSQL; the
	// methods then go there instead of db.
	remote *pgStore
}

// Options tune OpenWith.
type Options struct {
	// RedactNames are extra credential names to redact (from the user's
	// config file), on top of the built-in ones.
	RedactNames []string
	// User is recorded as who saved each exchange; "" is the OS user.
	User string
	// Machine is recorded as where; "" is the host name.
	Machine string
	// Bulk says the store is opened for a large import: memory is kept
	// small rather than reads fast.
	Bulk bool
	// Fallback is the local SQLite history that keeps an exchange a team
	// store (PostgreSQL) could not take, marked unsynced; "" keeps none.
	Fallback string
	// Redactor, when set, is the one redactor built from the config,
	// used instead of one made from RedactNames.
	Redactor *redact.Redactor
}

// redactor is the one redactor the caller built, or one made from
// RedactNames.
func (o Options) redactor() redact.Redactor {
	if o.Redactor != nil {
		return *o.Redactor
	}
	return redact.Redactor{Extra: o.RedactNames}
}

// who fills in the OS user and host name where opts leave them empty.
func (o Options) who() (user, machine string) {
	user, machine = o.User, o.Machine
	if user == "" {
		if u, err := osuser.Current(); err == nil {
			user = u.Username
		}
	}
	if machine == "" {
		machine, _ = os.Hostname()
	}
	return user, machine
}

// busyTimeoutMS is how long a writer waits for another process's
// transaction before giving up (a variable for tests).
var busyTimeoutMS = 5000

var ofdOnce sync.Once

// Open opens (creating when missing) the history database at path.
func Open(path string) (*Store, error) { return OpenWith(path, Options{}) }

// OpenWith is Open with options.
func OpenWith(path string, opts Options) (*Store, error) {
	if IsRemote(path) {
		return openPostgres(path, opts)
	}
	// OFD locks survive a close of another descriptor of the file in this
	// process (our own header check, a second Store), which POSIX locks
	// do not. Best effort: where unavailable SQLite keeps POSIX locks.
	ofdOnce.Do(func() { _, _ = sqlite.OFDLocking(true) })

	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the history directory: %w", err)
	}
	state, err := checkFile(path)
	if err != nil {
		return nil, err
	}
	if state == fileLegacy {
		if err := confirmLegacy(path); err != nil {
			return nil, err
		}
	}
	if !writable(path) {
		return openReadOnly(path, state, opts)
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		fmt.Sprintf("?_txlock=immediate&_busy_timeout=%d&_synchronous=NORMAL", busyTimeoutMS) +
		// Reading through mmap spares a read syscall per page, which is most
		// of a query's time on a large history; the cache keeps index pages.
		"&_pragma=mmap_size(268435456)&_pragma=cache_size(-16000)"
	if opts.Bulk {
		// A bulk import writes all over a growing file: mapped, every page
		// it touches would count against the process's memory.
		dsn = strings.Replace(dsn, "mmap_size(268435456)", "mmap_size(0)", 1)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, redactor: opts.redactor()}
	s.user, s.machine = opts.who()
	if err := prepare(context.Background(), db, path); err != nil {
		db.Close()
		if errors.Is(err, ErrNotDatabase) {
			return nil, notDatabase(path, err)
		}
		return nil, err
	}
	return s, nil
}

// minReadSchema is the oldest schema whose columns the queries read; a
// read-only file older than that cannot be upgraded, so it is refused.
const minReadSchema = 3

// openReadOnly opens a history that cannot be written (a read-only file,
// directory or mount) for reading. SQLite needs a -shm file beside a WAL
// database; where none can be made the file is read as immutable.
func openReadOnly(path string, state fileState, opts Options) (*Store, error) {
	if state == fileNew {
		return nil, fmt.Errorf("%w: %s is empty and cannot be written", ErrReadOnly, path)
	}
	base := "file:" + (&url.URL{Path: path}).EscapedPath() + fmt.Sprintf("?mode=ro&_busy_timeout=%d", busyTimeoutMS)
	var lastErr error
	for _, extra := range []string{"", "&immutable=1"} {
		if extra == "" && !writable(filepath.Dir(path)) {
			if _, err := os.Stat(path + "-shm"); err != nil {
				continue // no -shm and no way to make one
			}
		}
		db, err := sql.Open("sqlite", base+extra)
		if err != nil {
			return nil, err
		}
		var v int
		if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
			db.Close()
			lastErr = mapErr(err)
			continue
		}
		if v < minReadSchema {
			db.Close()
			return nil, fmt.Errorf("%w: %s has schema version %d and cannot be upgraded to %d; open it once where it can be written", ErrReadOnly, path, v, SchemaVersion())
		}
		s := &Store{db: db, path: path, redactor: opts.redactor(), readOnly: true}
		s.user, s.machine = opts.who()
		return s, nil
	}
	if errors.Is(lastErr, ErrNotDatabase) {
		return nil, notDatabase(path, lastErr)
	}
	return nil, fmt.Errorf("cannot read %s: %w", path, lastErr)
}

// ReadOnly reports whether the history could only be opened for reading.
func (s *Store) ReadOnly() bool { return s.readOnly }

// errReadOnly is the error of a write to a read-only history.
func (s *Store) errReadOnly() error {
	return fmt.Errorf("%w: %s cannot be written (reading it works)", ErrReadOnly, s.path)
}

// Redact returns a copy of e redacted the way Save stores it, for showing
// an exchange that was not read back from the store.
func (s *Store) Redact(e exchange.Exchange) exchange.Exchange { return s.redactor.Exchange(e) }

// Shared reports whether the history is a team store (PostgreSQL), which
// holds several people's exchanges.
func (s *Store) Shared() bool { return s.remote != nil }

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	if s.remote != nil {
		return s.remote.close()
	}
	return s.db.Close()
}

// sqliteMagic starts every SQLite database file
// (https://www.sqlite.org/fileformat.html, 1.3).
var sqliteMagic = []byte("SQLite format 3\x00")

// applicationID marks a SQLite file as an apierr history ("apie"); it is
// set by the schema's second step (https://www.sqlite.org/pragma.html#pragma_application_id).
const applicationID = 0x61706965

// fileState is what the header of the file at the history path says.
type fileState int

const (
	fileNew    fileState = iota // empty, or a database with no schema yet
	fileOurs                    // marked with applicationID
	fileLegacy                  // unmarked, but a schema version: an apierr history from before the mark, to confirm
)

// checkFile makes sure path is a new file, an empty one or an SQLite
// database of a schema this binary knows, reading only its header: a
// foreign or newer file must be left byte for byte as it is, and SQLite
// would write to it (WAL mode is recorded in the header) before telling.
func checkFile(path string) (fileState, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		f, err = os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600)
	}
	if err != nil {
		return 0, fmt.Errorf("cannot open the history database: %w", err)
	}
	defer f.Close()
	header := make([]byte, 100)
	n, err := io.ReadFull(f, header)
	if n == 0 {
		return fileNew, nil // a new, empty file
	}
	if err != nil {
		return 0, notDatabase(path, fmt.Errorf("file is %d bytes, too short for a database", n))
	}
	if !bytes.Equal(header[:len(sqliteMagic)], sqliteMagic) {
		return 0, notDatabase(path, errors.New("it does not start with the SQLite header"))
	}
	// Page size (offset 16) is a power of two from 512 to 65536 (stored as
	// 1), and the payload fractions at 21..23 are fixed at 64, 32, 32.
	ps := int(binary.BigEndian.Uint16(header[16:18]))
	if ps == 1 {
		ps = 65536
	}
	if ps < 512 || ps&(ps-1) != 0 || header[21] != 64 || header[22] != 32 || header[23] != 32 {
		return 0, notDatabase(path, errors.New("its SQLite header is damaged"))
	}
	// The schema cookie (offset 40) counts schema changes, user_version is
	// at 60 and application_id at 68, all big-endian.
	cookie := binary.BigEndian.Uint32(header[40:44])
	v := int(binary.BigEndian.Uint32(header[60:64]))
	app := binary.BigEndian.Uint32(header[68:72])
	switch {
	case app == applicationID:
		if v > SchemaVersion() {
			return 0, newerSchema(path, v)
		}
		return fileOurs, nil
	case app != 0:
		return 0, notDatabase(path, fmt.Errorf("it is another program's SQLite database (application_id %#x)", app))
	case v == 0 && cookie == 0:
		return fileNew, nil // created, never given a table (a first open cut short)
	case v == 0:
		return 0, notDatabase(path, errors.New("it is another program's SQLite database (it has tables but no apierr mark)"))
	case v > SchemaVersion():
		return 0, newerSchema(path, v)
	}
	return fileLegacy, nil
}

// legacyTables are the tables of schema version 1, which an apierr
// history written before databases were marked must have.
var legacyTables = []string{"exchanges", "exchanges_fts"}

// confirmLegacy reads the schema of an unmarked database through an
// immutable, read-only connection, which writes nothing and creates no
// -wal or -shm file, and refuses it unless it has apierr's tables.
func confirmLegacy(path string) error {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro&immutable=1"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, t := range legacyTables {
		var n int
		err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, t).Scan(&n)
		if err != nil {
			return notDatabase(path, mapErr(err))
		}
		if n == 0 {
			return notDatabase(path, fmt.Errorf("it is another program's SQLite database (no %s table)", t))
		}
	}
	return nil
}

// NotDatabaseError says which file is not a usable history database and
// why. It matches ErrNotDatabase with errors.Is.
type NotDatabaseError struct {
	// Path is the file.
	Path string
	// Cause is what is wrong with it.
	Cause error
}

func (e *NotDatabaseError) Error() string {
	return fmt.Sprintf("%s is not an apierr history database: %v; move it aside or use --history", e.Path, e.Cause)
}

// Is makes errors.Is(err, ErrNotDatabase) true.
func (e *NotDatabaseError) Is(target error) bool { return target == ErrNotDatabase }

func notDatabase(path string, cause error) error {
	var de *driverError
	if errors.As(cause, &de) {
		cause = de.err // the driver's own words, without the sentinel's
	}
	return &NotDatabaseError{Path: path, Cause: cause}
}

// prepare reads the schema before anything writes (a damaged file must be
// left as it is), then turns on WAL, which is recorded in the file and so
// holds for every later connection, and applies migrations.
func prepare(ctx context.Context, db *sql.DB, path string) error {
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		return mapErr(err)
	}
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return mapErr(err)
	}
	if v > SchemaVersion() {
		return newerSchema(path, v)
	}
	if _, err := db.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
		return mapErr(err)
	}
	return migrate(ctx, db, path)
}
