package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/redcross-no/familieinnvandring/internal/check"
)

// language is one language of the full site, as DESIGN.md lists them.
type language struct{ code, label, dir string }

// allLanguages is DESIGN.md's list: nb (source) · en · ar rtl · so · ur rtl ·
// fa rtl · prs rtl · ps rtl · ckb rtl · kmr · ti · am · tr · pl · lt · th ·
// tl · vi · ru · uk · ta · es · fr · pt, each labelled with its endonym.
var allLanguages = []language{
	{"nb", "Norsk bokmål", "ltr"}, {"en", "English", "ltr"}, {"ar", "العربية", "rtl"},
	{"so", "Soomaali", "ltr"}, {"ur", "اردو", "rtl"}, {"fa", "فارسی", "rtl"},
	{"prs", "دری", "rtl"}, {"ps", "پښتو", "rtl"}, {"ckb", "کوردیی ناوەندی", "rtl"},
	{"kmr", "Kurmancî", "ltr"}, {"ti", "ትግርኛ", "ltr"}, {"am", "አማርኛ", "ltr"},
	{"tr", "Türkçe", "ltr"}, {"pl", "Polski", "ltr"}, {"lt", "Lietuvių", "ltr"},
	{"th", "ไทย", "ltr"}, {"tl", "Tagalog", "ltr"}, {"vi", "Tiếng Việt", "ltr"},
	{"ru", "Русский", "ltr"}, {"uk", "Українська", "ltr"}, {"ta", "தமிழ்", "ltr"},
	{"es", "Español", "ltr"}, {"fr", "Français", "ltr"}, {"pt", "Português", "ltr"},
}

// generateSite writes into dst a copy of the real site (layouts, assets,
// data, static) with every language of DESIGN.md and pagesPerLang pages in
// each: the real source pages, then copies of them under new names. Every
// language gets the source's interface text with the plural forms its
// grammar needs, so the generated site passes `site check`.
func generateSite(dst string, pagesPerLang int) (pages int, err error) {
	for _, name := range []string{"layouts", "assets", "data", "static", "netlify.toml"} {
		if err := copySiteItem(filepath.Join(repo, name), filepath.Join(dst, name)); err != nil {
			return 0, err
		}
	}
	cfg, err := os.ReadFile(filepath.Join(repo, "hugo.toml"))
	if err != nil {
		return 0, err
	}
	head, _, ok := strings.Cut(string(cfg), "\n[languages.")
	if !ok {
		return 0, fmt.Errorf("hugo.toml has no [languages.…] table")
	}
	var b strings.Builder
	b.WriteString(head + "\n")
	for i, l := range allLanguages {
		fmt.Fprintf(&b, "\n[languages.%s]\nlabel = %q\nlocale = %q\ndirection = %q\nweight = %d\n", l.code, l.label, l.code, l.dir, i+1)
	}
	for _, l := range allLanguages {
		fmt.Fprintf(&b, "\n[[module.mounts]]\nsource = \"content/%s\"\ntarget = \"content\"\n[module.mounts.sites.matrix]\nlanguages = [%q]\n", l.code, l.code)
	}
	if err := os.WriteFile(filepath.Join(dst, "hugo.toml"), []byte(b.String()), 0o644); err != nil {
		return 0, err
	}
	if err := generateI18n(dst); err != nil {
		return 0, err
	}
	src, err := filepath.Glob(filepath.Join(repo, "content", "nb", "*.md"))
	if err != nil || len(src) == 0 {
		return 0, fmt.Errorf("no source pages in content/nb: %v", err)
	}
	for _, l := range allLanguages {
		dir := filepath.Join(dst, "content", l.code)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return 0, err
		}
		for i := range pagesPerLang {
			from := src[i%len(src)]
			name := filepath.Base(from)
			if i >= len(src) {
				if name == "_index.md" {
					name = "home.md"
				}
				name = fmt.Sprintf("%s-%d.md", strings.TrimSuffix(name, ".md"), i/len(src))
			}
			page, err := os.ReadFile(from)
			if err != nil {
				return 0, err
			}
			if err := os.WriteFile(filepath.Join(dir, name), page, 0o644); err != nil {
				return 0, err
			}
			pages++
		}
	}
	return pages, nil
}

// generateI18n writes i18n/<code>.toml for every language: the source text,
// with every plural form the language needs.
func generateI18n(dst string) error {
	b, err := os.ReadFile(filepath.Join(repo, "i18n", "nb.toml"))
	if err != nil {
		return err
	}
	var src map[string]any
	if err := toml.Unmarshal(b, &src); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dst, "i18n"), 0o755); err != nil {
		return err
	}
	for _, l := range allLanguages {
		out := map[string]any{}
		for k, v := range src {
			table, ok := v.(map[string]any)
			if !ok || table["one"] == nil {
				out[k] = v
				continue
			}
			forms := map[string]any{}
			for _, f := range check.PluralForms(l.code) {
				forms[f] = table["other"]
			}
			out[k] = forms
		}
		text, err := toml.Marshal(out)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, "i18n", l.code+".toml"), text, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func copySiteItem(from, to string) error {
	st, err := os.Stat(from)
	switch {
	case os.IsNotExist(err):
		return nil
	case err != nil:
		return err
	case st.IsDir():
		return os.CopyFS(to, os.DirFS(from))
	}
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
