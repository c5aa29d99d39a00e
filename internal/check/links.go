package check

import (
	"slices"
	"strings"
)

// anchorsOnEveryPage are the ids the layouts give every page.
var anchorsOnEveryPage = []string{"main", "languages", "languages-heading", "who-can-help", "sources-heading", "topics-heading"}

// resolveLinks resolves the internal links collected while reading pages, and checks
// LIX now that every page is read. Links are language-neutral ("/help/"): the
// site resolves them to the page in the reader's language.
func (c *checker) resolveLinks() {
	for _, l := range c.links {
		target := strings.Trim(l.target, "/")
		var page *Page
		if l.target == "" {
			page = c.r.pageByFile(l.file) // "#anchor" on the same page
		} else {
			if first, _, ok := strings.Cut(target, "/"); ok {
				if _, isLang := c.cfg.Language(first); isLang {
					c.r.add(l.file, l.line, "link %q names a language: write it without the language, e.g. /%s/, so it opens in the reader's language", l.target, strings.TrimPrefix(target, first+"/"))
					continue
				}
			}
			slug := strings.TrimSuffix(target, ".md")
			if slug == "" {
				slug = "_index"
			}
			page = c.r.Page(l.lang, slug)
			if page == nil {
				page = c.r.Page(c.cfg.Default, slug)
			}
			if page == nil && c.followsFrom(l.lang, slug) {
				continue
			}
			if page == nil {
				c.r.add(l.file, l.line, "link to missing page %q: there is no content/%s/%s.md (pages: %s)", l.target, c.cfg.Default, slug, c.slugList())
				continue
			}
		}
		if l.fragment != "" && page != nil && c.unreadable[page.File] != nil {
			c.followsFrom(page.Lang, page.Slug) // its headings are unknown
			continue
		}
		if l.fragment != "" && page != nil && !c.hasAnchor(page, l.fragment) {
			c.r.add(l.file, l.line, "link to missing anchor %q: %s has no heading with that id (headings: %s)", "#"+l.fragment, page.File, quoteList(page.Anchors))
		}
	}
	for _, p := range c.r.Pages {
		if p.Lang == c.cfg.Default && p.LIX > c.cfg.LixMax && p.Words >= 40 {
			c.r.add(p.File, 0, "LIX %.0f is above %.0f: the text is too hard to read; use shorter sentences and shorter words", p.LIX, c.cfg.LixMax)
		}
	}
}

func (c *checker) hasAnchor(p *Page, id string) bool {
	c.read(p)
	if slices.Contains(p.Anchors, id) || slices.Contains(anchorsOnEveryPage, id) {
		return true
	}
	svc, ok := strings.CutPrefix(id, "svc-")
	return ok && !c.unknownService(svc)
}

func (c *checker) slugList() string {
	var slugs []string
	for _, p := range c.r.Pages {
		if p.Lang == c.cfg.Default && p.Slug != "_index" {
			slugs = append(slugs, "/"+p.Slug+"/")
		}
	}
	sortStrings(slugs)
	return strings.Join(slugs, " ")
}

func (r *Report) pageByFile(file string) *Page {
	for _, p := range r.Pages {
		if p.File == file {
			return p
		}
	}
	return nil
}

func sortStrings(s []string) { slices.Sort(s) }
