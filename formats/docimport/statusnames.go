package docimport

import (
	"net/http"
	"sort"
	"strings"
)

// knownNames returns the reason phrases a docs page may write after a
// status code, longest first, so that "Internal Server Error" is matched
// before "Internal". net/http's table (the IANA registry) is extended with
// the spellings docs commonly use.
func knownNames() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for c := 100; c < 600; c++ {
		add(http.StatusText(c))
	}
	for _, s := range []string{"Unprocessable Entity", "Payload Too Large", "Request Entity Too Large",
		"Too Many Requests", "Request Timeout", "Method Not Allowed", "Service Unavailable",
		"Gateway Timeout", "Unauthorised", "Rate Limited", "Rate Limit Exceeded", "Client Closed Request",
		"Web Server Returned an Unknown Error", "Web Server Is Down", "Connection Timed Out",
		"Origin Is Unreachable", "A Timeout Occurred", "SSL Handshake Failed", "Invalid SSL Certificate"} {
		add(s)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

var reasonPhrases = knownNames()

// cutKnownName splits "Bad RequestThe server…" into the known reason
// phrase at the start and the rest.
func cutKnownName(s string) (name, rest string, ok bool) {
	for _, n := range reasonPhrases {
		if len(s) >= len(n) && strings.EqualFold(s[:len(n)], n) {
			return s[:len(n)], strings.TrimSpace(s[len(n):]), true
		}
	}
	return "", s, false
}
