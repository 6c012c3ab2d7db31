package demo_test

import (
	"testing"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/probe/demo"
)

// bodyClues are the APIs formats recognizes from the body alone: Occuspace
// by its problem type URI, Hanger Selector by its instance prefix, OCTO by
// its error codes. Raa Labs and TheRealReal need --api.
var bodyClues = map[string]bool{"occuspace": true, "hanger-selector": true, "octo": true}

// TestRoutesRecognized sends every route and checks formats.Detect finds
// the format family the route names and, for errors, the API profile.
func TestRoutesRecognized(t *testing.T) {
	srv := start(t)
	for _, rt := range demo.Routes() {
		if rt.Format == "transport" || rt.Slow && rt.Path != "/other/slow?seconds=5" {
			continue
		}
		t.Run(name(rt), func(t *testing.T) {
			resp, body := fetch(t, srv.URL(), quick(rt))
			d := formats.Detect(resp.StatusCode, resp.Header, body)
			if d.Format != rt.Format {
				t.Errorf("Detect: format %q, want %q", d.Format, rt.Format)
			}
			if rt.API == "" || rt.Status < 400 {
				return
			}
			if bodyClues[rt.API] && d.API != rt.API {
				t.Errorf("Detect: api %q, want %q from the body's clues", d.API, rt.API)
			}
			forced := formats.DetectWith(resp.StatusCode, resp.Header, body, formats.Options{API: rt.API})
			if forced.API != rt.API || forced.Format != rt.Format {
				t.Errorf("DetectWith --api %s: api %q format %q", rt.API, forced.API, forced.Format)
			}
			if d.RequestID == "" && forced.RequestID == "" {
				t.Errorf("Detect found no request id")
			}
		})
	}
}
