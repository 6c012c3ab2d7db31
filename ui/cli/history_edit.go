package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/ui/render"
)

// parseID reads an exchange id as 'history list' prints it.
func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%s is not an exchange id (a number from 'apierr history list')", render.InertLine(s))
	}
	return id, nil
}

func historyDelete(env *Env, args []string) int {
	f := cmdFlags{cmd: "history delete"}
	pos, help, err := f.parse(args)
	if help {
		fmt.Fprint(env.Stdout, historyUsage)
		return ExitOK
	}
	if err == nil && len(pos) != 1 {
		err = errors.New("give one ID, e.g. 'apierr history delete 12'")
	}
	var id int64
	if err == nil {
		id, err = parseID(pos[0])
	}
	if err != nil {
		return env.Fail(ExitUsage, "history delete: %v", err)
	}
	s, code := env.openHistory("delete")
	if s == nil {
		return code
	}
	defer s.Close()
	if err := s.Delete(context.Background(), id); err != nil {
		return env.historyErr("delete", err)
	}
	fmt.Fprintf(env.Stdout, "Deleted exchange #%d.\n", id)
	return ExitOK
}

func historyNote(env *Env, args []string) int {
	f := cmdFlags{cmd: "history note"}
	pos, help, err := f.parse(args)
	if help {
		fmt.Fprint(env.Stdout, historyUsage)
		return ExitOK
	}
	if err == nil && len(pos) < 2 {
		err = errors.New(`give an ID and the text, e.g. 'apierr history note 12 "sent to vendor support"' ("" removes it)`)
	}
	var id int64
	if err == nil {
		id, err = parseID(pos[0])
	}
	if err != nil {
		return env.Fail(ExitUsage, "history note: %v", err)
	}
	text := strings.TrimSpace(strings.Join(pos[1:], " "))
	s, code := env.openHistory("note")
	if s == nil {
		return code
	}
	defer s.Close()
	if err := s.SetNote(context.Background(), id, text); err != nil {
		return env.historyErr("note", err)
	}
	if text == "" {
		fmt.Fprintf(env.Stdout, "Removed the note of exchange #%d.\n", id)
	} else {
		fmt.Fprintf(env.Stdout, "Noted on exchange #%d.\n", id)
	}
	return ExitOK
}

func historyPrune(env *Env, args []string) int {
	var olderS, keepS string
	f := cmdFlags{cmd: "history prune", values: map[string]*string{"--older-than": &olderS, "--keep": &keepS}}
	pos, help, err := f.parse(args)
	if help {
		fmt.Fprint(env.Stdout, historyUsage)
		return ExitOK
	}
	if err == nil && len(pos) > 0 {
		err = fmt.Errorf("unexpected %s: use --older-than 90d or --keep N", render.InertLine(pos[0]))
	}
	if err == nil && olderS == "" && keepS == "" {
		err = errors.New("say what to remove: --older-than 90d (d, w, h units) or --keep N (the newest N stay)")
	}
	older, err2 := history.ParseAge(olderS)
	if err == nil && olderS != "" && (err2 != nil || older == 0) {
		err = fmt.Errorf("--older-than %s: want an age such as 90d, 12w or 36h", render.InertLine(olderS))
	}
	keep := 0
	if err == nil {
		keep, err = intFlag("--keep", keepS, 0)
		if err == nil && keepS != "" && keep == 0 {
			err = errors.New("--keep 0 would delete everything; delete the file instead, or keep 1 or more")
		}
	}
	if err != nil {
		return env.Fail(ExitUsage, "history prune: %v", err)
	}
	s, code := env.openHistory("prune")
	if s == nil {
		return code
	}
	defer s.Close()
	n, err := s.Prune(context.Background(), older, keep)
	if err != nil {
		return env.historyErr("prune", err)
	}
	left, _ := s.Count(context.Background(), "")
	fmt.Fprintf(env.Stdout, "Removed %d exchanges; %d left.\n", n, left)
	return ExitOK
}
