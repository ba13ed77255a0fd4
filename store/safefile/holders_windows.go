//go:build windows

package safefile

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Windows' Restart Manager knows which programs have a file open; it is what
// Explorer asks to say "the file is open in Microsoft Word".
var (
	rstrtmgr               = windows.NewLazySystemDLL("rstrtmgr.dll")
	procRmStartSession     = rstrtmgr.NewProc("RmStartSession")
	procRmRegisterResource = rstrtmgr.NewProc("RmRegisterResources")
	procRmGetList          = rstrtmgr.NewProc("RmGetList")
	procRmEndSession       = rstrtmgr.NewProc("RmEndSession")
)

// rmProcessInfo is RM_PROCESS_INFO: the process (id and start time), its
// display name (CCH_RM_MAX_APP_NAME+1 characters), its service name
// (CCH_RM_MAX_SVC_NAME+1), type, status, terminal session and restartable.
type rmProcessInfo struct {
	PID         uint32
	StartTime   windows.Filetime
	AppName     [256]uint16
	ServiceName [64]uint16
	AppType     uint32
	AppStatus   uint32
	TSSessionID uint32
	Restartable int32
}

// holderInfo is one program that has a file open.
type holderInfo struct {
	pid  uint32
	name string
}

// holders names the programs that have path open, other than txct itself,
// as Restart Manager reports them; nil when it cannot tell.
func holders(path string) []string {
	list, err := rmHolders(path)
	if err != nil {
		return nil
	}
	self := uint32(os.Getpid())
	var names []string
	for _, h := range list {
		if h.pid != self && h.name != "" {
			names = append(names, h.name)
		}
	}
	return names
}

// rmHolders asks Restart Manager for every process that has path open.
func rmHolders(path string) ([]holderInfo, error) {
	if err := procRmStartSession.Find(); err != nil {
		return nil, err
	}
	var session uint32
	var key [33]uint16 // CCH_RM_SESSION_KEY+1
	if r, _, _ := procRmStartSession.Call(uintptr(unsafe.Pointer(&session)), 0, uintptr(unsafe.Pointer(&key[0]))); r != 0 {
		return nil, windows.Errno(r)
	}
	defer procRmEndSession.Call(uintptr(session))
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, err
	}
	files := []*uint16{name}
	if r, _, _ := procRmRegisterResource.Call(uintptr(session), 1, uintptr(unsafe.Pointer(&files[0])), 0, 0, 0, 0); r != 0 {
		return nil, windows.Errno(r)
	}
	// The list can grow between asking its size and reading it: ask again.
	var infos []rmProcessInfo
	for range 3 {
		var needed, reasons uint32
		n := uint32(len(infos))
		var first uintptr
		if n > 0 {
			first = uintptr(unsafe.Pointer(&infos[0]))
		}
		r, _, _ := procRmGetList.Call(uintptr(session), uintptr(unsafe.Pointer(&needed)), uintptr(unsafe.Pointer(&n)),
			first, uintptr(unsafe.Pointer(&reasons)))
		switch windows.Errno(r) {
		case 0:
			out := make([]holderInfo, 0, n)
			for _, p := range infos[:min(n, uint32(len(infos)))] {
				out = append(out, holderInfo{pid: p.PID, name: windows.UTF16ToString(p.AppName[:])})
			}
			return out, nil
		case windows.ERROR_MORE_DATA:
			infos = make([]rmProcessInfo, needed)
		default:
			return nil, windows.Errno(r)
		}
	}
	return nil, windows.ERROR_MORE_DATA
}
