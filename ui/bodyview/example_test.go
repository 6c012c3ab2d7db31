package bodyview_test

import (
	"fmt"
	"strings"

	"github.com/apierr/apierr/ui/bodyview"
	"github.com/charmbracelet/x/ansi"
)

// A parent model holds the viewer by value, sizes it, gives it a body and
// routes messages to it. Larger bodies return a command that re-indents
// them in the background; the parent returns it like any other.
func Example() {
	body := bodyview.New(bodyview.DefaultStyles())
	body.SetSize(60, 6)
	body.Focus()
	// An OAuth 2.0 token error, as in RFC 6749, section 5.2.
	if cmd := body.SetContent([]byte(`{"error":"invalid_grant","error_description":"expired"}`), "application/json"); cmd != nil {
		body, _ = body.Update(cmd())
	}
	for _, line := range strings.Split(ansi.Strip(body.View()), "\n") {
		fmt.Println(strings.TrimRight(line, " "))
	}
	// Output:
	// {
	//   "error": "invalid_grant",
	//   "error_description": "expired"
	// }
	//
	// JSON · 4 lines · highlighted                             all
}
