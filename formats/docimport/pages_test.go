package docimport

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apierr/apierr/formats"
)

// TestPublishedPages imports error pages of other APIs, each in another
// shape than the seeds (sources in testdata/*.source), and checks the
// rows a user would get.
func TestPublishedPages(t *testing.T) {
	for _, tc := range []struct {
		file       string
		kind       string
		statuses   []formats.StatusDoc // checked in full when set
		codes      []string            // error codes, in order
		codeStatus map[string]int
		format     string
		classes    []string
		warning    string // a warning that must be given
	}{
		{
			file: "discord_response_codes.md", kind: KindMarkdown,
			statuses: []formats.StatusDoc{
				st(200, "OK", "The request completed successfully", ""),
				st(201, "CREATED", "The entity was created successfully", ""),
				st(204, "NO CONTENT", "The request completed successfully but returned no content", ""),
				st(304, "NOT MODIFIED", "The entity was not modified (no action was taken)", ""),
				st(400, "BAD REQUEST", "The request was improperly formatted, or the server couldn't understand it", ""),
				st(401, "UNAUTHORIZED", "The Authorization header was missing or invalid", ""),
				st(403, "FORBIDDEN", "The Authorization token you passed did not have permission to the resource", ""),
				st(404, "NOT FOUND", "The resource at the location specified doesn't exist", ""),
				st(405, "METHOD NOT ALLOWED", "The HTTP method used is not valid for the location specified", ""),
				st(429, "TOO MANY REQUESTS", "You've made too many requests, see Rate Limits", ""),
				st(502, "GATEWAY UNAVAILABLE", "There was not a gateway available to process your request. Wait a bit and retry", ""),
			},
			codes:   []string{"10001", "10002", "10003", "10004", "20001", "30001", "40001", "50001", "50013", "50014"},
			format:  "code-message",
			classes: []string{"5xx"},
		},
		{
			file: "woocommerce_memberships_errors.md", kind: KindMarkdown,
			statuses: []formats.StatusDoc{
				st(400, "Bad Request", "Your request is invalid.", ""),
				st(401, "Unauthorized", "Authentication error.", ""),
				st(404, "Not Found", "The specified item could not be found.", ""),
				st(405, "Method Not Allowed", "The HTTP method you used isn't supported by the specified endpoint.", ""),
				st(500, "Internal Server Error", "Something may be wrong with the site.", ""),
			},
		},
		{
			file: "gitbook_http_error_codes.md", kind: KindMarkdown,
			statuses: []formats.StatusDoc{
				st(400, "Bad Request", "Malformed request syntax", "See correct format in examples."),
				st(401, "Unauthorized", "Incorrect passing of username and password", "See correct format in example"),
				st(405, "Method not Allowed", "Request method is not supported for the requested resource.", ""),
				st(429, "Too many Requests", "Exceeded rate limit on number of requests per second or per day.", "Reduce the number of requests or upgrade your plan."),
			},
			warning: `row "405 - Method not Allowed" has no solution cell`,
		},
		{
			file:       "apitube_http_response_codes.md",
			kind:       KindMarkdown,
			codes:      []string{"ValidationInputParamsError", "Unauthorized", "NotFound", "TooManyRequests", "ServerError"},
			codeStatus: map[string]int{"ValidationInputParamsError": 400, "TooManyRequests": 429, "ServerError": 500},
			warning:    "has no code; it was skipped",
		},
		{
			file: "hmrc_errors.md", kind: KindText,
			statuses: []formats.StatusDoc{
				st(200, "", "if it succeeded", ""),
				st(400, "", "for Validation failure", ""),
				st(405, "", "for Method not allowed", ""),
				st(406, "", "for Not acceptable", ""),
				st(429, "", "for request in excess of rate limit", ""),
				st(500, "", "for Internal Server Error", ""),
			},
		},
		{
			file: "saferpay_error_handling.html", kind: KindHTML,
			statuses: []formats.StatusDoc{
				st(200, "", "OK (No error)", ""),
				st(400, "", "Validation error", ""),
				st(401, "", "Authentication of the request failed", ""),
				st(402, "", "Requested action failed", ""),
				st(403, "", "Access denied", ""),
				st(406, "", "Not acceptable (wrong accept header)", ""),
				st(415, "", "Unsupported media type (wrong content-type header)", ""),
				st(500, "", "Internal error", ""),
			},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			p, rep := Import(src, Options{Name: "page", Source: tc.file})
			if rep.Kind != tc.kind {
				t.Errorf("read as %s, want %s", rep.Kind, tc.kind)
			}
			if !rep.Found() {
				t.Fatalf("nothing found:\n%s", strings.Join(rep.Lines(), "\n"))
			}
			if tc.statuses != nil && !reflect.DeepEqual(p.Statuses, tc.statuses) {
				t.Errorf("statuses:\n got %+v\nwant %+v", p.Statuses, tc.statuses)
			}
			var codes []string
			for _, e := range p.ErrorCodes {
				codes = append(codes, e.Code)
				if want, ok := tc.codeStatus[e.Code]; ok && e.Status != want {
					t.Errorf("error code %s: status %d, want %d", e.Code, e.Status, want)
				}
				if e.Description == "" {
					t.Errorf("error code %s has no description", e.Code)
				}
			}
			if !reflect.DeepEqual(codes, tc.codes) {
				t.Errorf("error codes %q, want %q", codes, tc.codes)
			}
			if p.Format != tc.format {
				t.Errorf("format %q, want %q", p.Format, tc.format)
			}
			if strings.Join(rep.AdviceClasses, ",") != strings.Join(tc.classes, ",") {
				t.Errorf("advice classes %q, want %q", rep.AdviceClasses, tc.classes)
			}
			if tc.warning != "" && !strings.Contains(strings.Join(rep.Warnings, "\n"), tc.warning) {
				t.Errorf("no warning %q in %q", tc.warning, rep.Warnings)
			}
			// Whatever was found must make a profile the registry accepts.
			data, err := Encode(p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := formats.ParseProfile(tc.file, data); err != nil {
				t.Errorf("the imported profile does not load: %v", err)
			}
		})
	}
}

func st(code int, name, desc, action string) formats.StatusDoc {
	return formats.StatusDoc{Code: code, Name: name, Description: desc, Action: action}
}
