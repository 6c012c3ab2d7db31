package probe

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
)

// body is a response body as read: decoded, capped, with its wire size.
type body struct {
	data      []byte
	truncated bool
	size      int64 // decoded bytes seen
	wireSize  int64 // bytes received on the wire
	notes     []string
}

// readBody reads at most limit bytes of r (one more to tell whether there
// was more), so an endless body costs limit bytes of memory, never more.
// sizeHint is the Content-Length, or -1: a body that keeps its word is
// read into one buffer of the right size. n is the number of bytes read,
// the one past the cap included.
func readBody(r io.Reader, limit, sizeHint int64) (data []byte, truncated bool, n int64, err error) {
	want := min(512, limit+1)
	if sizeHint >= 0 && sizeHint < limit {
		want = sizeHint + 1 // room for the read that sees EOF
	}
	buf := make([]byte, 0, want)
	for int64(len(buf)) <= limit {
		if len(buf) == cap(buf) {
			// Double, but never past the cap plus the byte that tells.
			buf = slices.Grow(buf, int(min(int64(cap(buf)), limit+1-int64(len(buf)))))
		}
		end := int64(cap(buf))
		if end > limit+1 {
			end = limit + 1
		}
		m, rerr := r.Read(buf[len(buf):end])
		buf = buf[:len(buf)+m]
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			err = rerr
			break
		}
	}
	n = int64(len(buf))
	if n > limit {
		return buf[:limit], true, n, err
	}
	return buf, false, n, err
}

// decodeBody undoes the Content-Encoding codings of wire (gzip, deflate,
// br, zstd, in reverse order of application), keeping at most limit
// decoded bytes. A coding it cannot undo leaves the bytes as they came and
// says so in a note: a bad body is reported, never fatal.
func decodeBody(b *body, contentEncoding string, limit int64) {
	codings := strings.Split(contentEncoding, ",")
	for i := len(codings) - 1; i >= 0; i-- {
		coding := strings.ToLower(strings.TrimSpace(codings[i]))
		if coding == "" || coding == "identity" {
			continue
		}
		dec, release, err := decoder(coding, b.data)
		if err != nil {
			b.notes = append(b.notes, fmt.Sprintf("The body could not be decoded (Content-Encoding %s): %v; it is shown as received.", coding, err))
			return
		}
		out, truncated, _, err := readBody(dec, limit, -1)
		release()
		if err != nil && len(out) == 0 {
			b.notes = append(b.notes, fmt.Sprintf("The body could not be decoded (Content-Encoding %s): %v; it is shown as received.", coding, err))
			return
		}
		if err != nil && !b.truncated {
			b.notes = append(b.notes, fmt.Sprintf("The %s body is damaged (%v); the part that decoded is shown.", coding, err))
		}
		b.data = out
		b.truncated = b.truncated || truncated
	}
	b.size = int64(len(b.data))
}

// decoder returns a reader decoding one content coding of data, and the
// function that releases it once it is done with.
func decoder(coding string, data []byte) (io.Reader, func(), error) {
	r := bytes.NewReader(data)
	switch coding {
	case "gzip", "x-gzip":
		z, err := gzip.NewReader(r)
		if err != nil {
			return nil, nil, err
		}
		return z, func() { z.Close() }, nil
	case "deflate":
		// HTTP's "deflate" is zlib-wrapped by the RFC, raw by many servers:
		// accept both, telling them apart by the zlib header check.
		if len(data) >= 2 && data[0]&0x0f == 8 && (uint16(data[0])<<8|uint16(data[1]))%31 == 0 {
			z, err := zlib.NewReader(r)
			if err != nil {
				return nil, nil, err
			}
			return z, func() { z.Close() }, nil
		}
		f := flate.NewReader(r)
		return f, func() { f.Close() }, nil
	case "br":
		return brotli.NewReader(r), func() {}, nil
	case "zstd":
		d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(256<<20))
		if err != nil {
			return nil, nil, err
		}
		// Close releases the decoder's goroutines and buffers.
		return d, d.Close, nil
	}
	return nil, nil, fmt.Errorf("unknown coding %q", coding)
}
