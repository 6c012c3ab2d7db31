package history

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/apierr/apierr/formats/exchange"
	"github.com/klauspost/compress/zstd"
)

// MaxBody is the most of each body (request and response) kept; a longer
// response body is cut there and marked Truncated.
const MaxBody = 1 << 20

// maxIndexedBody is how much of each body goes into the full-text index:
// error messages sit at the start, and indexing megabytes would make the
// index larger than the data.
const maxIndexedBody = 16 << 10

// compressAbove is the encoded size from which the data blob is zstd
// compressed; below it the frame overhead eats the gain.
var compressAbove = 256

// Blob kinds, the first byte of exchanges.data.
const (
	blobJSON = 'j'
	blobZstd = 'z'
)

var (
	encoder = sync.OnceValue(func() *zstd.Encoder {
		e, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
		if err != nil {
			panic(err)
		}
		return e
	})
	decoder = sync.OnceValue(func() *zstd.Decoder {
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(64<<20))
		if err != nil {
			panic(err)
		}
		return d
	})
)

// row is an exchange as stored: the indexed columns and the blob.
type row struct {
	time       int64
	method     string
	url        string
	host       string
	status     int
	transport  bool
	format     string
	code       string
	message    string
	requestID  string
	ridSource  string
	api        string
	source     string
	durationUS int64
	note       string
	hash       []byte
	data       []byte
	ftsBody    string
	// user and machine say who saved the exchange, where.
	user, machine string
}

// encode turns an already redacted exchange into a row.
func encode(e exchange.Exchange) (row, error) {
	if e.Time.IsZero() {
		e.Time = time.Now() // an exchange always has a time; never year 1
	}
	e.Time = e.Time.UTC()
	capBodies(&e)
	note := e.Note
	e.ID, e.Note = 0, ""
	js, err := json.Marshal(e)
	if err != nil {
		return row{}, fmt.Errorf("cannot encode the exchange: %w", err)
	}
	data := make([]byte, 0, len(js)/2+1)
	if len(js) >= compressAbove {
		data = append(data, blobZstd)
		data = encoder().EncodeAll(js, data)
	} else {
		data = append(append(data, blobJSON), js...)
	}
	status := 0
	respBody := ""
	if e.Response != nil {
		status = e.Response.Status
		respBody = e.Response.Body
	}
	r := row{
		time:       e.Time.UnixMicro(),
		method:     strings.ToUpper(e.Request.Method),
		url:        e.Request.URL,
		host:       hostOf(e.Request.URL),
		status:     status,
		transport:  e.Response == nil || e.Error != "",
		format:     e.Diagnosis.Format,
		code:       e.Diagnosis.Code,
		message:    e.Diagnosis.Message,
		requestID:  e.Diagnosis.RequestID,
		ridSource:  e.Diagnosis.RequestIDSource,
		api:        e.Diagnosis.API,
		source:     e.Source,
		durationUS: e.Timings.Total.D().Microseconds(),
		note:       note,
		data:       data,
		ftsBody:    indexedBody(respBody, e.Request.Body, note),
	}
	r.hash = contentHash(e)
	return r, nil
}

// indexedBody is the full-text index's body column: the start of the
// response and request bodies, and the note a person attached, so a
// search finds an exchange by its note too.
func indexedBody(resp, req, note string) string {
	s := clip(resp, maxIndexedBody) + "\n" + clip(req, maxIndexedBody/4)
	if note != "" {
		s += "\n" + note
	}
	return s
}

// contentHash identifies an exchange by what happened (time, request,
// response), not by where it came from, so importing the same HAR twice
// keeps each entry once.
func contentHash(e exchange.Exchange) []byte {
	h := sha256.New()
	fmt.Fprintf(h, "%d\x00%s\x00%s\x00%s\x00", e.Time.UnixNano(), e.Request.Method, e.Request.URL, e.Request.Body)
	if e.Response != nil {
		fmt.Fprintf(h, "%d\x00%s\x00", e.Response.Status, e.Response.Body)
	}
	fmt.Fprintf(h, "%s", e.Error)
	return h.Sum(nil)[:16]
}

func decode(data []byte) (exchange.Exchange, error) {
	var e exchange.Exchange
	if len(data) == 0 {
		return e, fmt.Errorf("empty exchange record")
	}
	js := data[1:]
	switch data[0] {
	case blobJSON:
	case blobZstd:
		var err error
		if js, err = decoder().DecodeAll(js, nil); err != nil {
			return e, fmt.Errorf("damaged exchange record: %w", err)
		}
	default:
		return e, fmt.Errorf("unknown exchange record kind %q", data[0])
	}
	if err := json.Unmarshal(js, &e); err != nil {
		return e, fmt.Errorf("damaged exchange record: %w", err)
	}
	return e, nil
}

func capBodies(e *exchange.Exchange) {
	if len(e.Request.Body) > MaxBody {
		e.Request.Body = clip(e.Request.Body, MaxBody)
	}
	if e.Response != nil && len(e.Response.Body) > MaxBody {
		r := *e.Response
		r.Body = clip(r.Body, MaxBody)
		r.Truncated = true
		e.Response = &r
	}
}

// clip cuts s to at most n bytes without splitting a UTF-8 sequence.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return strings.ToLower(u.Hostname())
	}
	// A redacted password ("user:[REDACTED:…]@") does not parse; the host
	// is still what follows the last '@' of the authority.
	_, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if u, err := url.Parse("http://" + rest); err == nil {
		return strings.ToLower(u.Hostname())
	}
	return ""
}
