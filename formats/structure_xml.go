package formats

import (
	"encoding/xml"
	"io"
	"strings"
)

// xmlNode is an XML element read into the shape the structural reader
// walks: child elements and attributes become members by local name (a
// repeated element becomes a list), an element with no children becomes
// its text, white space collapsed.
type xmlNode struct {
	name  string
	space string // namespace URI
	m     map[string]any
	text  strings.Builder
	kids  bool // has child elements
}

// maxXMLDepth bounds the elements kept: deeper ones are skipped, so a
// 100 000-deep document costs no more than a shallow one.
const maxXMLDepth = 32

// xmlTree reads an XML document into {rootName: tree} and returns the
// root element's name and namespace. It reads at most maxXMLTokens tokens
// and is lenient (HTML entities, unknown charsets read as they are), as
// error documents are often hand-made.
func xmlTree(b string) (tree map[string]any, root, space string) {
	dec := xml.NewDecoder(strings.NewReader(b))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	tree = map[string]any{}
	var stack []*xmlNode
	skipped := 0 // open elements below maxXMLDepth
	// closeTop ends the innermost open element: it becomes a member of
	// its parent, or the tree's root.
	closeTop := func() {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		v := n.value()
		if len(stack) > 0 {
			stack[len(stack)-1].kids = true
			stack[len(stack)-1].add(n.name, v)
		} else if _, seen := tree[n.name]; !seen {
			tree[n.name] = v
		}
	}
	for i := 0; i < maxXMLTokens; i++ {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxXMLDepth || skipped > 0 {
				skipped++
				continue
			}
			n := &xmlNode{name: t.Name.Local, space: t.Name.Space}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				n.add(a.Name.Local, xmlText(a.Value))
			}
			if len(stack) == 0 && root == "" {
				root, space = n.name, n.space
			}
			stack = append(stack, n)
		case xml.CharData:
			if skipped == 0 && len(stack) > 0 {
				if n := stack[len(stack)-1]; n.text.Len()+len(t) <= maxXMLText {
					n.text.Write(t)
				}
			}
		case xml.EndElement:
			if skipped > 0 {
				skipped--
				continue
			}
			if len(stack) > 0 {
				closeTop()
			}
		}
	}
	// A document cut short still gives what it opened.
	for len(stack) > 0 {
		closeTop()
	}
	return tree, root, space
}

// value is what n stands for in its parent: its members, or its text
// when it has no child elements (xml:lang, xsi:type and xsi:nil
// attributes of a leaf are dropped then; others keep it an object, its
// text as its message).
func (n *xmlNode) value() any {
	t := xmlText(n.text.String())
	if n.kids || t == "" && n.m != nil {
		return n.m
	}
	for k := range n.m {
		if k != "lang" && k != "type" && k != "nil" {
			// <error field="email">is invalid</error>: the attributes
			// matter, the text is the element's message.
			n.m["message"] = t
			return n.m
		}
	}
	return t
}

// add sets member k of n to v; a repeated member becomes a list.
func (n *xmlNode) add(k string, v any) {
	if s, ok := v.(string); ok && s == "" {
		return
	}
	if n.m == nil {
		n.m = map[string]any{}
	}
	switch old := n.m[k].(type) {
	case nil:
		n.m[k] = v
	case []any:
		n.m[k] = append(old, v)
	default:
		n.m[k] = []any{old, v}
	}
}

// xmlText is an element's text, valid UTF-8 with white space collapsed.
func xmlText(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// xmlRPCStruct turns an XML-RPC <struct> (members of <name> and <value>)
// into a plain object, its values' type elements (<int>, <string>, ...)
// dropped: {"faultCode": "4", "faultString": "Too many parameters."}.
func xmlRPCStruct(v any) map[string]any {
	st := obj(asObjOrNil(v), "struct")
	if st == nil {
		return nil
	}
	members, ok := st["member"].([]any)
	if !ok {
		members = []any{st["member"]}
	}
	out := map[string]any{}
	for _, mv := range members {
		m := asObjOrNil(mv)
		name := str(m, "name")
		if name == "" {
			continue
		}
		switch val := m["value"].(type) {
		case string:
			out[name] = val
		case map[string]any:
			for _, k := range sortedKeys(val) {
				if s, ok := val[k].(string); ok {
					out[name] = s
					break
				}
			}
		}
	}
	return out
}
