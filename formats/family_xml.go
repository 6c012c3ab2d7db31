package formats

import (
	"encoding/xml"
	"io"
	"strings"
)

// maxXMLTokens bounds how much of an XML body is read: error documents
// are small, and the limit keeps a 10 MB or deeply nested body quick.
const maxXMLTokens = 5000

// maxXMLText bounds the text kept from one element.
const maxXMLText = 4096

// recognizeXML reads XML error documents: AWS/S3 <Error><Code><Message>
// <RequestId><HostId> (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html),
// the query protocols' <ErrorResponse><Error>...</Error><RequestId>, EC2's
// <Response><Errors><Error>...<RequestID>, and SOAP faults, 1.1
// (faultcode, faultstring) and 1.2 (Code/Value, Reason/Text). Other XML is
// "xml" with the first Code/Message-like elements it has.
func recognizeXML(b string, d *Diagnosis) {
	dec := xml.NewDecoder(strings.NewReader(b))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var (
		stack   []string // local names of open elements
		soap    bool
		vals    = map[string]string{}
		errLeaf = map[string]any{} // leaves of <Error>, for Extra
		buf     strings.Builder
	)
	for i := 0; i < maxXMLTokens; i++ {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if name == "Fault" && len(stack) > 0 && stack[len(stack)-1] == "Body" {
				soap = true
			}
			stack = append(stack, name)
			buf.Reset()
		case xml.CharData:
			if buf.Len()+len(t) <= maxXMLText {
				buf.Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			name := stack[len(stack)-1]
			parent := ""
			if len(stack) > 1 {
				parent = stack[len(stack)-2]
			}
			v := strings.Join(strings.Fields(strings.ToValidUTF8(buf.String(), "\uFFFD")), " ")
			buf.Reset()
			stack = stack[:len(stack)-1]
			if v == "" {
				continue
			}
			key := xmlKey(parent, name)
			if _, seen := vals[key]; !seen {
				vals[key] = v
			}
			if parent == "Error" && name != "Code" && name != "Message" && name != "RequestId" && name != "RequestID" {
				if _, seen := errLeaf[name]; !seen {
					errLeaf[name] = v
				}
			}
		}
	}
	if soap {
		d.Format = "soap-fault"
		d.Code = firstOf(vals, "faultcode", "Code/Value")
		d.Message = firstOf(vals, "faultstring", "Reason/Text")
		if sub := vals["Subcode/Value"]; sub != "" {
			d.Extra = map[string]any{"Subcode": sub}
		}
		if actor := firstOf(vals, "faultactor", "Role"); actor != "" {
			mergeExtra(d, map[string]any{"faultactor": actor})
		}
		return
	}
	d.Format = "xml"
	d.Code = firstOf(vals, "Error/Code", "Code")
	d.Message = firstOf(vals, "Error/Message", "Message", "message")
	if id, k := firstOfKey(vals, "RequestId", "RequestID", "Error/RequestId", "Error/RequestID"); id != "" {
		d.RequestID, d.RequestIDSource = id, "body "+k[strings.LastIndexByte(k, '/')+1:]
	}
	if len(errLeaf) > 0 {
		d.Extra = errLeaf
	}
}

// xmlKey names a leaf for lookup: a few well-known parents are kept so
// that <Error><Code> and SOAP 1.2's <Code><Value> can be told apart.
func xmlKey(parent, name string) string {
	switch parent {
	case "Error", "Code", "Reason", "Subcode":
		return parent + "/" + name
	}
	return name
}

// firstOf returns the first non-empty value among keys.
func firstOf(vals map[string]string, keys ...string) string {
	v, _ := firstOfKey(vals, keys...)
	return v
}

// firstOfKey is firstOf that also says which key matched.
func firstOfKey(vals map[string]string, keys ...string) (string, string) {
	for _, k := range keys {
		if v := vals[k]; v != "" {
			return v, k
		}
	}
	return "", ""
}
