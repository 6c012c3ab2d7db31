package openapi

import (
	"bytes"
	"regexp"
)

// sniffRE finds the version member of an OpenAPI or Swagger document:
// a top-level YAML key at the start of a line, or a JSON member.
var sniffRE = regexp.MustCompile(`(?m)^(?:openapi:\s*["']?3\.|swagger:\s*["']?2)|"(?:openapi"\s*:\s*"3\.|swagger"\s*:\s*"2)`)

// Sniff tells cheaply, without parsing, whether data looks like an
// OpenAPI 3.x or Swagger 2.0 document. Load decides for certain.
func Sniff(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(t) == 0 || t[0] == '<' {
		return false
	}
	return sniffRE.Match(data)
}
