package probe

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"path/filepath"
	"strings"
)

// maybeFile returns v, or the content of the file it names as @file.
func (st *parseState) maybeFile(v string) ([]byte, error) {
	if name, ok := strings.CutPrefix(v, "@"); ok {
		return st.readArg(name)
	}
	return []byte(v), nil
}

// addData is -d and its kin. at tells whether @file is read; strip
// whether CR and LF are removed from a file's content (-d does, curl's
// --data-binary does not).
func (st *parseState) addData(v string, at, strip bool) error {
	b := []byte(v)
	if at && strings.HasPrefix(v, "@") {
		var err error
		if b, err = st.readArg(v[1:]); err != nil {
			return err
		}
		if strip {
			b = bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r"), nil), []byte("\n"), nil)
		}
	}
	st.data = append(st.data, string(b))
	return nil
}

// addURLEncoded is --data-urlencode: "content", "=content",
// "name=content", "@file" or "name@file", whichever of = and @ comes first
// deciding, as curl does.
func (st *parseState) addURLEncoded(v string) error {
	i := strings.IndexAny(v, "=@")
	switch {
	case i < 0:
		st.data = append(st.data, urlEncode(v))
	case v[i] == '=':
		name, content := v[:i], v[i+1:]
		if name == "" {
			st.data = append(st.data, urlEncode(content))
		} else {
			st.data = append(st.data, name+"="+urlEncode(content))
		}
	default:
		b, err := st.readArg(v[i+1:])
		if err != nil {
			return err
		}
		if name := v[:i]; name != "" {
			st.data = append(st.data, name+"="+urlEncode(string(b)))
		} else {
			st.data = append(st.data, urlEncode(string(b)))
		}
	}
	return nil
}

// urlEncode percent-encodes everything but RFC 3986's unreserved
// characters, as curl does (a space is %20, not +).
func urlEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// formPart is one -F part.
type formPart struct {
	name, filename, ctype string
	value                 []byte
}

// addForm is -F: name=value, name=@file (an upload), name=<file (the
// file's content as the value), with ;type= and ;filename= attributes.
func (st *parseState) addForm(v string) error {
	name, rest, ok := strings.Cut(v, "=")
	if !ok || name == "" {
		return fmt.Errorf("%q: write name=value, name=@file or name=<file", clip(v, 40))
	}
	part := formPart{name: name}
	value, attrs, _ := strings.Cut(rest, ";")
	for _, a := range strings.Split(attrs, ";") {
		k, val, _ := strings.Cut(strings.TrimSpace(a), "=")
		switch k {
		case "type":
			part.ctype = val
		case "filename":
			part.filename = strings.Trim(val, `"`)
		}
	}
	switch {
	case strings.HasPrefix(value, "@"):
		b, err := st.readArg(value[1:])
		if err != nil {
			return err
		}
		part.value = b
		if part.filename == "" {
			part.filename = filepath.Base(value[1:])
		}
		if part.ctype == "" {
			part.ctype = "application/octet-stream"
		}
	case strings.HasPrefix(value, "<"):
		b, err := st.readArg(value[1:])
		if err != nil {
			return err
		}
		part.value = b
	default:
		part.value = []byte(value)
	}
	st.form = append(st.form, part)
	return nil
}

// buildForm writes the multipart/form-data body.
func (st *parseState) buildForm() ([]byte, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, p := range st.form {
		h := textproto.MIMEHeader{}
		disp := fmt.Sprintf(`form-data; name=%q`, p.name)
		if p.filename != "" {
			disp += fmt.Sprintf(`; filename=%q`, p.filename)
		}
		h.Set("Content-Disposition", disp)
		if p.ctype != "" {
			h.Set("Content-Type", p.ctype)
		}
		pw, err := w.CreatePart(h)
		if err != nil {
			return nil, "", err
		}
		pw.Write(p.value)
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}
