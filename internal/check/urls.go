package check

import "github.com/redcross-no/familieinnvandring/internal/campaign"

// urlContract: a URL that was ever published (published-urls.txt) must still
// exist or be redirected, because it may be printed on a poster.
func (c *checker) urlContract() {
	pages := make([]campaign.PageInfo, 0, len(c.r.Pages))
	for _, p := range c.r.Pages {
		pages = append(pages, campaign.PageInfo{Lang: p.Lang, Slug: p.Slug, Params: p.Params})
	}
	for _, p := range campaign.CheckURLs(c.root, c.cfg, pages) {
		c.r.add(p.File, p.Line, "%s", p.Msg)
	}
}
