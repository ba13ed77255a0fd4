//go:build darwin

package safefile

import "golang.org/x/sys/unix"

// remoteFS reports a file system macOS does not count as local (SMB, NFS,
// AFP, WebDAV).
func remoteFS(st *unix.Statfs_t) bool { return st.Flags&unix.MNT_LOCAL == 0 }
