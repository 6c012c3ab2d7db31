package openapi

import (
	"os"
	"sync"
	"testing"
)

// loaded caches each test document's index: several tests read the same
// vendor documents.
var (
	loadedMu sync.Mutex
	loaded   = map[string]*Index{}
)

// indexOf loads and builds testdata/file.
func indexOf(t testing.TB, file string) *Index {
	t.Helper()
	loadedMu.Lock()
	defer loadedMu.Unlock()
	if ix, ok := loaded[file]; ok {
		return ix
	}
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	spec, err := Load(data, LoadOptions{Location: file})
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	_, ix := Build(spec, BuildOptions{Name: "t", Source: file})
	loaded[file] = ix
	return ix
}
