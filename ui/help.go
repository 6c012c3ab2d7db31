package ui

import (
	"strings"

	"github.com/apierr/apierr/ui/bodyview"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// renderHelp is the help screen: every binding of the KeyMap and of the
// body viewer's, grouped by the pane it belongs to, in as many columns as
// fit in width.
func renderHelp(k KeyMap, body bodyview.KeyMap, width int, st Styles) string {
	groups := k.FullHelp()
	bodyGroup := helpGroup{Title: "Response body"}
	for _, col := range body.FullHelp() {
		bodyGroup.Bindings = append(bodyGroup.Bindings, col...)
	}
	groups = append(groups[:2:2], append([]helpGroup{bodyGroup}, groups[2:]...)...)
	blocks := make([]string, 0, len(groups))
	widest := 0
	for _, g := range groups {
		kw := 0
		for _, b := range g.Bindings {
			kw = max(kw, ansi.StringWidth(b.Help().Key))
		}
		lines := []string{st.HelpGroup.Render(g.Title)}
		for _, b := range g.Bindings {
			h := b.Help()
			pad := strings.Repeat(" ", kw-ansi.StringWidth(h.Key)+2)
			lines = append(lines, st.HelpKey.Render(h.Key)+pad+st.HelpDesc.Render(h.Desc))
		}
		block := strings.Join(lines, "\n")
		widest = max(widest, lipgloss.Width(block))
		blocks = append(blocks, block)
	}
	intro := st.Muted.Render(hang("Typing in a field never triggers a shortcut except ctrl+… and alt+… keys, tab and esc (alt+b, alt+c and alt+l edit words in the editors). esc closes this help; ↑/↓ scroll it.", width, 0))
	cols := max(min(width/(widest+3), len(blocks)), 1)
	var rows []string
	for i := 0; i < len(blocks); i += cols {
		row := []string{}
		for j := i; j < min(i+cols, len(blocks)); j++ {
			row = append(row, lipgloss.NewStyle().Width(widest+3).Render(blocks[j]))
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...), "")
	}
	return cutLines(strings.Split(lipgloss.JoinVertical(lipgloss.Left, append([]string{intro, ""}, rows...)...), "\n"), width)
}
