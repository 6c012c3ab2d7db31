package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/apierr/apierr/probe"
)

func historyTicket(env *Env, args []string) int {
	format := "markdown"
	f := cmdFlags{cmd: "history ticket", values: map[string]*string{"--format": &format}}
	pos, help, err := f.parse(args)
	if help {
		fmt.Fprint(env.Stdout, historyUsage)
		return ExitOK
	}
	if err == nil && len(pos) != 1 {
		err = errors.New("give one ID or REQUEST_ID, e.g. 'apierr history ticket 12 --format text'")
	}
	if err == nil && format != "markdown" && format != "md" && format != "text" && format != "json" {
		err = fmt.Errorf("--format %q: use markdown, text or json", format)
	}
	if err != nil {
		return env.Fail(ExitUsage, "history ticket: %v", err)
	}
	s, code := env.openHistory("ticket")
	if s == nil {
		return code
	}
	defer s.Close()
	e, err := findExchange(context.Background(), s, pos[0])
	if err != nil {
		return env.historyErr("ticket", err)
	}
	curl := probe.CurlCommand(e.Request, false)
	out, err := s.Ticket(e, format, curl)
	if err != nil {
		return env.Fail(ExitUsage, "history ticket: %v", err)
	}
	fmt.Fprint(env.Stdout, out)
	return ExitOK
}
