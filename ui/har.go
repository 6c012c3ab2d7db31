package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/history"
	tea "github.com/charmbracelet/bubbletea"
)

// harQuery is the history filter the browser opens on after an import:
// the imported exchanges that failed, which is what a support engineer
// came for.
const harQuery = "source:" + exchange.SourceHARImport + " is:error"

// isHARPath reports whether the URL bar holds the path of a HAR file
// (as a support ticket attaches one) rather than a URL.
func isHARPath(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), `'"`)
	return strings.HasSuffix(strings.ToLower(s), ".har") && !strings.Contains(s, "://") && !strings.ContainsAny(s, "\n")
}

// harImportedMsg says how an import went.
type harImportedMsg struct {
	path         string
	saved, fails int
	err          error
}

// harImportCmd reads the HAR file at path, diagnoses its entries with the
// profiles and saves them to the history.
func harImportCmd(st historyStore, reg *formats.Registry, path string) tea.Cmd {
	return func() tea.Msg {
		msg := harImportedMsg{path: path}
		f, err := os.Open(path)
		if err != nil {
			msg.err = err
			return msg
		}
		defer f.Close()
		exs, err := history.ImportHARWith(f, exchange.SourceHARImport, reg)
		if err != nil {
			msg.err = err
			return msg
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		for i := range exs {
			if _, err := st.Save(ctx, &exs[i]); err != nil {
				msg.err = fmt.Errorf("saved %d of %d entries: %w", msg.saved, len(exs), err)
				return msg
			}
			msg.saved++
			if exs[i].Diagnosis.Status == 0 || exs[i].Diagnosis.Status >= 400 {
				msg.fails++
			}
		}
		return msg
	}
}

// importHAR starts the import of the HAR file the URL bar names.
func (m model) importHAR(s string) (model, tea.Cmd) {
	path := strings.Trim(strings.TrimSpace(s), `'"`)
	if strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[2:])
		}
	}
	if m.store == nil {
		m.status = failure(fmt.Errorf("cannot import %s: the history is not open", path))
		return m, nil
	}
	m.status = info("importing %s…", path)
	return m, harImportCmd(m.store, m.profiles.Registry, path)
}

// onHARImported opens the history on the imported errors, or says why
// the file could not be imported.
func (m model) onHARImported(msg harImportedMsg) (model, tea.Cmd) {
	if msg.err != nil {
		m.status = failure(fmt.Errorf("could not import %s: %w", msg.path, msg.err))
		return m, nil
	}
	m.hist.query.SetValue(harQuery)
	if msg.fails == 0 {
		m.hist.query.SetValue("source:" + exchange.SourceHARImport)
	}
	// A new filter: the browser starts from its first match.
	m.hist.rows, m.hist.base, m.hist.total = nil, 0, -1
	m.hist.list.cursor, m.hist.list.offset = 0, 0
	m, cmd := m.openHistory()
	m.status = info("imported %d entries from %s, %d of them errors: the browser shows the imported %s",
		msg.saved, filepath.Base(msg.path), msg.fails, map[bool]string{true: "errors", false: "exchanges"}[msg.fails > 0])
	return m, cmd
}
