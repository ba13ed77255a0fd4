//go:build linux

package safefile

import "golang.org/x/sys/unix"

// remoteFS reports file systems served by another computer: NFS, SMB/CIFS,
// AFS, Coda. FUSE and 9p are left out: they are as often local (sshfs aside,
// 9p is how WSL shows the Windows drives).
func remoteFS(st *unix.Statfs_t) bool {
	switch uint32(st.Type) {
	case unix.NFS_SUPER_MAGIC, unix.SMB_SUPER_MAGIC, unix.CIFS_SUPER_MAGIC, unix.SMB2_SUPER_MAGIC,
		unix.AFS_SUPER_MAGIC, unix.CODA_SUPER_MAGIC:
		return true
	}
	return false
}
