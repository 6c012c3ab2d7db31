package cli

import (
	"fmt"
	"strings"

	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui/render"
)

// cmdFlags is the one flag parser of apierr's commands. Flags may stand
// anywhere among the arguments (so `history search status:5xx --json`
// works), as "--name value" or "--name=value"; "--" ends them; -h or
// --help asks for the command's usage. A command lists its flags in the
// maps, keyed by every spelling ("--header" and "-H").
type cmdFlags struct {
	// cmd is the command as typed ("explain", "history list"), for the
	// "run 'apierr CMD --help'" hint of error messages.
	cmd    string
	bools  map[string]*bool
	values map[string]*string
	// lists are repeatable flags: each value is appended.
	lists map[string]*[]string
	// passOn, when not nil, keeps every flag that is not listed above
	// among the positional arguments, in order, for another parser; it
	// reports whether that flag takes the next argument, which is then
	// kept with it verbatim whatever it looks like (send hands curl's
	// options on this way: in `-d --json` the "--json" is curl's data).
	// A "--" is kept too, with everything after it.
	passOn func(flag string) (takesValue bool)
}

// parse returns the positional arguments in order, whether help was asked
// for, or the one problem with the arguments.
func (f cmdFlags) parse(args []string) (pos []string, help bool, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			if f.passOn != nil {
				return append(pos, args[i:]...), false, nil
			}
			return append(pos, args[i+1:]...), false, nil
		case a == "-h" || a == "--help":
			return nil, true, nil
		case !strings.HasPrefix(a, "-") || a == "-":
			pos = append(pos, a)
			continue
		}
		name, val, hasVal := strings.Cut(a, "=")
		if b, ok := f.bools[name]; ok {
			if hasVal {
				return nil, false, &valueGivenError{flag: name, cmd: f.cmd}
			}
			*b = true
			continue
		}
		v, isValue := f.values[name]
		l, isList := f.lists[name]
		if !isValue && !isList {
			if f.passOn != nil {
				pos = append(pos, a)
				if f.passOn(a) && i+1 < len(args) {
					i++
					pos = append(pos, args[i])
				}
				continue
			}
			return nil, false, fmt.Errorf("unknown flag %s (run 'apierr %s --help')", render.InertLine(name), f.cmd)
		}
		if !hasVal {
			if i+1 >= len(args) {
				return nil, false, fmt.Errorf("%s needs a value (run 'apierr %s --help')", name, f.cmd)
			}
			i++
			val = args[i]
		}
		if isList {
			*l = append(*l, val)
		} else {
			*v = val
		}
	}
	return pos, false, nil
}

// valueGivenError is "--flag=value" for a flag that takes none; a command
// may explain why (send's --json is not curl's).
type valueGivenError struct{ flag, cmd string }

func (e *valueGivenError) Error() string {
	return fmt.Sprintf("%s takes no value (run 'apierr %s --help')", e.flag, e.cmd)
}

// SplitGlobalFlags takes apierr's global flags (--history PATH or
// --history=PATH) out of args, wherever they stand before a "--", and
// returns the rest. The value of a curl option of `send` is never taken
// for one (`send -d --history URL` sends the text "--history").
func SplitGlobalFlags(args []string) (rest []string, historyPath string, err error) {
	rest = make([]string, 0, len(args))
	send := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(rest, args[i:]...), historyPath, nil
		case a == "--history":
			if i+1 >= len(args) || args[i+1] == "" {
				return nil, "", fmt.Errorf("--history needs a file path or a team store URL, e.g. --history ./history.db or --history postgres://alice@db:5432/apierr")
			}
			historyPath = args[i+1]
			i++
		case strings.HasPrefix(a, "--history="):
			historyPath = strings.TrimPrefix(a, "--history=")
		default:
			if len(rest) == 0 && a == "send" {
				send = true
			}
			rest = append(rest, a)
			if send && probe.FlagTakesValue(a) && i+1 < len(args) {
				i++
				rest = append(rest, args[i])
			}
		}
	}
	return rest, historyPath, nil
}

// subcommand is one word of a command group ("history list").
type subcommand struct {
	name string
	run  func(*Env, []string) int
}

// runSubcommand runs the subcommand of group that args[0] names; help (or
// nothing at all) prints usage, an unknown name lists the known ones.
func runSubcommand(env *Env, group, usage string, subs []subcommand, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(env.Stdout, usage)
		return ExitOK
	}
	names := make([]string, len(subs))
	for i, s := range subs {
		if s.name == args[0] {
			return s.run(env, args[1:])
		}
		names[i] = s.name
	}
	list := strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	return env.Fail(ExitUsage, "unknown '%s' command %q: use %s", group, render.InertLine(args[0]), list)
}

// parseOne is parse for a command that takes at most one argument, a
// what ("profile name"); it returns that argument or "".
func (f cmdFlags) parseOne(args []string, what string) (arg string, help bool, err error) {
	pos, help, err := f.parse(args)
	switch {
	case help || err != nil:
		return "", help, err
	case len(pos) > 1:
		return "", false, fmt.Errorf("give one %s, not %q and %q", what, render.InertLine(pos[0]), render.InertLine(pos[1]))
	case len(pos) == 1:
		return pos[0], false, nil
	}
	return "", false, nil
}
