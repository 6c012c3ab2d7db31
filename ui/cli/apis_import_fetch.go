package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/apierr/apierr/formats/docimport"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui/render"
)

// fetchTimeout bounds fetching a docs page, body included.
const fetchTimeout = 30 * time.Second

// fetchDocs GETs a docs page with probe, like any request apierr sends,
// and keeps the exchange in history (source apis-import). A history that
// cannot be opened costs a warning, not the import.
func fetchDocs(ctx context.Context, env *Env, rawURL string) ([]byte, error) {
	req := probe.Request{
		Method: http.MethodGet,
		URL:    rawURL,
		Header: http.Header{"Accept": {"text/html, text/markdown;q=0.9, text/plain;q=0.8, */*;q=0.5"}},
		Options: probe.Options{
			MaxTime:         fetchTimeout,
			FollowRedirects: true,
			MaxBody:         docimport.MaxInput,
		},
	}
	ex := probe.Send(ctx, req)
	ex.Source = exchange.SourceDocsFetch
	saveDocsExchange(ctx, env, &ex)
	if ex.Error != "" {
		return nil, fmt.Errorf("cannot fetch %s: %s", rawURL, ex.Error)
	}
	if ex.Response == nil {
		return nil, fmt.Errorf("cannot fetch %s: no response", rawURL)
	}
	if s := ex.Response.Status; s >= 400 {
		return nil, fmt.Errorf("fetching %s: the server answered %d %s, not the docs page; check the URL, or save the page and import the file",
			rawURL, s, http.StatusText(s))
	}
	if ex.Response.Truncated {
		fmt.Fprintf(env.Stderr, "apierr: warning: the page is larger than %d bytes; only the start was read\n", docimport.MaxInput)
	}
	return []byte(ex.Response.Body), nil
}

func saveDocsExchange(ctx context.Context, env *Env, ex *exchange.Exchange) {
	s, err := env.OpenHistory()
	if err != nil {
		fmt.Fprintf(env.Stderr, "apierr: warning: the fetch was not saved in history: %s\n", render.InertLine(err.Error()))
		return
	}
	defer s.Close()
	if _, err := s.Save(ctx, ex); err != nil {
		fmt.Fprintf(env.Stderr, "apierr: warning: the fetch was not saved in history: %s\n", render.InertLine(err.Error()))
	}
}

// maxDocsInput caps what the apis commands read from a file or stdin;
// docimport reads at most docimport.MaxInput of it.
const maxDocsInput = docimport.MaxInput + 1

// readDocsInput reads a file, or stdin for "-", as one line of error on
// failure.
func readDocsInput(env *Env, name string) ([]byte, error) {
	var r io.Reader = env.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %v", name, pathErr(err))
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxDocsInput))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", docsInputName(name), pathErr(err))
	}
	return data, nil
}

func docsInputName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}

// pathErr drops the path an *os.PathError repeats.
func pathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
