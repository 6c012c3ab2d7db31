package history_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/history/historytest"
	"github.com/jackc/pgx/v5"
)

// numbered is the i-th of a run of distinct exchanges.
func numbered(tag string, i int) exchange.Exchange {
	e := trustSample()
	e.Time = e.Time.Add(time.Duration(i) * time.Millisecond)
	e.Request.URL = fmt.Sprintf("https://api.example.com/v1/%s/%d", tag, i)
	e.Diagnosis.RequestID = fmt.Sprintf("%s-%06d", tag, i)
	return e
}

// Eight processes saving 1,000 exchanges each at once into one team
// store lose none.
func TestPostgresConcurrentProcessesLoseNothing(t *testing.T) {
	if dsn := os.Getenv("APIERR_PG_CHILD_DSN"); dsn != "" {
		tag := os.Getenv("APIERR_PG_CHILD_TAG")
		s := historytest.OpenAt(t, dsn, history.Options{User: tag})
		for i := range 1000 {
			e := numbered(tag, i)
			if _, err := s.Save(context.Background(), &e); err != nil {
				t.Fatalf("save %d: %v", i, err)
			}
		}
		return
	}
	dsn := historytest.PostgresStore(t)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	outs := make([][]byte, 8)
	for p := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(exe, "-test.run=^TestPostgresConcurrentProcessesLoseNothing$", "-test.count=1")
			cmd.Env = append(os.Environ(), "APIERR_PG_CHILD_DSN="+dsn, "APIERR_PG_CHILD_TAG=p"+strconv.Itoa(p))
			outs[p], errs[p] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for p, err := range errs {
		if err != nil {
			t.Fatalf("process %d: %v\n%s", p, err, outs[p])
		}
	}
	s := historytest.OpenAt(t, dsn, history.Options{})
	ctx := context.Background()
	if n, err := s.Count(ctx, ""); err != nil || n != 8000 {
		t.Fatalf("team store holds %d exchanges (%v), want 8000", n, err)
	}
	for p := range 8 {
		if n, _ := s.Count(ctx, "user:p"+strconv.Itoa(p)); n != 1000 {
			t.Errorf("process %d: %d saved, want 1000", p, n)
		}
	}
}

// proxy forwards TCP connections to target until cut is called, which
// drops every connection, as a server restart does.
type proxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	conns  []net.Conn
	down   bool
}

func startProxy(t *testing.T, target string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close(); p.cut(true) })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.mu.Lock()
			down := p.down
			p.mu.Unlock()
			if down {
				c.Close()
				continue
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
	return p
}

// cut drops every open connection; down keeps refusing new ones.
func (p *proxy) cut(down bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
	p.down = down
}

func viaProxy(t *testing.T, dsn string, p *proxy) string {
	u, _ := url.Parse(dsn)
	u.Host = p.ln.Addr().String()
	return u.String()
}

// When the server restarts between two saves, the next save goes through
// on a new connection; when it stays down, the exchange is kept in the
// local history, unsynced, and a later sync pushes it.
func TestPostgresServerGoneKeepsExchangeLocally(t *testing.T) {
	dsn := historytest.PostgresStore(t)
	u, _ := url.Parse(dsn)
	px := startProxy(t, u.Host)
	local := filepath.Join(t.TempDir(), "history.db")
	s := historytest.OpenAt(t, viaProxy(t, dsn, px), history.Options{Fallback: local})
	ctx := context.Background()
	e := numbered("restart", 1)
	if _, err := s.Save(ctx, &e); err != nil {
		t.Fatal(err)
	}
	px.cut(false) // a restart: connections drop, the server comes back
	e = numbered("restart", 2)
	if _, err := s.Save(ctx, &e); err != nil {
		t.Fatalf("save after a restart: %v", err)
	}
	px.cut(true) // down for good
	e = numbered("restart", 3)
	_, err := s.Save(ctx, &e)
	var kept *history.SavedLocallyError
	if !errors.As(err, &kept) || kept.Local != local || strings.Contains(err.Error(), "\n") {
		t.Fatalf("save with the server down: %v; want one line saying it is kept in %s", err, local)
	}
	ls := historytest.OpenAt(t, local, history.Options{})
	if n, _ := ls.Unsynced(ctx); n != 1 {
		t.Fatalf("local history has %d unsynced, want 1", n)
	}
	team := historytest.OpenAt(t, dsn, history.Options{})
	pushed, added, err := ls.SyncTo(ctx, team, nil)
	if err != nil || pushed != 1 || added != 1 {
		t.Fatalf("sync: %d pushed, %d added, %v", pushed, added, err)
	}
	if n, _ := team.Count(ctx, "rid:restart-"); n != 3 {
		t.Errorf("team store has %d of the 3 exchanges", n)
	}
}

