package ui

import (
	"context"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/openapi"
	"github.com/apierr/apierr/probe"
	"github.com/apierr/apierr/ui/specdiag"
)

// withSpec wraps send so that an answer from an API whose profile came
// from an OpenAPI document is tied to its operation, and a 4xx lists
// where the request breaks the document. The operations are read from
// dir only when such an answer arrives.
func withSpec(send func(context.Context, probe.Request) exchange.Exchange, dir string) func(context.Context, probe.Request) exchange.Exchange {
	return func(ctx context.Context, req probe.Request) exchange.Exchange {
		ex := send(ctx, req)
		if ex.Response != nil {
			specdiag.Shared(dir).Apply(req.Options.Profiles, &ex, openapi.ApplyOptions{})
		}
		return ex
	}
}

// applySpec is withSpec's work for a response explained again.
func applySpec(dir string, reg *formats.Registry, d *formats.Diagnosis, req exchange.Request) {
	if req.Method == "" || req.URL == "" {
		return
	}
	specdiag.Shared(dir).ApplyDiagnosis(reg, d, specdiag.RequestOf(req), openapi.ApplyOptions{})
}
