package cli

import (
	"context"
	"fmt"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/ui/render"
)

// saveExchange keeps ex in the history database and sets its ID. History
// is a convenience for send and explain: when it cannot be opened or
// written (a corrupt file, a newer schema, a full disk) the command still
// prints its result, with one warning line saying why nothing was saved.
func saveExchange(env *Env, ex *exchange.Exchange) {
	st, err := env.OpenHistory()
	if err != nil {
		fmt.Fprintf(env.Stderr, "apierr: warning: not saved to history: %s\n", render.InertLine(err.Error()))
		return
	}
	defer st.Close()
	id, err := st.Save(context.Background(), ex)
	if err != nil {
		fmt.Fprintf(env.Stderr, "apierr: warning: not saved to history: %s\n", render.InertLine(err.Error()))
		return
	}
	if ex.Source == exchange.SourceSend {
		// explain --save says so itself; send's id is for 'history show'.
		fmt.Fprintf(env.Stderr, "apierr: saved to history as #%d (apierr history show %d)\n", id, id)
	}
}
