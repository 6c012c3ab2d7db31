package redact_test

import (
	"fmt"

	"github.com/apierr/apierr/formats/redact"
)

func ExampleRedactor() {
	r := redact.Redactor{Extra: []string{"tenant_pin"}}
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
