package addresses

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// CheckBuilt verifies the contract against what the build wrote into dir,
// after Hugo: every URL in published-urls.txt is a file there, or a
// hand-written rule redirects it to one. CheckURLs (before Hugo) predicts
// the same from the sources; this is the final word, for what the sources
// do not show (a template, a content adapter or a setting that makes Hugo
// leave a page out). A missing URL is reported at the content file that
// publishes it, or its source-language page for an untranslated fallback,
// where there is one; else at its line of the list.
func CheckBuilt(root, dir string, cfg *siteconfig.Config, pages []*content.Page) []Problem {
	b, err := os.ReadFile(filepath.Join(root, URLsFile))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return []Problem{{File: URLsFile, Msg: fmt.Sprintf("cannot read: %v", err)}}
	}
	rules, probs := handRules(root)
	if len(probs) > 0 {
		return probs
	}
	built := func(u string) bool { return servedFrom(dir, u) }
	var out []Problem
	for _, l := range listLines(b) {
		if !strings.HasPrefix(l.url, "/") || built(l.url) {
			continue
		}
		rule, target, ok := keptAlive(rules, l.url, built)
		if ok {
			continue
		}
		file, line := URLsFile, l.line
		where := ""
		if p := publisher(cfg, pages, l.url); p != nil {
			file, line = p.File, 0
			where = fmt.Sprintf(" (%s:%d)", URLsFile, l.line)
		}
		home := "/" + cfg.Default + "/"
		if lang, _, _ := strings.Cut(strings.TrimPrefix(l.url, "/"), "/"); lang != "" {
			if _, ok := cfg.Language(lang); ok {
				home = "/" + lang + "/"
			}
		}
		msg := fmt.Sprintf("the published URL %q%s is missing from the built site: it may be printed on posters and leaflets; make the build publish it again (a layout, a setting or the content adapter left it out), or add a 301 to a page that exists to static/_redirects (e.g. `%s %s 301`)", l.url, where, strings.TrimSuffix(l.url, "/"), home)
		if rule != nil && rule.Status != 404 {
			msg = fmt.Sprintf("the published URL %q%s is missing from the built site, and the rule at %s sends it to %q, which is not in the built site either: point the rule at a page that exists, or restore the page", l.url, where, ruleAt(rule), target)
		}
		out = append(out, Problem{File: file, Line: line, Msg: msg})
	}
	return out
}

// servedFrom reports whether Netlify would serve the URL path u from a file
// in dir: /nb/help/ is nb/help/index.html, /go/help its index.html too (after
// a redirect to /go/help/), /qr.svg the file itself.
func servedFrom(dir, u string) bool {
	rel := filepath.FromSlash(strings.TrimPrefix(u, "/"))
	if strings.Contains(u, "..") {
		return false
	}
	if st, err := os.Stat(filepath.Join(dir, rel)); err == nil && !st.IsDir() {
		return !strings.HasSuffix(u, "/")
	}
	st, err := os.Stat(filepath.Join(dir, rel, "index.html"))
	return err == nil && !st.IsDir()
}

// publisher is the content file behind a page address (/ar/stay/,
// /ar/stay/poster/, /go/stay, /ar/print/): the page in that language, else
// the source-language page shown there untranslated. nil when the address
// is not a page's (an alias, the root).
func publisher(cfg *siteconfig.Config, pages []*content.Page, u string) *content.Page {
	parts := strings.Split(strings.Trim(u, "/"), "/")
	lang, slug := parts[0], Home
	switch {
	case lang == "go" && len(parts) == 2:
		lang, slug = cfg.Default, parts[1]
	case len(parts) == 1, len(parts) == 2 && parts[1] == "print":
	case len(parts) == 2, len(parts) == 3 && parts[2] == "poster":
		slug = parts[1]
	default:
		return nil
	}
	if _, ok := cfg.Language(lang); !ok {
		return nil
	}
	var fallback *content.Page
	for _, p := range pages {
		if p.Slug != slug {
			continue
		}
		if p.Lang == lang {
			return p
		}
		if p.Lang == cfg.Default {
			fallback = p
		}
	}
	return fallback
}
