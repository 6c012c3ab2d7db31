package formats

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxTextMessage bounds the message taken from a plain-text body.
const maxTextMessage = 2000

// recognizeText reads a plain-text body: the message is the text itself,
// white space collapsed, cut at maxTextMessage bytes on a rune boundary.
func recognizeText(b string, d *Diagnosis) {
	d.Format = "text"
	// The first line is the message, as a status line's reason is; what
	// follows is detail, links and advice (Bitbucket's "For information
	// on ..., visit: ..."), or the frames of a stack trace.
	t := b
	if i := strings.IndexByte(t, '\n'); i > 0 && strings.TrimSpace(t[:i]) != "" {
		t = t[:i]
	}
	cut := false
	if len(t) > maxTextMessage {
		t = t[:maxTextMessage]
		for len(t) > 0 && !utf8.RuneStart(t[len(t)-1]) {
			t = t[:len(t)-1]
		}
		if len(t) > 0 {
			t = t[:len(t)-1]
		}
		cut = true
	}
	d.Message = strings.Join(strings.Fields(strings.ToValidUTF8(t, "\uFFFD")), " ")
	if cut {
		d.Message += " …"
	}
}

// recognizeEmpty marks an empty body; the status and headers (see
// readWWWAuthenticate) are all there is to go on.
func recognizeEmpty(d *Diagnosis) {
	d.Format = "empty"
}

// recognizeBinary marks a body that is not text (an image, a compressed
// body that was not decoded, ...) and says how big it is.
func recognizeBinary(b string, d *Diagnosis) {
	d.Format = "binary"
	head := b
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	ct := http.DetectContentType([]byte(head))
	d.Notes = append(d.Notes, "The body is "+strconv.Itoa(len(b))+" bytes of binary data (it looks like "+ct+"), not a readable error message.")
}

// readWWWAuthenticate takes the code and message of a 401 from the
// WWW-Authenticate challenge (RFC 6750, 3): Bearer error="invalid_token",
// error_description="The access token expired".
func readWWWAuthenticate(d *Diagnosis, h http.Header) {
	v := strings.ToValidUTF8(headerValue(h, "Www-Authenticate"), "\uFFFD")
	if v == "" {
		return
	}
	d.Code = authParam(v, "error")
	d.Message = authParam(v, "error_description")
}

// readErrorHeaders takes a code and a message the body lacks from headers
// named for them (X-Error-Code, X-Amz-Error-Message, grpc-status and
// grpc-message of gRPC-Web), which answers with no body often carry.
func readErrorHeaders(d *Diagnosis, h http.Header) {
	if d.Code != "" && d.Message != "" {
		return
	}
	var code, codeKey, msg, msgKey string
	for k, vs := range h {
		if len(vs) == 0 {
			continue
		}
		if !strings.Contains(k, "Error") && !strings.HasPrefix(k, "Grpc") {
			continue // canonical keys: X-Amz-Error-Code, Grpc-Status
		}
		v := strings.ToValidUTF8(strings.TrimSpace(vs[0]), "\uFFFD")
		nk := normKey(k)
		switch {
		case v == "":
		case (strings.HasSuffix(nk, "errorcode") || nk == "grpcstatus") && isToken(v) && (codeKey == "" || k < codeKey):
			code, codeKey = v, k
		case (strings.HasSuffix(nk, "errormessage") || nk == "grpcmessage") && (msgKey == "" || k < msgKey):
			msg, msgKey = v, k
		}
	}
	if d.Code == "" && code != "0" {
		d.Code = code
	}
	if d.Message == "" {
		d.Message = msg
	}
}

// authParam returns the value of one auth-param (quoted or token) in a
// challenge, or "".
func authParam(v, name string) string {
	for i := 0; i < len(v); {
		j := strings.Index(v[i:], name)
		if j < 0 {
			return ""
		}
		j += i
		i = j + len(name)
		if j > 0 && v[j-1] != ' ' && v[j-1] != ',' && v[j-1] != '\t' {
			continue
		}
		rest := strings.TrimLeft(v[i:], " \t")
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t")
		if strings.HasPrefix(rest, `"`) {
			var b strings.Builder
			for k := 1; k < len(rest); k++ {
				c := rest[k]
				if c == '\\' && k+1 < len(rest) {
					k++
					b.WriteByte(rest[k])
					continue
				}
				if c == '"' {
					break
				}
				b.WriteByte(c)
			}
			return b.String()
		}
		if k := strings.IndexAny(rest, ", \t"); k >= 0 {
			rest = rest[:k]
		}
		return rest
	}
	return ""
}
