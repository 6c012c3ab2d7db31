// Package history keeps every exchange apierr sees in a local SQLite
// database, redacted before it is written, searchable offline with a small
// query language, and exportable as a support ticket or a HAR file.
//
// The database is pure-Go SQLite (modernc.org/sqlite) in WAL mode with a
// busy timeout, so several apierr processes can write at once; the schema
// comes from numbered migrations, and a database written by a newer apierr
// is refused without being touched.
package history

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
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
}

// Options tune OpenWith.
type Options struct {
	// RedactNames are extra credential names to redact (from the user's
	// config file), on top of the built-in ones.
	RedactNames []string
	// Redactor, when set, is the one redactor built from the config,
	// used instead of one made from RedactNames.
	Redactor *redact.Redactor
}

// busyTimeoutMS is how long a writer waits for another process's
// transaction before giving up (a variable for tests).
var busyTimeoutMS = 5000

var ofdOnce sync.Once

// Open opens (creating when missing) the history database at path.
func Open(path string) (*Store, error) { return OpenWith(path, Options{}) }

// OpenWith is Open with options.
func OpenWith(path string, opts Options) (*Store, error) {
	// OFD locks survive a close of another descriptor of the file in this
	// process (our own header check, a second Store), which POSIX locks
	// do not. Best effort: where unavailable SQLite keeps POSIX locks.
	ofdOnce.Do(func() { _, _ = sqlite.OFDLocking(true) })

	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the history directory: %w", err)
	}
	if err := checkFile(path); err != nil {
		return nil, err
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		fmt.Sprintf("?_txlock=immediate&_busy_timeout=%d&_synchronous=NORMAL", busyTimeoutMS) +
		// Reading through mmap spares a read syscall per page, which is most
		// of a query's time on a large history; the cache keeps index pages.
		"&_pragma=mmap_size(268435456)&_pragma=cache_size(-16000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, redactor: redact.Redactor{Extra: opts.RedactNames}}
	if opts.Redactor != nil {
		s.redactor = *opts.Redactor
	}
	if err := prepare(context.Background(), db, path); err != nil {
		db.Close()
		if errors.Is(err, ErrNotDatabase) {
			return nil, notDatabase(path, err)
		}
		return nil, err
	}
	return s, nil
}

// Redact returns a copy of e redacted the way Save stores it, for showing
// an exchange that was not read back from the store.
func (s *Store) Redact(e exchange.Exchange) exchange.Exchange { return s.redactor.Exchange(e) }

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// sqliteMagic starts every SQLite database file
// (https://www.sqlite.org/fileformat.html, 1.3).
var sqliteMagic = []byte("SQLite format 3\x00")

// checkFile makes sure path is a new file, an empty one or an SQLite
// database of a schema this binary knows, reading only its header: a
// foreign or newer file must be left byte for byte as it is, and SQLite
// would write to it (WAL mode is recorded in the header) before telling.
func checkFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("cannot open the history database: %w", err)
	}
	defer f.Close()
	header := make([]byte, 100)
	n, err := io.ReadFull(f, header)
	if n == 0 {
		return nil // a new, empty file
	}
	if err != nil {
		return notDatabase(path, fmt.Errorf("file is %d bytes, too short for a database", n))
	}
	if !bytes.Equal(header[:len(sqliteMagic)], sqliteMagic) {
		return notDatabase(path, errors.New("it does not start with the SQLite header"))
	}
	// Page size (offset 16) is a power of two from 512 to 65536 (stored as
	// 1), and the payload fractions at 21..23 are fixed at 64, 32, 32.
	ps := int(binary.BigEndian.Uint16(header[16:18]))
	if ps == 1 {
		ps = 65536
	}
	if ps < 512 || ps&(ps-1) != 0 || header[21] != 64 || header[22] != 32 || header[23] != 32 {
		return notDatabase(path, errors.New("its SQLite header is damaged"))
	}
	// The user_version pragma is the big-endian int at offset 60.
	if v := int(binary.BigEndian.Uint32(header[60:64])); v > SchemaVersion() {
		return newerSchema(path, v)
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
