package formats

import (
	"net/http"
	"testing"
)

// HTML pages are read with a tokenizer: markup that a browser does not
// show (comments, scripts, styles) never becomes the title or the message.
func TestRecognizeHTMLSkipsHiddenMarkup(t *testing.T) {
	tests := []struct {
		name, body, title, message string
	}{
		{"commented-out title",
			`<html><head><!-- <title>Old title</title> --><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>`,
			"502 Bad Gateway", "Bad Gateway"},
		{"h1 inside a script",
			`<html><head><title>Error</title><script>document.write("<h1>Loading...</h1>")</script></head><body><h1>Service Unavailable</h1></body></html>`,
			"Error", "Service Unavailable"},
		{"h1 inside a style and a comment",
			`<html><style>/* <h1>x</h1> */ h1 {color: red}</style><!--<h1>hidden</h1>--><h1>Not Found</h1><p>The page is gone.</p></html>`,
			"", "Not Found"},
		{"entities decoded once",
			`<html><title>A &amp;lt; B</title><h1>Fish &amp; Chips</h1></html>`,
			"A &lt; B", "Fish & Chips"},
		{"inner tags removed",
			`<html><h1>Error <small>404</small></h1></html>`,
			"", "Error 404"},
		{"Express pre",
			`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><pre>Cannot GET /nope</pre></body></html>`,
			"Error", "Cannot GET /nope"},
		{"unclosed heading at the end",
			`<html><h1>Internal Server Error`,
			"", "Internal Server Error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Detect(500, http.Header{"Content-Type": {"text/html"}}, []byte(tt.body))
			if d.Format != "html" || d.Title != tt.title || d.Message != tt.message {
				t.Errorf("format %q title %q message %q, want html %q %q", d.Format, d.Title, d.Message, tt.title, tt.message)
			}
		})
	}
}
