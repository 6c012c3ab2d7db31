//go:build unix

package history

import "syscall"

// writable reports whether this process may write path (a file or a
// directory), as the kernel decides: permissions, a read-only mount.
func writable(path string) bool {
	return syscall.Access(path, 2 /* W_OK */) == nil
}
