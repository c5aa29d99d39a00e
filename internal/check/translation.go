package check

import (
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
	"github.com/redcross-no/familieinnvandring/internal/translation"
)

// FallbackDir holds the content adapter that gives every language the pages
// it has not translated yet. It is the one folder in content/ that is not a
// language, and holds only FallbackAdapter.
const (
	FallbackDir     = "content/_fallback"
	FallbackAdapter = "_content.gotmpl"
)

// translations checks what each translation says about its source: which
// version it was made from (source_hash) and how (translation), and that the
// Norwegian names in the glossary are kept.
func (c *checker) translations() {
	for _, l := range c.cfg.Languages {
		// The fallback pages (content/_fallback/_content.gotmpl) and the
		// translators' guide look for a language's pages there.
		if want := "content/" + l.Code; l.ContentDir != want {
			c.r.add(siteconfig.File, 0, "the content mount of %q has source = %q: use %q, the folder every language's pages are in", l.Code, l.ContentDir, want)
		}
	}
	err := c.contentErr
	var site *translation.Site
	if err == nil {
		site, err = translation.ScanContent(c.content, c.cfg)
	}
	if err != nil {
		c.r.add("content", 0, "cannot read the translations: %v", err)
		return
	}
	warned := map[string]bool{}
	for _, l := range site.Languages {
		for _, p := range l.Pages {
			if p.State == translation.Missing || p.State == translation.Broken {
				continue // no file, or one whose front matter check already reports
			}
			src := site.SourcePage(p.Slug)
			if !c.opt.scoped(p.File, src.File) {
				continue
			}
			if p.How == "" {
				c.r.add(p.File, 1, "front matter has no %s: add `%s: machine`, `human` or `reviewed`, or run `site translated %s/%s --how …`", translation.KeyHow, translation.KeyHow, l.Code, p.Slug)
			}
			switch p.State {
			case translation.Complete:
				c.structure(p.File, src.File)
			case translation.Unmarked:
				c.r.add(p.File, 1, "front matter has no %s, so nobody can tell when %s changes: when this translation matches it, run `site translated %s/%s`", translation.KeyHash, src.File, l.Code, p.Slug)
			case translation.Unknown:
				c.r.add(p.File, p.Lines[translation.KeyHash], "%s %q is no version of %s (none in %s/): do not edit it by hand; when this translation matches the source, run `site translated %s/%s`", translation.KeyHash, p.SourceHash, src.File, translation.VersionsDir, l.Code, p.Slug)
			case translation.Outdated:
				// Readers see the day the source changed: its lastmod.
				if !warned[src.File] && (src.Lastmod == "" || (p.Date != "" && src.Lastmod < p.Date)) {
					warned[src.File] = true
					c.r.warn(src.File, 1, "the text changed after %s was translated, but lastmod does not say when: add `lastmod: YYYY-MM-DD` (the day of the change) so readers see it; for a typo fix run `site translated %s/%s` instead", p.File, site.Source, p.Slug)
				}
			}
		}
	}
	c.glossary(site)
}