// sync pushes everything once: a second run adds nothing, and a run cut
// short (here after its first batch, or after the team store committed a
// batch that was not yet marked) goes on where it stopped.
func TestSyncIdempotentAndResumable(t *testing.T) {
	dsn := historytest.PostgresStore(t)
	ctx := context.Background()
	ls := historytest.OpenAt(t, filepath.Join(t.TempDir(), "history.db"), history.Options{User: "carol"})
	xs := make([]exchange.Exchange, 1700)
	for i := range xs {
		xs[i] = numbered("sync", i)
	}
	if _, err := ls.SaveBatch(ctx, xs); err != nil {
		t.Fatal(err)
	}
	team := historytest.OpenAt(t, dsn, history.Options{})
	// Exchanges 0..99 reached the team store before (a sync killed after
	// its commit there, before marking them here).
	if _, err := team.SaveBatch(ctx, append([]exchange.Exchange(nil), xs[:100]...)); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	pushed, _, err := ls.SyncTo(cctx, team, func(int, int) { cancel() })
	if !errors.Is(err, context.Canceled) || pushed != 500 {
		t.Fatalf("cut-short sync: %d pushed, %v", pushed, err)
	}
	pushed, added, err := ls.SyncTo(ctx, team, nil)
	if err != nil || pushed != 1200 || added != 1200 {
		t.Fatalf("resumed sync: %d pushed, %d added, %v; want 1200, 1200", pushed, added, err)
	}
	if pushed, _, _ := ls.SyncTo(ctx, team, nil); pushed != 0 {
		t.Errorf("a third sync pushed %d", pushed)
	}
	if n, _ := team.Count(ctx, ""); n != 1700 {
		t.Errorf("team store holds %d, want 1700", n)
	}
	if n, _ := team.Count(ctx, "user:carol"); n != 1600 {
		t.Errorf("%d exchanges say carol saved them, want 1600 (100 came another way)", n)
	}
}

