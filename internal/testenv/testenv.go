// Package testenv gives tests what they need from outside Go, installing it
// when it is missing, so that `go test ./...` on a fresh clone is the whole
// story: the npm packages of package.json (axe-core, Netlify's parsers),
// Debian tools (chromium, zbarimg) and Debian fonts (the Noto fonts of an
// Android phone: Package). go test runs packages in parallel processes, so
// installs are serialised with a file lock.
package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// RepoRoot is the repository root: the nearest folder above the test's
// working directory that holds go.mod.
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// NodeModules makes sure the packages in package-lock.json are installed
// (`npm ci` when node_modules is missing or older than the lock file) and
// returns the node_modules folder.
func NodeModules(tb testing.TB) string {
	tb.Helper()
	root := RepoRoot(tb)
	nm := filepath.Join(root, "node_modules")
	Tool(tb, "node", "nodejs")
	Tool(tb, "npm", "npm")
	withLock(tb, func() {
		if current(filepath.Join(nm, ".package-lock.json"), filepath.Join(root, "package-lock.json")) {
			return
		}
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("npm ci in %s: %v\n%s", root, err, out)
		}
	})
	return nm
}

// current reports whether installed exists and is not older than lock.
func current(installed, lock string) bool {
	a, err := os.Stat(installed)
	if err != nil {
		return false
	}
	b, err := os.Stat(lock)
	return err == nil && !a.ModTime().Before(b.ModTime())
}

// Tool returns the path of command, installing Debian's package pkg with
// apt-get when the command is missing and the tests run as root (as on CI
// and the project's machines). Elsewhere it fails, saying what to install.
func Tool(tb testing.TB, command, pkg string) string {
	tb.Helper()
	if p, err := exec.LookPath(command); err == nil {
		return p
	}
	if _, err := exec.LookPath("apt-get"); err != nil || os.Geteuid() != 0 {
		tb.Fatalf("%s not found: install Debian's %s (apt-get install %s); .ci/run does", command, pkg, pkg)
	}
	withLock(tb, func() {
		if _, err := exec.LookPath(command); err == nil {
			return // another test process installed it meanwhile
		}
		aptInstall(tb, pkg)
	})
	p, err := exec.LookPath(command)
	if err != nil {
		tb.Fatalf("%s still not found after apt-get install %s", command, pkg)
	}
	return p
}

// withLock runs f while holding an exclusive lock shared by every test
// process of this machine.
func withLock(tb testing.TB, f func()) {
	tb.Helper()
	lock, err := os.OpenFile(filepath.Join(os.TempDir(), "familieinnvandring-testenv.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		tb.Fatal(err)
	}
	defer lock.Close()
	if err := unix.Flock(int(lock.Fd()), unix.LOCK_EX); err != nil {
		tb.Fatal(fmt.Errorf("lock: %w", err))
	}
	defer unix.Flock(int(lock.Fd()), unix.LOCK_UN)
	f()
}
