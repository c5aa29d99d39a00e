package publish

import (
	"os"
	"path/filepath"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// Headers is the page pass's check against the security headers
// (netlify.Scanner): when every page passes, it writes _headers with a CSP
// that allows exactly their one inline stylesheet.
type Headers struct {
	sc     *netlify.Scanner
	report *OutputRules // tells the pages' problems, when set
}

// NewHeaders checks the pages of the site at siteURL (baseURL). With
// report, each page's problems are told by report (page:line and the source
// to fix, OutputRules.Report), which must come later in the same page pass;
// without, Done returns them.
func NewHeaders(siteURL string, report *OutputRules) *Headers {
	return &Headers{sc: netlify.NewScanner(siteURL), report: report}
}

// Page implements PageCheck.
func (h *Headers) Page(p *Page) {
	if h.report == nil {
		h.sc.Page(p.Path, p.Tokens)
		return
	}
	h.report.Report(p, h.sc.PageAt(p.Path, p.Tokens))
}

// Done implements PageCheck.
func (h *Headers) Done(b *Build) error {
	if h.report != nil {
		hash, problems := h.sc.Outcome()
		if len(problems) > 0 {
			// Told with the pages' problems, which come later.
			h.report.Add(problems...)
			return nil
		}
		return h.write(b, hash)
	}
	hash, err := h.sc.Result()
	if err != nil {
		return err
	}
	return h.write(b, hash)
}

func (h *Headers) write(b *Build, hash string) error {
	return os.WriteFile(filepath.Join(b.Dir, netlify.HeadersFile), netlify.FormatHeaders(netlify.HeaderRules(hash)), 0o644)
}
