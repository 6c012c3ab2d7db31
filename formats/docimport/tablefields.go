package docimport

import (
	"github.com/apierr/apierr/formats"
)

func (x *extractor) fieldTable(b block, cols []column) {
	fc := 0
	if k := colIndex(cols, colField, -1); k >= 0 {
		fc = k
	}
	tc := colIndex(cols, colType, fc)
	dc := colIndex(cols, colDescription, fc)
	seen := map[string]bool{}
	for _, f := range x.p.Fields {
		seen[f.Name] = true
	}
	for _, row := range b.rows {
		if fc >= len(row) {
			continue
		}
		name := stripMarks(row[fc])
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		x.p.Fields = append(x.p.Fields, formats.FieldDoc{
			Name:        name,
			Type:        x.cell(b, row, tc, name),
			Description: x.cell(b, row, dc, name),
		})
	}
}
