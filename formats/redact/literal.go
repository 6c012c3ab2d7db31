package redact

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
)

// MinLiteral is the shortest secret whose other occurrences are scrubbed
// from text. A shorter value is still redacted where it stands (in its
// header, parameter or member) but not searched for elsewhere: one to
// three bytes match ordinary words and numbers all over a body.
const MinLiteral = 4

// literals replaces known secrets, and the forms they take when a server
// echoes them, wherever they occur.
type literals struct {
	// pats are the texts to find, longest first, each with the marker of
	// the secret it encodes.
	pats []literal
}

type literal struct{ text, marker string }

// newLiterals builds the scrubber for secrets, skipping those shorter than
// minLen bytes.
func newLiterals(secrets []string, minLen int) *literals {
	l := &literals{}
	seen := map[string]bool{}
	for _, s := range secrets {
		if len(s) < minLen || strings.Contains(s, markerPrefix) {
			continue
		}
		m := Marker(s)
		for _, v := range encodings(s) {
			if len(v) >= minLen && !seen[v] {
				seen[v] = true
				l.pats = append(l.pats, literal{v, m})
			}
		}
	}
	slices.SortStableFunc(l.pats, func(a, b literal) int { return len(b.text) - len(a.text) })
	return l
}

// encodings are the forms a secret takes in what servers send back: as
// is, URL-encoded (query and path style, either hex case), JSON-escaped
// (with and without HTML escaping, with "\/"), and base64 (standard and
// URL alphabet, padded or not: Basic credentials, tokens in JSON).
func encodings(s string) []string {
	out := []string{s, url.QueryEscape(s), url.PathEscape(s)}
	for _, e := range out[1:3] {
		out = append(out, lowerHex(e))
	}
	if j, err := json.Marshal(s); err == nil {
		js := string(j[1 : len(j)-1])
		out = append(out, js, strings.ReplaceAll(js, "/", `\/`))
	}
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	if enc.Encode(s) == nil {
		js := strings.TrimSuffix(sb.String(), "\n")
		out = append(out, js[1:len(js)-1])
	}
	b := []byte(s)
	out = append(out, base64.StdEncoding.EncodeToString(b), base64.RawStdEncoding.EncodeToString(b),
		base64.URLEncoding.EncodeToString(b), base64.RawURLEncoding.EncodeToString(b))
	return out
}

// lowerHex writes the %XX escapes of s in lower case.
func lowerHex(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			for k := i + 1; k <= i+2; k++ {
				if b[k] >= 'A' && b[k] <= 'F' {
					b[k] += 'a' - 'A'
				}
			}
			i += 2
		}
	}
	return string(b)
}

// scrub replaces every occurrence of every pattern outside the markers
// already in s, so a short secret is never found inside the marker of a
// longer one.
func (l *literals) scrub(s string) string {
	if l == nil || len(l.pats) == 0 || s == "" {
		return s
	}
	for _, p := range l.pats {
		if strings.Contains(s, p.text) {
			s = replaceOutsideMarkers(s, p.text, p.marker)
		}
	}
	return s
}

func replaceOutsideMarkers(s, old, marker string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], old)
		if j < 0 {
			break
		}
		j += i
		if resume, ok := overlapsMarker(s, j, len(old)); ok {
			i = resume
			continue
		}
		b.WriteString(s[last:j])
		b.WriteString(marker)
		last = j + len(old)
		i = last
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// markerLen is the length of every marker.
const markerLen = len(markerPrefix) + 9

// overlapsMarker reports whether s[j:j+n] overlaps a marker, and where to
// search on from: after the marker when the hit starts inside it, at the
// next byte when the marker starts inside the hit.
func overlapsMarker(s string, j, n int) (int, bool) {
	for k := max(0, j-markerLen+1); k < j+n; k++ {
		x := strings.Index(s[k:min(len(s), j+n+len(markerPrefix))], markerPrefix)
		if x < 0 {
			return 0, false
		}
		k += x
		if k >= j+n {
			return 0, false
		}
		if m := markerAt(s, k); m > 0 && k+m > j {
			if k <= j {
				return k + m, true
			}
			return j + 1, true
		}
	}
	return 0, false
}
