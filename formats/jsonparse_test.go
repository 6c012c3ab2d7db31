package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
)

// decodeStdlib is what parseJSON must agree with: encoding/json's Decoder
// with UseNumber, rejecting anything but white space after the value.
func decodeStdlib(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	off := dec.InputOffset()
	if len(bytes.TrimLeft(b[off:], " \t\r\n")) > 0 {
		return nil, trailingDataError(off)
	}
	return v, nil
}

// checkSameAsStdlib fails unless parseJSON and decodeStdlib accept or
// reject b alike, give equal values, and report errors the same way:
// the same message and offset for a syntax error, "truncated" for an
// early end, the same offset for trailing data.
func checkSameAsStdlib(t *testing.T, b []byte) {
	t.Helper()
	want, werr := decodeStdlib(b)
	got, gerr := parseJSON(b)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("parse(%.200q): error %v, encoding/json: %v", b, gerr, werr)
	}
	if werr == nil {
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parse(%.200q) =\n%#v\nencoding/json:\n%#v", b, got, want)
		}
		return
	}
	var wse *json.SyntaxError
	var wtd trailingDataError
	gse, _ := gerr.(*jsonSyntaxError)
	gtd, gotTrailing := gerr.(trailingDataError)
	switch {
	case errors.As(werr, &wtd):
		if !gotTrailing || gtd != wtd {
			t.Fatalf("parse(%.200q): error %#v, want trailing data at %d", b, gerr, wtd)
		}
	case errors.As(werr, &wse):
		if gse == nil || gse.truncated || gse.off != wse.Offset || gse.Error() != wse.Error() {
			t.Fatalf("parse(%.200q): error %#v (%v), want %q at %d", b, gerr, gerr, wse.Error(), wse.Offset)
		}
	case errors.Is(werr, io.ErrUnexpectedEOF), errors.Is(werr, io.EOF):
		if gse == nil || !gse.truncated {
			t.Fatalf("parse(%.200q): error %#v (%v), want truncated", b, gerr, gerr)
		}
	default:
		t.Fatalf("parse(%.200q): encoding/json gave an unexpected error %#v", b, werr)
	}
}

