// Package formats recognizes HTTP API error responses and explains them.
//
// It is pure: bytes, a status and headers go in, a Diagnosis comes out.
// Nothing here reads files, opens sockets or draws on a terminal.
//
// Recognition has two layers. A structural reader (structure.go) reads
// any JSON or XML tree by its shape: it walks the wrappers around an
// error, scores members as message, code, request id and field errors by
// their names, values and positions, and keeps the most specific of each.
// Over it, an ordered table of format families (family_table.go) names
// the formats that are genuinely distinct and adds what only they define
// (RFC 9457 semantics, Google's typed details, GraphQL's 200, AWS's
// headers). The explanation merges the API's own documentation (a
// Profile) with the project's generic status catalogue.
package formats
