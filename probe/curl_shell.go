package probe

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// splitCommand splits a bash command line into the words of its one
// command, as bash would: '…', "…", $'…' (ANSI-C quoting, used by
// browsers' "Copy as cURL"), backslashes and `\` + newline continuations.
// Variables ($NAME, ${NAME}) are kept as ${NAME}, which Request.Expand
// fills from the environment or an --env-file, so a secret never has to be
// pasted. Anything the shell would do besides running that one command is
// refused, saying what it is: a pipe or a second command (`| jq .`,
// `; rm …`), a redirect, a command substitution, an assignment.
func splitCommand(line string) ([]string, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(line), "")
	if err != nil {
		return nil, shellSyntaxError(line, err)
	}
	if trailingBackslash(line) {
		return nil, errors.New(`the command ends with a "\" that continues it on a next line, but there is none: paste the whole command, or remove the last "\"`)
	}
	if len(f.Stmts) == 0 {
		return nil, nil
	}
	call, err := onlyCommand(line, f)
	if err != nil {
		return nil, err
	}
	var words []string
	for _, w := range call.Args {
		lit, err := literalWord(line, w)
		if err != nil {
			return nil, err
		}
		fields, err := expand.Fields(nil, lit)
		if err != nil {
			return nil, fmt.Errorf("cannot read %q: %v", clip(source(line, w), 40), err)
		}
		words = append(words, fields...)
	}
	return words, nil
}

// onlyCommand returns the simple command f consists of, or says what else
// f holds that apierr would have to drop.
func onlyCommand(line string, f *syntax.File) (*syntax.CallExpr, error) {
	st := f.Stmts[0]
	for {
		b, ok := st.Cmd.(*syntax.BinaryCmd)
		if !ok {
			break
		}
		st = b.X // a | b, a && b: the first command is curl's
	}
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) == 0 {
		return nil, fmt.Errorf("%q is not a simple command: paste the curl command alone", clip(source(line, f.Stmts[0]), 40))
	}
	if len(call.Assigns) > 0 {
		a := call.Assigns[0]
		return nil, fmt.Errorf("the assignment %q before the command is not used: put it in an --env-file, or export it, and paste the curl command alone", clip(source(line, a), 40))
	}
	if len(st.Redirs) > 0 {
		r := st.Redirs[0]
		return nil, fmt.Errorf("the redirect %q is not done by apierr, which shows the whole response: remove it and paste the curl command alone", clip(source(line, r), 40))
	}
	end := int(call.End().Offset())
	rest := strings.TrimSpace(line[end:])
	if before := strings.TrimSpace(line[:call.Pos().Offset()]); before != "" {
		return nil, fmt.Errorf("%q before the command would be dropped: paste the curl command alone", clip(before, 40))
	}
	if rest != "" && !strings.HasPrefix(rest, "#") {
		hint := "send one command at a time"
		if strings.HasPrefix(rest, "|") && !strings.HasPrefix(rest, "||") {
			hint = "to filter the output, pipe 'apierr send --json ...' instead"
		}
		return nil, fmt.Errorf("apierr sends the curl request only, and would drop %q after it: remove that part (%s)", clip(rest, 40), hint)
	}
	return call, nil
}

// literalWord rewrites w for expand.Fields: each variable becomes the text
// ${NAME} (for Request.Expand), each $'…' its decoded bytes (expand would
// cut them at a NUL, hiding it from the checks that refuse it), and what
// would run a command is refused.
func literalWord(line string, w *syntax.Word) (*syntax.Word, error) {
	parts, err := literalParts(line, w.Parts)
	if err != nil {
		return nil, err
	}
	return &syntax.Word{Parts: parts}, nil
}

