package history

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Query is a parsed search: every part given must match (AND). The zero
// Query matches everything.
type Query struct {
	// Text lists words and quoted phrases that must all appear in the URL,
	// code, message, request_id or bodies.
	Text []string
	// StatusMin and StatusMax bound the status (inclusive); 0 means no
	// bound. status:404 sets both.
	StatusMin, StatusMax int
	// Class is a status class 1..5 (status:4xx), 0 for any.
	Class int
	// Code matches the error code exactly, ignoring case.
	Code string
	// RequestID matches request_ids starting with it.
	RequestID string
	// Host matches the URL's host or any subdomain of it.
	Host string
	// Method matches the request method, ignoring case.
	Method string
	// API matches the docs profile name; Format the format family id;
	// Source where the exchange came from (send, tui, har-import, ...).
	API, Format, Source string
	// User and Machine match who saved the exchange and on which
	// machine, ignoring case (a team store holds many people's).
	User, Machine string
	// After and Before bound the time (After inclusive, Before exclusive).
	After, Before time.Time
	// IsError keeps exchanges with status >= 400 or no response;
	// IsTransport those that got no response.
	IsError, IsTransport bool
}

// filters are the known "name:" prefixes, for messages and suggestions.
var filters = []string{"status", "code", "rid", "request_id", "host", "method", "api", "format", "source", "user", "machine", "after", "before", "is"}

// ParseQuery parses the search language: free words, "quoted phrases" and
// name:value filters. An error names the term that was wrong and says
// what would be right. now resolves relative dates (after:7d).
func ParseQuery(q string) (Query, error) { return parseQueryAt(q, time.Now()) }

func parseQueryAt(q string, now time.Time) (Query, error) {
	var out Query
	terms, err := splitTerms(q)
	if err != nil {
		return out, err
	}
	seen := map[string]string{}
	for _, t := range terms {
		if t.quoted {
			out.Text = append(out.Text, t.text)
			continue
		}
		name, value, ok := filterTerm(t.text)
		if !ok {
			out.Text = append(out.Text, t.text)
			continue
		}
		key := strings.ToLower(name)
		if key == "request_id" || key == "requestid" {
			key = "rid"
		}
		if !isFilter(key) {
			return out, unknownFilter(name)
		}
		if value == "" {
			return out, badQuery("'%s:' needs a value, e.g. %s", name, example(key))
		}
		if prev, dup := seen[key]; dup && key != "is" {
			return out, badQuery("'%s' and '%s' both filter on %s: keep one", prev, t.text, key)
		}
		seen[key] = t.text
		if err := out.set(key, value, t.text, now); err != nil {
			return out, err
		}
	}
	return out, nil
}

func (q *Query) set(key, value, term string, now time.Time) error {
	switch key {
	case "status":
		return q.setStatus(value, term)
	case "code":
		q.Code = value
	case "rid":
		q.RequestID = value
	case "host":
		q.Host = strings.ToLower(strings.TrimPrefix(value, "*."))
	case "method":
		q.Method = strings.ToUpper(value)
	case "api":
		q.API = strings.ToLower(value)
	case "format":
		q.Format = strings.ToLower(value)
	case "source":
		q.Source = strings.ToLower(value)
	case "user":
		q.User = value
	case "machine":
		q.Machine = value
	case "after", "before":
		t, err := parseWhen(value, now)
		if err != nil {
			return badQuery("%s is not a date (use %s:2026-11-01, %s:2026-11-01T10:00:00Z or %s:7d)", term, key, key, key)
		}
		if key == "after" {
			q.After = t
		} else {
			q.Before = t
		}
	case "is":
		switch strings.ToLower(value) {
		case "error", "err", "failed":
			q.IsError = true
		case "transport":
			q.IsTransport = true
		default:
			return badQuery("%s: use is:error (status 400 and up, or no response) or is:transport (no response)", term)
		}
	}
	return nil
}

