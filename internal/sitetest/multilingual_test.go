package sitetest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/net/html"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// TestMultilingualPagesSpeakEveryLanguage: the pages for a reader whose
// language the site cannot know — the root, every /go/<topic> chooser and
// the site-wide /404.html (a mistyped address from a poster) — show the
// quick exit with every language's own label (one link), 112 and 113 as
// tap-to-call links, and every language by its own name; the root's heading
// is not only Norwegian.
func TestMultilingualPagesSpeakEveryLanguage(t *testing.T) {
	dir := builtSite(t)
	cfg, err := siteconfig.Load(repo)
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"index.html", "404.html"}
	gos, _ := filepath.Glob(filepath.Join(dir, "go", "*", "index.html"))
	if len(gos) == 0 {
		t.Fatal("no /go/ chooser was built")
	}
	for _, g := range gos {
		rel, _ := filepath.Rel(dir, g)
		pages = append(pages, filepath.ToSlash(rel))
	}
	for _, rel := range pages {
		b, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		exit := byID(doc, "quick-exit")
		if exit == nil {
			t.Errorf("%s: no quick exit (id=quick-exit)", rel)
			continue
		}
		label := text(exit)
		links := map[string]string{} // href → text
		var heading string
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "a" {
				links[attr(n, "href")] = text(n)
			}
			if n.Type == html.ElementNode && n.Data == "h1" {
				heading = text(n)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		for _, tel := range []string{"tel:112", "tel:113"} {
			if _, ok := links[tel]; !ok {
				t.Errorf("%s: no tap-to-call link %s", rel, tel)
			}
		}
		for _, l := range cfg.Languages {
			if want := i18nText(t, l.Code, "quickExit"); !strings.Contains(label, want) {
				t.Errorf("%s: the quick exit does not say %q (%s): it says %q", rel, want, l.Code, label)
			}
			if !strings.HasPrefix(rel, "go/") { // a topic may not be published in every language
				if got, ok := links["/"+l.Code+"/"]; !ok || !strings.Contains(got, l.Label) {
					t.Errorf("%s: no link to /%s/ named %q", rel, l.Code, l.Label)
				}
			}
		}
		if en := i18nText(t, "en", "chooseLanguage"); rel == "index.html" && !strings.Contains(heading, en) {
			t.Errorf("%s: heading %q does not say %q", rel, heading, en)
		}
	}
}

func byID(n *html.Node, id string) *html.Node {
	if n.Type == html.ElementNode && attr(n, "id") == id {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := byID(c, id); f != nil {
			return f
		}
	}
	return nil
}

// i18nText is one plain string of i18n/<lang>.toml.
func i18nText(t *testing.T, lang, key string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repo, "i18n", lang+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := toml.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	s, _ := m[key].(string)
	if s == "" {
		t.Fatalf("i18n/%s.toml: no %s", lang, key)
	}
	return s
}
