//go:build !unix

package historytest

import "syscall"

func unprivileged() *syscall.SysProcAttr { return nil }
