package publish

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// BrokenLinks checks every same-site reference in the HTML pages of dir (links,
// scripts, stylesheets, images, canonical and language alternates): each must
// be a file of the output, or an address its _redirects file serves, and a
// #fragment must be an id on the target page. baseURL's host counts as the
// same site. It returns one line per broken reference, sorted.
func BrokenLinks(dir, baseURL string) ([]string, error) {
	site, _ := url.Parse(baseURL)
	redirects := loadRedirects(filepath.Join(dir, "_redirects"))
	ids := map[string]map[string]bool{} // page file → its ids, parsed once
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		if b, err := os.ReadFile(file); err == nil {
			if doc, err := html.Parse(bytes.NewReader(b)); err == nil {
				walk(doc, func(n *html.Node) {
					if id := attr(n, "id"); id != "" {
						m[id] = true
					}
					if n.Data == "a" && attr(n, "name") != "" {
						m[attr(n, "name")] = true
					}
				})
			}
		}
		ids[file] = m
		return m
	}
	var broken []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		walk(doc, func(n *html.Node) {
			for _, a := range n.Attr {
				if a.Key != "href" && a.Key != "src" && !(n.Data == "form" && a.Key == "action") {
					continue
				}
				u, err := url.Parse(strings.TrimSpace(a.Val))
				if err != nil {
					broken = append(broken, fmt.Sprintf("%s: %s=%q is not a valid address", rel, a.Key, a.Val))
					continue
				}
				if u.Scheme != "" && (u.Scheme != "http" && u.Scheme != "https" || u.Host != site.Host) {
					continue // another site, tel:, mailto:
				}
				if u.Scheme == "" && u.Host != "" {
					continue // //host/…
				}
				target := u.Path
				if target == "" {
					target = "/" + rel // "#fragment" on this page
				} else if !strings.HasPrefix(target, "/") {
					target = path.Join("/", path.Dir(rel), target)
					if strings.HasSuffix(u.Path, "/") {
						target += "/"
					}
				}
				file, ok := resolve(dir, target)
				if !ok {
					if !redirects.match(target) {
						broken = append(broken, fmt.Sprintf("%s: <%s %s=%q> goes nowhere: there is no %s in the output", rel, n.Data, a.Key, a.Val, strings.TrimPrefix(target, "/")))
					}
					continue
				}
				if u.Fragment != "" && strings.HasSuffix(file, ".html") && !idsOf(file)[u.Fragment] {
					r, _ := filepath.Rel(dir, file)
					broken = append(broken, fmt.Sprintf("%s: <%s %s=%q>: %s has no id %q", rel, n.Data, a.Key, a.Val, filepath.ToSlash(r), u.Fragment))
				}
			}
		})
		return nil
	})
	sort.Strings(broken)
	return broken, err
}

// resolve maps a site path to a file the way a static host does:
// /a/ → a/index.html, /a → a or a/index.html or a.html.
func resolve(dir, p string) (string, bool) {
	f := filepath.Join(dir, filepath.FromSlash(p))
	var tries []string
	if strings.HasSuffix(p, "/") {
		tries = []string{filepath.Join(f, "index.html")}
	} else {
		tries = []string{f, filepath.Join(f, "index.html"), f + ".html"}
	}
	for _, t := range tries {
		if st, err := os.Stat(t); err == nil && !st.IsDir() {
			return t, true
		}
	}
	return "", false
}

// redirectRules are the rules of a Netlify _redirects file that serve or
// redirect (not those that only give a 404 page).
type redirectRules []netlify.Rule

func loadRedirects(file string) redirectRules {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	all, _ := netlify.ParseRedirects(filepath.Base(file), b)
	var rules redirectRules
	for _, r := range all {
		if u, err := url.Parse(r.From); r.Status == 404 || (err == nil && u.Host != "") {
			continue
		}
		rules = append(rules, r)
	}
	return rules
}

func (r redirectRules) match(p string) bool {
	for _, rule := range r {
		if rule.Matches(p) {
			return true
		}
	}
	return false
}
