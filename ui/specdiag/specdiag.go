// Package specdiag adds what an API's OpenAPI document says to the
// diagnosis of an exchange: it reads the operations index an imported
// profile names (formats/openapi), only when a response from that API
// needs it and once per process, and applies it.
package specdiag

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/openapi"
)

// Loader reads operations indexes from a profiles directory and keeps
// each one it has read until its file changes. It is safe for concurrent
// use.
type Loader struct {
	// Dir is the profiles directory the indexes' file names are relative to.
	Dir string

	mu    sync.Mutex
	cache map[string]*entry
}

type entry struct {
	once sync.Once
	// stamp is the file's modification time and size when read: a
	// profile imported again while the TUI runs is read again.
	stamp string
	ix    *openapi.Index
	err   error
}

var (
	sharedMu sync.Mutex
	shared   = map[string]*Loader{}
)

// Shared returns the process's loader for dir, so the CLI and the TUI
// read an index once however many requests need it.
func Shared(dir string) *Loader {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	l := shared[dir]
	if l == nil {
		l = &Loader{Dir: dir}
		shared[dir] = l
	}
	return l
}

// Index returns p's operations index, nil when p has none.
func (l *Loader) Index(p formats.Profile) (*openapi.Index, error) {
	if p.Operations == "" {
		return nil, nil
	}
	path := p.Operations
	if !filepath.IsAbs(path) {
		path = filepath.Join(l.Dir, path)
	}
	stamp := ""
	if fi, err := os.Stat(path); err == nil {
		stamp = fmt.Sprintf("%d/%d", fi.ModTime().UnixNano(), fi.Size())
	}
	l.mu.Lock()
	if l.cache == nil {
		l.cache = map[string]*entry{}
	}
	e := l.cache[path]
	if e == nil || e.stamp != stamp {
		e = &entry{stamp: stamp}
		l.cache[path] = e
	}
	l.mu.Unlock()
	e.once.Do(func() {
		data, err := os.ReadFile(path)
		if err != nil {
			e.err = fmt.Errorf("the operations of API profile %s cannot be read (%v); import its OpenAPI document again", p.Name, err)
			return
		}
		e.ix, e.err = openapi.DecodeIndex(data)
		if e.err != nil {
			e.err = fmt.Errorf("%s: %v; import the OpenAPI document of %s again", path, e.err, p.Name)
		}
	})
	return e.ix, e.err
}

// ApplyDiagnosis adds the document's words to d, a diagnosis of the
// answer to req, when the profile d matched has an operations index.
// A profile without one leaves d as it is; an index that cannot be read
// adds a note.
func (l *Loader) ApplyDiagnosis(reg *formats.Registry, d *formats.Diagnosis, req openapi.Request, opts openapi.ApplyOptions) {
	if d.API == "" || reg == nil {
		return
	}
	p, ok := reg.Lookup(d.API)
	if !ok || p.Operations == "" {
		return
	}
	ix, err := l.Index(p)
	if err != nil {
		d.Notes = append(d.Notes, err.Error())
		return
	}
	if req.Header == nil {
		req.Header = http.Header{}
	}
	ix.Apply(d, req, opts)
}

// Apply is ApplyDiagnosis for an exchange: the request as sent and the
// diagnosis of its response.
func (l *Loader) Apply(reg *formats.Registry, ex *exchange.Exchange, opts openapi.ApplyOptions) {
	if ex.Response == nil {
		return
	}
	l.ApplyDiagnosis(reg, &ex.Diagnosis, RequestOf(ex.Request), opts)
}

// RequestOf is an exchange's request as openapi checks it.
func RequestOf(r exchange.Request) openapi.Request {
	return openapi.Request{Method: strings.ToUpper(r.Method), URL: r.URL, Header: r.Headers, Body: r.Body}
}
