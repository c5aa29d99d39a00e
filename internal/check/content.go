package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
)

// MaxFileSize is the largest content file accepted. A page this long would
// break the page-weight budget anyway; a larger file is almost surely a mistake.
const MaxFileSize = 128 << 10

// LegalKey marks a legal page in the source language's front matter
// (`legal: true`): it and its translations must carry `reviewed` and
// `sources`, shown to the reader.
const LegalKey = "legal"

// legal reports whether the page with slug in lang is a legal page: its
// source-language page says so.
func (c *checker) legal(doc *frontmatter.Doc, slug string) bool {
	if src, ok := c.cfg.Language(c.cfg.Default); ok {
		if f := c.content.File(src.ContentDir + "/" + slug + ".md"); f != nil && f.Doc != nil {
			doc = f.Doc
		}
	}
	v, _ := doc.Params[LegalKey].(bool)
	return v
}

var slugRE = regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*|_index)$`)

// pages walks content/, one folder per configured language.
func (c *checker) pages() {
	dirs := map[string]string{} // content dir → language
	for _, l := range c.cfg.Languages {
		dirs[l.ContentDir] = l.Code
	}
	entries, err := os.ReadDir(filepath.Join(c.root, "content"))
	if err != nil {
		c.r.add("content", 0, "cannot read the content folder: %v", err)
		return
	}
	for _, e := range entries {
		rel := "content/" + e.Name()
		if e.Type()&fs.ModeSymlink != 0 {
			c.r.add(rel, 0, "is a symbolic link: replace it with the folder or file itself")
			continue
		}
		if !e.IsDir() {
			c.r.add(rel, 0, "pages live in a language folder: move this file to content/%s/", c.cfg.Default)
			continue
		}
		if rel == FallbackDir {
			c.fallbackDir()
			continue
		}
		lang, ok := dirs[rel]
		if !ok {
			c.r.add(rel, 0, "unknown language folder %q: configured languages are %s (rename the folder, or add the language with `site new-language %s`)", e.Name(), quoteList(c.cfg.Codes()), e.Name())
			continue
		}
		c.languageDir(rel, lang)
	}
	for _, l := range c.cfg.Languages {
		if _, err := os.Stat(filepath.Join(c.root, l.ContentDir)); err != nil && l.Code == c.cfg.Default {
			c.r.add(l.ContentDir, 0, "the source language folder is missing: create %s/_index.md", l.ContentDir)
		}
	}
	c.orphans()
	c.sourceRules()
	c.translations()
}

// fallbackDir: content/_fallback holds the fallback content adapter and nothing else.
func (c *checker) fallbackDir() {
	entries, err := os.ReadDir(filepath.Join(c.root, FallbackDir))
	if err != nil {
		c.r.add(FallbackDir, 0, "cannot read: %v", err)
		return
	}
	for _, e := range entries {
		if e.Name() != FallbackAdapter && !strings.HasPrefix(e.Name(), ".") {
			c.r.add(FallbackDir+"/"+e.Name(), 0, "%s/ holds only %s (the pages not translated yet): move this file to a language folder such as content/%s/", FallbackDir, FallbackAdapter, c.cfg.Default)
		}
	}
}

func (c *checker) languageDir(rel, lang string) {
	entries, err := os.ReadDir(filepath.Join(c.root, rel))
	if err != nil {
		c.r.add(rel, 0, "cannot read: %v", err)
		return
	}
	have := map[string]bool{}
	for _, e := range entries {
		have[e.Name()] = true
	}
	for _, e := range entries {
		file := rel + "/" + e.Name()
		ext := path.Ext(e.Name())
		lower := strings.ToLower(e.Name())
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			c.r.add(file, 0, "is a symbolic link: replace it with the file itself")
		case e.IsDir():
			c.r.add(file, 0, "pages live directly in %s/: move the files out of this folder", rel)
		case strings.HasPrefix(e.Name(), "."):
			// editor and OS files (.DS_Store, .swp) are not pages
		case strings.EqualFold(ext, ".md") && lower != e.Name() && have[lower]:
			// Windows and macOS cannot even hold both; Hugo would publish one of them
			c.r.add(file, 0, "the same page as %s, with different capital letters: move any new text into %s and delete this file", lower, lower)
		case ext != ".md" && strings.EqualFold(ext, ".md"):
			c.r.add(file, 0, "file name %q ends in %q: rename it to %s (lowercase .md)", e.Name(), ext, suggestSlug(strings.TrimSuffix(e.Name(), ext))+".md")
		case ext != ".md":
			c.r.add(file, 0, "only Markdown pages (.md) belong in %s/: move this file to static/", rel)
		default:
			slug := strings.TrimSuffix(e.Name(), ".md")
			switch {
			case slug == "index":
				c.r.add(file, 0, "a page may not be called index.md (Hugo would take it for the home page): rename it to _index.md for the home page, or give it the name of its topic")
			case !slugRE.MatchString(slug):
				c.r.add(file, 0, "file name %q is not a valid page name: use lowercase ASCII letters, digits and dashes, the same in every language (%s)", e.Name(), c.suggestName(lang, slug))
			case RevealingWord(slug) != "":
				c.r.add(file, 0, "file name %q reveals the topic (%q): the address /%s/%s/ and /go/%s show in browser history, chat previews and on posters; choose a plain word that does not (e.g. stay, money, health, travel), and redirect the old address in static/_redirects if it was published", e.Name(), RevealingWord(slug), lang, slug, slug)
			default:
				c.page(file, lang, slug)
			}
		}
	}
}

// suggestName proposes a valid file name for slug: the lower-case ASCII form
// when it has one, else the source-language pages a translation must match.
func (c *checker) suggestName(lang, slug string) string {
	if s := suggestSlug(slug); s != "" {
		return "e.g. " + s + ".md"
	}
	entries, _ := os.ReadDir(filepath.Join(c.root, "content", c.cfg.Default))
	var names []string
	for _, e := range entries {
		if n := e.Name(); path.Ext(n) == ".md" && n != "_index.md" {
			names = append(names, n)
		}
	}
	if lang == c.cfg.Default || len(names) == 0 {
		return "e.g. my-page.md"
	}
	return fmt.Sprintf("name it like the %s page it translates: %s", c.cfg.Default, strings.Join(names, ", "))
}

func suggestSlug(s string) string {
	s = strings.ToLower(s)
	s = nonSlugRE.ReplaceAllString(s, "-")
	return strings.Trim(s, "-")
}

var nonSlugRE = regexp.MustCompile(`[^a-z0-9]+`)

// orphans: every translated page needs its nb source page.
func (c *checker) orphans() {
	for _, p := range c.r.Pages {
		if p.Lang != c.cfg.Default && c.r.Page(c.cfg.Default, p.Slug) == nil && !c.followsFrom(c.cfg.Default, p.Slug) {
			c.r.add(p.File, 0, "translation of a page that does not exist in %s: there is no content/%s/%s.md (rename the file to an existing page, or remove it)", c.cfg.Default, c.cfg.Default, p.Slug)
		}
	}
}

func (c *checker) page(file, lang, slug string) {
	var src []byte
	var doc *frontmatter.Doc
	var err error
	if f := c.content.File(file); f != nil {
		src, doc, err = f.Src, f.Doc, f.Err
	} else if src, err = os.ReadFile(filepath.Join(c.root, file)); err != nil {
		c.r.add(file, 0, "cannot read: %v", err)
		c.unparsed(file, lang, slug, nil)
		return
	} else {
		doc, err = frontmatter.Parse(src)
	}
	if len(src) > MaxFileSize {
		c.r.add(file, lineAt(src, MaxFileSize), "the file is %d KB, more than the %d KB a page may have: split it into pages (the limit is passed on this line)", len(src)>>10, MaxFileSize>>10)
		c.unparsed(file, lang, slug, nil)
		return
	}
	if !utf8.Valid(src) {
		c.r.add(file, invalidUTF8Line(src), "the text is not valid UTF-8: save the file with UTF-8 encoding")
		c.unparsed(file, lang, slug, nil)
		return
	}
	if c.opt.reads(file) {
		c.r.Problems = append(c.r.Problems, BidiProblems(file, src)...)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		c.r.add(file, lineAt(src, i), "the file contains a NUL byte: save it as plain UTF-8 text")
		c.unparsed(file, lang, slug, nil)
		return
	}
	if err != nil {
		if fe, ok := err.(*frontmatter.Error); ok {
			c.r.add(file, fe.Line, "%s", fe.Msg)
		} else {
			c.r.add(file, 0, "%v", err)
		}
		c.unparsed(file, lang, slug, nil)
		return
	}
	p := &Page{Page: &content.Page{Lang: lang, Slug: slug, File: file, Params: doc.Params}}
	c.r.Pages = append(c.r.Pages, p)
	c.frontMatter(p, doc)
	c.frontMatterRules(p, doc)
	if !c.opt.reads(file) {
		p.unread = doc
		return
	}
	// Before any Markdown parser: a page past these limits would take it
	// (and Hugo) seconds to minutes.
	if prob := MarkdownLimits(file, doc.Body, doc.BodyLine); prob != nil {
		c.r.Problems = append(c.r.Problems, *prob)
		c.unparsed(file, lang, slug, p.Page)
		return
	}
	p.Body = c.blankShortcodes(p, doc.Body, doc.BodyLine)
	c.markdown(p, doc.BodyLine)
}

// read reads the Markdown of a page that Options.Only left unread, for its
// anchors; what it finds wrong there is not reported (that page was not
// asked about).
func (c *checker) read(p *Page) {
	doc := p.unread
	if doc == nil {
		return
	}
	p.unread = nil
	scratch := *c
	scratch.r = &Report{Source: c.r.Source}
	scratch.links = nil
	p.Body = scratch.blankShortcodes(p, doc.Body, doc.BodyLine)
	scratch.markdown(p, doc.BodyLine)
}

// addressKeys would move a page away from /<lang>/<slug>/, the address
// campaigns print, or put two pages on one address.
var addressKeys = []string{"url", "slug"}

func (c *checker) frontMatter(p *Page, doc *frontmatter.Doc) {
	for _, key := range addressKeys {
		if _, ok := doc.Params[key]; ok {
			addr := "/" + p.Lang + "/"
			if p.Slug != "_index" {
				addr += p.Slug + "/"
			}
			c.r.add(p.File, doc.Line(key), "remove %s: the page's address comes from its file name (%s), the same in every language", key, addr)
		}
	}
	for _, key := range []string{"title", "description"} {
		v, present := doc.Params[key]
		s, isString := v.(string)
		switch {
		case !present:
			c.r.add(p.File, 1, "front matter has no %s: add a line `%s: \"…\"`", key, key)
		case !isString || strings.TrimSpace(s) == "":
			c.r.add(p.File, doc.Line(key), "%s is empty: write the page's %s in quotes", key, key)
		}
	}
	if ids, ok := doc.Params["help"]; ok {
		list, isList := ids.([]any)
		if !isList {
			c.r.add(p.File, doc.Line("help"), "help must be a list of service ids, e.g. help: [vo-linjen, krisesenter]")
		}
		for _, v := range list {
			id, _ := v.(string)
			if c.unknownService(id) {
				c.r.add(p.File, doc.Line("help"), "unknown service id %q in help: use an id from %s", id, ServicesFile)
			}
		}
	}
	if v, ok := doc.Params[LegalKey]; ok {
		if _, isBool := v.(bool); !isBool {
			c.r.add(p.File, doc.Line(LegalKey), "%s is %q: write `%s: true` on a legal page, or leave the line out", LegalKey, fmt.Sprint(v), LegalKey)
		}
	}
	legal := c.legal(doc, p.Slug)
	if legal || doc.Params["reviewed"] != nil {
		c.reviewed(p, doc)
	}
	if src, ok := doc.Params["sources"]; ok {
		list, _ := src.([]any)
		if len(list) == 0 {
			c.r.add(p.File, doc.Line("sources"), "sources must be a list of web addresses (- https://…)")
		}
		for _, v := range list {
			u, _ := v.(string)
			if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
				c.r.add(p.File, doc.Line("sources"), "source %q is not a web address: write the full https:// address", u)
			}
		}
	} else if legal {
		c.r.add(p.File, 1, "legal page without sources: add `sources:` with the official addresses behind its facts")
	}
	c.translateKey(p, doc)
	if p.Lang != c.cfg.Default {
		if t, ok := doc.Params["translation"]; ok {
			switch t {
			case "machine", "human", "reviewed":
			default:
				c.r.add(p.File, doc.Line("translation"), "translation is %q: use machine, human or reviewed", t)
			}
		}
	}
}

