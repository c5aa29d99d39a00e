package addresses

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/fileerr"
	"github.com/redcross-no/familieinnvandring/internal/netlify"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// URLsFile is the committed list of every URL the site has published. The
// build appends new ones; check fails when one disappears without a redirect.
const URLsFile = "published-urls.txt"

const urlsHeader = `# Every URL this site has published (path after the domain), sorted.
# Written by "site build", which only ever adds lines: commit it with the pages.
# "site check" fails when a URL here no longer exists and no redirect or alias
# covers it. To retire a page, add a rule to static/_redirects, e.g.
#   /nb/old-page /nb/new-page 301
# or "aliases: [/old-page/]" in the page that replaces it.
`

// ReadURLs reads the list; a missing file is an empty list.
func ReadURLs(root string) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(root, URLsFile))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var urls []string
	for _, l := range listLines(b) {
		urls = append(urls, l.url)
	}
	return urls, nil
}

type listLine struct {
	url  string
	line int
}

func listLines(b []byte) []listLine {
	var out []listLine
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		t := strings.TrimSpace(sc.Text())
		if t != "" && !strings.HasPrefix(t, "#") {
			out = append(out, listLine{t, n})
		}
	}
	return out
}

// AppendURLs adds the new URLs to the list (sorted, never removing one) and
// returns how many were new. The file is rewritten only when it changes.
func AppendURLs(root string, published []string) (int, error) {
	old, err := ReadURLs(root)
	if err != nil {
		return 0, err
	}
	all := slices.Clone(old)
	have := map[string]bool{}
	for _, u := range old {
		have[u] = true
	}
	added := 0
	for _, u := range published {
		if !have[u] {
			all = append(all, u)
			have[u] = true
			added++
		}
	}
	if added == 0 {
		return 0, nil
	}
	slices.Sort(all)
	var b strings.Builder
	b.WriteString(urlsHeader)
	for _, u := range all {
		b.WriteString(u)
		b.WriteByte('\n')
	}
	return added, os.WriteFile(filepath.Join(root, URLsFile), []byte(b.String()), 0o644)
}

// Problem is a listed URL that no longer exists, or a rule file that
// cannot be read.
type Problem = fileerr.Error

// CheckURLs verifies the contract from the sources alone (no build): every
// listed URL must still be produced by a page, or be covered by a page's
// aliases or a redirect rule (static/_redirects, netlify.toml). Pages are the
// content files that parsed; a page in the source language also counts in
// every other language, where the build publishes an untranslated fallback.
func CheckURLs(root string, cfg *siteconfig.Config, pages []*content.Page) []Problem {
	b, err := os.ReadFile(filepath.Join(root, URLsFile))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return []Problem{{File: URLsFile, Line: 0, Msg: fmt.Sprintf("cannot read: %v", err)}}
	}
	rules, probs := handRules(root)
	live := expectedURLs(cfg, pages)
	lines := listLines(b)
	for i, l := range lines {
		if i > 0 && lines[i-1].url >= l.url {
			probs = append(probs, Problem{File: URLsFile, Line: l.line, Msg: fmt.Sprintf("%q is out of order: the list is sorted; run site build to rewrite it", l.url)})
		}
		if !strings.HasPrefix(l.url, "/") {
			probs = append(probs, Problem{File: URLsFile, Line: l.line, Msg: fmt.Sprintf("%q is not a path: write it as it follows the domain, starting with /", l.url)})
			continue
		}
		if live(l.url) {
			continue
		}
		rule, target, ok := keptAlive(rules, l.url, live)
		if ok {
			continue
		}
		if rule != nil && rule.Status != 404 {
			probs = append(probs, Problem{File: URLsFile, Line: l.line, Msg: fmt.Sprintf("published URL %q no longer exists: the rule at %s sends it to %q, which the site does not publish; point the rule at a page that exists, or restore the page", l.url, ruleAt(rule), target)})
			continue
		}
		probs = append(probs, Problem{File: URLsFile, Line: l.line, Msg: fmt.Sprintf("published URL %q no longer exists: it may be printed on posters and leaflets; add a redirect to static/_redirects (e.g. `%s /%s/ 301`) or `aliases` to the page that replaces it, or restore the page", l.url, strings.TrimSuffix(l.url, "/"), cfg.Default)})
	}
	return probs
}

