package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/ui/render"
)

// historyMigrate is `apierr history migrate`: it creates or upgrades the
// team store's schema. It needs a role allowed to create tables; everyday
// use needs only one that can insert and read.
func historyMigrate(env *Env, args []string) int {
	f := cmdFlags{cmd: "history migrate"}
	pos, help, err := f.parse(args)
	if help {
		fmt.Fprint(env.Stdout, historyUsage)
		return ExitOK
	}
	if err == nil && len(pos) > 0 {
		err = fmt.Errorf("takes no arguments: the team store is --history postgres://… (or APIERR_HISTORY, or history in config.toml)")
	}
	if err != nil {
		return env.Fail(ExitUsage, "history migrate: %v", err)
	}
	loc := env.HistoryPath()
	if !history.IsRemote(loc) {
		fmt.Fprintf(env.Stdout, "%s is a local file: apierr brings its schema up to date whenever it opens it; migrate is for a team store (--history postgres://…).\n", render.InertLine(loc))
		return ExitOK
	}
	from, to, err := history.Migrate(context.Background(), loc)
	if err != nil {
		return env.Fail(ExitUsage, "history migrate: %s", render.InertLine(err.Error()))
	}
	if from == to {
		fmt.Fprintf(env.Stdout, "%s: schema version %d, up to date.\n", history.DisplayDSN(loc), to)
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "%s: schema version %d → %d.\n", history.DisplayDSN(loc), from, to)
	return ExitOK
}

// historySync is `apierr history sync --to postgres://…`: it pushes the
// local history's unsynced exchanges (all of them the first time, then
// those kept locally while the team store was down) to the team store.
func historySync(env *Env, args []string) int {
	var to string
	f := cmdFlags{cmd: "history sync", values: map[string]*string{"--to": &to}}
	pos, help, err := f.parse(args)
	if help {
		fmt.Fprint(env.Stdout, historyUsage)
		return ExitOK
	}
	if err == nil && len(pos) > 0 {
		err = fmt.Errorf("unexpected %s: the only argument is --to postgres://…", render.InertLine(pos[0]))
	}
	if err == nil && to == "" {
		if loc := env.HistoryPath(); history.IsRemote(loc) {
			to = loc // the configured team store
		} else {
			err = errors.New("say where: --to postgres://USER@HOST:5432/DB")
		}
	}
	if err == nil && !history.IsRemote(to) {
		err = fmt.Errorf("--to %s: give a team store's postgres:// URL", render.InertLine(history.DisplayDSN(to)))
	}
	if err != nil {
		return env.Fail(ExitUsage, "history sync: %v", err)
	}
	local, err := env.OpenHistoryAt(env.LocalHistoryPath())
	if err != nil {
		return env.Fail(ExitUsage, "history sync: %s", render.InertLine(err.Error()))
	}
	defer local.Close()
	team, err := env.OpenHistoryAt(to)
	if err != nil {
		return env.Fail(ExitUsage, "history sync: %s", render.InertLine(err.Error()))
	}
	defer team.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	pushed, added, err := local.SyncTo(ctx, team, nil)
	if err != nil {
		return env.Fail(ExitUsage, "history sync: %s (%d pushed before; running sync again goes on from there)", render.InertLine(err.Error()), pushed)
	}
	fmt.Fprintf(env.Stdout, "Pushed %s from %s to %s: %d new there, %d it had already.\n",
		plural(pushed, "exchange", "exchanges"), render.InertLine(local.Path()), team.Path(), added, pushed-added)
	return ExitOK
}
