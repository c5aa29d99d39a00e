package campaign

import (
	"github.com/redcross-no/familieinnvandring/internal/content"

	"github.com/redcross-no/familieinnvandring/internal/addresses"

	"os"
	"path/filepath"
	"slices"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// Home is the slug of a language's home page (content/<lang>/_index.md).
const Home = addresses.Home

// PageInfo is what the campaign kit needs to know of one content file.
type PageInfo = content.Page

// Site is the published site as the campaign kit sees it: which topic
// exists in which language, after Hugo has written the output.
type Site struct {
	Config *siteconfig.Config
	Out    string   // the output directory
	Slugs  []string // the source language's topics, sorted, without Home
	pages  map[string]map[string]bool
	titles map[string]map[string]string
}

// Scan reads which pages Hugo published into out. A page counts when its
// index.html exists, so untranslated pages that another step publishes as a
// fallback count too.
func Scan(cfg *siteconfig.Config, out string, pages []*PageInfo) *Site {
	s := &Site{Config: cfg, Out: out, pages: map[string]map[string]bool{}, titles: map[string]map[string]string{}}
	for _, p := range pages {
		if s.titles[p.Lang] == nil {
			s.titles[p.Lang] = map[string]string{}
		}
		s.titles[p.Lang][p.Slug] = p.Title()
		if p.Lang == cfg.Default && p.Slug != Home && exists(filepath.Join(out, cfg.Default, p.Slug, "index.html")) {
			s.Slugs = append(s.Slugs, p.Slug)
		}
	}
	slices.Sort(s.Slugs)
	for _, l := range cfg.Languages {
		m := map[string]bool{}
		for _, slug := range append([]string{Home}, s.Slugs...) {
			if exists(filepath.Join(out, filepath.FromSlash(addresses.PagePath(l.Code, slug)), "index.html")) {
				m[slug] = true
			}
		}
		s.pages[l.Code] = m
	}
	return s
}

// Has reports whether slug is published in lang.
func (s *Site) Has(lang, slug string) bool { return s.pages[lang][slug] }

// Title is the page's title in lang, or "" where it is not translated.
func (s *Site) Title(lang, slug string) string { return s.titles[lang][slug] }

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
