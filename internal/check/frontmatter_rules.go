package check

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
)

// Hugo reads many front-matter keys, and several of them change what it
// publishes without an error: a page hidden (draft, a future date, build),
// moved (url, slug, aliases), replaced (layout, type, markup), or made to
// change other pages (cascade). A page here may carry only the keys this
// site uses; everything else is refused before Hugo runs. Hugo matches keys
// in any case (Draft, DRAFT), so the check does too.

// frontMatterKeys are the keys the site uses, as they are spelt, with what
// each holds.
var frontMatterKeys = map[string]string{
	"title":            "text",
	"description":      "text",
	"linkTitle":        "text",
	"tabTitle":         "text",
	"poster":           "text",
	"weight":           "number",
	"help":             "list",
	"reviewed":         "date",
	"lastmod":          "date",
	"date":             "date",
	"translation_date": "date",
	"translator":       "text", // written by `site translated --translator`
	"reviewer":         "text",
	"sources":          "list",
	"source_hash":      "text",
	"translation":      "text",
	"translate":        "bool",
	"legal":            "bool",
	"hidden":           "bool",
	"layout":           "text",
	"outputs":          "list",
	"aliases":          "list",
}

// pageLayouts are the layouts a page may choose: the partners page's
// campaign kit. Any other layout would show a page as something it is not
// (e.g. "fallback" shows "not translated yet" over a translated page).
var pageLayouts = []string{"partners"}

// pageOutputs are the output formats a page may have (hugo.toml [outputs]).
var pageOutputs = []string{"html", "poster"}

// sameAsSource are keys a translation must have exactly as its source page:
// they decide whether and where the page is published and listed, which
// must not differ between languages (a published address would vanish).
var sameAsSource = []string{"layout", "outputs", "hidden"}

// refusedKeys say why a key Hugo knows is not allowed here.
var refusedKeys = map[string]string{
	"draft":          "draft hides the page from the site: remove the line (a page that is not ready stays out of content/)",
	"expirydate":     "expiryDate removes the page from the site after a date: remove the line",
	"unpublishdate":  "unpublishdate removes the page from the site after a date: remove the line",
	"publishdate":    "publishDate hides the page until a date: remove the line",
	"pubdate":        "pubdate hides the page until a date: remove the line",
	"published":      "published hides the page until a date: remove the line",
	"build":          "build can keep the page from being published or listed: remove it",
	"_build":         "_build can keep the page from being published or listed: remove it",
	"headless":       "headless keeps the page from being published: remove the line",
	"cascade":        "cascade changes the front matter of other pages: remove it",
	"type":           "type changes which layout shows the page: remove the line",
	"sites":          "sites publishes the page in other languages or sites: remove it; each language has its own file",
	"markup":         "markup changes how the text is rendered: remove the line (pages are Markdown)",
	"translationkey": "translationKey links the page to another language's page: remove the line; pages are linked by their file name",
	"url":            "url moves the page away from its address: remove the line; the address comes from the file name",
	"slug":           "slug moves the page away from its address: remove the line; the address comes from the file name",
	"params":         "params sets hidden page parameters: remove it and write the keys themselves",
	"menus":          "menus puts the page into site menus: remove it",
	"menu":           "menu puts the page into site menus: remove it",
	"resources":      "resources are not used on this site: remove them",
	"sitemap":        "sitemap is not used on this site: remove it",
	"lang":           "lang is not used: the language comes from the folder (content/<lang>/)",
	"kind":           "kind changes what Hugo takes the page for: remove the line",
	"path":           "path moves the page away from its address: remove the line",
	"<<":             "a YAML merge key (<<) brings in keys no one sees: write each key on its own line",
}