func (q *Query) setStatus(v, term string) error {
	lv := strings.ToLower(v)
	if len(lv) == 3 && strings.HasSuffix(lv, "xx") {
		c := int(lv[0] - '0')
		if c < 1 || c > 5 {
			return badQuery("%s is not a status class (use 1xx to 5xx)", term)
		}
		q.Class = c
		return nil
	}
	if lo, hi, ok := strings.Cut(v, "-"); ok {
		a, err1 := strconv.Atoi(lo)
		b, err2 := strconv.Atoi(hi)
		if err1 != nil || err2 != nil || a < 100 || b > 599 || a > b {
			return badQuery("%s is not a status range (use e.g. status:500-504)", term)
		}
		q.StatusMin, q.StatusMax = a, b
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || (n != 0 && (n < 100 || n > 599)) {
		return badQuery("%s is not a status (use status:404, status:4xx or status:500-504)", term)
	}
	if n == 0 {
		q.IsTransport = true
		return nil
	}
	q.StatusMin, q.StatusMax = n, n
	return nil
}

// parseWhen reads a date, a date and time, or a duration back from now
// ("7d", "36h", "90m").
func parseWhen(v string, now time.Time) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01"} {
		if t, err := time.ParseInLocation(layout, v, time.UTC); err == nil {
			return t.UTC(), nil
		}
	}
	if d, err := parseAge(v); err == nil {
		return now.Add(-d).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("not a date")
}

// ParseAge reads a duration with the units people use for history: d
// (days) and w (weeks) on top of Go's h, m, s ("90d", "12w", "36h").
func ParseAge(v string) (time.Duration, error) {
	return parseAge(v)
}

func parseAge(v string) (time.Duration, error) {
	if n := len(v); n > 1 && (v[n-1] == 'd' || v[n-1] == 'w') {
		k, err := strconv.ParseFloat(v[:n-1], 64)
		if err != nil || k < 0 {
			return 0, fmt.Errorf("%q is not an age", v)
		}
		day := 24 * time.Hour
		if v[n-1] == 'w' {
			day *= 7
		}
		return time.Duration(k * float64(day)), nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not an age (use e.g. 90d, 12w or 36h)", v)
	}
	return d, nil
}

type term struct {
	text   string
	quoted bool
}

// splitTerms splits on spaces, keeping "quoted phrases" and name:"quoted
// values" whole.
func splitTerms(q string) ([]term, error) {
	var out []term
	i := 0
	for i < len(q) {
		for i < len(q) && unicode.IsSpace(rune(q[i])) {
			i++
		}
		if i >= len(q) {
			break
		}
		start := i
		if q[i] == '"' {
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 {
				return nil, badQuery("the phrase starting at %s has no closing quote", q[i:])
			}
			if phrase := q[i+1 : i+1+end]; strings.TrimSpace(phrase) != "" {
				out = append(out, term{text: phrase, quoted: true})
			}
			i += end + 2
			continue
		}
		var b strings.Builder
		for i < len(q) && !unicode.IsSpace(rune(q[i])) {
			if q[i] == '"' {
				end := strings.IndexByte(q[i+1:], '"')
				if end < 0 {
					return nil, badQuery("the term %s has no closing quote", q[start:])
				}
				b.WriteString(q[i+1 : i+1+end])
				i += end + 2
				continue
			}
			b.WriteByte(q[i])
			i++
		}
		out = append(out, term{text: b.String()})
	}
	return out, nil
}

// filterTerm splits "name:value" when name looks like a filter name (a
// word of letters and '_'); URLs and times ("https://...", "10:30") stay
// free text.
func filterTerm(t string) (name, value string, ok bool) {
	name, value, ok = strings.Cut(t, ":")
	if !ok || name == "" || strings.HasPrefix(value, "//") {
		return "", "", false
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-') {
			return "", "", false
		}
	}
	return name, value, true
}

func isFilter(key string) bool {
	for _, f := range filters {
		if f == key {
			return true
		}
	}
	return false
}

func unknownFilter(name string) error {
	best, dist := "", 3
	for _, f := range filters {
		if d := editDistance(strings.ToLower(name), f); d < dist {
			best, dist = f, d
		}
	}
	if best != "" {
		return badQuery("unknown filter '%s:' — did you mean %s:?", name, best)
	}
	known := append([]string(nil), filters...)
	sort.Strings(known)
	return badQuery("unknown filter '%s:' (known: %s:); put the term in quotes to search it as text", name, strings.Join(known, ":, "))
}

func example(key string) string {
	switch key {
	case "status":
		return "status:404 or status:5xx"
	case "after", "before":
		return key + ":2026-11-01"
	case "is":
		return "is:error"
	case "rid":
		return "rid:f1b8698f"
	case "host":
		return "host:api.example.com"
	case "method":
		return "method:POST"
	case "user":
		return "user:alice"
	case "machine":
		return "machine:build-07"
	}
	return key + ":VALUE"
}

func badQuery(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrBadQuery, fmt.Sprintf(format, args...))
}

// editDistance is the Levenshtein distance, for "did you mean".
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
