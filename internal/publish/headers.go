package publish

import (
	"os"
	"path/filepath"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// Headers is the page pass's check against the security headers
// (netlify.Scanner): when every page passes, it writes _headers with a CSP
// that allows exactly their one inline stylesheet.
type Headers struct{ sc *netlify.Scanner }

// NewHeaders checks the pages of the site at siteURL (baseURL).
func NewHeaders(siteURL string) *Headers { return &Headers{sc: netlify.NewScanner(siteURL)} }

// Page implements PageCheck.
func (h *Headers) Page(p *Page) { h.sc.Page(p.Path, p.Tokens) }

// Done implements PageCheck.
func (h *Headers) Done(b *Build) error {
	hash, err := h.sc.Result()
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(b.Dir, netlify.HeadersFile), netlify.FormatHeaders(netlify.HeaderRules(hash)), 0o644)
}
