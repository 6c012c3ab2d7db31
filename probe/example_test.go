package probe_test

import (
	"fmt"
	"net/http"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/probe"
)

func ExampleParseCurl() {
	req, err := probe.ParseCurl(`curl 'https://api.example.test/v1/orders' \
  -H 'content-type: application/json' \
  --data-raw $'{"note":"it\'s urgent"}' --compressed -m 5`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(req.Method, req.URL)
	fmt.Println(req.Header.Get("Content-Type"), string(req.Body))
	fmt.Println(req.Options.Compressed, req.Options.MaxTime)
	// Output:
	// POST https://api.example.test/v1/orders
	// application/json {"note":"it's urgent"}
	// true 5s
}

func ExampleCurlCommand() {
	fmt.Println(probe.CurlCommand(exchange.Request{
		Method:  "POST",
		URL:     "https://api.example.test/v1/orders",
		Headers: http.Header{"Content-Type": {"application/json"}},
		Body:    "{\"note\":\"two\nlines\"}",
	}, false))
	// Output:
	// curl https://api.example.test/v1/orders \
	//   -H 'Content-Type: application/json' \
	//   --data-raw $'{"note":"two\nlines"}'
}

func ExampleParseCurl_badInput() {
	_, err := probe.ParseCurl(`curl api.example.test/v1/orders`)
	fmt.Println(err)
	// Output:
	// URL "api.example.test/v1/orders" has no scheme: did you mean https://api.example.test/v1/orders ?
}
