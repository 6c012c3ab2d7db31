package history

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestBusyIsErrBusy(t *testing.T) {
	old := busyTimeoutMS
	busyTimeoutMS = 100
	t.Cleanup(func() { busyTimeoutMS = old })
	a, b := twoStores(t)
	// a holds the write lock, as a long import would.
	tx, err := a.db.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE exchanges SET note = '' WHERE id = 0`); err != nil {
		t.Fatal(err)
	}
	e := sample(time.Now())
	start := time.Now()
	_, err = b.Save(context.Background(), &e)
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("Save while locked = %v, want ErrBusy", err)
	}
	if waited := time.Since(start); waited < 80*time.Millisecond {
		t.Errorf("gave up after %v, before the busy timeout", waited)
	}
	// Reading still works during the other's write (WAL).
	if _, err := b.Search(context.Background(), "", 10, 0); err != nil {
		t.Errorf("read during a write: %v", err)
	}
	tx.Rollback()
	if _, err := b.Save(context.Background(), &e); err != nil {
		t.Errorf("Save after the lock went: %v", err)
	}
}