// expectedURLs returns a predicate for the URLs the sources still publish.
func expectedURLs(cfg *siteconfig.Config, pages []*content.Page) func(string) bool {
	set := map[string]bool{"/": true}
	source := map[string]*content.Page{}
	for _, p := range pages {
		if p.Lang == cfg.Default {
			source[p.Slug] = p
		}
	}
	byKey := map[string]*content.Page{}
	for _, p := range pages {
		byKey[p.Lang+"/"+p.Slug] = p
	}
	for slug, src := range source {
		if slug != Home {
			set[GoPath(slug)] = true
			set[GoPath(slug)+"/"] = true
		}
		for _, l := range cfg.Languages {
			p, translated := byKey[l.Code+"/"+slug]
			if !translated && src.SourceOnly() {
				continue // kept to the languages that have it: no fallback
			}
			if !translated {
				p = src // published as an untranslated fallback
			}
			// An untranslated page falls back for every output, the poster
			// included (content/_fallback), so withdrawing a translation
			// keeps every URL it published.
			poster := slug != Home && hasPoster(p.Params) && hasPoster(src.Params)
			set[PagePath(l.Code, slug)] = true
			if slug == Home {
				set[BrochurePath(l.Code)] = true // every language has one, translated or not
			}
			if poster {
				set[PagePath(l.Code, slug)+"poster/"] = true
			}
			for _, a := range aliasesOf(p) {
				set[a] = true
				if poster && strings.HasSuffix(a, "/") {
					set[a+"poster/"] = true // Hugo writes aliases for the poster too
				}
			}
		}
	}
	return func(u string) bool { return set[u] }
}

// hasPoster: every page has a poster unless its front matter `outputs`
// leaves "poster" out.
func hasPoster(params map[string]any) bool {
	o, ok := params["outputs"]
	if !ok {
		return true
	}
	list, _ := o.([]any)
	for _, v := range list {
		if s, _ := v.(string); strings.EqualFold(s, "poster") {
			return true
		}
	}
	return false
}

// aliasesOf resolves a page's `aliases` front matter the way Hugo publishes
// them in this multilingual site: always under the page's language folder.
func aliasesOf(p *content.Page) []string {
	list, _ := p.Params["aliases"].([]any)
	var out []string
	for _, v := range list {
		a, _ := v.(string)
		if a == "" {
			continue
		}
		clean := strings.TrimPrefix(path.Clean("/"+a), "/")
		if path.Ext(clean) != "" {
			out = append(out, "/"+p.Lang+"/"+clean)
		} else {
			out = append(out, "/"+p.Lang+"/"+clean+"/")
		}
	}
	return out
}

// handRules are the redirect rules people write: static/_redirects and the
// [[redirects]] of netlify.toml.
func handRules(root string) ([]netlify.Rule, []Problem) {
	var rules []netlify.Rule
	var probs []Problem
	if b, err := os.ReadFile(filepath.Join(root, "static", netlify.RedirectsFile)); err == nil {
		r, err := netlify.ParseRedirects("static/"+netlify.RedirectsFile, b)
		var le *netlify.LineError
		if errors.As(err, &le) {
			probs = append(probs, Problem{File: le.File, Line: le.Line, Msg: le.Msg})
		} else if err != nil {
			probs = append(probs, Problem{File: "static/" + netlify.RedirectsFile, Line: 0, Msg: err.Error()})
		}
		rules = append(rules, r...)
	}
	if b, err := os.ReadFile(filepath.Join(root, "netlify.toml")); err == nil {
		r, err := netlify.ParseTOMLRedirects(b)
		if err != nil {
			probs = append(probs, Problem{File: "netlify.toml", Line: 0, Msg: err.Error()})
		}
		rules = append(rules, r...)
	}
	return rules, probs
}
