package check

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/addresses"
	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// QuickExitScript is the site's one script, under static/.
const QuickExitScript = "js/quick-exit.js"

// staticTypes are the kinds of file static/ may hold besides _redirects
// and the quick-exit script: images and documents that run nothing.
// Hugo copies static/ into the site as it is, beside the pages and past
// every check of them, so the set is closed: an HTML file there is a page
// without the quick exit, the CSP's reasons or a neutral title (or one
// that replaces a published page at the same address), a script runs
// from the site's own origin, which the CSP allows.
var staticTypes = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true, ".ico": true,
	".svg": true, // checked: no script, no links out (svgRule)
	".pdf": true, ".txt": true,
}

// staticRules checks what static/ adds to the site: the file types, the
// SVG files' content and the hand-written static/_redirects rules (class 8
// of issue 12).
func (c *checker) staticRules() {
	root := filepath.Join(c.root, "static")
	var live func(string) bool
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		file := "static/" + rel
		if d.Type()&fs.ModeSymlink != 0 {
			c.r.add(file, 0, "a symbolic link: Hugo would publish whatever it points to; put the file itself here")
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if rel == netlify.RedirectsFile {
			if live == nil {
				pages := make([]*content.Page, 0, len(c.r.Pages))
				for _, pg := range c.r.Pages {
					pages = append(pages, pg.Page)
				}
				live = addresses.Live(c.cfg, pages)
			}
			c.redirectRules(file, live)
			return nil
		}
		if msg := staticFileRule(rel); msg != "" {
			c.r.add(file, 0, "%s", msg)
			return nil
		}
		if strings.EqualFold(path.Ext(rel), ".svg") {
			if b, err := os.ReadFile(p); err == nil {
				if line, msg := SVGRule(b); msg != "" {
					c.r.add(file, line, "%s", msg)
				}
			}
		}
		return nil
	})
	c.netlifyTOMLRules()
}

// netlifyTOMLRules: netlify.toml's [[redirects]] would apply after
// static/_redirects' rules and the generated ones, past the rules above;
// the site keeps its hand-written redirects in static/_redirects alone.
func (c *checker) netlifyTOMLRules() {
	b, err := os.ReadFile(filepath.Join(c.root, "netlify.toml"))
	if err != nil {
		return
	}
	for i, line := range strings.Split(string(b), "\n") {
		if t := strings.ReplaceAll(strings.TrimSpace(line), " ", ""); strings.HasPrefix(t, "[[redirects]]") || strings.HasPrefix(t, "redirects=") {
			c.r.add("netlify.toml", i+1, "redirects here escape the checks of hand-written rules: write the rule in static/_redirects (`/old-path /new-path 301`) and remove it here")
		}
	}
}

// staticFileRule says why a file of static/ (path relative to it) may not
// be published, or "".
func staticFileRule(rel string) string {
	ext := strings.ToLower(path.Ext(rel))
	base := path.Base(rel)
	switch {
	case rel == QuickExitScript:
		return ""
	case strings.HasPrefix(base, "_"):
		return fmt.Sprintf("Netlify reads %s as its own settings file, unchecked (the build writes _headers itself): hand-written redirects go in static/_redirects; delete this file", base)
	case ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".xht" || ext == ".shtml" || ext == ".xml" || ext == ".svgz":
		return "static files are published as they are: an HTML page here would reach readers without the quick exit, the checks and a neutral title, or replace a published page; write the page in content/<lang>/ instead and delete this file"
	case ext == ".js" || ext == ".mjs" || ext == ".wasm":
		return "the site's only script is static/" + QuickExitScript + " (the quick exit): a script here would run from the site's own address; delete this file"
	case ext == ".css":
		return "the site's only stylesheet is assets/css/site.css, inlined in every page (the CSP allows no other): move the rules there and delete this file"
	case !staticTypes[ext]:
		return fmt.Sprintf("static/ holds images (png, jpg, gif, webp, avif, ico, svg), pdf and txt files, the quick-exit script and _redirects; %q files are not published; delete this file", ext)
	}
	return ""
}

// svgActive are what makes an SVG file do more than draw: script, event
// handlers, embedded HTML, links and loads from other sites, entities.
var svgActive = regexp.MustCompile(`(?i)<script|<foreignobject|<iframe|<embed|<object|<!entity|<handler|javascript:|\son[a-z]+\s*=|(?:href|src)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import`)

// SVGRule returns the line and reason when an SVG file carries something
// active (an SVG opened on its own address is a document like a page), or
// 0 and "".
func SVGRule(b []byte) (int, string) {
	loc := svgActive.FindIndex(b)
	if loc == nil {
		return 0, ""
	}
	line := bytes.Count(b[:loc[0]], []byte("\n")) + 1
	found := strings.TrimSpace(string(b[loc[0]:loc[1]]))
	return line, fmt.Sprintf("the SVG carries %q: opened at its own address an SVG is a document that can run script and load from other sites; save it as plain shapes (no script, event attributes, embedded HTML or links to other sites)", found)
}

