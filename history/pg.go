package history

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// A team store is a PostgreSQL database named by a postgres:// URL in
// place of the history file. It holds the same rows as the SQLite store
// (redacted on this machine before they are sent), searched with the
// same query language. apierr never runs DDL there except in Migrate,
// so everyday use needs only a role that can insert and read.

// pgMigrationFS are the PostgreSQL schema steps, numbered like the SQLite
// ones; apierr_schema.version records the last one applied.
//
//go:embed pgmigrations/*.sql
var pgMigrationFS embed.FS

// pgConnectTimeout bounds connecting when the URL does not say
// (connect_timeout=N).
const pgConnectTimeout = 5 * time.Second

// IsRemote reports whether a history location is a PostgreSQL URL
// rather than a file path.
func IsRemote(location string) bool {
	l := strings.ToLower(location)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

// DisplayDSN is a PostgreSQL URL as apierr prints it: without its
// password (userinfo or password= parameter).
func DisplayDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "the PostgreSQL URL given (it does not parse)"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// Display is a history location as apierr prints it: a file path as it
// is, a PostgreSQL URL without its password.
func Display(location string) string {
	if IsRemote(location) {
		return DisplayDSN(location)
	}
	return location
}

// dsnPassword is the password written in a PostgreSQL URL, "" if none.
func dsnPassword(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		// Whatever sits between "://user:" and "@" may be one.
		_, rest, _ := strings.Cut(dsn, "://")
		if at := strings.LastIndexByte(rest, '@'); at > 0 {
			if _, pw, ok := strings.Cut(rest[:at], ":"); ok {
				return pw
			}
		}
		return ""
	}
	if pw, ok := u.User.Password(); ok {
		return pw
	}
	return u.Query().Get("password")
}

// pgStore is a Store's connection pool to a team store.
type pgStore struct {
	pool    *pgxpool.Pool
	display string
	secret  string
	// fallback is the local history that keeps what the server could not
	// take; "" for none.
	fallback string
	opts     Options
}

// scrub removes the URL's password (and its URL-encoded form) from err's
// text, whatever the driver put in it.
func (p *pgStore) scrub(err error) error { return scrubErr(err, p.secret) }

func scrubErr(err error, secret string) error {
	if err == nil || secret == "" {
		return err
	}
	msg := err.Error()
	clean := msg
	for _, s := range []string{secret, url.QueryEscape(secret), url.PathEscape(secret)} {
		if s != "" {
			clean = strings.ReplaceAll(clean, s, "***")
		}
	}
	if clean == msg {
		return err
	}
	return &scrubbedError{msg: clean, err: err}
}

// scrubbedError keeps the wrapped error for errors.Is with a clean text.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.err }

func pgConfig(dsn string) (*pgxpool.Config, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// The parser quotes the URL; say only what is wrong.
		var pe *pgconn.ParseConfigError
		if errors.As(err, &pe) && pe.Unwrap() != nil {
			err = pe.Unwrap()
		}
		return nil, fmt.Errorf("%s is not a usable PostgreSQL URL: %w", DisplayDSN(dsn), scrubErr(err, dsnPassword(dsn)))
	}
	if !strings.Contains(dsn, "connect_timeout=") {
		cfg.ConnConfig.ConnectTimeout = pgConnectTimeout
	}
	cfg.MaxConns = 4
	return cfg, nil
}

// openPostgres connects to a team store and checks its schema, which it
// never changes (see Migrate).
func openPostgres(dsn string, opts Options) (*Store, error) {
	cfg, err := pgConfig(dsn)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*pgConnectTimeout)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("cannot reach the team history %s: %w", DisplayDSN(dsn), scrubErr(err, dsnPassword(dsn)))
	}
	p := &pgStore{pool: pool, display: DisplayDSN(dsn), secret: dsnPassword(dsn), fallback: opts.Fallback, opts: opts}
	if err := p.checkSchema(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	s := &Store{path: p.display, redactor: opts.redactor(), remote: p}
	s.user, s.machine = opts.who()
	return s, nil
}

