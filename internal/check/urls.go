package check

import (
	"github.com/redcross-no/familieinnvandring/internal/content"
)

// urlContract: a URL that was ever published (published-urls.txt) must still
// exist or be redirected, because it may be printed on a poster.
func (c *checker) urlContract() {
	pages := make([]*content.Page, 0, len(c.r.Pages))
	for _, p := range c.r.Pages {
		pages = append(pages, p.Page)
	}
	for _, p := range c.urlContractWith(pages) {
		c.r.add(p.File, p.Line, "%s", p.Msg)
	}
}
