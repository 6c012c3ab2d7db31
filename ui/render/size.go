package render

import (
	"fmt"
	"strconv"
)

// Size writes a byte count the way people read it, in the one unit system
// apierr uses everywhere (IEC, as the body caps are set): 812 B, 12.3 KiB,
// 50.0 MiB, 1 MiB for exact powers.
func Size(n int64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	v, u := float64(n)/unit, "KiB"
	for _, next := range []string{"MiB", "GiB", "TiB"} {
		if v < unit {
			break
		}
		v, u = v/unit, next
	}
	if v == float64(int(v)) && v < 10 {
		return fmt.Sprintf("%d %s", int(v), u)
	}
	return fmt.Sprintf("%.1f %s", v, u)
}
