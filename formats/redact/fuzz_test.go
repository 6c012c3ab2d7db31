package redact

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRedactTwice checks that redacting is stable (a second pass changes
// nothing, so stored exchanges can be redacted again on the way out) and
// that no input makes the redactor panic. The seeds are the published
// bodies and shapes of the other tests.
func FuzzRedactTwice(f *testing.F) {
	for _, s := range []string{
		`{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600}`,
		`{"credentials":{"user":"ann","pin":1234},"tokens":["a","bcdef"]}`,
		"grant_type=password&username=ann&password=hunter2;x=1",
		"see https://t0ken@host.example/x?api_key=abc&sig=1 and Bearer x",
		"Authorization: Basic dXNlcjpwYXNz\r\nCookie: abc",
		"token was " + jwt + " ok " + ghToken + " " + awsKey,
		`<Error><Code>x</Code><Message>password=abc</Message></Error>`,
		`{"otp":123456,"secret":{"a":[1,"b",-2.5e3]},"n":[{"apiKey":"k"}]}`,
		"https://ann:pw@x.test/a;token=abc;b=1#access_token=t&s=1",
		`{"token": "a\"b\u0041", "x": "Bearer abc.def"}`,
		"sid=xyz; theme=dark; rawvalue",
	} {
		f.Add(s)
	}
	r := New([]string{"tenant_pin"})
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for name, fn := range map[string]func(string) string{"Body": r.Body, "Text": r.Text, "URL": r.URL,
			"Header": func(v string) string { return r.Header("Authorization", v) }} {
			once := fn(s)
			if twice := fn(once); twice != once {
				t.Errorf("%s is not stable:\n in   %q\n once %q\n twice %q", name, s, once, twice)
			}
		}
		lit := New(nil).WithSecrets(strings.TrimSpace(s))
		once := lit.Text("x " + s + " y")
		if twice := lit.Text(once); twice != once {
			t.Errorf("literal scrub is not stable: %q then %q", once, twice)
		}
	})
}
