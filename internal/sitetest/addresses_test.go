package sitetest

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/addresses"
	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// redirects reads the _redirects file of the built site.
func redirects(t *testing.T, dir string) []netlify.Rule {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, netlify.RedirectsFile))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := netlify.ParseRedirects(netlify.RedirectsFile, b)
	if err != nil {
		t.Fatal(err)
	}
	return rules
}

// TestAddressesAreNeutral: no address the site publishes names its topic
// (check.RevealingWord, in any segment): an address sits in browser history,
// chat previews, a camera's QR preview and on posters. That is every file of
// the output and every path of _redirects, except where a permanent
// redirect starts: those are the old addresses, kept alive for old posters.
func TestAddressesAreNeutral(t *testing.T) {
	dir := builtSite(t)
	reveals := func(p string) string {
		for seg := range strings.SplitSeq(p, "/") {
			if w := check.RevealingWord(seg); w != "" {
				return w
			}
		}
		return ""
	}
	files := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if w := reveals(filepath.ToSlash(rel)); w != "" {
			t.Errorf("/%s: the address reveals the topic (%q)", filepath.ToSlash(rel), w)
		}
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rules := redirects(t, dir)
	for _, r := range rules {
		if w := reveals(r.To); w != "" {
			t.Errorf("_redirects: %s: the target reveals the topic (%q)", r, w)
		}
		if r.Status == 301 {
			continue // an old address, moved to a neutral one
		}
		if w := reveals(r.From); w != "" {
			t.Errorf("_redirects: %s: the address reveals the topic (%q)", r, w)
		}
	}
	if files < 100 || len(rules) < 10 {
		t.Fatalf("only %d files and %d rules in %s", files, len(rules), dir)
	}
}

// TestPublishedURLsResolve: every URL of published-urls.txt (the list the
// build keeps of every address ever published) is a page of the output, or a
// redirect that leads, perhaps through other rules, to one. Rules that only
// some languages follow do not count: every reader must arrive.
func TestPublishedURLsResolve(t *testing.T) {
	dir := builtSite(t)
	urls, err := addresses.ReadURLs(filepath.Dir(dir)) // the list after the build
	if err != nil {
		t.Fatal(err)
	}
	if len(urls) < 50 {
		t.Fatalf("only %d published URLs", len(urls))
	}
	rules := redirects(t, dir)
	for _, u := range urls {
		seen := map[string]bool{}
		p := u
		for !outputFile(dir, p) {
			if seen[p] {
				t.Errorf("%s: redirects in a loop (%s)", u, p)
				break
			}
			seen[p] = true
			next, ok := follow(rules, p)
			if !ok {
				if p == u {
					t.Errorf("%s: no page and no redirect: the address is published, it may be printed on a poster", u)
				} else {
					t.Errorf("%s: redirects to %s, which is no page and no redirect", u, p)
				}
				break
			}
			p = next
		}
	}
}

// outputFile reports whether a static host serves a file of dir at path p:
// /a/ is a/index.html; /a is a, a/index.html or a.html.
func outputFile(dir, p string) bool {
	f := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
	tries := []string{filepath.Join(f, "index.html")}
	if !strings.HasSuffix(p, "/") {
		tries = append(tries, f, f+".html")
	}
	for _, t := range tries {
		if st, err := os.Stat(t); err == nil && !st.IsDir() {
			return true
		}
	}
	return false
}

// follow applies the first rule for p that every reader gets (no Language
// condition) and that redirects or rewrites (not a 404 page), as Netlify
// does, and returns where it leads: :splat and :placeholders filled in, the
// query string dropped.
func follow(rules []netlify.Rule, p string) (string, bool) {
	clean := strings.TrimSuffix(path.Clean("/"+p), "/")
	for _, r := range rules {
		if len(r.Languages) > 0 || !r.Matches(p) {
			continue
		}
		if r.Status == 404 {
			return "", false
		}
		to, _, _ := strings.Cut(r.To, "?")
		from := strings.TrimSuffix(r.From, "/")
		if prefix, ok := strings.CutSuffix(from, "*"); ok {
			prefix = strings.TrimSuffix(prefix, "/")
			splat := strings.TrimPrefix(strings.TrimPrefix(clean, prefix), "/")
			to = strings.ReplaceAll(to, ":splat", splat)
		} else {
			fs, ps := strings.Split(from, "/"), strings.Split(clean, "/")
			for i, f := range fs {
				if strings.HasPrefix(f, ":") && i < len(ps) {
					to = strings.ReplaceAll(to, f, ps[i])
				}
			}
		}
		return to, true
	}
	return "", false
}
