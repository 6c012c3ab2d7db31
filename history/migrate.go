package history

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// migrations are the schema steps, applied in the order of their number
// prefix ("0001_create_exchanges.sql"); PRAGMA user_version records the
// last one applied. A migration is never edited once released: a change
// is a new file.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) { return loadMigrationDir(migrationFS, "migrations") }

// loadMigrationDir reads the numbered steps in dir of fsys, checking
// that they run 1, 2, 3… without a gap.
func loadMigrationDir(fsys embed.FS, dir string) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and '_'", e.Name())
		}
		b, err := fsys.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return out, nil
}

// SchemaVersion is the schema version this binary writes.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil {
		panic(err) // embedded files: a broken build, caught by tests
	}
	return len(ms)
}

// migrate brings the schema up to date in one immediate transaction, so
// two processes opening a fresh file at once apply each step once.
func migrate(ctx context.Context, db *sql.DB, path string) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return mapErr(err)
	}
	if v > len(ms) {
		return newerSchema(path, v)
	}
	if v == len(ms) {
		return nil
	}
	for _, m := range ms[v:] {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("history schema step %s: %w", m.name, mapErr(err))
		}
	}
	if v == 1 {
		// Schema 2 indexes notes with the exchange: index those written
		// before.
		if err := reindex(ctx, tx, `note != ''`); err != nil {
			return fmt.Errorf("history schema step 2: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(ms))); err != nil {
		return mapErr(err)
	}
	return mapErr(tx.Commit())
}

func newerSchema(path string, v int) error {
	return fmt.Errorf("%w: %s has schema version %d, this apierr knows up to %d; upgrade apierr or use --history with another file", ErrNewerSchema, path, v, SchemaVersion())
}