// trickyJSON are inputs where a hand-written parser is easy to get wrong.
var trickyJSON = []string{
	``, ` `, "\t\r\n", `{`, `[`, `"`, `"abc`, `t`, `tru`, `nul`, `-`, `1.`, `1e`, `1e+`, `{"a"`, `{"a":`, `{"a":1`, `{"a":1,`, `[1,`, `"\`, `"\u12`, `"\ud800\udc0`,
	`null`, `true`, `false`, `0`, `-0`, `-0.0`, `1e400`, `-1e-400`, `1E+2`, `123456789012345678901234567890`, `0.000001`, `3.14159`,
	`01`, `-01`, `[01]`, `{"a":01}`, `1.e5`, `.5`, `+1`, `-x`, `1ex`, `[1e]`, `0x10`, `Infinity`, `NaN`, `[-]`,
	`trux`, `fals`, `falsy`, `nulL`, `[true false]`, `[true,]`, `[,1]`, `[1,,2]`, `{"a":1,}`, `{,}`, `{"a" 1}`, `{"a":1 "b":2}`, `{1:2}`, `{'a':1}`, `{"a":1]`, `[1}`, `]`, `}`, `:`, `,`,
	`[]`, `{}`, ` [ ] `, "\n{ }\n", `[[],{},[{}]]`, `[null,true,false,"",0]`, `{"":""}`,
	`{"a":1,"a":2}`, `{"a":{"b":1},"a":[1]}`, `{"a":1,"b":2,"a":3,"b":4}`,
	`"\"\\\/\b\f\n\r\t"`, `"\u0000"`, `"\u00e9\u00E9"`, `"\uffff"`, `"\uFEFF"`, `"\'"`, `"\x"`, `"\u"`, `"\u00g0"`, `"\U0041"`,
	`"\ud83d\ude00"`, `"\uD83D\uDE00"`, `"\ud83d"`, `"\ude00"`, `"\ude00\ud83d"`, `"\ud83d\ud83d\ude00"`, `"\ud83dx"`, `"\ud83d\u0041"`, `"\ud83d\n"`, `"\ud83d\uzzzz"`, `"\ud83d\\"`, `"a\udc00b"`,
	"\"\xff\"", "\"a\xffb\"", "\"\xc3\"", "\"\xc3\x28\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xe2\x82\"", "\"\xe2\x82\xac\"", "\"\xef\xbf\xbd\"", "\"\xc0\xaf\"", "\"\\n\xff\"", "{\"\xff\":1}", "\"\xe2\x82",
	"\"a\x00b\"", "\"a\x1fb\"", "\"a\x7fb\"", "\"tab\there\"", "\"new\nline\"",
	"\xef\xbb\xbf{}", "\xef\xbb\xbf\"x\"", "\x00", "{}\x00", "\"\xff", "\xff",
	`{"a":1} `, `{"a":1} x`, `{"a":1}{"b":2}`, `1 2`, `"a""b"`, `[1]]`, `nullnull`, `1x`, `truex`, `{"a":1}  ,`,
	`{"error":"not found","request_id":"req-123"}`,
	`{"error":{"code":"E1","message":"Something broke","details":[{"fi`,
	`{"message": "bad", oops}`,
}

func TestParseJSONMatchesEncodingJSON(t *testing.T) {
	for _, s := range trickyJSON {
		checkSameAsStdlib(t, []byte(s))
	}
	for _, p := range loadPublished(t) {
		checkSameAsStdlib(t, p.body)
		checkSameAsStdlib(t, []byte(trimText(string(p.body))))
	}
	for _, n := range []int{9999, 10000, 10001} {
		checkSameAsStdlib(t, deep("[", "]", n, true))
		checkSameAsStdlib(t, deep(`{"a":`, "}", n, true))
		checkSameAsStdlib(t, deep("[", "]", n, false))
	}
	checkSameAsStdlib(t, bigJSON(1<<16))
	checkSameAsStdlib(t, []byte(`"`+strings.Repeat(`\u00e9x\ud83d\ude00`, 1000)+`"`))
	checkSameAsStdlib(t, []byte("\""+strings.Repeat("\xff", 1000)+"\""))
}

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
		got, err := parseJSON([]byte(tt.in))
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
		b := []byte(tt.in)
		_, err := parseJSON(b)
		if err == nil {
			t.Errorf("parseJSON(%q) succeeded", tt.in)
			continue
		}
		off, msg := jsonErrorOffset(b, err)
		if off != tt.wantOff || msg != tt.wantMsg {
			t.Errorf("parseJSON(%q): offset %d %q, want %d %q", tt.in, off, msg, tt.wantOff, tt.wantMsg)
		}
	}
}

// TestParseJSONDeep checks that nesting is bounded like encoding/json's,
// quickly and without exhausting the stack.
func TestParseJSONDeep(t *testing.T) {
	if _, err := parseJSON(deep("[", "]", maxJSONDepth, true)); err != nil {
		t.Errorf("%d levels: %v", maxJSONDepth, err)
	}
	start := time.Now()
	for _, b := range [][]byte{
		deep("[", "]", 100000, true),
		deep(`{"a":`, "}", 100000, true),
		deep("[", "]", 100000, false),
		deep(`[{"a":`, "}]", 100000, true),
	} {
		_, err := parseJSON(b)
		if off, msg := jsonErrorOffset(b, err); err == nil || !strings.Contains(msg, "exceeded max depth") {
			t.Errorf("%.20s...: error %v at %d", b, err, off)
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("deep input took %v", d)
	}
}

// TestParseJSONAllocs keeps a small error body down to its values: the
// body's one string copy, the map and the two boxed strings.
func TestParseJSONAllocs(t *testing.T) {
	b := []byte(`{"error":"not found","request_id":"req-123"}`)
	parseJSON(b) // fill the pool
	n := testing.AllocsPerRun(100, func() {
		if _, err := parseJSON(b); err != nil {
			t.Fatal(err)
		}
	})
	if n > 6 {
		t.Errorf("%v allocations, want at most 6", n)
	}
}

// FuzzParseJSONMatchesEncodingJSON checks parseJSON against encoding/json
// on arbitrary input: the same decision, the same value, the same error.
// The seed corpus is every published example's body, trickyJSON, deep
// nesting either side of the limit, a long escaped string, and any inputs
// committed under testdata/fuzz/FuzzParseJSONMatchesEncodingJSON.
func FuzzParseJSONMatchesEncodingJSON(f *testing.F) {
	for _, p := range loadPublished(f) {
		f.Add(p.body)
	}
	for _, s := range trickyJSON {
		f.Add([]byte(s))
	}
	f.Add(deep("[", "]", 10001, true))
	f.Add(deep(`{"a":`, "}", 10000, true))
	f.Add([]byte(`"` + strings.Repeat(`\u00e9x\ud83d\ude00`, 100) + strings.Repeat("\xff", 100) + `"`))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkSameAsStdlib(t, b)
	})
}
