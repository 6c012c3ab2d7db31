package probe

import (
	"net/http"
	"sort"
	"strings"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/apierr/apierr/formats/redact"
)

// CurlCommand renders a request as a curl command that reproduces it,
// secrets redacted unless showSecrets. Every argument is quoted for bash
// ('…', or $'…' when it holds control characters), so the command can be
// pasted into a shell as is; ParseCurl reads it back to the same request.
// Long commands are split with `\` continuations, one option a line.
func CurlCommand(req exchange.Request, showSecrets bool) string {
	u, h, body := req.URL, req.Headers, req.Body
	if !showSecrets {
		var r redact.Redactor
		u, h, body = r.URL(u), r.Headers(h), r.Body(body)
	}
	method := strings.ToUpper(req.Method)
	if method == "" {
		method = http.MethodGet
	}
	args := []string{"curl"}
	switch {
	case method == http.MethodHead && body == "":
		args = append(args, "--head")
	case method == http.MethodGet && body == "", method == http.MethodPost && body != "":
	default:
		args = append(args, "-X "+shellQuote(method))
	}
	args = append(args, shellQuote(u))

	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		vs := h[k]
		if len(vs) == 0 {
			// Present without a value: the request sent no such header
			// although curl would add one by default.
			args = append(args, "-H "+shellQuote(k+":"))
			continue
		}
		for _, v := range vs {
			if v == "" {
				args = append(args, "-H "+shellQuote(k+";"))
			} else {
				args = append(args, "-H "+shellQuote(k+": "+v))
			}
		}
	}
	if body != "" {
		if _, ok := h["Content-Type"]; !ok && h.Get("Content-Type") == "" {
			// curl would add a form Content-Type that was not sent.
			args = append(args, "-H "+shellQuote("Content-Type:"))
		}
		args = append(args, "--data-raw "+shellQuote(body))
	}
	if len(args) <= 3 {
		return strings.Join(args, " ")
	}
	return strings.Join(args[:2], " ") + " \\\n  " + strings.Join(args[2:], " \\\n  ")
}
