package docimport

import (
	"bytes"
	"encoding/json"
	"regexp"
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
		if !isBody(body) {
			continue
		}
		x.used[i] = true
		ex := formats.Example{Body: body}
		heading, hstatus := x.headingBefore(i)
		ex.Title = heading
		ex.Status = bodyStatus(body)
		if ex.Status == 0 {
			ex.Status = hstatus
		}
		if ex.Status == 0 && i > 0 && x.doc[i-1].kind == bPara {
			if s := mentionedStatuses(x.doc[i-1].text); len(s) == 1 || len(s) > 0 && mentionsStatusWord(x.doc[i-1].text) {
				ex.Status = s[len(s)-1]
			}
		}
		if i+1 < len(x.doc) && x.doc[i+1].kind == bPara && !x.used[i+1] && isExampleNote(x.doc[i+1].text) {
			ex.Description = x.doc[i+1].text
			x.used[i+1] = true
		}
		x.p.Examples = append(x.p.Examples, ex)
		if f := formats.Detect(400, nil, []byte(body)).Format; f != "" && f != "text" && f != "empty" && f != "binary" {
			if families[f] == 0 {
				order = append(order, f)
			}
			families[f]++
		}
		x.attributes(heading, body)
	}
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

func isExampleNote(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "in this example") || strings.HasPrefix(l, "in the example") ||
		strings.HasPrefix(l, "this example") || strings.HasPrefix(l, "the example above")
}

// numbering strips "1." or "2. " from a heading.
var numbering = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*\.?\s*`)

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
