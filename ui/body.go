package ui

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/apierr/apierr/ui/bodyview"
)

// newBodyView is the response body viewer in the TUI's colours (plain
// under NO_COLOR).
func newBodyView(noColor bool) bodyview.Model {
	if noColor {
		return bodyview.New(bodyview.PlainStyles())
	}
	return bodyview.New(bodyview.DefaultStyles())
}

// prettyBody indents JSON bodies so a diff of two reads line by line;
// anything else is kept as sent.
func prettyBody(body string) string {
	t := strings.TrimSpace(body)
	if t == "" || len(t) > 1<<20 || (t[0] != '{' && t[0] != '[') {
		return body
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, []byte(t), "", "  "); err != nil {
		return body
	}
	return buf.String()
}
