package app

import (
	"fmt"
	"io"
	"os"

	"github.com/redcross-no/familieinnvandring/internal/campaign"
)

// replaceableOutput refuses an --out that a build must not replace: a build
// swaps its output folder whole, and the old one is deleted. So --out is a
// new path, an empty folder, or a previous build of this site (one whose
// _redirects the build wrote, campaign.BuiltBy); a file, a link, or a
// folder of anything else is refused before anything is written.
func replaceableOutput(out string) error {
	st, err := os.Lstat(out)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("--out %q: %v", out, err)
	}
	switch {
	case st.Mode()&os.ModeSymlink != 0:
		return fmt.Errorf("--out %q is a symbolic link: a build replaces its output folder whole; give the folder's own path; nothing was changed", out)
	case !st.IsDir():
		return fmt.Errorf("--out %q is a file, not a folder: a build would replace it; choose a folder such as public; nothing was changed", out)
	case emptyDir(out) || campaign.BuiltBy(out):
		return nil
	}
	return fmt.Errorf("--out %q is a folder that is not a previous build of this site (it has no _redirects written by site build): a build replaces its output folder whole, so choose a new or empty folder, or move this one away; nothing was deleted", out)
}

func emptyDir(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	return err == io.EOF
}