func literalParts(line string, parts []syntax.WordPart) ([]syntax.WordPart, error) {
	out := make([]syntax.WordPart, 0, len(parts))
	for _, p := range parts {
		switch p := p.(type) {
		case *syntax.ParamExp:
			if p.Param == nil || !validVarName(p.Param.Value) || !simpleParam(p) {
				return nil, fmt.Errorf("the shell expansion %q is not evaluated by apierr: write ${NAME} for a variable, or the value itself", clip(source(line, p), 40))
			}
			out = append(out, &syntax.SglQuoted{Value: "${" + p.Param.Value + "}"})
		case *syntax.SglQuoted:
			if p.Dollar {
				s, _, err := expand.Format(nil, p.Value, nil)
				if err != nil {
					return nil, fmt.Errorf("cannot decode %q: %v", clip(source(line, p), 40), err)
				}
				out = append(out, &syntax.SglQuoted{Value: s})
				continue
			}
			out = append(out, p)
		case *syntax.DblQuoted:
			inner, err := literalParts(line, p.Parts)
			if err != nil {
				return nil, err
			}
			out = append(out, &syntax.DblQuoted{Parts: inner})
		case *syntax.CmdSubst, *syntax.ProcSubst, *syntax.ArithmExp:
			return nil, fmt.Errorf("%q would run a command or a calculation, which apierr does not do: put its result in the command instead", clip(source(line, p), 40))
		default:
			out = append(out, p)
		}
	}
	return out, nil
}

// simpleParam reports whether p is $NAME or ${NAME}, with no operator.
func simpleParam(p *syntax.ParamExp) bool {
	return !p.Excl && !p.Length && !p.Width && p.Index == nil && p.Slice == nil &&
		p.Repl == nil && p.Exp == nil && p.Names == 0
}

// source is the text of node n in line.
func source(line string, n syntax.Node) string {
	start, end := int(n.Pos().Offset()), int(n.End().Offset())
	if start < 0 || end > len(line) || start > end {
		return ""
	}
	return line[start:end]
}

// trailingBackslash reports whether line, which parsed (so has no open
// quote), ends with an unescaped "\": a continuation with nothing to
// continue.
func trailingBackslash(line string) bool {
	line = strings.TrimRight(line, " \t\r\n")
	n := len(line) - len(strings.TrimRight(line, `\`))
	return n%2 == 1
}

// shellSyntaxError turns the parser's error into one line saying what to
// close or remove, with the column where it starts.
func shellSyntaxError(line string, err error) error {
	var pe syntax.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("cannot read the command: %v", err)
	}
	col := int(pe.Pos.Col())
	if off := int(pe.Pos.Offset()); off >= 0 && off <= len(line) {
		col = utf8.RuneCountInString(line[:off]) + 1
	}
	if strings.Contains(pe.Text, "without closing quote") {
		// The error is at the opening quote.
		q := line[pe.Pos.Offset():]
		switch {
		case strings.HasPrefix(q, "$'"):
			return fmt.Errorf("unbalanced $' quote opened at column %d: close it with '", col)
		case strings.HasPrefix(q, "$\""):
			q = q[1:]
		}
		if q != "" && (q[0] == '\'' || q[0] == '"') {
			return fmt.Errorf("unbalanced %c quote opened at column %d: close it with %c", q[0], col, q[0])
		}
	}
	if strings.Contains(pe.Text, "invalid UTF-8") {
		return fmt.Errorf("the command holds bytes that are not UTF-8 at column %d: write them as $'\\xNN' escapes", col)
	}
	return fmt.Errorf("the command is not one bash can read (column %d: %s): paste the curl command alone", col, pe.Text)
}

// singleQuote quotes s for a POSIX shell with single quotes.
func singleQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// shellQuote quotes s for bash: bare when it is made of safe characters,
// '…' when printable, $'…' when it holds control characters or bytes that
// are not UTF-8 (which '…' cannot carry visibly or safely).
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool { return !isSafeShellRune(r) }) < 0 {
		return s
	}
	if utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 }) < 0 {
		return singleQuote(s)
	}
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\'':
			b.WriteString(`\'`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('\'')
	return b.String()
}

func isSafeShellRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:@%+,=", r)
}
