package history

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apierr/apierr/formats/exchange"
	textinert "github.com/apierr/apierr/formats/inert"
	"github.com/apierr/apierr/formats/redact"
)

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the members
// apierr reads and writes. Numbers are float64 because tools write sizes
// and times as either integers or decimals; underscore members are the
// custom fields devtools add (Chrome's _error, for entries that never got
// a response).

type harFile struct {
	Log *harLog `json:"log"`
}

type harLog struct {
	Version string          `json:"version"`
	Creator harCreator      `json:"creator"`
	Entries []harEntry      `json:"entries"`
	Comment string          `json:"comment,omitempty"`
	Pages   json.RawMessage `json:"pages,omitempty"`
}

type harCreator struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type harEntry struct {
	StartedDateTime string      `json:"startedDateTime"`
	Time            float64     `json:"time"`
	Request         harRequest  `json:"request"`
	Response        harResponse `json:"response"`
	Cache           struct{}    `json:"cache"`
	Timings         harTimings  `json:"timings"`
	ServerIPAddress string      `json:"serverIPAddress,omitempty"`
	Comment         string      `json:"comment,omitempty"`
	Error           string      `json:"_error,omitempty"`
}

type harRequest struct {
	Method      string       `json:"method"`
	URL         string       `json:"url"`
	HTTPVersion string       `json:"httpVersion"`
	Cookies     []harNV      `json:"cookies"`
	Headers     []harNV      `json:"headers"`
	QueryString []harNV      `json:"queryString"`
	PostData    *harPostData `json:"postData,omitempty"`
	HeadersSize float64      `json:"headersSize"`
	BodySize    float64      `json:"bodySize"`
	Comment     string       `json:"comment,omitempty"`
}

type harResponse struct {
	Status      float64    `json:"status"`
	StatusText  string     `json:"statusText"`
	HTTPVersion string     `json:"httpVersion"`
	Cookies     []harNV    `json:"cookies"`
	Headers     []harNV    `json:"headers"`
	Content     harContent `json:"content"`
	RedirectURL string     `json:"redirectURL"`
	HeadersSize float64    `json:"headersSize"`
	BodySize    float64    `json:"bodySize"`
	Comment     string     `json:"comment,omitempty"`
	Error       string     `json:"_error,omitempty"`
}

type harNV struct {
	Name    string `json:"name"`
	Value   string `json:"value"`
	Comment string `json:"comment,omitempty"`
}

type harPostData struct {
	MimeType string  `json:"mimeType"`
	Text     string  `json:"text"`
	Params   []harNV `json:"params,omitempty"`
}

type harContent struct {
	Size     float64 `json:"size"`
	MimeType string  `json:"mimeType"`
	Text     string  `json:"text,omitempty"`
	Encoding string  `json:"encoding,omitempty"`
	Comment  string  `json:"comment,omitempty"`
}

type harTimings struct {
	Blocked float64 `json:"blocked"`
	DNS     float64 `json:"dns"`
	Connect float64 `json:"connect"`
	Send    float64 `json:"send"`
	Wait    float64 `json:"wait"`
	Receive float64 `json:"receive"`
	SSL     float64 `json:"ssl"`
}

// Version is written in the HAR creator; main may set it.
var Version = "dev"

// ExportHAR writes xs as a HAR 1.2 file, redacted (with the built-in
// names; exchanges from a Store are already redacted with the user's).
func ExportHAR(w io.Writer, xs []exchange.Exchange) error {
	return exportHAR(w, xs, &redact.Redactor{})
}

// ExportHAR is the package's ExportHAR redacting with the store's names
// too (the user's extra names from the config file).
func (s *Store) ExportHAR(w io.Writer, xs []exchange.Exchange) error {
	return exportHAR(w, xs, &s.redactor)
}

func exportHAR(w io.Writer, xs []exchange.Exchange, r *redact.Redactor) error {
	log := harLog{Version: "1.2", Creator: harCreator{Name: "apierr", Version: Version}, Entries: make([]harEntry, 0, len(xs))}
	for _, e := range xs {
		log.Entries = append(log.Entries, toHAR(r.Exchange(e)))
	}
	// C1 and bidi controls are escaped: a HAR is often looked at with cat.
	enc := textinert.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(harFile{Log: &log})
}

func toHAR(e exchange.Exchange) harEntry {
	ms := func(d exchange.Duration) float64 {
		if d == 0 {
			return -1
		}
		return float64(d) / float64(time.Millisecond)
	}
	h := harEntry{
		StartedDateTime: e.Time.UTC().Format(time.RFC3339Nano),
		Time:            float64(e.Timings.Total) / float64(time.Millisecond),
		Request: harRequest{
			Method:      e.Request.Method,
			URL:         e.Request.URL,
			HTTPVersion: "HTTP/1.1",
			Cookies:     []harNV{},
			Headers:     nvs(e.Request.Headers),
			QueryString: queryOf(e.Request.URL),
			HeadersSize: -1,
			BodySize:    float64(len(e.Request.Body)),
		},
		Timings: harTimings{
			Blocked: -1, DNS: ms(e.Timings.DNS), Connect: ms(e.Timings.Connect), SSL: ms(e.Timings.TLS),
			Send: 0, Wait: max(ms(e.Timings.TTFB), 0), Receive: max(ms(e.Timings.Transfer), 0),
		},
		Comment: e.Note,
	}
	if e.Request.Body != "" {
		h.Request.PostData = &harPostData{MimeType: e.Request.Headers.Get("Content-Type"), Text: e.Request.Body}
	}
	if e.Response == nil {
		h.Response = harResponse{Cookies: []harNV{}, Headers: []harNV{}, HeadersSize: -1, BodySize: -1, Error: e.Error}
		h.Error = e.Error
		return h
	}
	r := e.Response
	proto := r.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	h.Request.HTTPVersion = proto
	h.Response = harResponse{
		Status:      float64(r.Status),
		StatusText:  http.StatusText(r.Status),
		HTTPVersion: proto,
		Cookies:     []harNV{},
		Headers:     nvs(r.Headers),
		Content:     harContent{Size: float64(r.Size), MimeType: r.Headers.Get("Content-Type"), Text: r.Body},
		RedirectURL: r.Headers.Get("Location"),
		HeadersSize: -1,
		BodySize:    float64(r.WireSize),
	}
	if !utf8.ValidString(r.Body) {
		// Binary bodies survive only as base64 (HAR 1.2, content.encoding).
		h.Response.Content.Text = base64.StdEncoding.EncodeToString([]byte(r.Body))
		h.Response.Content.Encoding = "base64"
	}
	if r.Truncated {
		h.Response.Content.Comment = "body truncated by apierr"
	}
	return h
}

// nvs lists headers sorted by name, each value on its own entry.
func nvs(h http.Header) []harNV {
	out := []harNV{}
	for _, k := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[k] {
			out = append(out, harNV{Name: k, Value: v})
		}
	}
	return out
}

func queryOf(raw string) []harNV {
	out := []harNV{}
	_, q, ok := strings.Cut(raw, "?")
	if !ok {
		return out
	}
	q, _, _ = strings.Cut(q, "#")
	for _, p := range strings.Split(q, "&") {
		if p == "" {
			continue
		}
		k, v, _ := strings.Cut(p, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		out = append(out, harNV{Name: k, Value: v})
	}
	return out
}