// FrontMatterProblems checks the keys of one page's front matter: only the
// keys the site uses, in their spelling, with values of the right kind;
// dates that are dates (and a date not in the future, which would hide the
// page until then); outputs that keep the page's HTML; aliases that stay in
// the page's own language and are page addresses. url and slug exist check
// elsewhere (content.go) in their lower-case spelling.
func FrontMatterProblems(file, lang string, doc *frontmatter.Doc, today time.Time) []Problem {
	var out []Problem
	add := func(key, format string, args ...any) {
		out = append(out, Problem{File: file, Line: doc.Line(key), Msg: fmt.Sprintf(format, args...)})
	}
	canonical := map[string]string{}
	for k := range frontMatterKeys {
		canonical[strings.ToLower(k)] = k
	}
	keys := map[string]bool{}
	for k := range doc.Params {
		keys[k] = true
	}
	for k := range doc.KeyLines {
		keys[k] = true
	}
	for _, k := range slices.Sorted(mapsKeys(keys)) {
		lower := strings.ToLower(k)
		if why, refused := refusedKeys[lower]; refused {
			if k == "url" || k == "slug" {
				continue // content.go names the page's address
			}
			add(k, "%s", why)
			continue
		}
		want, known := canonical[lower]
		switch {
		case !known:
			add(k, "unknown front-matter key %q: Hugo may act on it; use only %s", k, strings.Join(slices.Sorted(mapsKeys(frontMatterKeys)), ", "))
			continue
		case want != k:
			add(k, "write the key %q as %s", k, want)
			continue
		}
		v, present := doc.Params[k]
		if !present {
			continue
		}
		switch frontMatterKeys[k] {
		case "text":
			if _, ok := v.(string); !ok && k != "title" && k != "description" {
				add(k, "%s must be text in quotes, e.g. %s: \"…\"", k, k)
			}
		case "bool":
			if _, ok := v.(bool); !ok && k != "translate" {
				add(k, "%s must be true or false", k)
			}
		case "number":
			if !isInteger(v) {
				add(k, "%s must be a whole number, e.g. %s: 30", k, k)
			}
		case "date":
			d, ok := frontMatterDate(v)
			switch {
			case !ok && k != "reviewed": // reviewed has its own message
				add(k, "%s %q is not a date: write it as YYYY-MM-DD", k, fmt.Sprint(v))
			case ok && k == "date" && d.After(today):
				add(k, "date %s is in the future: Hugo hides the page until then; use today's date or remove the line", d.Format(time.DateOnly))
			}
		}
	}
	if v, ok := doc.Params["layout"]; ok {
		if s, _ := v.(string); !slices.Contains(pageLayouts, s) {
			add("layout", "layout %q would show this page as something else: remove the line (layouts a page may choose: %s)", fmt.Sprint(v), strings.Join(pageLayouts, ", "))
		}
	}
	if v, ok := doc.Params["outputs"]; ok {
		list, _ := v.([]any)
		hasHTML := false
		for _, o := range list {
			s, _ := o.(string)
			if !slices.Contains(pageOutputs, strings.ToLower(s)) {
				add("outputs", "outputs %q is not one of %s: remove it", fmt.Sprint(o), strings.Join(pageOutputs, ", "))
			}
			hasHTML = hasHTML || strings.EqualFold(s, "html")
		}
		if !hasHTML {
			add("outputs", "outputs must include html, or the page is not published: write outputs: [html] or remove the line")
		}
	}
	if v, ok := doc.Params["aliases"]; ok {
		list, isList := v.([]any)
		if !isList {
			add("aliases", "aliases must be a list of old addresses, e.g. aliases: [/old-name/]")
		}
		for _, a := range list {
			s, _ := a.(string)
			if why := badAlias(s, lang); why != "" {
				add("aliases", "alias %q %s", fmt.Sprint(a), why)
			}
		}
	}
	return out
}

// badAlias says what is wrong with an alias, "" when nothing is. An alias
// is an old address of the page; Hugo writes a redirect page there, under
// the page's language (/old-name/ in content/nb/ becomes /nb/old-name/). It
// must be one plain page name: a language in front would make /nb/en/…, a
// name like help would replace that page, and "..", file names or deeper
// paths could put the redirect anywhere.
func badAlias(a, lang string) string {
	name := strings.Trim(a, "/")
	first, _, _ := strings.Cut(name, "/")
	switch {
	case strings.Contains(a, "..") || strings.Contains(a, "\\") || strings.Contains(a, "//") || strings.ContainsAny(a, "?#%:"):
		return "is not a plain address: write the old page name as /old-name/"
	case strings.Contains(name, "/") && (first == lang || isLanguageLike(first)) && slugRE.MatchString(lastSegment(name)):
		return fmt.Sprintf("starts with a language or folder: write the old page name alone, /%s/ (Hugo puts the alias under /%s/ itself; an alias never leaves the page's language)", lastSegment(name), lang)
	case !strings.HasPrefix(a, "/") || strings.Contains(name, "/") || !slugRE.MatchString(name) || name == "_index":
		return "is not a page address: write the old page name as /old-name/ (lowercase letters, digits and dashes; no file name, no folders)"
	case name == "print" || name == "go" || name == "poster":
		return "would replace one of the site's own addresses: write the old page's name"
	}
	return ""
}

