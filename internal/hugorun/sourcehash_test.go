package hugorun

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gohugoio/hugo/hugolib"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
	"github.com/redcross-no/familieinnvandring/internal/translation"
)

// TestSourceHashTemplateMatchesGo renders layouts/_partials/funcs/source-hash.html
// with Hugo for every real source page, and for pages with the whitespace
// that normalisation forgives, and checks that it gives the hash that
// `site translated` records. If the two disagreed, readers would see
// notices that translators do not (or the other way round).
func TestSourceHashTemplateMatchesGo(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	pages, err := filepath.Glob("../../content/nb/*.md")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no source pages found: %v", err)
	}
	tmp := t.TempDir()
	extra := map[string]string{
		"crlf":       "---\r\ntitle: \"Tittel\"\r\ndescription: \"Om\"\r\n---\r\n\r\nFørste avsnitt.  \r\n\r\n\r\n\r\nAndre avsnitt.\r\n",
		"spaces":     "---\ntitle: \"  Tittel med mellomrom \"\ndescription: Om\n---\nLinje med mellomrom \t\n \t\nNeste avsnitt.\n\n\n",
		"empty-body": "---\ntitle: Bare tittel\ndescription: Ingen tekst\n---\n",
		"toml":       "+++\ntitle = \"TOML\"\ndescription = \"Også TOML\"\n+++\n\nTekst med {{< phone \"vo-linjen\" >}} og ææ.\n",
	}
	for name, src := range extra {
		p := filepath.Join(tmp, name+".md")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}

	files := `
-- hugo.toml --
disableKinds = ["taxonomy", "term", "rss", "sitemap", "section", "404"]
defaultContentLanguage = "nb"
[languages.nb]
weight = 1
-- layouts/_partials/funcs/source-hash.html --
sourcefilename:../../layouts/_partials/funcs/source-hash.html
-- layouts/all.html --
{{ partial "funcs/source-hash.html" . }}
`
	// The pages' shortcodes must exist; what they render does not matter here.
	shortcodes, _ := filepath.Glob("../../layouts/_shortcodes/*.html")
	for _, sc := range shortcodes {
		files += fmt.Sprintf("-- layouts/_shortcodes/%s --\nshortcode\n", filepath.Base(sc))
	}
	want := map[string]string{} // output file → hash
	for _, p := range pages {
		abs, _ := filepath.Abs(p)
		rel, err := filepath.Rel(wd, abs)
		if err != nil {
			t.Fatal(err)
		}
		slug := strings.TrimSuffix(filepath.Base(p), ".md")
		out := "public/" + slug + "/index.html"
		if slug == "_index" {
			out = "public/index.html"
		}
		files += fmt.Sprintf("-- content/%s.md --\nsourcefilename:%s\n", slug, filepath.ToSlash(rel))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := frontmatter.Parse(b)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		want[out] = translation.Hash(translation.Normalise(doc.String("title"), doc.String("description"), string(doc.Body)))
	}
	b := hugolib.Test(t, files)
	for out, hash := range want {
		if got := strings.TrimSpace(b.FileContent(out)); got != hash {
			t.Errorf("%s: template hash %q, Go hash %q", out, got, hash)
		}
	}
}
