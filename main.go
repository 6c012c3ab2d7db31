// Command apierr debugs HTTP API errors: it sends requests (or reads a
// pasted response, curl command or HAR file), recognizes the error format,
// explains the status with the API's own docs and keeps a searchable
// history of exchanges and their request_ids. See README.md.
package main

import (
	"fmt"
	"os"

	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui"
	"github.com/apierr/apierr/ui/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0"

const usage = `apierr debugs HTTP API errors.

Usage:
  apierr                          the TUI, request view
  apierr --demo                   the TUI against the built-in demo API
  apierr send [curl flags] URL    send one request and diagnose the answer
  apierr explain STATUS | --raw FILE | --status N [--header 'K: V']... [--body-file F|-]
  apierr history                  the TUI, history browser (works offline)
  apierr history list|search|show|ticket|export|import|prune|delete|note|sync|migrate ...
  apierr apis list|show|import|add|remove|test ...
  apierr demo [--addr 127.0.0.1:PORT]
  apierr --version

Global flags:
  --history PATH|postgres://USER@HOST:5432/DB
                   history file, or a team store on PostgreSQL (default
                   $APIERR_HISTORY, else history in config.toml, else
                   $XDG_DATA_HOME/apierr/history.db)

Run 'apierr COMMAND --help' for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	probe.Version = version
	history.Version = version
	env := cli.NewEnv()
	args, hist, err := cli.SplitGlobalFlags(args)
	if err != nil {
		return env.Fail(cli.ExitUsage, "%v", err)
	}
	env.HistoryFlag = hist
	tui := func(demo, history bool) int {
		cfg, err := env.LoadConfig()
		if err != nil {
			return env.Fail(cli.ExitUsage, "%v", err)
		}
		return ui.Run(ui.Options{
			RedactNames: cfg.Redact.Names,
			HistoryPath: env.HistoryPath(),
			HistoryUser: cfg.User,
			// A team store's exchanges the server cannot take stay here.
			HistoryFallback: env.LocalHistoryPath(),
			ProfilesDir:     env.ProfilesDir(),
			HostProfiles:    env.HostProfiles(),
			RememberProfile: env.RememberProfile,
			Demo:            demo,
			History:         history,
			Stderr:          env.Stderr,
		})
	}
	if len(args) == 0 {
		return tui(false, false)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "--version", "version":
		fmt.Fprintln(env.Stdout, "apierr", version)
		return cli.ExitOK
	case "-h", "--help", "help":
		fmt.Fprint(env.Stdout, usage)
		return cli.ExitOK
	case "--demo":
		return tui(true, false)
	case "explain":
		return cli.Explain(env, rest)
	case "send":
		return cli.Send(env, rest)
	case "history":
		if len(rest) == 0 {
			return tui(false, true)
		}
		return cli.History(env, rest)
	case "apis":
		return cli.APIs(env, rest)
	case "demo":
		return cli.Demo(env, rest)
	}
	return env.Fail(cli.ExitUsage, "unknown command %q: run 'apierr --help' for the list", cmd)
}
