package openapi

import (
	"encoding/json"
	"os"
	"testing"
)

func TestExplore(t *testing.T) {
	f := os.Getenv("SPEC")
	data, _ := os.ReadFile("testdata/" + f)
	spec, err := Load(data, LoadOptions{Location: f})
	if err != nil {
		t.Fatal(err)
	}
	_, ix := Build(spec, BuildOptions{Name: "x", Source: f})
	n := 0
	for _, op := range ix.Ops {
		interesting := false
		for _, p := range op.Params {
			s := ix.schema(p.Schema)
			if p.In != "path" && (p.Required || s.Max != nil || len(s.Enum) > 0 || s.Pattern != "" || s.Format != "") {
				interesting = true
			}
		}
		if op.Body != nil {
			for _, m := range op.Body.Media {
				if len(ix.schema(m.Schema).Required) > 0 {
					interesting = true
				}
			}
		}
		if !interesting || n > 12 {
			continue
		}
		n++
		t.Logf("%s sec=%v", op.Name(), op.Security)
		for _, p := range op.Params {
			b, _ := json.Marshal(ix.schema(p.Schema))
			t.Logf("   param %s %s req=%v %s", p.In, p.Name, p.Required, b)
		}
		if op.Body != nil {
			for _, m := range op.Body.Media {
				s := ix.schema(m.Schema)
				t.Logf("   body %s req=%v required=%v", m.Type, op.Body.Required, s.Required)
				for k, v := range s.Props {
					b, _ := json.Marshal(ix.schema(v))
					if len(b) < 200 {
						t.Logf("      %s %s", k, b)
					}
				}
			}
		}
		for _, r := range op.Responses {
			t.Logf("   resp %s %q members=%d codes=%d", r.Status, r.Description, len(r.Members), len(r.Codes))
		}
	}
}