func (p *pgStore) close() error {
	p.pool.Close()
	return nil
}

// checkSchema refuses a store without apierr's schema, an older one
// (Migrate upgrades it) and a newer one.
func (p *pgStore) checkSchema(ctx context.Context) error {
	var v int
	err := p.pool.QueryRow(ctx, `SELECT version FROM apierr_schema`).Scan(&v)
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &pe) && pe.Code == "42P01": // undefined_table
		return fmt.Errorf("%w: %s has no apierr history schema yet: an admin role runs 'apierr history migrate --history %s' once", ErrNotDatabase, p.display, p.display)
	case errors.Is(err, pgx.ErrNoRows):
		return fmt.Errorf("%w: %s: apierr_schema is empty; run 'apierr history migrate'", ErrNotDatabase, p.display)
	case err != nil:
		return p.connErr(err)
	}
	known := PostgresSchemaVersion()
	if v > known {
		return fmt.Errorf("%w: %s has schema version %d, this apierr knows up to %d; upgrade apierr", ErrNewerSchema, p.display, v, known)
	}
	if v < known {
		return fmt.Errorf("%w: %s has schema version %d, this apierr needs %d: an admin role runs 'apierr history migrate --history %s'", ErrNotDatabase, p.display, v, known, p.display)
	}
	return nil
}

func loadPGMigrations() ([]migration, error) { return loadMigrationDir(pgMigrationFS, "pgmigrations") }

// PostgresSchemaVersion is the team store schema this binary uses.
func PostgresSchemaVersion() int {
	ms, err := loadPGMigrations()
	if err != nil {
		panic(err) // embedded files: a broken build, caught by tests
	}
	return len(ms)
}

// Migrate creates or upgrades the schema of the team store at dsn, in one
// transaction under an advisory lock, so two admins running it at once
// apply each step once. It needs a role that may create tables; a schema
// newer than this binary's is refused and left as it is. It returns the
// versions before and after.
func Migrate(ctx context.Context, dsn string) (from, to int, err error) {
	if !IsRemote(dsn) {
		return 0, 0, fmt.Errorf("history migrate is for a team store: give --history postgres://…")
	}
	cfg, err := pgConfig(dsn)
	if err != nil {
		return 0, 0, err
	}
	secret, display := dsnPassword(dsn), DisplayDSN(dsn)
	fail := func(step string, err error) (int, int, error) {
		return 0, 0, fmt.Errorf("%s: %s: %w", display, step, scrubErr(err, secret))
	}
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		return fail("cannot connect", err)
	}
	defer conn.Close(context.Background())
	ms, err := loadPGMigrations()
	if err != nil {
		return 0, 0, err
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fail("cannot begin", err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(7093465161)`); err != nil {
		return fail("cannot lock", err)
	}
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT to_regclass('apierr_schema') IS NOT NULL`).Scan(&exists); err != nil {
		return fail("cannot read the schema", err)
	}
	v := 0
	if exists {
		err := tx.QueryRow(ctx, `SELECT version FROM apierr_schema`).Scan(&v)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return fail("cannot read the schema version", err)
		}
	}
	if v > len(ms) {
		return 0, 0, fmt.Errorf("%w: %s has schema version %d, this apierr knows up to %d; upgrade apierr", ErrNewerSchema, display, v, len(ms))
	}
	if v == len(ms) {
		return v, v, nil
	}
	if !exists {
		if _, err := tx.Exec(ctx, `CREATE TABLE apierr_schema (version integer NOT NULL)`); err != nil {
			return fail("cannot create apierr_schema (does this role own the database?)", err)
		}
	}
	for _, m := range ms[v:] {
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return fail("schema step "+m.name, err)
		}
	}
	if _, err := tx.Exec(ctx, `DELETE FROM apierr_schema`); err != nil {
		return fail("cannot record the version", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO apierr_schema (version) VALUES ($1)`, len(ms)); err != nil {
		return fail("cannot record the version", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fail("cannot commit", err)
	}
	return v, len(ms), nil
}
