package publish

import (
	"os"
	"path/filepath"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// Headers is the page pass's check against the security headers
// (netlify.Scanner): when every page passes, it writes _headers with a CSP
// that allows exactly their one inline stylesheet. Its problems are told by
// the output rules (page:line and the source to fix), which come later in
// the same page pass.
type Headers struct {
	sc     *netlify.Scanner
	report *OutputRules
}

// NewHeaders checks the pages of the site at siteURL (baseURL) and tells
// their problems through report.
func NewHeaders(siteURL string, report *OutputRules) *Headers {
	return &Headers{sc: netlify.NewScanner(siteURL), report: report}
}

// Page implements PageCheck.
func (h *Headers) Page(p *Page) { h.report.Report(p, h.sc.PageAt(p.Path, p.Tokens)) }

// Done implements PageCheck: _headers, or the output-wide problems handed
// to the output rules, whose Done tells them with the pages' own.
func (h *Headers) Done(b *Build) error {
	hash, problems := h.sc.Outcome()
	if len(problems) > 0 {
		h.report.Add(problems...)
		return nil
	}
	return os.WriteFile(filepath.Join(b.Dir, netlify.HeadersFile), netlify.FormatHeaders(netlify.HeaderRules(hash)), 0o644)
}
