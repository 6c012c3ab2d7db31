package openapi

import (
	"net/http"
	"testing"

	"github.com/apierr/apierr/formats"
)

// FuzzApply: whatever request a user pastes, matching and checking it
// against a real document neither panics nor loops.
func FuzzApply(f *testing.F) {
	f.Add("GET", "https://discord.com/api/v10/channels/1234/messages/pins?limit=500", "", "")
	f.Add("POST", "https://discord.com/api/v10/channels/1/messages/2/threads", `{"name": 5, "auto_archive_duration": [1]}`, "application/json")
	f.Add("PATCH", "https://discord.com/api/v10/guilds/%zz/members/{x}", `[[[[`, "application/x-www-form-urlencoded")
	ix := indexOf(f, "discord_openapi.json")
	f.Fuzz(func(t *testing.T, method, url, body, ctype string) {
		d := formats.Diagnosis{Status: 400}
		ix.Apply(&d, Request{Method: method, URL: url, Header: http.Header{"Content-Type": {ctype}}, Body: body}, ApplyOptions{CheckAlways: true})
		if len(d.Violations) > maxViolations {
			t.Fatalf("%d violations", len(d.Violations))
		}
	})
}

// FuzzLoad: a broken document is refused with an error, never a panic.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a: {get: {responses: {'200': {description: ok}}}}\n"))
	f.Add([]byte(`{"swagger": "2.0", "info": {"title": "x", "version": "1"}, "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}}}`))
	f.Add([]byte(`{"openapi": "3.1.0", "paths": {"/a": {"$ref": "#/paths/~1a"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		spec, err := Load(data, LoadOptions{Location: "fuzz"})
		if err == nil {
			Build(spec, BuildOptions{Name: "f"})
		}
	})
}
