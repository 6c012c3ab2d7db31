package formats

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// The parser is encoding/json's; these tests pin what recognition relies
// on: numbers kept as written, the last duplicate key winning, invalid
// UTF-8 and lone surrogates as U+FFFD, bounded nesting, and the offsets
// and reasons the invalid-JSON note quotes.

func TestParseJSON(t *testing.T) {
	num := func(s string) json.Number { return json.Number(s) }
	tests := []struct {
		in   string
		want any
	}{
		{`null`, nil},
		{` true `, true},
		{"\n\tfalse\r\n", false},
		{`-0`, num("-0")},
		{`1e400`, num("1e400")},
		{`12345678901234567890123`, num("12345678901234567890123")},
		{`-1.5E-3`, num("-1.5E-3")},
		{`""`, ""},
		{`"plain"`, "plain"},
		{`"caf\u00e9 \"q\" \\ \/ \b\f\n\r\t"`, "café \"q\" \\ / \b\f\n\r\t"},
		{`"\ud83d\ude00"`, "😀"},
		{`"\ud83d"`, "\uFFFD"},
		{`"\ude00"`, "\uFFFD"},
		{`"\ud83d\u0041"`, "\uFFFDA"},
		{`"\ud83d\ud83d\ude00"`, "\uFFFD😀"},
		{"\"a\xffb\"", "a\uFFFDb"},
		{"\"\xed\xa0\x80\"", "\uFFFD\uFFFD\uFFFD"},
		{"\"\xe2\x82\xac\"", "€"},
		{`[]`, []any{}},
		{`{}`, map[string]any{}},
		{`[1,"a",[null],{}]`, []any{num("1"), "a", []any{nil}, map[string]any{}}},
		{`{"a":1,"b":{"c":[true]},"a":2}`, map[string]any{"a": num("2"), "b": map[string]any{"c": []any{true}}}},
		{`{"error":"not found","request_id":"req-123"}`, map[string]any{"error": "not found", "request_id": "req-123"}},
		{`[{"a":[1,{"b":2}],"c":3},[4,5]]`, []any{map[string]any{"a": []any{num("1"), map[string]any{"b": num("2")}}, "c": num("3")}, []any{num("4"), num("5")}}},
	}
	for _, tt := range tests {
		got, err := parseJSON(tt.in)
		if err != nil {
			t.Errorf("parseJSON(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseJSON(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestParseJSONErrors(t *testing.T) {
	tests := []struct {
		in      string
		wantOff int64
		wantMsg string
	}{
		{`{"message": "bad", oops}`, 20, "invalid character 'o' looking for beginning of object key string"},
		{`{"a" 1}`, 6, "invalid character '1' after object key"},
		{`{"a":1 "b":2}`, 8, "invalid character '\"' after object key:value pair"},
		{`[1 2]`, 4, "invalid character '2' after array element"},
		{`[01]`, 3, "invalid character '1' after array element"},
		{`[1,]`, 4, "invalid character ']' looking for beginning of value"},
		{`"\x"`, 3, `invalid character 'x' in string escape code`},
		{`"\u12g4"`, 6, `invalid character 'g' in \u hexadecimal character escape`},
		{"\"a\nb\"", 3, `invalid character '\n' in string literal`},
		{`trux`, 4, "invalid character 'x' in literal true (expecting 'e')"},
		{`[1.x]`, 4, "invalid character 'x' after decimal point in numeric literal"},
		{`[1e+]`, 5, "invalid character ']' in exponent of numeric literal"},
		{"\xef\xbb\xbf{}", 1, "invalid character 'ï' looking for beginning of value"},
		{`{"error":{"code":"E1","message":"Something broke","details":[{"fi`, 65, "the body ends in the middle of a value (truncated?)"},
		{`[1`, 2, "the body ends in the middle of a value (truncated?)"},
		{`{"error":"x"} {"error":"y"}`, 13, "unexpected data after the JSON value"},
		{`01`, 1, "unexpected data after the JSON value"},
	}
	for _, tt := range tests {
		_, err := parseJSON(tt.in)
		if err == nil {
			t.Errorf("parseJSON(%q) succeeded", tt.in)
			continue
		}
		off, msg := jsonErrorOffset(tt.in, err)
		if off != tt.wantOff || msg != tt.wantMsg {
			t.Errorf("parseJSON(%q): offset %d %q, want %d %q", tt.in, off, msg, tt.wantOff, tt.wantMsg)
		}
	}
}

// TestParseJSONDeep checks that nesting is bounded: 100 000 levels are an
// error, not a stack overflow.
func TestParseJSONDeep(t *testing.T) {
	if _, err := parseJSON(string(deep("[", "]", 10000, true))); err != nil {
		t.Errorf("10000 levels: %v", err)
	}
	for _, b := range [][]byte{
		deep("[", "]", 100000, true),
		deep(`{"a":`, "}", 100000, true),
		deep("[", "]", 100000, false),
		deep(`[{"a":`, "}]", 100000, true),
	} {
		_, err := parseJSON(string(b))
		if off, msg := jsonErrorOffset(string(b), err); err == nil || !strings.Contains(msg, "exceeded max depth") {
			t.Errorf("%.20s...: error %v at %d", b, err, off)
		}
	}
}
