package inert

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// hostile holds what a server can send to take over a terminal: OSC 52
// (clipboard write) and OSC 0 (window title) with ESC and with their C1
// forms, a CSI colour, bidi overrides and isolates, and an invalid byte.
const hostile = "id-\x1b]52;c;ZXZpbA==\x07-\x1b]0;pwned\x07-\u009d0;t\u009c-\u009b31m-\u202eabc\u202c-\u2066x\u2069-\xff-\x7f"

func TestTextLeavesNoControl(t *testing.T) {
	for _, keep := range []bool{true, false} {
		got := Text(hostile+"\nnext\r\n", keep)
		for _, r := range got {
			if r < 0x20 && !(keep && r == '\n') || r == 0x7f || Unsafe(r) {
				t.Errorf("keepNewlines=%v: %U survived in %q", keep, r, got)
			}
		}
		if !strings.Contains(got, "␛]52;c;ZXZpbA==␇") || !strings.Contains(got, `\u009d`) || !strings.Contains(got, `\u202e`) || !strings.Contains(got, `\xff`) {
			t.Errorf("not shown visibly: %q", got)
		}
	}
	if s := "Location 1560 not found — café"; Text(s, false) != s {
		t.Error("plain text changed")
	}
}

func TestJSONEscapesC1AndBidi(t *testing.T) {
	v := map[string]string{"request_id": hostile, "ok": "café → ok"}
	var buf bytes.Buffer
	enc := NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	a, _ := MarshalIndent(v, "", "  ")
	b, _ := Marshal(v)
	for _, out := range [][]byte{buf.Bytes(), a, b} {
		for _, r := range string(out) {
			if r < 0x20 && r != '\n' || r == 0x7f || Unsafe(r) {
				t.Errorf("%U raw in %s", r, out)
			}
		}
		var back map[string]string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatal(err)
		}
		if back["ok"] != v["ok"] || !strings.Contains(back["request_id"], "\u009d0;t\u009c") || !strings.Contains(back["request_id"], "\u202eabc") {
			t.Errorf("the JSON does not decode to the same text: %q", back)
		}
	}
}
