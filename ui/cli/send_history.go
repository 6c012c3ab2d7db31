package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/redact"
	"github.com/apierr/apierr/history"
	"github.com/apierr/apierr/ui/render"
)

// saveExchange keeps ex in the history database and sets its ID. History
// is a convenience for send and explain: when it cannot be opened or
// written (a corrupt file, a newer schema, a full disk) the command still
// prints its result, with one warning line saying why nothing was saved.
func saveExchange(env *Env, ex *exchange.Exchange) { saveRedacted(env, nil, ex) }

// saveRedacted is saveExchange with the redactor the command built (nil:
// build it from the config).
func saveRedacted(env *Env, r *redact.Redactor, ex *exchange.Exchange) {
	st, err := env.openHistoryWith(history.Options{Redactor: r})
	if errors.Is(err, history.ErrUnreachable) {
		// The team store is down: keep the exchange here, unsynced.
		local, lerr := env.openHistoryAt(env.LocalHistoryPath(), history.Options{Redactor: r})
		if lerr == nil {
			defer local.Close()
			if _, lerr = local.Save(context.Background(), ex); lerr == nil {
				// Its id is the local file's, not the team store's that
				// 'history show' reads: the warning says where it is.
				ex.ID = 0
				err = &history.SavedLocallyError{Local: local.Path(), Err: err}
				fmt.Fprintf(env.Stderr, "apierr: warning: %s\n", render.InertLine(err.Error()))
				return
			}
		}
		err = fmt.Errorf("%w; and the local history could not keep it either: %v", err, lerr)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "apierr: warning: not saved to history: %s\n", render.InertLine(err.Error()))
		return
	}
	defer st.Close()
	_, err = st.Save(context.Background(), ex)
	var local *history.SavedLocallyError
	switch {
	case errors.As(err, &local):
		fmt.Fprintf(env.Stderr, "apierr: warning: %s\n", render.InertLine(err.Error()))
		return
	case err != nil:
		fmt.Fprintf(env.Stderr, "apierr: warning: not saved to history: %s\n", render.InertLine(err.Error()))
		return
	}
}
