package check

import (
	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
	"github.com/redcross-no/familieinnvandring/internal/translation"
)

// translateKey: `translate: false` in a source page keeps it to the
// languages that have a file (the partners page, in nb and en): no
// "not translated yet" page elsewhere, never missing in site status. The
// fallback content adapter finds it with a pattern, so only that spelling
// is allowed, and only in the source language.
func (c *checker) translateKey(p *Page, doc *frontmatter.Doc) {
	v, ok := doc.Params[translation.KeyTranslate]
	switch {
	case !ok:
	case p.Lang != c.cfg.Default:
		c.r.add(p.File, doc.Line(translation.KeyTranslate), "remove translate: it belongs in the %s page, content/%s/%s.md", c.cfg.Default, c.cfg.Default, p.Slug)
	case v != false:
		c.r.add(p.File, doc.Line(translation.KeyTranslate), "translate is %v: write `translate: false` to keep the page to the languages that have it, or remove the line", v)
	}
}
