// Package check finds what a translator or editor can break before Hugo runs:
// front matter, raw HTML and unsafe links in Markdown, links to missing pages,
// unknown help services, phone numbers typed into text, missing i18n keys and
// plural forms, and unreadable files. Every problem names the file and line
// and says what to do.
package check

import (
	"fmt"
	"sort"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/fileerr"
	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// Problem is one finding. Warnings are shown but do not fail a build.
type Problem = fileerr.Error

// Page is a content file that passed parsing, and what check found in it.
type Page struct {
	*content.Page
	Body    []byte // with shortcodes blanked out
	LIX     float64
	Words   int
	Anchors []string // heading ids, for links with #fragments

	// unread is the body of a page outside Options.Only, whose Markdown is
	// read only if a link asks for one of its anchors.
	unread *frontmatter.Doc
}

// Report is the result of a check run.
type Report struct {
	Source   string // the source language
	Problems []Problem
	Pages    []*Page
}

// Errors counts the problems that are not warnings.
func (r *Report) Errors() int {
	n := 0
	for _, p := range r.Problems {
		if !p.Warning {
			n++
		}
	}
	return n
}

// Page returns the page for lang and slug, or nil.
func (r *Report) Page(lang, slug string) *Page {
	for _, p := range r.Pages {
		if p.Lang == lang && p.Slug == slug {
			return p
		}
	}
	return nil
}

func (r *Report) add(file string, line int, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (r *Report) warn(file string, line int, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// Options tune a run. The zero value is what `site check` uses.
type Options struct {
	// Today is the date that reviewed dates are compared with (YYYY-MM-DD);
	// empty means the current date.
	Today string

	// Only, when set, names the content files (relative to the root,
	// slash-separated) that are checked: `site serve` checks the files of a
	// save, not the site. Every page's front matter is still read, so links
	// resolve against the whole site (a page's Markdown is read for its
	// anchors only when a link names one); the rules of i18n/, data/ and
	// layouts/ and the URL contract do not run. The problems of other files
	// that this finds are not all there are.
	Only map[string]bool

	// Content, when set, reads the content files: `site serve` keeps one
	// across saves, so that only the files that changed are read again.
	Content *content.Reader
}

// reads reports whether the Markdown of file is checked in this run.
func (o Options) reads(file string) bool { return o.Only == nil || o.Only[file] }

// scoped reports whether the translation rules of a translation in file,
// made from sourceFile, run in this check.
func (o Options) scoped(file, sourceFile string) bool {
	return o.Only == nil || o.Only[file] || o.Only[sourceFile]
}

// Run checks the site in root.
func Run(root string, cfg *siteconfig.Config, opt Options) *Report {
	r := &Report{Source: cfg.Default}
	c := &checker{root: root, cfg: cfg, opt: opt, r: r}
	if opt.Content != nil {
		c.content, c.contentErr = opt.Content.Read(root, cfg)
	} else {
		c.content, c.contentErr = content.Read(root, cfg)
	}
	c.loadServices()
	c.loadShortcodes()
	whole := opt.Only == nil
	if whole {
		c.layouts()
	}
	c.pages()
	c.resolveLinks()
	if whole {
		// What only i18n/, data/, layouts/ or the set of pages can break.
		c.i18n()
		c.i18nFiles()
	}
	c.i18nRules()
	if whole {
		c.bidiFiles()
		c.urlContract()
		c.configRules()
		c.staticRules()
	}
	// Last: it reads every problem found above.
	c.noteFollowOns()
	sort.SliceStable(r.Problems, func(i, j int) bool {
		a, b := r.Problems[i], r.Problems[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return r
}

type checker struct {
	root       string
	cfg        *siteconfig.Config
	opt        Options
	r          *Report
	content    *content.Site // every language folder, read once
	contentErr error
	services   map[string]bool
	phones     []string // displayed numbers from the data, digits only
	dataKeys   []dataKey
	shortcodes map[string]bool
	links      []pendingLink
	docs       map[string]*frontmatter.Doc // file → front matter, for sourceRules
	unreadable map[string]*unreadable      // page files that could not be checked (followon.go)
	// sourceBlocks: source file → its structure, listed once for all its
	// translations (structure.go).
	sourceBlocks map[string][]*block
}

// pendingLink is an internal link, resolved once every page is known.
type pendingLink struct {
	file, lang, target, fragment string
	line                         int
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
