package demo_test

import (
	"fmt"
	"io"
	"net/http"

	"github.com/apierr/apierr/probe/demo"
)

// Start a demo server on a free loopback port and ask OCTO for a product
// that does not exist.
func ExampleStart() {
	srv, err := demo.Start("")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL()+"/octo/products/123", nil)
	req.Header.Set("Authorization", "Bearer "+demo.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Print(resp.StatusCode, " ", string(body))
	// Output:
	// 400 {"error":"INVALID_PRODUCT_ID","errorMessage":"The Product ID was invalid or missing","productId":"123"}
}

// Routes lists an example request for every status and error code.
func ExampleRoutes() {
	for _, rt := range demo.Routes() {
		if rt.API == "raalabs" && rt.Status == 400 {
			fmt.Println(rt.Method, rt.Path, rt.Format)
		}
	}
	// Output:
	// GET /raalabs/api/v1/vessel-1/engine.main.rpm?from=2025-05-25&to=2025-05-25T09:41:00 error-string
}
