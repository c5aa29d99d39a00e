package campaign

import (
	"github.com/redcross-no/familieinnvandring/internal/addresses"

	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// testConfig is a hugo.toml with the given languages, nb first.
func testConfig(t *testing.T, codes ...string) *siteconfig.Config {
	t.Helper()
	var b strings.Builder
	b.WriteString("baseURL = \"https://www.dinerettigheter.no/\"\ndefaultContentLanguage = \"nb\"\n")
	for i, c := range codes {
		fmt.Fprintf(&b, "[languages.%s]\nlabel = \"L-%s\"\nweight = %d\n", c, c, i+1)
	}
	for _, c := range codes {
		fmt.Fprintf(&b, "[[module.mounts]]\nsource = \"content/%s\"\ntarget = \"content\"\n[module.mounts.sites.matrix]\nlanguages = [\"%s\"]\n", c, c)
	}
	cfg, err := siteconfig.Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// fakeSite writes an output folder as Hugo would: a home page per language
// and the given topics (slug → languages it is published in).
func fakeSite(t *testing.T, cfg *siteconfig.Config, topics map[string][]string) *Site {
	t.Helper()
	out := t.TempDir()
	page := func(p string) {
		dir := filepath.Join(out, filepath.FromSlash(p))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>Site</title><style>body{margin:0}</style><a id=quick-exit class=quick-exit href=https://www.yr.no/ rel=noreferrer>Leave</a><a class=tel href=tel:112><bdi dir=ltr>112</bdi></a><a class=tel href=tel:113><bdi dir=ltr>113</bdi></a><h1>x</h1>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page("/")
	var content []*PageInfo
	for _, l := range cfg.Languages {
		page(addresses.PagePath(l.Code, Home))
		if err := os.WriteFile(filepath.Join(out, l.Code, "404.html"), []byte("not found"), 0o644); err != nil {
			t.Fatal(err)
		}
		content = append(content, &PageInfo{Lang: l.Code, Slug: Home, Params: map[string]any{"title": "home " + l.Code}})
	}
	for slug, langs := range topics {
		for _, lang := range langs {
			page(addresses.PagePath(lang, slug))
			content = append(content, &PageInfo{Lang: lang, Slug: slug, Params: map[string]any{"title": slug + " in " + lang}})
		}
	}
	return Scan(cfg, out, content)
}
