package openapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apierr/apierr/formats"
)

// largeCopies is how many times the Discord document is repeated to make
// a document of the size real large ones reach: 15 copies are about
// 17 MB and 3,630 operations.
const largeCopies = 15

var (
	largeOnce sync.Once
	largeDoc  []byte
)

// largeSpec is Discord's published document (testdata/SOURCES.md)
// repeated largeCopies times, each copy under its own path prefix with
// its own components (renamed, $refs rewritten), so that the result has
// the shape of a real document, only bigger.
func largeSpec(tb testing.TB) []byte {
	largeOnce.Do(func() {
		data, err := os.ReadFile("testdata/discord_openapi.json")
		if err != nil {
			tb.Fatal(err)
		}
		var root map[string]any
		if err := json.Unmarshal(data, &root); err != nil {
			tb.Fatal(err)
		}
		paths := map[string]any{}
		comps := map[string]map[string]any{}
		for k := 0; k < largeCopies; k++ {
			prefix := fmt.Sprintf("c%d_", k)
			copyOf := renameRefs(deepCopy(root), prefix).(map[string]any)
			for p, item := range copyOf["paths"].(map[string]any) {
				paths[fmt.Sprintf("/v%d%s", k, p)] = item
			}
			for kind, set := range copyOf["components"].(map[string]any) {
				if comps[kind] == nil {
					comps[kind] = map[string]any{}
				}
				for name, v := range set.(map[string]any) {
					if kind == "securitySchemes" {
						comps[kind][name] = v
						continue
					}
					comps[kind][prefix+name] = v
				}
			}
		}
		root["paths"] = paths
		cm := map[string]any{}
		for k, v := range comps {
			cm[k] = v
		}
		root["components"] = cm
		largeDoc, _ = json.MarshalIndent(root, "", "  ")
	})
	return largeDoc
}

func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, x := range t {
			m[k] = deepCopy(x)
		}
		return m
	case []any:
		a := make([]any, len(t))
		for i, x := range t {
			a[i] = deepCopy(x)
		}
		return a
	}
	return v
}

// renameRefs points every local component $ref at the prefixed name.
func renameRefs(v any, prefix string) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if s, ok := x.(string); ok && k == "$ref" && strings.HasPrefix(s, "#/components/") {
				parts := strings.SplitN(s, "/", 4)
				if len(parts) == 4 && parts[2] != "securitySchemes" {
					t[k] = "#/components/" + parts[2] + "/" + prefix + parts[3]
				}
				continue
			}
			t[k] = renameRefs(x, prefix)
		}
	case []any:
		for i, x := range t {
			t[i] = renameRefs(x, prefix)
		}
	}
	return v
}

func heapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// BenchmarkImportLarge: loading, building and encoding a 17 MB
// document (import must take < 10 s). It reports the document's size,
// its operations, the heap while the document is loaded, and the heap
// held by its decoded index alone (what send and explain keep).
func BenchmarkImportLarge(b *testing.B) {
	doc := largeSpec(b)
	base := heapMB()
	var enc []byte
	var ops int
	var loadedMB float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		spec, err := Load(doc, LoadOptions{Location: "large.json"})
		if err != nil {
			b.Fatal(err)
		}
		_, ix := Build(spec, BuildOptions{Name: "large", Source: "large.json"})
		if enc, err = ix.Encode(); err != nil {
			b.Fatal(err)
		}
		ops = len(ix.Ops)
		b.StopTimer()
		loadedMB = heapMB() - base
		runtime.KeepAlive(spec)
		b.StartTimer()
	}
	b.StopTimer()
	before := heapMB()
	start := time.Now()
	ix, err := DecodeIndex(enc)
	if err != nil {
		b.Fatal(err)
	}
	decode := time.Since(start)
	ix.Lookup("GET", "/v0/users/@me")
	indexMB := heapMB() - before
	runtime.KeepAlive(ix)
	b.ReportMetric(float64(len(doc))/(1<<20), "doc-MB")
	b.ReportMetric(float64(ops), "operations")
	b.ReportMetric(loadedMB, "heap-MB-with-doc")
	b.ReportMetric(float64(len(enc))/(1<<10), "index-KB")
	b.ReportMetric(indexMB, "heap-MB-index")
	b.ReportMetric(float64(decode.Milliseconds()), "index-load-ms")
}

// BenchmarkLookup: tying a request to its operation on the large
// document (3,630 operations; < 1 ms required).
func BenchmarkLookup(b *testing.B) {
	spec, err := Load(largeSpec(b), LoadOptions{Location: "large.json"})
	if err != nil {
		b.Fatal(err)
	}
	_, ix := Build(spec, BuildOptions{Source: "large.json"})
	paths := []struct{ method, path string }{
		{"GET", "/api/v10/v14/channels/1234/messages/pins"},
		{"POST", "/api/v10/v7/channels/1/messages/2/threads"},
		{"GET", "/api/v10/v3/guilds/1/members"},
		{"PATCH", "/api/v10/v11/applications/1/guilds/2/commands/3/permissions"},
		{"GET", "/api/v10/v0/users/@me"},
		{"DELETE", "/api/v10/v9/nowhere/at/all"},
	}
	ix.Lookup("GET", "/") // build the router outside the timing
	b.ReportMetric(float64(len(ix.Ops)), "operations")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := paths[i%len(paths)]
		ix.Lookup(p.method, p.path)
	}
}

// BenchmarkApply: matching plus checking a request with a body.
func BenchmarkApply(b *testing.B) {
	ix := indexOf(b, "discord_openapi.json")
	req := Request{Method: "POST", URL: "https://discord.com/api/v10/channels/1/messages/2/threads",
		Header: http.Header{"Content-Type": {"application/json"}}, Body: `{"rate_limit_per_user": 99999, "auto_archive_duration": 61}`}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := formats.Diagnosis{Status: 400}
		ix.Apply(&d, req, ApplyOptions{})
	}
}

// The large document is what the benchmarks say it is.
func TestLargeSpecShape(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an 17 MB document")
	}
	doc := largeSpec(t)
	if len(doc) < 10<<20 {
		t.Fatalf("%d bytes", len(doc))
	}
	spec, err := Load(doc, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, ix := Build(spec, BuildOptions{})
	if len(ix.Ops) < 2000 {
		t.Fatalf("%d operations", len(ix.Ops))
	}
	op, _, _, _ := ix.Lookup("GET", "/api/v10/v14/channels/1234/messages/pins")
	if op == nil || op.Path != "/v14/channels/{channel_id}/messages/pins" {
		t.Fatalf("lookup: %v", op)
	}
}
