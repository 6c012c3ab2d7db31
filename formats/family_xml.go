package formats

import (
	"cmp"
	"strings"
)

// maxXMLTokens bounds how much of an XML body is read: error documents
// are small, and the limit keeps a 10 MB or deeply nested body quick.
const maxXMLTokens = 5000

// maxXMLText bounds the text kept from one element.
const maxXMLText = 4096

// recognizeXML reads an XML body as a tree (xmlTree) and then by the
// format it declares: a SOAP fault, 1.1 (faultcode, faultstring) or 1.2
// (Code/Value, Subcode, Reason/Text, Detail); an XML-RPC fault; an RFC
// 9457 problem document (Appendix B, application/problem+xml). Any other
// XML, AWS's <Error> documents and the query protocols'
// <ErrorResponse> among them
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html),
// is "xml", read by the structural reader.
func recognizeXML(s *scan, b string, d *Diagnosis) {
	tree, root, space := xmlTree(b)
	top := asObjOrNil(tree[root])
	switch {
	case root == "Envelope" && obj(obj(top, "Body"), "Fault") != nil:
		recognizeSOAPFault(obj(obj(top, "Body"), "Fault"), d)
		return
	case root == "methodResponse" && has(top, "fault"):
		// XML-RPC (https://xmlrpc.com/spec.md): the fault is a struct
		// of faultCode and faultString.
		f := xmlRPCStruct(obj(top, "fault")["value"])
		d.Format = "xml-rpc"
		d.Code, d.Message = text(f, "faultCode"), text(f, "faultString")
		return
	case root == "problem" && (space == "urn:ietf:rfc:7807" || strings.Contains(s.ctype, "problem+xml")):
		if fillProblem(s, top, d) {
			d.Format = "problem+xml"
			if r := readTree(tree, s.status); r.requestID != "" {
				d.RequestID, d.RequestIDSource = r.requestID, "body "+r.ridPath[strings.LastIndexByte(r.ridPath, '.')+1:]
			}
			return
		}
	}
	d.Format = "xml"
	r := readTree(tree, s.status)
	d.Code, d.Message, d.FieldErrors = r.code, r.message, r.fields
	if r.requestID != "" {
		// The element's own name is the source: "body RequestId".
		d.RequestID, d.RequestIDSource = r.requestID, "body "+r.ridPath[strings.LastIndexByte(r.ridPath, '.')+1:]
	}
	if r.trailerID != "" {
		s.trailerID, s.trailerSource = r.trailerID, "body "+r.trailerPath[strings.LastIndexByte(r.trailerPath, '.')+1:]
	}
	d.Extra = xmlErrorExtra(tree, r)
}

// recognizeSOAPFault reads a SOAP fault. The code is the top-level one
// (env:Sender, SOAP-ENV:Server), the Subcode and the Detail's elements go
// to Extra as sent.
func recognizeSOAPFault(f map[string]any, d *Diagnosis) {
	d.Format = "soap-fault"
	code := obj(f, "Code")
	// SoapCore sends Code as text rather than Code/Value.
	d.Code = cmp.Or(str(f, "faultcode"), str(code, "Value"), str(f, "Code"))
	d.Message = cmp.Or(str(f, "faultstring"), reasonText(f["Reason"]))
	// SOAP 1.2's Value is one of five generic codes (Sender, Receiver,
	// ...); the innermost Subcode is the application's own (SOAP 1.2
	// Part 1, 5.4.6): it is the code, the generic one goes to Extra.
	for sub := obj(code, "Subcode"); sub != nil; sub = obj(sub, "Subcode") {
		if v := str(sub, "Value"); v != "" {
			if _, ok := d.Extra["Code"]; !ok {
				mergeExtra(d, map[string]any{"Code": d.Code})
			}
			d.Code = v
		}
	}
	if actor := cmp.Or(str(f, "faultactor"), str(f, "Role")); actor != "" {
		mergeExtra(d, map[string]any{"faultactor": actor})
	}
	for _, k := range []string{"Detail", "detail"} {
		det, ok := f[k]
		if !ok {
			continue
		}
		mergeExtra(d, map[string]any{k: det})
		// A vendor's detail element often carries the request id
		// (<RequestId>, <TraceId>) and, when the fault has none, a message.
		r := readTree(det, 500) // a fault is an error whatever the status
		if r.requestID != "" && d.RequestID == "" {
			d.RequestID, d.RequestIDSource = r.requestID, "body "+keyOf(r.ridPath)
		}
		if d.Message == "" {
			d.Message = r.message
		}
	}
}

// reasonText is SOAP 1.2's Reason/Text, the first one when the reason is
// given in several languages.
func reasonText(v any) string {
	t := asObjOrNil(v)["Text"]
	if a, ok := t.([]any); ok && len(a) > 0 {
		t = a[0]
	}
	switch x := t.(type) {
	case string:
		return x
	case map[string]any:
		return str(x, "message") // a Text with attributes of its own (see xmlNode.value)
	}
	return ""
}

// xmlErrorExtra keeps the other leaves of the element that holds the
// code (S3's <Resource>, <HostId>; SQS's <Type>), as sent.
func xmlErrorExtra(tree map[string]any, r reading) map[string]any {
	holder := errorHolder(tree, 0)
	if holder == nil {
		return nil
	}
	var out map[string]any
	for k, v := range holder {
		s, ok := v.(string)
		nk := normKey(k)
		if !ok || s == r.code || s == r.message || s == r.requestID || messageKeys[nk] >= 84 || codeKeys[nk] >= 80 || requestIDKeys[nk] > 0 && nk != "hostid" {
			continue
		}
		if out == nil {
			out = map[string]any{}
		}
		out[k] = s
	}
	return out
}

// errorHolder finds the element named Error, the first one, a few levels
// down.
func errorHolder(m map[string]any, depth int) map[string]any {
	if depth > 3 {
		return nil
	}
	for _, k := range sortedKeys(m) {
		v := m[k]
		if a, ok := v.([]any); ok && len(a) > 0 {
			v = a[0]
		}
		c, ok := v.(map[string]any)
		if !ok {
			continue
		}
		if strings.EqualFold(k, "error") {
			return c
		}
		if h := errorHolder(c, depth+1); h != nil {
			return h
		}
	}
	return nil
}
