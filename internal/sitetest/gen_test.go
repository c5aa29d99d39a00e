package sitetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// allLanguages is DESIGN.md's list: nb (source) · en · ar rtl · so · ur rtl ·
// fa rtl · prs rtl · ps rtl · ckb rtl · kmr · ti · am · tr · pl · lt · th ·
// tl · vi · ru · uk · ta · es · fr · pt. `site new-language` knows each one's
// name and direction.
var allLanguages = []string{"nb", "en", "ar", "so", "ur", "fa", "prs", "ps", "ckb", "kmr", "ti", "am", "tr", "pl", "lt", "th", "tl", "vi", "ru", "uk", "ta", "es", "fr", "pt"}

// generateSite writes into dst a copy of the real site with every language of
// DESIGN.md and pagesPerLang pages in each, using the tool the way an editor
// would: `site new-language` for each missing language, the source pages
// (and copies of them under new names) as translations, the source's
// interface text with each language's plural forms, and `site translated`
// to record what each translation was made from. The result passes
// `site check`. It returns the number of content pages.
func generateSite(dst, bin string, pagesPerLang int) (pages int, err error) {
	if err := copySite(repo, dst); err != nil {
		return 0, err
	}
	sitectl := func(args ...string) error {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dst
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("site %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	cfg, err := siteconfig.Load(dst)
	if err != nil {
		return 0, err
	}
	for _, code := range allLanguages {
		if _, ok := cfg.Language(code); !ok {
			if err := sitectl("new-language", code); err != nil {
				return 0, err
			}
		}
	}
	if cfg, err = siteconfig.Load(dst); err != nil {
		return 0, err
	}
	srcDir := filepath.Join(dst, "content", cfg.Default)
	// Only pages for every language are copied: a translate: false page
	// (the partners page) stays in the languages that have a file, as on
	// the real site, and `check` refuses a translation of it elsewhere.
	src, err := translatable(srcDir)
	if err != nil || len(src) == 0 {
		return 0, fmt.Errorf("no source pages in %s: %v", srcDir, err)
	}
	// More source pages, copies of the real ones, up to pagesPerLang.
	for i := len(src); i < pagesPerLang; i++ {
		from := src[i%len(src)]
		name := strings.TrimSuffix(filepath.Base(from), ".md")
		if name == "_index" {
			name = "home"
		}
		b, err := os.ReadFile(from)
		if err != nil {
			return 0, err
		}
		// Hidden from the topic lists and the campaign kit, which list every
		// topic (in every language, on the partners page): 40 topics × 24
		// languages would not fit in one page's budget, and the real site has
		// about 16 topics.
		if !strings.Contains(string(b), "\nhidden:") {
			b = []byte(strings.Replace(string(b), "---\n", "---\nhidden: true\n", 1))
		}
		to := filepath.Join(srcDir, fmt.Sprintf("%s-%d.md", name, i/len(src)))
		if err := os.WriteFile(to, b, 0o644); err != nil {
			return 0, err
		}
	}
	if src, err = translatable(srcDir); err != nil {
		return 0, err
	}
	for _, l := range cfg.Languages {
		if l.Code == cfg.Default {
			continue
		}
		dir := filepath.Join(dst, filepath.FromSlash(l.ContentDir))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return 0, err
		}
		for _, from := range src {
			to := filepath.Join(dir, filepath.Base(from))
			if _, err := os.Stat(to); err == nil {
				continue // a real translation
			}
			b, err := os.ReadFile(from)
			if err != nil {
				return 0, err
			}
			if err := os.WriteFile(to, b, 0o644); err != nil {
				return 0, err
			}
		}
		if err := fillI18n(dst, cfg.Default, l.Code); err != nil {
			return 0, err
		}
		if err := sitectl("translated", "--how", "machine", l.Code); err != nil {
			return 0, err
		}
	}
	for _, l := range cfg.Languages {
		md, err := filepath.Glob(filepath.Join(dst, filepath.FromSlash(l.ContentDir), "*.md"))
		if err != nil {
			return 0, err
		}
		pages += len(md)
	}
	return pages, nil
}

// translatable lists the source pages in dir that every language gets: all
// but those whose front matter says translate: false.
func translatable(dir string) ([]string, error) {
	all, err := filepath.Glob(filepath.Join(dir, "*.md"))
	var out []string
	for _, f := range all {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if !strings.Contains(string(b), "\ntranslate: false") {
			out = append(out, f)
		}
	}
	return out, err
}

// fillI18n gives every key of the source language a text in code's file
// (the source text where the file has none), with every plural form the
// language's grammar needs.
func fillI18n(dst, source, code string) error {
	read := func(c string) (map[string]any, error) {
		m := map[string]any{}
		b, err := os.ReadFile(filepath.Join(dst, "i18n", c+".toml"))
		if os.IsNotExist(err) {
			return m, nil
		}
		if err != nil {
			return nil, err
		}
		return m, toml.Unmarshal(b, &m)
	}
	src, err := read(source)
	if err != nil {
		return err
	}
	have, err := read(code)
	if err != nil {
		return err
	}
	forms := check.PluralForms(code)
	for k, v := range src {
		table, plural := v.(map[string]any)
		if !plural {
			if s, _ := have[k].(string); strings.TrimSpace(s) == "" {
				have[k] = v
			}
			continue
		}
		t, _ := have[k].(map[string]any)
		if t == nil {
			t = map[string]any{}
		}
		other := table["other"]
		for _, f := range forms {
			if s, _ := t[f].(string); strings.TrimSpace(s) == "" {
				t[f] = other
			}
		}
		for f := range t {
			if !slices.Contains(forms, f) {
				delete(t, f)
			}
		}
		have[k] = t
	}
	b, err := toml.Marshal(have)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dst, "i18n", code+".toml"), b, 0o644)
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
