package redact_test

import (
	"fmt"
	"net/http"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/redact"
)

func ExampleRedactor() {
	r := redact.New([]string{"tenant_pin"})
	fmt.Println(r.Header("Authorization", "Bearer abc123"))
	fmt.Println(r.Header("Cookie", "session=s3cr3t; theme=dark"))
	fmt.Println(r.URL("https://api.example.com/v1/items?api_key=k-123&page=2&tenant_pin=4321"))
	fmt.Println(r.Body(`{"user":"ann","password":"hunter2","n":1}`))
	// Output:
	// Bearer [REDACTED:6ca13d52]
	// session=[REDACTED:4e738ca5]; theme=[REDACTED:e6bb5689]
	// https://api.example.com/v1/items?api_key=[REDACTED:3605a9e4]&page=2&tenant_pin=[REDACTED:fe2592b4]
	// {"user":"ann","password":"[REDACTED:f52fbd32]","n":1}
}

// A server that echoes the request puts its secrets where no name or
// shape rule would find them; Exchange scrubs them because it collected
// them from the request first.
func ExampleRedactor_Exchange() {
	r := redact.New(nil)
	e := exchange.Exchange{
		Request: exchange.Request{Method: "GET", URL: "https://api.example.com/v1/items",
			Headers: http.Header{"X-Access-Key": {"k3y-abc"}}},
		Response: &exchange.Response{Status: 401, Body: `{"error":"key k3y-abc is not valid"}`},
	}
	out := r.Exchange(e)
	fmt.Println(out.Request.Headers.Get("X-Access-Key"))
	fmt.Println(out.Response.Body)
	// Output:
	// [REDACTED:33d819eb]
	// {"error":"key [REDACTED:33d819eb] is not valid"}
}
