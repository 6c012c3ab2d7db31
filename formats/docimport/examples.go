package docimport

import (
	"bytes"
	"encoding/json"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/apierr/apierr/formats"
)

// examples keeps the page's example error bodies, recognizes their
// format with formats.Detect, and learns from them which extra members
// accompany each error code.
func (x *extractor) examples() {
	families := map[string]int{}
	var order []string
	for i, b := range x.doc {
		if x.used[i] || b.kind != bCode {
			continue
		}
		body := strings.TrimSpace(b.text)
		tstatus := 0
		if !isBody(body) {
			// A response transcript: "HTTP/1.1 404 Not Found", headers,
			// a blank line, the body.
			var ok bool
			if tstatus, body, ok = httpTranscript(body); !ok {
				continue
			}
		}
		x.used[i] = true
		ex := formats.Example{Body: body}
		heading, hstatus := x.headingBefore(i)
		ex.Title = heading
		ex.Status = bodyStatus(body)
		if ex.Status == 0 {
			ex.Status = tstatus
		}
		if ex.Status == 0 {
			ex.Status = hstatus
		}
		if ex.Status == 0 && i > 0 && x.doc[i-1].kind == bPara {
			if s := mentionedStatuses(x.doc[i-1].text); len(s) == 1 || len(s) > 0 && mentionsStatusWord(x.doc[i-1].text) {
				ex.Status = s[len(s)-1]
			}
		}
		switch {
		case i+1 < len(x.doc) && x.doc[i+1].kind == bPara && !x.used[i+1] && isExampleNote(x.doc[i+1].text):
			ex.Description = x.doc[i+1].text
			x.used[i+1] = true
		case i > 0 && x.doc[i-1].kind == bPara && !x.used[i-1] && isExampleIntro(x.doc[i-1].text):
			ex.Description = x.doc[i-1].text
			x.used[i-1] = true
		}
		x.p.Examples = append(x.p.Examples, ex)
		if f := bodyFormat(body); f != "" && f != "text" && f != "empty" && f != "binary" {
			if families[f] == 0 {
				order = append(order, f)
			}
			families[f]++
		}
		x.attributes(heading, body)
		x.clues(body)
	}
	x.exampleNotesLater()
	if len(order) == 0 {
		return
	}
	sort.SliceStable(order, func(a, b int) bool { return families[order[a]] > families[order[b]] })
	x.p.Format = order[0]
	if len(order) > 1 {
		x.rep.warnf("the example bodies are of %d formats (%s); the most common, %s, was kept",
			len(order), strings.Join(order, ", "), order[0])
	}
}

func isBody(s string) bool {
	if json.Valid([]byte(s)) {
		return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")
	}
	return strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">")
}

// isExampleIntro: a sentence that presents the body after it ("The
// following illustrates…"), as opposed to a lead-in ending in a colon.
func isExampleIntro(s string) bool {
	l := strings.ToLower(s)
	return !endsWithColon(s) && (strings.HasPrefix(l, "the following") || strings.HasPrefix(l, "below is") || strings.HasPrefix(l, "here is"))
}

// exampleNotesLater gives the first example without a description the
// paragraph that later speaks of "the example above".
func (x *extractor) exampleNotesLater() {
	for i, b := range x.doc {
		if x.used[i] || b.kind != bPara || !strings.Contains(strings.ToLower(b.text), "the example above") {
			continue
		}
		for k := range x.p.Examples {
			if x.p.Examples[k].Description == "" {
				x.p.Examples[k].Description = b.text
				x.used[i] = true
				break
			}
		}
		return
	}
}

func isExampleNote(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "in this example") || strings.HasPrefix(l, "in the example") ||
		strings.HasPrefix(l, "this example") || strings.HasPrefix(l, "the example above")
}

// numbering strips "1." or "2. " from a heading.
var numbering = lazyRE(`^[0-9]+(\.[0-9]+)*\.?\s*`)

// headingBefore returns the nearest heading above block i (numbering
// removed) and its status when it is a status title.
func (x *extractor) headingBefore(i int) (string, int) {
	k := x.above[i]
	if k < 0 || x.rowHeading[k] {
		return "", 0
	}
	t := x.doc[k].text
	if code, _, ok := splitStatusTitle(t); ok {
		return t, code
	}
	return numbering.ReplaceAllString(t, ""), 0
}

func bodyStatus(body string) int {
	var m struct {
		Status json.RawMessage `json:"status"`
	}
	if json.Unmarshal([]byte(body), &m) != nil || m.Status == nil {
		return 0
	}
	n, err := strconv.Atoi(strings.Trim(string(m.Status), `"`))
	if err != nil || n < 100 || n > 599 {
		return 0
	}
	return n
}

// standardMembers are members every error body of a family has; the
// others beside a documented code are that code's attributes.
var standardMembers = map[string]bool{"error": true, "errorMessage": true, "error_message": true,
	"message": true, "code": true, "status": true, "title": true, "detail": true, "type": true,
	"instance": true, "error_description": true, "request_id": true, "requestId": true}

