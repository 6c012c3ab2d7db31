//go:build !unix

package history

import "os"

// writable reports whether this process may write path; on systems
// without access(2) a file is tried for writing and a directory assumed
// writable.
func writable(path string) bool {
	fi, err := os.Stat(path)
	if err != nil || fi.IsDir() {
		return err == nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}
