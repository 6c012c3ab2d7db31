// Package formats recognizes HTTP API error responses and explains them.
//
// It is pure: bytes, a status and headers go in, a Diagnosis comes out.
// Nothing here reads files, opens sockets or draws on a terminal. The
// recognition walks an ordered table of format families (see Detect); the
// explanation merges the API's own documentation (a Profile) with the
// project's generic status catalogue.
package formats
