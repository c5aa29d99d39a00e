// Package publish owns the output directory: it hands out a staging directory
// beside it, runs the steps that follow Hugo, and replaces the output only
// when everything passed, so readers never get a half-written site.
package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// Stage creates an empty staging directory next to out (on the same file
// system, so that the final rename is atomic).
func Stage(out string) (string, error) {
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", parent, err)
	}
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".staging-")
	if err != nil {
		return "", fmt.Errorf("create staging directory: %w", err)
	}
	return dir, nil
}

// Swap makes staging the new out. Where the kernel allows, both directories
// are exchanged in one atomic step (renameat2 RENAME_EXCHANGE), so there is no
// moment without a site; the old output is then removed.
func Swap(staging, out string) error {
	if err := os.Chmod(staging, 0o755); err != nil {
		return err
	}
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return os.Rename(staging, out)
	}
	err := unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	if err != nil {
		// Older kernels and some file systems: two renames.
		old := staging + ".old"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("move old output aside: %w", err)
		}
		if err := os.Rename(staging, out); err != nil {
			_ = os.Rename(old, out)
			return fmt.Errorf("move new output in place: %w", err)
		}
		return os.RemoveAll(old)
	}
	return os.RemoveAll(staging) // now holds the previous output
}

// Discard removes a staging directory after a failed build.
func Discard(staging string) { _ = os.RemoveAll(staging) }
