package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/ui/render"
	tea "github.com/charmbracelet/bubbletea"
)

// fieldsRequest is the request the fields hold, as an exchange request,
// for copying as curl.
func (m model) fieldsRequest() (exchange.Request, error) {
	req, err := m.req.request()
	if err != nil {
		return exchange.Request{}, err
	}
	return exchange.Request{Method: req.Method, URL: req.URL, Headers: req.Header, Body: string(req.Body)}, nil
}

// copyCurl copies the fields' request as a curl command: its secrets
// redacted, unless withSecrets (its own key, alt+C) says otherwise.
func (m model) copyCurl(withSecrets bool) (model, tea.Cmd) {
	req, err := m.fieldsRequest()
	if err != nil {
		m.status = failure(err)
		return m, nil
	}
	text := m.svc.curl(req, withSecrets)
	what := "the request as curl (secrets redacted)"
	if withSecrets {
		what = "the request as curl WITH its secrets"
	}
	return m, copyCmd(m.out, m.inTmux, m.svc.clipboard, text, what)
}

// shownBody is the shown response's body, redacted of the request's
// secrets and of secret-shaped values, with control characters made
// visible: what leaves apierr is never raw.
func (m model) shownBody() (string, string, bool) {
	if m.cur.ex == nil || m.cur.ex.Response == nil || m.cur.ex.Response.Body == "" {
		return "", "", false
	}
	r := m.cur.ex.Response
	red := m.svc.redactor.ForRequest(m.cur.ex.Request)
	return render.Inert(red.BodyOf(r.Body, r.Headers.Get("Content-Type")), true), r.Headers.Get("Content-Type"), true
}

// copyBody copies the shown response's body.
func (m model) copyBody() (model, tea.Cmd) {
	body, _, ok := m.shownBody()
	if !ok {
		m.status = info("no response body to copy")
		return m, nil
	}
	what := fmt.Sprintf("the response body of %s (%s, secrets redacted)", exchangeLabel(*m.cur.ex), render.Size(int64(len(body))))
	return m, copyCmd(m.out, m.inTmux, m.svc.clipboard, body, what)
}

// savedBodyMsg says where the body was written, or why not.
type savedBodyMsg struct {
	path string
	err  error
}

// saveBody writes the shown response's body to a new file in the current
// directory, named after the exchange, and says where.
func (m model) saveBody() (model, tea.Cmd) {
	body, ctype, ok := m.shownBody()
	if !ok {
		m.status = info("no response body to save")
		return m, nil
	}
	name := "apierr-body"
	if m.cur.ex.ID != 0 {
		name += "-" + itoa(m.cur.ex.ID)
	}
	name += bodyExt(ctype)
	return m, func() tea.Msg {
		path := name
		for i := 2; ; i++ {
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
			if os.IsExist(err) {
				path = strings.TrimSuffix(name, filepath.Ext(name)) + fmt.Sprintf("-%d", i) + filepath.Ext(name)
				continue
			}
			if err != nil {
				return savedBodyMsg{err: err}
			}
			_, err = f.WriteString(body)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			abs, _ := filepath.Abs(path)
			return savedBodyMsg{path: abs, err: err}
		}
	}
}

// bodyExt is a file extension for a content type.
func bodyExt(ctype string) string {
	switch ct := strings.ToLower(ctype); {
	case strings.Contains(ct, "json"):
		return ".json"
	case strings.Contains(ct, "html"):
		return ".html"
	case strings.Contains(ct, "xml"):
		return ".xml"
	}
	return ".txt"
}