// What one terminal saves, another sees at once.
func TestPostgresTwoTerminalsSeeEachOther(t *testing.T) {
	dsn := historytest.PostgresStore(t)
	ctx := context.Background()
	a := historytest.OpenAt(t, dsn, history.Options{User: "alice"})
	b := historytest.OpenAt(t, dsn, history.Options{User: "bob"})
	for i := range 3 {
		e := numbered("alice", i)
		start := time.Now()
		if _, err := a.Save(ctx, &e); err != nil {
			t.Fatal(err)
		}
		got, err := b.Search(ctx, "rid:"+e.Diagnosis.RequestID, 10, 0)
		if err != nil || len(got) != 1 || got[0].User != "alice" {
			t.Fatalf("bob's search for alice's %s: %v, %v", e.Diagnosis.RequestID, got, err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("seen after %v", d)
		}
	}
}

// The URL's password is in no error, no Path and no stored row.
func TestPostgresPasswordNeverShown(t *testing.T) {
	dsn := historytest.PostgresStore(t)
	u, _ := url.Parse(dsn)
	const pw = "Tr0ub4dor-and-3"
	u.User = url.UserPassword(u.User.Username(), pw)
	withPW := u.String()
	s, err := history.Open(withPW)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if strings.Contains(s.Path(), pw) {
		t.Errorf("Path() = %s", s.Path())
	}
	e := numbered("pw", 1)
	e.Request.URL = strings.Replace(withPW, "postgres://", "https://", 1) // the URL in an exchange too
	if _, err := s.Save(context.Background(), &e); err != nil {
		t.Fatal(err)
	}
	conn, _ := pgx.Connect(context.Background(), dsn)
	defer conn.Close(context.Background())
	var n int
	conn.QueryRow(context.Background(), `SELECT count(*) FROM exchanges WHERE url LIKE '%'||$1||'%' OR convert_from(data, 'UTF8') LIKE '%'||$1||'%'`, pw).Scan(&n)
	if n != 0 {
		t.Error("the password reached the team store")
	}
	bad := strings.Replace(withPW, u.Host, "127.0.0.1:1", 1)
	for _, loc := range []string{bad, bad + "&sslmode=bogus", strings.Replace(bad, "postgres://", "postgres://%zz", 1)} {
		_, err := history.Open(loc)
		if err == nil || strings.Contains(err.Error(), pw) || strings.Contains(err.Error(), "\n") {
			t.Errorf("open %s: %v", history.DisplayDSN(loc), err)
		}
	}
	if _, _, err := history.Migrate(context.Background(), bad); err == nil || strings.Contains(err.Error(), pw) {
		t.Errorf("migrate: %v", err)
	}
}

// A schema newer than this binary's is refused by open and by migrate
// and left as it is; a store without the schema names the command that
// creates it.
func TestPostgresSchemaVersions(t *testing.T) {
	bare := historytest.PostgresSchema(t)
	_, err := history.Open(bare)
	if err == nil || !strings.Contains(err.Error(), "apierr history migrate") {
		t.Errorf("open before migrate: %v", err)
	}
	from, to, err := history.Migrate(context.Background(), bare)
	if err != nil || from != 0 || to != history.PostgresSchemaVersion() {
		t.Fatalf("migrate: %d → %d, %v", from, to, err)
	}
	conn, _ := pgx.Connect(context.Background(), bare)
	defer conn.Close(context.Background())
	if _, err := conn.Exec(context.Background(), `UPDATE apierr_schema SET version = 99`); err != nil {
		t.Fatal(err)
	}
	if _, err := history.Open(bare); !errors.Is(err, history.ErrNewerSchema) {
		t.Errorf("open a newer schema: %v", err)
	}
	if _, _, err := history.Migrate(context.Background(), bare); !errors.Is(err, history.ErrNewerSchema) {
		t.Errorf("migrate a newer schema: %v", err)
	}
	var v int
	conn.QueryRow(context.Background(), `SELECT version FROM apierr_schema`).Scan(&v)
	if v != 99 {
		t.Errorf("newer schema changed to %d", v)
	}
}

// The README's writer role (insert and read, no DDL) saves and searches;
// it can neither migrate nor delete.
func TestPostgresWriterRole(t *testing.T) {
	dsn := historytest.PostgresStore(t)
	ctx := context.Background()
	u, _ := url.Parse(dsn)
	schema := u.Query().Get("search_path")
	role := "w_" + schema
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{
		"CREATE ROLE " + role + " LOGIN",
		"GRANT USAGE ON SCHEMA " + schema + " TO " + role,
		"GRANT SELECT ON apierr_schema TO " + role,
		"GRANT SELECT, INSERT ON exchanges TO " + role,
		"GRANT UPDATE (note, words) ON exchanges TO " + role,
		"GRANT USAGE ON SEQUENCE exchanges_id_seq TO " + role,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		c, _ := pgx.Connect(context.Background(), dsn)
		c.Exec(context.Background(), "DROP OWNED BY "+role)
		c.Exec(context.Background(), "DROP ROLE "+role)
		c.Close(context.Background())
	})
	u.User = url.User(role)
	writer := u.String()
	s := historytest.OpenAt(t, writer, history.Options{})
	e := numbered("writer", 1)
	id, err := s.Save(ctx, &e)
	if err != nil {
		t.Fatalf("writer save: %v", err)
	}
	if err := s.SetNote(ctx, id, "seen by support"); err != nil {
		t.Errorf("writer note: %v", err)
	}
	if got, err := s.Search(ctx, "support", 10, 0); err != nil || len(got) != 1 {
		t.Errorf("writer search: %v, %v", got, err)
	}
	if err := s.Delete(ctx, id); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("writer delete: %v", err)
	}
	conn.Exec(ctx, "UPDATE apierr_schema SET version = 0")
	if _, _, err := history.Migrate(ctx, writer); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("writer migrate: %v", err)
	}
}
