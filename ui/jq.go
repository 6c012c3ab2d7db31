package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/itchyny/gojq"
)

// jqOutputCap bounds what a filter may produce for the viewer: a filter
// such as [range(1e9)] must not take the memory with it.
const jqOutputCap = 64 << 20

// jqFilter is the jq prompt of the Response pane: the body shown is the
// filter's output while one is set. Each edit starts a run in a command
// and cancels the one before, so typing never waits for a large body.
type jqFilter struct {
	input  textinput.Model
	active bool // the prompt has the keys
	filter string
	tag    int
	cancel context.CancelFunc
	// result says what the filter gave ("3 results") or what is wrong
	// with it.
	result string
	failed bool
}

func newJQFilter() jqFilter {
	in := textinput.New()
	in.Prompt = "jq "
	in.Placeholder = "e.g. .errors[0].message"
	in.CharLimit = 1000
	in.Cursor.SetMode(cursor.CursorStatic)
	return jqFilter{input: in}
}

// jqMsg is the output of one run of a filter.
type jqMsg struct {
	tag    int
	out    []byte
	n      int
	err    error
	filter string
}

// jqCmd runs filter over body, as JSON, until ctx is cancelled.
func jqCmd(ctx context.Context, tag int, filter string, body string) tea.Cmd {
	return func() tea.Msg {
		msg := jqMsg{tag: tag, filter: filter}
		q, err := gojq.Parse(filter)
		if err != nil {
			msg.err = fmt.Errorf("the filter does not parse: %w", err)
			return msg
		}
		code, err := gojq.Compile(q)
		if err != nil {
			msg.err = err
			return msg
		}
		dec := json.NewDecoder(strings.NewReader(body))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			msg.err = fmt.Errorf("the body is not JSON (%v): jq reads JSON bodies only", err)
			return msg
		}
		v = numbersForJQ(v)
		var out bytes.Buffer
		iter := code.RunWithContext(ctx, v)
		for {
			r, ok := iter.Next()
			if !ok {
				break
			}
			if err, isErr := r.(error); isErr {
				msg.err = err
				break
			}
			b, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				msg.err = err
				break
			}
			out.Write(b)
			out.WriteByte('\n')
			msg.n++
			if out.Len() > jqOutputCap {
				msg.err = fmt.Errorf("the output passed %d MiB: narrow the filter", jqOutputCap>>20)
				break
			}
		}
		if ctx.Err() != nil {
			return nil // superseded by a later edit
		}
		msg.out = out.Bytes()
		return msg
	}
}

// numbersForJQ turns json.Number into the int or float64 gojq works on.
func numbersForJQ(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = numbersForJQ(e)
		}
	case []any:
		for i, e := range x {
			x[i] = numbersForJQ(e)
		}
	}
	return v
}

// jqKey handles a key while the jq prompt is open: enter keeps the
// filter, esc clears it, anything else edits it and starts a run.
func (m model) jqKey(k tea.KeyMsg) (model, tea.Cmd) {
	j := &m.jq
	switch k.Type {
	case tea.KeyEnter:
		j.active = false
		j.input.Blur()
		return m, nil
	case tea.KeyEsc:
		j.active = false
		j.input.Blur()
		j.input.SetValue("")
		return m, m.runJQ("")
	}
	var cmd tea.Cmd
	before := j.input.Value()
	j.input, cmd = j.input.Update(k)
	if j.input.Value() == before {
		return m, cmd
	}
	return m, tea.Batch(cmd, m.runJQ(j.input.Value()))
}

// runJQ starts the filter over the shown body, cancelling the run before;
// an empty filter shows the body as it came.
func (m *model) runJQ(filter string) tea.Cmd {
	j := &m.jq
	if j.cancel != nil {
		j.cancel()
		j.cancel = nil
	}
	j.tag++
	j.filter = strings.TrimSpace(filter)
	if m.cur.ex == nil || m.cur.ex.Response == nil {
		j.result, j.failed = "no response to filter", true
		return nil
	}
	r := m.cur.ex.Response
	if j.filter == "" {
		j.result, j.failed = "", false
		return m.resp.body.SetContent([]byte(r.Body), r.Headers.Get("Content-Type"))
	}
	ctx, cancel := context.WithCancel(context.Background())
	j.cancel = cancel
	j.result, j.failed = "running…", false
	return jqCmd(ctx, j.tag, j.filter, r.Body)
}

// onJQ shows a filter's output, unless a later edit superseded it.
func (m model) onJQ(msg jqMsg) (model, tea.Cmd) {
	j := &m.jq
	if msg.tag != j.tag {
		return m, nil
	}
	j.cancel = nil
	if msg.err != nil {
		j.result, j.failed = msg.err.Error(), true
		return m, nil
	}
	j.result, j.failed = fmt.Sprintf("%d result(s)", msg.n), false
	return m, m.resp.body.SetContent(msg.out, "application/json")
}
