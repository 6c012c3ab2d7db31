package docimport

import (
	"fmt"
	"testing"
)

func TestStatusListShapes(t *testing.T) {
	src := "# Errors\n\n" +
		"- 200 to 299 if it succeeded\n" +
		"- **400 Bad Request** - Malformed request syntax\n" +
		"- 401: Unauthorized\n" +
		"- 404 Resource not found\n" +
		"- 50X - Internal Server Error\n" +
		"- see also the rate limits page\n"
	p, rep := Import([]byte(src), Options{Name: "lists"})
	want := "[{400 Bad Request Malformed request syntax } {401 Unauthorized  } {404  Resource not found }]"
	if got := fmt.Sprint(p.Statuses); got != want {
		t.Errorf("statuses %s\nwant     %s", got, want)
	}
	if fmt.Sprint(rep.AdviceClasses) != "[2xx 5xx]" {
		t.Errorf("classes %v", rep.AdviceClasses)
	}
	if len(rep.Warnings) != 1 {
		t.Errorf("want one warning for the item without a status: %q", rep.Warnings)
	}
}