// reviewed: legal pages say when their facts were last checked.
func (c *checker) reviewed(p *Page, doc *frontmatter.Doc) {
	v, ok := doc.Params["reviewed"]
	if !ok {
		c.r.add(p.File, 1, "legal page without reviewed date: add `reviewed: YYYY-MM-DD`, the day its facts were last checked against the sources")
		return
	}
	var s string
	switch t := v.(type) {
	case string:
		s = t
	case time.Time:
		s = t.Format(time.DateOnly)
	default:
		s = fmt.Sprint(t)
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		c.r.add(p.File, doc.Line("reviewed"), "reviewed %q is not a date: write it as YYYY-MM-DD", s)
		return
	}
	c.staleReview(p.File, doc.Line("reviewed"), s)
}

// staleReview warns when facts were last checked more than 12 months ago,
// and refuses a review date after today: a date not yet come would keep
// the warning away for years while the facts age.
func (c *checker) staleReview(file string, line int, date string) {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	if c.opt.Today != "" {
		today, _ = time.Parse(time.DateOnly, c.opt.Today)
	}
	// A day's grace: in Norway it is tomorrow for two hours of UTC's day.
	if d.After(today.AddDate(0, 0, 1)) {
		c.r.add(file, line, "reviewed %s is after today (%s): write the day the facts were checked against the sources", date, today.Format(time.DateOnly))
		return
	}
	if d.AddDate(1, 0, 0).Before(today) {
		c.r.warn(file, line, "reviewed %s is more than 12 months ago: check the facts against the sources and update the date", date)
	}
}

func invalidUTF8Line(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return lineAt(b, i)
		}
		i += n
	}
	return 1
}

func lineAt(b []byte, off int) int {
	if off > len(b) {
		off = len(b)
	}
	return bytes.Count(b[:off], []byte("\n")) + 1
}