// isLanguageLike: a path segment that reads as a language code (nb, en, ckb).
func isLanguageLike(s string) bool {
	return len(s) >= 2 && len(s) <= 3 && strings.IndexFunc(s, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
}

func lastSegment(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[i+1:]
	}
	return p
}

// FrontMatterMatchesSource checks that a translation publishes the way its
// source page does: the keys of sameAsSource as the source has them.
func FrontMatterMatchesSource(file string, doc *frontmatter.Doc, srcFile string, src *frontmatter.Doc) []Problem {
	var out []Problem
	for _, k := range sameAsSource {
		v, has := doc.Params[k]
		sv, srcHas := src.Params[k]
		if has && (!srcHas || !reflect.DeepEqual(v, sv)) {
			want := "remove the line"
			if srcHas {
				want = fmt.Sprintf("write it as %s has it (%v), or remove it", srcFile, sv)
			}
			out = append(out, Problem{File: file, Line: doc.Line(k), Msg: fmt.Sprintf("%s differs from the source page %s: it decides whether and where the page is published, the same in every language; %s", k, srcFile, want)})
		}
	}
	return out
}

func frontMatterDate(v any) (time.Time, bool) {
	switch t := v.(type) {
	case time.Time:
		return t, true
	case string:
		for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05"} {
			if d, err := time.Parse(layout, t); err == nil {
				return d, true
			}
		}
	}
	return time.Time{}, false
}

func isInteger(v any) bool {
	switch t := v.(type) {
	case int, int64, uint64:
		return true
	case float64:
		return t == float64(int64(t))
	}
	return false
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// frontMatterRules runs the page's own front-matter rules and keeps the
// front matter for the comparison with the source page (sourceRules).
func (c *checker) frontMatterRules(p *Page, doc *frontmatter.Doc) {
	today := time.Now()
	if c.opt.Today != "" {
		today, _ = time.Parse(time.DateOnly, c.opt.Today)
	}
	c.r.Problems = append(c.r.Problems, FrontMatterProblems(p.File, p.Lang, doc, today)...)
	for _, k := range []string{"title", "description", "linkTitle", "tabTitle", "poster"} {
		if s, ok := doc.Params[k].(string); ok {
			c.phoneInString(p.File, doc.Line(k), s)
			// The layouts print these as plain text (page titles, the
			// tab, link previews, the poster): markup would show as typed.
			if mk := markupIn(s); mk != "" {
				c.r.add(p.File, doc.Line(k), "%s: %q is markup, which the site shows as typed in titles, the browser tab and link previews: write plain text", k, mk)
			}
		}
	}
	if c.docs == nil {
		c.docs = map[string]*frontmatter.Doc{}
	}
	c.docs[p.File] = doc
}

// sourceRules compares each translation's front matter with its source
// page's, once every page is read; and no alias may take the address of a
// page that exists.
func (c *checker) sourceRules() {
	for _, p := range c.r.Pages {
		doc := c.docs[p.File]
		if doc == nil {
			continue
		}
		if list, ok := doc.Params["aliases"].([]any); ok {
			for _, a := range list {
				s, _ := a.(string)
				if seg := strings.Trim(s, "/"); badAlias(s, p.Lang) == "" && c.r.Page(p.Lang, seg) != nil {
					c.r.add(p.File, doc.Line("aliases"), "alias %q is the address of content/%s/%s.md: it would replace that page; remove it", s, p.Lang, seg)
				}
			}
		}
		if p.Lang == c.cfg.Default {
			continue
		}
		src := c.r.Page(c.cfg.Default, p.Slug)
		if src == nil || c.docs[src.File] == nil {
			continue
		}
		c.r.Problems = append(c.r.Problems, FrontMatterMatchesSource(p.File, doc, src.File, c.docs[src.File])...)
	}
}