// attributes files the extra members of an example body under the error
// code the body carries. The body is trusted over the heading above it
// (docs' headings have typos; bodies are usually pasted from real calls).
func (x *extractor) attributes(heading, body string) {
	keys, code := objectKeys(body)
	if code == "" {
		return
	}
	k, ok := x.codeSeen[code]
	if !ok {
		return
	}
	if heading != "" && isIdentifier(heading) && strings.ToUpper(heading) == heading && heading != code {
		x.rep.warnf("example headed %q carries error code %s; it was filed under %s", heading, code, code)
	}
	documented := map[string]bool{}
	for _, f := range x.p.Fields {
		documented[f.Name] = true
	}
	var attrs []string
	for _, key := range keys {
		if !documented[key] && !standardMembers[key] {
			attrs = append(attrs, key)
		}
	}
	e := &x.p.ErrorCodes[k]
	for _, a := range attrs {
		if !contains(e.Attributes, a) {
			e.Attributes = append(e.Attributes, a)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// objectKeys returns a JSON object's top-level member names in order, and
// the error code it carries ("error": "CODE", "code", or error.code).
func objectKeys(body string) ([]string, string) {
	dec := json.NewDecoder(bytes.NewReader([]byte(body)))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, ""
	}
	var keys []string
	code := ""
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return keys, code
		}
		key, _ := t.(string)
		keys = append(keys, key)
		var v json.RawMessage
		if dec.Decode(&v) != nil {
			return keys, code
		}
		var s string
		switch key {
		case "error", "code", "error_code", "errorCode":
			var n json.Number
			if json.Unmarshal(v, &s) == nil && code == "" {
				code = s
			} else if json.Unmarshal(v, &n) == nil && code == "" && key != "error" {
				code = n.String()
			} else if key == "error" {
				var inner struct {
					Code string `json:"code"`
				}
				if json.Unmarshal(v, &inner) == nil && code == "" {
					code = inner.Code
				}
			}
		}
	}
	return keys, code
}

// genericSegment is a first path segment too common to identify an API.
var genericSegment = lazyRE(`^(v[0-9]+(\.[0-9]+)?|api|apis|rest|public|private|internal)$`)

// clues learns how to recognize the API's bodies from its examples: the
// problem type URIs' common prefix and the instance paths' first segment
// (when it names something, not a version). Each is reported.
func (x *extractor) clues(body string) {
	var m struct {
		Type     string `json:"type"`
		Instance string `json:"instance"`
	}
	if json.Unmarshal([]byte(body), &m) != nil {
		return
	}
	if u, err := url.Parse(m.Type); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		if k := strings.LastIndex(m.Type, "/"); k > len(u.Scheme)+3 {
			prefix := m.Type[:k+1]
			if !contains(x.p.TypePrefixes, prefix) {
				x.p.TypePrefixes = append(x.p.TypePrefixes, prefix)
				x.rep.placedf("bodies whose problem type starts %s will be recognized as this API (from the example bodies)", prefix)
			}
		}
	}
	if seg, _, ok := strings.Cut(strings.TrimPrefix(m.Instance, "/"), "/"); ok && strings.HasPrefix(m.Instance, "/") && seg != "" && !genericSegment.MatchString(seg) {
		prefix := "/" + seg + "/"
		if !contains(x.p.InstancePrefixes, prefix) {
			x.p.InstancePrefixes = append(x.p.InstancePrefixes, prefix)
			x.rep.placedf("bodies whose problem instance starts %s will be recognized as this API (from the example bodies)", prefix)
		}
	}
}

// transcriptStatus matches a response's status line as docs quote it:
// "HTTP/1.1 429 Too Many Requests", "Status: 400 Bad Request".
var transcriptStatus = lazyRE(`^(?:HTTP/[0-9.]+|Status:)\s+([1-5][0-9][0-9])\b`)

// httpTranscript returns the status and body of a code block that quotes
// a whole response; ok is false for anything else, such as a request.
func httpTranscript(s string) (int, string, bool) {
	lines := strings.Split(s, "\n")
	m := transcriptStatus.FindStringSubmatch(strings.TrimSpace(lines[0]))
	if m == nil {
		return 0, "", false
	}
	n, _ := strconv.Atoi(m[1])
	for k := 1; k < len(lines); k++ {
		if strings.TrimSpace(lines[k]) == "" {
			body := strings.TrimSpace(strings.Join(lines[k+1:], "\n"))
			if isBody(body) {
				return n, body, true
			}
			break
		}
	}
	return 0, "", false
}

// bodyFormat is the family formats.Detect reads in an example body, with
// one check of its own: a problem+json body has a type that is a URI (or
// about:blank) and a title or detail; {"type": "error", "status": 400, …}
// is another family's body that happens to carry "type" and "status", so
// it is read again without them.
func bodyFormat(body string) string {
	f := formats.Detect(400, nil, []byte(body)).Format
	if f != "problem+json" {
		return f
	}
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &m) != nil {
		return f
	}
	var typ string
	_ = json.Unmarshal(m["type"], &typ)
	_, hasTitle := m["title"]
	_, hasDetail := m["detail"]
	if (typ == "" || typ == "about:blank" || strings.Contains(typ, "/")) && (hasTitle || hasDetail) {
		return f
	}
	delete(m, "type")
	delete(m, "status")
	rest, err := json.Marshal(m)
	if err != nil {
		return f
	}
	return formats.Detect(400, nil, rest).Format
}
