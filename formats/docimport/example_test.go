package docimport_test

import (
	"fmt"

	"github.com/apierr/apierr/formats/docimport"
)

// A Markdown error page becomes a profile; the report says what was
// found and what was not.
func ExampleImport() {
	page := []byte(`# Errors

| Code | Name | Description |
|------|------|-------------|
| 404 | Not Found | No order has this id. |
| 429 | Too Many Requests | More than 10 orders a second. |

## Rate limiting

If you receive a 429 status code:

- Wait for the time given in Retry-After
- Send fewer requests
`)
	p, rep := docimport.Import(page, docimport.Options{Name: "acme", Hosts: []string{"api.acme.test"}})
	for _, s := range p.Statuses {
		fmt.Println(s.Code, s.Name, "-", s.Description)
	}
	for _, a := range p.Advice {
		fmt.Println(a.Statuses, a.Intro, a.Steps)
	}
	fmt.Println(rep.Lines()[1])
	// Output:
	// 404 Not Found - No order has this id.
	// 429 Too Many Requests - More than 10 orders a second.
	// [429] If you receive a 429 status code: [Wait for the time given in Retry-After Send fewer requests]
	// status codes: 2 rows
}
