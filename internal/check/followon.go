package check

import (
	"fmt"

	"github.com/redcross-no/familieinnvandring/internal/addresses"
	"github.com/redcross-no/familieinnvandring/internal/content"
)

// A page file that cannot be read (too large, not UTF-8, broken front
// matter, Markdown past its limits) is one problem, reported at its own file.
// Without care it is also dozens more, each blaming another file: every
// translation of it "translates a page that does not exist", every link to it
// "goes to a missing page", every published URL of it "no longer exists"
// (an unreadable help page once gave 75 lines, its own among them). Those
// follow-on problems are left out, and the file's own problem is followed by
// one line that says how many there were: fix this file first.

// unreadable is a page file that exists but could not be checked.
type unreadable struct {
	lang, slug string
	line       int           // of the file's own problem
	page       *content.Page // its front matter, when that could be read
	followOns  int
}

// unparsed records that file could not be checked, just after its problem
// was added. page is nil when its front matter could not be read.
func (c *checker) unparsed(file, lang, slug string, page *content.Page) {
	if c.unreadable == nil {
		c.unreadable = map[string]*unreadable{}
	}
	u := &unreadable{lang: lang, slug: slug, page: page}
	if n := len(c.r.Problems); n > 0 && c.r.Problems[n-1].File == file {
		u.line = c.r.Problems[n-1].Line
	}
	c.unreadable[file] = u
}

// unreadablePage returns the unreadable file of slug in lang, if there is one.
func (c *checker) unreadablePage(lang, slug string) (string, *unreadable) {
	if l, ok := c.cfg.Language(lang); ok {
		file := l.ContentDir + "/" + slug + ".md"
		if u := c.unreadable[file]; u != nil {
			return file, u
		}
	}
	return "", nil
}

// followsFrom reports whether a problem about slug in lang follows from an
// unreadable file (the page's own, or its source page's), and counts it there.
func (c *checker) followsFrom(lang, slug string) bool {
	for _, l := range []string{lang, c.cfg.Default} {
		if _, u := c.unreadablePage(l, slug); u != nil {
			u.followOns++
			return true
		}
	}
	return false
}

// urlContractWith checks the URL contract with the unreadable pages standing
// in as pages (their addresses are still meant to exist), and counts for each
// the published URLs that would be reported missing without it.
func (c *checker) urlContractWith(pages []*content.Page) []addresses.Problem {
	var stands []*content.Page
	var owners []*unreadable
	for file, u := range c.unreadable {
		if u.page == nil { // a page that was read is in pages already
			stands = append(stands, &content.Page{Lang: u.lang, Slug: u.slug, File: file})
			owners = append(owners, u)
		}
	}
	all := append(pages[:len(pages):len(pages)], stands...)
	probs := addresses.CheckURLs(c.root, c.cfg, all)
	for i, u := range owners {
		without := append(pages[:len(pages):len(pages)], stands[:i]...)
		without = append(without, stands[i+1:]...)
		u.followOns += len(addresses.CheckURLs(c.root, c.cfg, without)) - len(probs)
	}
	return probs
}

// noteFollowOns adds, after each unreadable file's own problem, how many
// problems elsewhere were left out because of it.
func (c *checker) noteFollowOns() {
	for file, u := range c.unreadable {
		if u.followOns > 0 {
			c.r.add(file, u.line, "%s in other files (%s) follow from the problem above and are not shown: fix this file first", plural(u.followOns, "problem", "problems"), "links to this page, its translations, its published addresses")
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
