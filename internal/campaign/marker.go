package campaign

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// builtByLine is the first line of the generated part of every _redirects
// this tool writes (redirectsHeader); hand-written rules come before it.
var builtByLine = "# " + strings.SplitN(redirectsHeader, "\n", 2)[0]

// BuiltBy reports whether dir holds a site that `site build` wrote: its
// _redirects carries the generated rules' header. A build replaces its
// output folder whole, so only such a folder (or an empty one) may be
// replaced; the mark is in a file Netlify reads anyway, so the published
// site carries nothing extra for it.
func BuiltBy(dir string) bool {
	f, err := os.Open(filepath.Join(dir, netlify.RedirectsFile))
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sc.Text() == builtByLine {
			return true
		}
	}
	return false
}
