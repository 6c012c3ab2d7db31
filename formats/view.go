package formats

import "unsafe"

// viewBytes returns the bytes of s without copying them, for the readers
// that take a []byte (sniffing, XML, HTML, text). They must only read
// them: nothing in formats writes to a body (asciiLower and the other
// rewriters work on copies), and writing to a string's memory is undefined.
func viewBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
