package formats_test

import (
	"fmt"
	"net/http"

	"github.com/apierr/apierr/formats"
)

func ExampleStatusInfo() {
	e, _ := formats.StatusInfo(429)
	fmt.Println(e.Name, "|", e.Class, "|", e.Cite, "| retryable:", e.Retryable)
	// Unlisted codes fall back to their class.
	e, known := formats.StatusInfo(299)
	fmt.Println(e.Name, known)
	// Output:
	// Too Many Requests | client_error | RFC 6585, 4 | retryable: true
	// Success false
}

func ExampleDetectWith() {
	// The Occuspace docs' own example body; its problem type URI names the API.
	body := []byte(`{"type":"https://api.occuspace.io/problems/not-found","title":"Not Found","status":404,"detail":"Location 1560 not found or not accessible","instance":"/v2/locations/1560","request_id":"f1b8698f-b0e8-4fb9-82e1-ddf89029350c"}`)
	d := formats.DetectWith(404, http.Header{"Content-Type": {"application/problem+json"}}, body, formats.Options{})
	fmt.Println(d.API, "by", d.APIMatch)
	fmt.Println(d.Steps[1].Source)
	fmt.Println(d.Steps[1].Text[:73])
	// Output:
	// occuspace by problem type URI
	// 000_0d453bd9f91a630f.txt
	// Verify that the location ID in your request is correct and that your API
}

func ExampleRegistry_With() {
	mine, err := formats.ParseProfile("acme.toml", []byte(`
name = "acme"
title = "Acme"
hosts = ["*.acme.example"]
[[status]]
code = 409
name = "Conflict"
description = "The widget is being edited by someone else."
action = "Reload the widget and apply your change again."
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	reg := formats.Builtin().With(mine)
	d := formats.DetectWith(409, nil, nil, formats.Options{Profiles: reg, Host: "eu.acme.example"})
	fmt.Println(d.APIMatch)
	fmt.Println(d.Recovery[0])
	// Output:
	// host eu.acme.example
	// Reload the widget and apply your change again.
}
