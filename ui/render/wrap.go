package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap wraps s to width cells at spaces only. ansi.Wrap also breaks after
// every hyphen, which splits ids such as "error-object", URLs and UUIDs
// across lines; a word wider than the line is still broken.
func Wrap(s string, width int) string {
	const nbHyphen = "\u2011"
	s = strings.ReplaceAll(s, "-", nbHyphen)
	return strings.ReplaceAll(ansi.Wrap(s, width, ""), nbHyphen, "-")
}
