package ui

import (
	"context"
	"os"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/redact"
	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/probe/demo"
	"github.com/atotto/clipboard"
)

// defaultServices wires the TUI to the real network, history, profiles and
// demo server; r is the redactor built from the config; the Options, when
// given, say who saves and where a team store's exchanges fall back to.
func defaultServices(r *redact.Redactor, o ...Options) services {
	var opts Options
	if len(o) > 0 {
		opts = o[0]
	}
	return services{
		send:      probe.Send,
		parseCurl: probe.ParseCurl,
		curl:      probe.CurlCommand,
		openHistory: func(path string) (historyStore, error) {
			s, err := history.OpenWith(path, history.Options{Redactor: r, User: opts.HistoryUser, Fallback: opts.HistoryFallback})
			if err != nil {
				return nil, err
			}
			return storeAdapter{s}, nil
		},
		ticket: func(e exchange.Exchange, curl string) (string, error) {
			return history.TicketWith(r, e, "markdown", curl)
		},
		redactor:     r,
		loadProfiles: loadProfiles,
		startDemo:    startDemo,
		clipboard:    clipboard.WriteAll,
		now:          time.Now,
	}
}

// storeAdapter is the history package seen through historyStore.
type storeAdapter struct{ s *history.Store }

func openHistory(path string) (historyStore, error) {
	s, err := history.Open(path)
	if err != nil {
		return nil, err
	}
	return storeAdapter{s}, nil
}

func (a storeAdapter) Save(ctx context.Context, e *exchange.Exchange) (int64, error) {
	return a.s.Save(ctx, e)
}

func (a storeAdapter) Get(ctx context.Context, id int64) (exchange.Exchange, error) {
	return a.s.Get(ctx, id)
}

func (a storeAdapter) Search(ctx context.Context, query string, limit, offset int) ([]entry, error) {
	rows, err := a.s.Search(ctx, query, limit, offset)
	if err != nil {
		return nil, err
	}
	out := make([]entry, len(rows))
	for i, r := range rows {
		out[i] = entry{ID: r.ID, Time: r.Time, Method: r.Method, URL: r.URL, Status: r.Status,
			Format: r.Format, Code: r.Code, Message: r.Message, RequestID: r.RequestID, API: r.API, Note: r.Note}
		if a.s.Shared() {
			out[i].User = r.User
		}
	}
	return out, nil
}

func (a storeAdapter) Count(ctx context.Context, query string) (int64, error) {
	return a.s.Count(ctx, query)
}

// Shared reports whether the history is a team store.
func (a storeAdapter) Shared() bool { return a.s.Shared() }

func (a storeAdapter) Close() error { return a.s.Close() }

// ticket is the Markdown support ticket of e; curl is already redacted.
func ticket(e exchange.Exchange, curl string) (string, error) {
	return history.Ticket(e, "markdown", curl)
}

// loadProfiles is the built-in profiles plus the user's files; a user
// file that does not parse is reported and skipped.
func loadProfiles(dir string) (profileSet, error) {
	reg := formats.Builtin()
	builtin := map[string]bool{}
	for _, n := range reg.Names() {
		builtin[n] = true
	}
	var set profileSet
	if dir != "" {
		if _, err := os.Stat(dir); err == nil {
			user, errs := formats.LoadProfiles(os.DirFS(dir))
			for _, e := range errs {
				set.Warnings = append(set.Warnings, e.Error())
			}
			reg = reg.With(user...)
			for _, p := range user {
				builtin[p.Name] = false
			}
		}
	}
	set.Registry = reg
	for _, p := range reg.All() {
		set.Profiles = append(set.Profiles, profileInfo{Name: p.Name, Title: p.Title, Source: p.Source, User: !builtin[p.Name]})
	}
	return set, nil
}

func startDemo() (demoHandle, error) {
	srv, err := demo.Start(demo.DefaultAddr)
	if err != nil {
		return demoHandle{}, err
	}
	var routes []demoRoute
	for _, r := range demo.Routes() {
		routes = append(routes, demoRoute{Method: r.Method, Path: r.Path, API: r.API, Format: r.Format,
			Description: r.Description, Status: r.Status, Header: r.Header, Body: r.Body})
	}
	return demoHandle{URL: srv.URL(), Routes: routes, Close: func() error { srv.Close(); return nil }}, nil
}
