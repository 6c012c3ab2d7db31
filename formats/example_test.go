package formats_test

import (
	"fmt"
	"net/http"

	"github.com/apierr/apierr/formats"
)

// ExampleDetect recognizes the error body the Occuspace API documents: an
// RFC 7807 problem with a request_id extension.
func ExampleDetect() {
	header := http.Header{"Content-Type": {"application/problem+json"}}
	body := []byte(`{"type":"https://api.occuspace.io/problems/not-found","title":"Not Found","status":404,` +
		`"detail":"Location 1560 not found or not accessible","instance":"/v2/locations/1560",` +
		`"request_id":"f1b8698f-b0e8-4fb9-82e1-ddf89029350c"}`)

	d := formats.Detect(404, header, body)
	fmt.Println(d.Format, "-", d.FormatName)
	fmt.Println("code:", d.Code)
	fmt.Println("message:", d.Message)
	fmt.Println("request id:", d.RequestID, "from", d.RequestIDSource)
	// Output:
	// problem+json - RFC 9457 Problem Details
	// code: not-found
	// message: Location 1560 not found or not accessible
	// request id: f1b8698f-b0e8-4fb9-82e1-ddf89029350c from body request_id
}
