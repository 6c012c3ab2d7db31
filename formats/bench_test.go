package formats

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// seedBenchmarks are the five seed APIs' documented examples.
var seedBenchmarks = []string{
	"seed-occuspace-404",
	"seed-raalabs-400",
	"seed-octo-invalid-product-id",
	"seed-hanger-selector-400",
	"seed-therealreal-422",
}

// seedExamples loads the seed examples by name.
func seedExamples(b *testing.B) []published {
	all := loadPublished(b)
	var out []published
	for _, name := range seedBenchmarks {
		for _, p := range all {
			if strings.TrimSuffix(p.file, ".txt") == name {
				out = append(out, p)
			}
		}
	}
	if len(out) != len(seedBenchmarks) {
		b.Fatalf("found %d of %d seed examples", len(out), len(seedBenchmarks))
	}
	return out
}

// BenchmarkDetectSeeds measures the whole Detect (recognition and
// explanation) on each seed example; the target is 20 µs and 60
// allocations per call.
func BenchmarkDetectSeeds(b *testing.B) {
	for _, p := range seedExamples(b) {
		b.Run(strings.TrimPrefix(strings.TrimSuffix(p.file, ".txt"), "seed-"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Detect(p.status, p.header, p.body)
			}
		})
	}
}

// BenchmarkRecognizeSeeds measures recognition alone, so that the cost of
// explain is the difference from BenchmarkDetectSeeds.
func BenchmarkRecognizeSeeds(b *testing.B) {
	for _, p := range seedExamples(b) {
		b.Run(strings.TrimPrefix(strings.TrimSuffix(p.file, ".txt"), "seed-"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				recognize(p.status, p.header, string(p.body), exampleNow)
			}
		})
	}
}

// BenchmarkDetect1MiB and BenchmarkUnmarshal1MiB compare Detect on a
// 1 MiB JSON error body with a plain json.Unmarshal of it into any: the
// target is at most 1.5 times the plain decode.
func BenchmarkDetect1MiB(b *testing.B) {
	body := bigJSON(1 << 20)
	h := http.Header{"Content-Type": {"application/json"}}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Detect(422, h, body)
	}
}

func BenchmarkUnmarshal1MiB(b *testing.B) {
	body := bigJSON(1 << 20)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			b.Fatal(err)
		}
	}
}