var (
	redirectSeg   = `[A-Za-z0-9_~-][A-Za-z0-9._~-]*`
	redirectFrom  = regexp.MustCompile(`^(?:/` + redirectSeg + `)+/?$`)
	redirectSplat = regexp.MustCompile(`^/` + redirectSeg + `(?:/` + redirectSeg + `)+/\*$`)
	redirectTo    = regexp.MustCompile(`^/(?:(?:` + redirectSeg + `/)*` + redirectSeg + `/?)?$`)
	redirectToAll = regexp.MustCompile(`^/(?:` + redirectSeg + `/)+:splat$`)
)

// redirectRules holds static/_redirects to what it is for: moving a
// page within the site. Its rules come before the generated ones and
// Netlify applies the first that matches, so each is a plain 301 or 302
// from an old address (or everything under an old page) to a page the
// site publishes: no other site, no rewrite (200), no forced rule that
// replaces a published page, no catch-all that takes the place of each
// language's "page not found", and no condition that treats readers apart.
func (c *checker) redirectRules(file string, live func(string) bool) {
	b, err := os.ReadFile(filepath.Join(c.root, filepath.FromSlash(file)))
	if err != nil {
		c.r.add(file, 0, "cannot read: %v", err)
		return
	}
	rules, err := netlify.ParseRedirects(file, b)
	if err != nil {
		var le *netlify.LineError
		if !errors.As(err, &le) {
			c.r.add(file, 0, "%v", err)
		}
		return // a line error: the URL contract reports it
	}
	for _, r := range rules {
		for _, msg := range RedirectProblems(r, live) {
			c.r.add(file, r.Line, "%s", msg)
		}
	}
}

// RedirectProblems says what is wrong with one hand-written rule; live
// tells the pages the site publishes (nil: not checked).
func RedirectProblems(r netlify.Rule, live func(string) bool) []string {
	var out []string
	splat := strings.HasSuffix(r.From, "/*")
	switch {
	case !strings.HasPrefix(r.From, "/") || strings.HasPrefix(r.From, "//"):
		out = append(out, fmt.Sprintf("the old address %q is not a path on this site: write it as it follows the domain, e.g. /nb/old-page/", r.From))
	case strings.Contains(r.From, "*") && !redirectSplat.MatchString(r.From):
		out = append(out, fmt.Sprintf("%q is a catch-all: it would take every missing address under it, in place of the language's \"page not found\"; a rule for everything under an old page names the page, e.g. /nb/old-page/*", r.From))
	case !splat && !redirectFrom.MatchString(r.From):
		out = append(out, fmt.Sprintf("the old address %q is not a plain path (placeholders such as :lang and odd characters are not used here): write each old address, e.g. /nb/old-page/ or /nb/old-page/*", r.From))
	}
	if r.Status != 301 && r.Status != 302 {
		why := "a hand-written rule moves a page: use 301 (moved for good) or 302"
		if r.Status == 200 {
			why = "200 serves another address's content under this one, unseen (a rewrite); a hand-written rule moves a page: use 301 or 302"
		}
		out = append(out, fmt.Sprintf("status %d: %s", r.Status, why))
	}
	if r.Force {
		out = append(out, "the rule is forced (!): it would apply even where a published page exists and replace it; remove the !")
	}
	if len(r.Languages) > 0 || len(r.Conditions) > 0 {
		out = append(out, "conditions (Language=, Country=, Role=) and query parameters are not used in hand-written rules: every reader of an old address gets the same page; remove them")
	}
	switch {
	case !strings.HasPrefix(r.To, "/") || strings.HasPrefix(r.To, "//") || strings.Contains(r.To, `\`):
		out = append(out, fmt.Sprintf("the rule sends readers to %q, off this site: hand-written rules only move pages within the site; write the new page's path, e.g. /nb/help/", r.To))
	case strings.Contains(r.To, ":splat") && (!splat || !redirectToAll.MatchString(r.To)):
		out = append(out, fmt.Sprintf("the target %q uses :splat where it cannot: only a rule from /<lang>/<old-page>/* may end its target in /:splat, after the new page's path", r.To))
	case !strings.Contains(r.To, ":splat") && !redirectTo.MatchString(r.To):
		out = append(out, fmt.Sprintf("the target %q is not a plain path on this site (placeholders, queries and odd characters are not used here): write the new page's path, e.g. /nb/help/", r.To))
	case live != nil && !addresses.LiveTarget(live, strings.TrimSuffix(r.To, ":splat")):
		out = append(out, fmt.Sprintf("the rule sends readers to %q, which the site does not publish: point it at a page that exists", strings.TrimSuffix(r.To, ":splat")))
	}
	return out
}
