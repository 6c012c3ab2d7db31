package cli

import (
	"net/http"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

// explainedExchange turns a pasted response into an exchange for history.
// No request was sent, so the request part stays empty; the response is
// kept as it was given, capped by history's own limits.
func explainedExchange(res rawResponse, d formats.Diagnosis) exchange.Exchange {
	header := res.header
	if header == nil {
		header = http.Header{}
	}
	return exchange.Exchange{
		Time:    time.Now().UTC(),
		Request: exchange.Request{Headers: http.Header{}},
		Response: &exchange.Response{
			Status:    res.status,
			Headers:   header,
			Body:      res.body,
			Truncated: res.truncated,
			Size:      res.size,
		},
		Diagnosis: d,
		Source:    exchange.SourceExplain,
	}
}
