package app_test

import (
	"os"
	"syscall"
	"time"
)

// fileKey names one version of a file for treehash's digest cache.
type fileKey struct {
	dev, ino uint64
	size     int64
	mtime    time.Time
	ctime    time.Time
}

func statKey(p string) (fileKey, bool) {
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() {
		return fileKey{}, false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{
		dev:   uint64(st.Dev),
		ino:   st.Ino,
		size:  st.Size,
		mtime: time.Unix(st.Mtim.Sec, st.Mtim.Nsec),
		ctime: time.Unix(st.Ctim.Sec, st.Ctim.Nsec),
	}, true
}
