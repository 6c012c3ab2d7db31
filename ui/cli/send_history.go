package cli

import (
	"context"
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
	var st *history.Store
	var err error
	if r == nil {
		st, err = env.OpenHistory()
	} else {
		st, err = env.openHistoryWith(r)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "apierr: warning: not saved to history: %s\n", render.InertLine(err.Error()))
		return
	}
	defer st.Close()
	if _, err := st.Save(context.Background(), ex); err != nil {
		fmt.Fprintf(env.Stderr, "apierr: warning: not saved to history: %s\n", render.InertLine(err.Error()))
	}
}
