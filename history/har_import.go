package history

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/apierr/apierr/formats"
	"github.com/apierr/apierr/formats/exchange"
)

// HARError says what is wrong with a HAR file and where.
type HARError struct {
	// Where is a JSON path ("log.entries[12].response.status") or a
	// position ("line 3, column 14").
	Where string
	// What is wrong there.
	What string
}

func (e *HARError) Error() string { return "malformed HAR: " + e.Where + ": " + e.What }

// ImportHAR reads a HAR file as browsers' devtools (Chrome, Firefox),
// proxies (Charles, mitmproxy) and Postman save it, and returns one
// diagnosed exchange per entry with Source set to source. An entry that got
// no response (status 0, often with an _error member) becomes a transport
// error. It does not save anything.
func ImportHAR(r io.Reader, source string) ([]exchange.Exchange, error) {
	return ImportHARWith(r, source, nil)
}

// ImportHARWith is ImportHAR diagnosing with the given API docs profiles
// (nil: the built-in ones), such as the user's own.
func ImportHARWith(r io.Reader, source string, profiles *formats.Registry) ([]exchange.Exchange, error) {
	var out []exchange.Exchange
	err := ReadHAR(r, source, profiles, func(e exchange.Exchange) error {
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func fromHAR(h harEntry, path string, profiles *formats.Registry) (exchange.Exchange, error) {
	var e exchange.Exchange
	t, err := time.Parse(time.RFC3339Nano, h.StartedDateTime)
	if err != nil {
		return e, &HARError{Where: path + ".startedDateTime", What: fmt.Sprintf("%q is not an ISO 8601 date and time", h.StartedDateTime)}
	}
	if h.Request.URL == "" {
		return e, &HARError{Where: path + ".request.url", What: "missing"}
	}
	e.Time = t.UTC()
	e.Request = exchange.Request{Method: strings.ToUpper(h.Request.Method), URL: h.Request.URL, Headers: headersOf(h.Request.Headers)}
	if e.Request.Method == "" {
		e.Request.Method = http.MethodGet
	}
	if pd := h.Request.PostData; pd != nil {
		e.Request.Body = pd.Text
		if pd.Text == "" && len(pd.Params) > 0 {
			parts := make([]string, len(pd.Params))
			for i, p := range pd.Params {
				parts[i] = p.Name + "=" + p.Value
			}
			e.Request.Body = strings.Join(parts, "&")
		}
	}
	ms := func(v float64) exchange.Duration {
		if v <= 0 {
			return 0
		}
		return exchange.Duration(v * float64(time.Millisecond))
	}
	e.Timings = exchange.Timings{
		DNS: ms(h.Timings.DNS), Connect: ms(h.Timings.Connect), TLS: ms(h.Timings.SSL),
		TTFB: ms(h.Timings.Wait), Transfer: ms(h.Timings.Receive), Total: ms(h.Time),
	}
	e.Note = h.Comment
	status := int(h.Response.Status)
	if float64(status) != h.Response.Status || status < 0 || status > 999 {
		return e, &HARError{Where: path + ".response.status", What: fmt.Sprintf("%v is not an HTTP status", h.Response.Status)}
	}
	if status == 0 {
		msg := cmp.Or(strings.TrimSpace(h.Response.Error), strings.TrimSpace(h.Error), strings.TrimSpace(h.Response.StatusText), "no response (status 0 in the HAR file)")
		e.Error = msg
		e.Diagnosis = formats.Diagnosis{StatusClass: formats.ClassUnknown, Format: "transport", FormatName: "No response", Message: msg}
		return e, nil
	}
	body, err := contentText(h.Response.Content)
	if err != nil {
		return e, &HARError{Where: path + ".response.content.text", What: err.Error()}
	}
	resp := &exchange.Response{
		Status:  status,
		Proto:   h.Response.HTTPVersion,
		Headers: headersOf(h.Response.Headers),
		Body:    body,
		Size:    int64(max(h.Response.Content.Size, float64(len(body)))),
	}
	if h.Response.BodySize > 0 {
		resp.WireSize = int64(h.Response.BodySize)
	}
	if len(resp.Body) > MaxBody {
		resp.Body, resp.Truncated = strings.Clone(clip(resp.Body, MaxBody)), true // a copy: the rest of the text can go
	}
	if resp.Headers.Get("Content-Type") == "" && h.Response.Content.MimeType != "" {
		resp.Headers.Set("Content-Type", h.Response.Content.MimeType)
	}
	e.Response = resp
	e.Diagnosis = formats.DetectWith(status, resp.Headers, []byte(resp.Body), formats.Options{Profiles: profiles, Host: hostOf(e.Request.URL), Now: e.Time})
	return e, nil
}

func contentText(c harContent) (string, error) {
	if !strings.EqualFold(c.Encoding, "base64") {
		return c.Text, nil
	}
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(c.Text))
	if err != nil {
		return "", fmt.Errorf("encoding is base64 but the text is not: %v", err)
	}
	return string(b), nil
}

// headersOf builds a header map, leaving out HTTP/2 pseudo-headers
// (":authority", ":status") that Chrome lists with the others.
func headersOf(nv []harNV) http.Header {
	h := make(http.Header, len(nv))
	for _, x := range nv {
		if x.Name == "" || strings.HasPrefix(x.Name, ":") {
			continue
		}
		h.Add(x.Name, x.Value)
	}
	return h
}

// jsonError turns encoding/json's errors into a HARError naming the place:
// a line and column for syntax errors, a member path for type errors.
func jsonError(data []byte, path string, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read, the bad one included.
		line, col := lineCol(data, max(se.Offset-1, 0))
		what := se.Error()
		if strings.Contains(what, "unexpected end") {
			what = "the file ends in the middle of the JSON (cut short?)"
		}
		where := fmt.Sprintf("line %d, column %d", line, col)
		if path != "" {
			where = path + ", " + where + " of the entry"
		}
		return &HARError{Where: where, What: what}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		where := te.Field
		if path != "" {
			where = path + "." + te.Field
		}
		if where == "" {
			where = "top level"
		}
		return &HARError{Where: where, What: "not " + kindOf(te.Type.Kind().String()) + " (found a JSON " + te.Value + ")"}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		line, col := lineCol(data, int64(len(data)))
		return &HARError{Where: fmt.Sprintf("line %d, column %d", line, col), What: "the file ends in the middle of the JSON (cut short?)"}
	}
	return &HARError{Where: cmp.Or(path, "top level"), What: err.Error()}
}

func kindOf(k string) string {
	switch k {
	case "float64", "int", "int64":
		return "a number"
	case "string":
		return "a string"
	case "slice":
		return "an array"
	case "struct", "map":
		return "an object"
	case "bool":
		return "true or false"
	}
	return "a " + k
}

func lineCol(data []byte, off int64) (int, int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col := 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
