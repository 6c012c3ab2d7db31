package ui

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui/render"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
)

// methods is the cycle of the method selector; a method filled in from
// curl or history that is not listed is kept as it is.
var methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}

// requestEditor is the method selector, the URL bar and the headers and
// body editors.
type requestEditor struct {
	method  string
	url     textinput.Model
	headers textarea.Model
	body    textarea.Model
}

func newRequestEditor() requestEditor {
	u := textinput.New()
	u.Prompt = ""
	u.Placeholder = "https://api.example.com/v1/things  (or paste a curl command)"
	u.CharLimit = 0
	h := textarea.New()
	h.Placeholder = "Header-Name: value"
	h.ShowLineNumbers = false
	h.Prompt = ""
	h.CharLimit = 0
	b := textarea.New()
	b.Placeholder = "request body"
	b.ShowLineNumbers = false
	b.Prompt = ""
	b.CharLimit = 0
	b.MaxHeight = 0
	h.MaxHeight = 0
	return requestEditor{method: "GET", url: u, headers: h, body: b}
}

// cycleMethod moves the selector to the next method.
func (r *requestEditor) cycleMethod() {
	for i, m := range methods {
		if m == r.method {
			r.method = methods[(i+1)%len(methods)]
			return
		}
	}
	r.method = methods[0]
}

// fill replaces every field.
func (r *requestEditor) fill(method, url string, header http.Header, body string) {
	if method == "" {
		method = "GET"
	}
	r.method = render.InertLine(strings.ToUpper(method))
	r.url.SetValue(render.InertLine(url))
	// The host is what a person checks first.
	r.url.CursorStart()
	r.headers.SetValue(safeText(formatHeaders(header)))
	r.body.SetValue(safeText(body))
}

// safeText keeps text as it is unless it holds characters that could drive
// the terminal (a saved or imported request may come from anywhere); then
// they are made visible, as everything from outside is.
func safeText(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool {
		return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0)
	}) {
		return render.Inert(s, true)
	}
	return s
}

// request builds what to send from the fields, or says what is wrong.
func (r requestEditor) request() (probe.Request, error) {
	url := strings.TrimSpace(r.url.Value())
	if url == "" {
		return probe.Request{}, fmt.Errorf("type a URL first, e.g. https://api.example.com/v1/things")
	}
	// A URL that cannot be sent (no scheme, say) is a typing slip to fix,
	// as with apierr send, not an exchange to diagnose and keep.
	if err := probe.CheckURL(url); err != nil {
		return probe.Request{}, err
	}
	h, err := parseHeaders(r.headers.Value())
	if err != nil {
		return probe.Request{}, err
	}
	req := probe.Request{Method: r.method, URL: url, Header: h}
	if b := r.body.Value(); b != "" {
		req.Body = []byte(b)
	}
	return req, nil
}

// update hands a key to the field with focus and reports whether its
// value changed (an edit makes an exchange opened from history live).
func (r *requestEditor) update(f focus, msg tea.Msg) (bool, tea.Cmd) {
	var cmd tea.Cmd
	switch f {
	case focusURL:
		before := r.url.Value()
		r.url, cmd = r.url.Update(msg)
		return before != r.url.Value(), cmd
	case focusHeaders:
		before := r.headers.Value()
		r.headers, cmd = r.headers.Update(msg)
		return before != r.headers.Value(), cmd
	case focusBody:
		before := r.body.Value()
		r.body, cmd = r.body.Update(msg)
		return before != r.body.Value(), cmd
	}
	return false, nil
}

// focus moves the cursor into field f and out of the others.
func (r *requestEditor) focus(f focus) tea.Cmd {
	r.url.Blur()
	r.headers.Blur()
	r.body.Blur()
	switch f {
	case focusURL:
		return r.url.Focus()
	case focusHeaders:
		return r.headers.Focus()
	case focusBody:
		return r.body.Focus()
	}
	return nil
}

// parseHeaders reads "Name: value" lines; blank lines are skipped.
func parseHeaders(s string) (http.Header, error) {
	h := http.Header{}
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, fmt.Errorf("header line %d %q is not \"Name: value\": fix it in the headers pane", i+1, line)
		}
		h.Add(name, strings.TrimSpace(value))
	}
	return h, nil
}

// formatHeaders writes headers one "Name: value" per line, sorted.
func formatHeaders(h http.Header) string {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		for _, v := range h[k] {
			b.WriteString(k + ": " + v + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}
