package check

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
)

var fmToday = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

// TestFrontMatterThatChangesPublishing: every key that hides, moves,
// replaces or re-renders a page is named at its line, in YAML and TOML.
func TestFrontMatterThatChangesPublishing(t *testing.T) {
	tests := []struct{ fm, want string }{
		{"draft: true", "3: draft hides the page"},
		{"Draft: true", "3: draft hides the page"},
		{"expiryDate: 2020-01-01", "3: expiryDate removes the page"},
		{"publishDate: 2030-01-01", "3: publishDate hides the page"},
		{"date: 2030-01-01", "3: date 2030-01-01 is in the future"},
		{"build: {render: never}", "3: build can keep the page"},
		{"headless: true", "3: headless keeps"},
		{"cascade: {draft: true}", "3: cascade changes"},
		{"outputs: [poster]", "3: outputs must include html"},
		{"outputs: [json, html]", `3: outputs "json" is not one of html, poster`},
		{"layout: fallback", `3: layout "fallback" would show`},
		{"type: partners", "3: type changes"},
		{"sites: {matrix: {languages: [en]}}", "3: sites publishes"},
		{"markup: html", "3: markup changes"},
		{"URL: /en/", "3: url moves the page"},
		{"translationKey: stay", "3: translationKey links"},
		{"aliases: [/en/old/]", `3: alias "/en/old/" starts with a language or folder: write the old page name alone, /old/ (Hugo puts the alias under /nb/ itself; an alias never leaves the page's language)`},
		{"aliases: [/nb/old/]", `3: alias "/nb/old/" starts with a language or folder`},
		{"aliases: [/../en/]", `3: alias "/../en/" is not a plain address`},
		{"aliases: [/old/index.html]", `3: alias "/old/index.html" is not a page address`},
		{"aliases: [old]", `3: alias "old" is not a page address`},
		{"aliases: [/print/]", `3: alias "/print/" would replace`},
		{"lastmod: 2026-13-45", `3: lastmod "2026-13-45" is not a date`},
		{"translation_date: yesterday", `3: translation_date "yesterday" is not a date`},
		{"weight: heavy", "3: weight must be a whole number"},
		{"hidden: yes please", "3: hidden must be true or false"},
		{"Title: x", `3: write the key "Title" as title`},
		{"colour: red", `3: unknown front-matter key "colour": Hugo may act on it; use only aliases, date, description`},
		{"base: &b {draft: true}\n<<: *b", "3: unknown front-matter key \"base\""},
	}
	for _, tt := range tests {
		src := "---\ntitle: \"T\"\n" + tt.fm + "\ndescription: \"D\"\n---\nText.\n"
		got := fmProblems(t, src)
		if !strings.Contains(got, "content/nb/p.md:"+tt.want) {
			t.Errorf("%s:\n got %s\nwant …%s…", tt.fm, got, tt.want)
		}
	}
	toml := []struct{ fm, want string }{
		{"draft = true", "3: draft hides"},
		{"\"draft\" = true", "3: draft hides"},
		{"build.render = \"never\"", "3: build can keep"},
		{"[cascade]\ndraft = true", "3: cascade changes"},
	}
	for _, tt := range toml {
		src := "+++\ntitle = \"T\"\n" + tt.fm + "\n+++\nText.\n"
		if got := fmProblems(t, src); !strings.Contains(got, "content/nb/p.md:"+tt.want) {
			t.Errorf("TOML %s:\n got %s\nwant …%s…", tt.fm, got, tt.want)
		}
	}
	ok := "---\ntitle: \"T\"\ndescription: \"D\"\ntabTitle: \"X\"\nlinkTitle: \"Y\"\nweight: 10\nlastmod: 2026-11-29\ndate: 2026-01-01\nhelp: [udi]\nhidden: true\nlayout: partners\noutputs: [html]\naliases: [/old-name/]\nlegal: true\ntranslator: \"A\"\n---\n"
	if got := fmProblems(t, ok); got != "" {
		t.Errorf("a page with the site's keys: %s", got)
	}
}

func fmProblems(t *testing.T, src string) string {
	t.Helper()
	doc, err := frontmatter.Parse([]byte(src))
	if err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	var b strings.Builder
	for _, p := range FrontMatterProblems("content/nb/p.md", "nb", doc, fmToday) {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

// FuzzFrontMatterKeys: whatever the front matter, a key outside the site's
// list never passes, and every problem names a line of the front matter.
func FuzzFrontMatterKeys(f *testing.F) {
	for _, s := range []string{"draft: true", "Draft: true", "outputs: [poster]", "aliases: [/en/x/]", "aliases: [/a/b/]", "date: 2099-01-01", "build: {list: never}", "<<: {draft: true}", "\"draft\": true", "weight: 1"} {
		f.Add("---\ntitle: T\ndescription: D\n" + s + "\n---\n")
	}
	f.Add("+++\ntitle = 'T'\n'draft' = true\n[build]\nlist = 'never'\n+++\n")
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := frontmatter.Parse([]byte(src))
		if err != nil {
			return
		}
		probs := FrontMatterProblems("p.md", "nb", doc, fmToday)
		lines := bytes.Count([]byte(src), []byte("\n")) + 1
		for _, p := range probs {
			if p.Line < 1 || p.Line > lines {
				t.Fatalf("problem at line %d of a %d-line file: %s", p.Line, lines, p)
			}
		}
		for k := range doc.Params {
			if _, ok := frontMatterKeys[k]; ok || k == "url" || k == "slug" {
				continue
			}
			if len(probs) == 0 {
				t.Fatalf("key %q passed: %q", k, src)
			}
		}
	})
}
