// Package render holds pure functions that turn apierr's data into text
// for a terminal: no I/O, no bubbletea. Both the CLI printers and the TUI
// use them.
package render

import "github.com/apierr/apierr/formats/inert"

// Inert returns s with every control character, escape sequence opener,
// bidi control and invalid UTF-8 byte replaced by a visible, harmless
// form, so text from a server can never drive the terminal (no colours,
// no cursor moves, no OSC 52 clipboard writes). Newlines are kept when
// keepNewlines is true and tabs become spaces. It is formats/inert's
// Text, the one definition tickets and exports share.
func Inert(s string, keepNewlines bool) string { return inert.Text(s, keepNewlines) }

// InertLine is Inert for text shown on one line: newlines become ␊.
func InertLine(s string) string { return inert.Line(s) }
