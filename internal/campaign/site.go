package campaign

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// Home is the slug of a language's home page (content/<lang>/_index.md).
const Home = "_index"

// PageInfo is what the campaign kit needs to know of one content file.
type PageInfo struct {
	Lang, Slug string
	Title      string
	Params     map[string]any // front matter
}

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
func Scan(cfg *siteconfig.Config, out string, content []PageInfo) *Site {
	s := &Site{Config: cfg, Out: out, pages: map[string]map[string]bool{}, titles: map[string]map[string]string{}}
	for _, p := range content {
		if s.titles[p.Lang] == nil {
			s.titles[p.Lang] = map[string]string{}
		}
		s.titles[p.Lang][p.Slug] = p.Title
		if p.Lang == cfg.Default && p.Slug != Home && exists(filepath.Join(out, cfg.Default, p.Slug, "index.html")) {
			s.Slugs = append(s.Slugs, p.Slug)
		}
	}
	slices.Sort(s.Slugs)
	for _, l := range cfg.Languages {
		m := map[string]bool{}
		for _, slug := range append([]string{Home}, s.Slugs...) {
			if exists(filepath.Join(out, filepath.FromSlash(PagePath(l.Code, slug)), "index.html")) {
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

// PagePath is the URL path of a page: /nb/help/ or /nb/ for a home page.
func PagePath(lang, slug string) string {
	if slug == Home {
		return "/" + lang + "/"
	}
	return "/" + lang + "/" + slug + "/"
}

// GoPath is a topic's short, language-neutral link: /go/help. The root /
// plays that part for the home page.
// BrochurePath is the URL path of a language's brochure, every topic on one
// printable page (layouts/home.print.html), e.g. /nb/print/.
func BrochurePath(lang string) string {
	return PagePath(lang, Home) + "print/"
}

func GoPath(slug string) string {
	if slug == Home {
		return "/"
	}
	return "/go/" + slug
}

// QRPath is where the QR code for the URL path p is published: inside the
// page's folder, named after the page so that downloads stay apart, e.g.
// /nb/help/qr-nb-help.svg, /go/help/qr-go-help.svg, /qr.svg for the root.
// layouts/_partials/funcs/qr-path.html computes the same name.
func QRPath(p string) string {
	name := strings.ReplaceAll(strings.Trim(p, "/"), "/", "-")
	if name == "" {
		return "/qr.svg"
	}
	return "/" + strings.Trim(p, "/") + "/qr-" + name + ".svg"
}

// AbsURL is the production address of the URL path p (baseURL from hugo.toml).
func AbsURL(cfg *siteconfig.Config, p string) string {
	return strings.TrimSuffix(cfg.BaseURL, "/") + "/" + strings.TrimPrefix(p, "/")
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
