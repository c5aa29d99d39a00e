package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// Package makes sure Debian's package pkg is installed, judging by a file it
// installs (for packages without a command, such as fonts), and installs it
// with apt-get when the file is missing and the tests run as root. Elsewhere
// it fails, saying what to install.
func Package(tb testing.TB, pkg, file string) {
	tb.Helper()
	if _, err := os.Stat(file); err == nil {
		return
	}
	if _, err := exec.LookPath("apt-get"); err != nil || os.Geteuid() != 0 {
		tb.Fatalf("%s not found: install Debian's %s (apt-get install %s); .ci/run does", file, pkg, pkg)
	}
	withLock(tb, func() {
		if _, err := os.Stat(file); err == nil {
			return // another test process installed it meanwhile
		}
		aptInstall(tb, pkg)
	})
	if _, err := os.Stat(file); err != nil {
		tb.Fatalf("%s still missing after apt-get install %s", file, pkg)
	}
}

// aptInstall runs apt-get update and install; the caller holds the lock.
func aptInstall(tb testing.TB, pkg string) {
	tb.Helper()
	for _, args := range [][]string{{"update", "-qq"}, {"install", "-y", "-qq", pkg}} {
		cmd := exec.Command("apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("apt-get %v: %v\n%s", args, err, out)
		}
	}
}
