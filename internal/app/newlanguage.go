package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
	"github.com/redcross-no/familieinnvandring/internal/translation"
)

func init() {
	register("new-language", "add a language: hugo.toml, content/L/ and i18n/L.toml with every key to translate", runNewLanguage)
}

func runNewLanguage(e *env, args []string) int {
	fs := e.flags("new-language", "[--name NAME] [--dir ltr|rtl] [--locale TAG] CODE")
	name := fs.String("name", "", "the language's name in its own language and script (known languages have one)")
	dir := fs.String("dir", "", "text direction: ltr or rtl (known languages have one)")
	locale := fs.String("locale", "", "BCP 47 tag for lang= and dates, e.g. fa-AF (default: the code)")
	pos, code, ok := parseInterleaved(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		e.errorf("new-language: give one language code, e.g. site new-language so")
		fs.Usage()
		return ExitUsage
	}
	lang := pos[0]
	if !siteconfig.CodeRE.MatchString(lang) {
		e.errorf("new-language: %q is not a language code: use 2 or 3 lowercase letters (ISO 639), e.g. so, prs, ckb", lang)
		return ExitUsage
	}
	if *dir != "" && *dir != "ltr" && *dir != "rtl" {
		e.errorf("new-language: --dir %q: use ltr or rtl", *dir)
		return ExitUsage
	}
	l, known := siteconfig.Known[lang]
	l.Code = lang
	if *name != "" {
		l.Label = *name
	}
	if *dir != "" {
		l.Direction = *dir
	}
	if *locale != "" {
		l.Locale = *locale
	}
	if l.Locale == "" {
		l.Locale = lang
	}
	if !known && (*name == "" || *dir == "") {
		e.errorf("new-language: %q is not one of the site's planned languages: give its own name with --name and its direction with --dir (ltr or rtl)", lang)
		return ExitUsage
	}

	cfg, err := siteconfig.Load(e.root)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	if _, ok := cfg.Language(lang); ok {
		e.errorf("%s: language %q is already there: its pages go in content/%s/ and its interface text in i18n/%s.toml", siteconfig.File, lang, lang, lang)
		return ExitProblems
	}
	i18nFile := filepath.Join("i18n", lang+".toml")
	if _, err := os.Stat(filepath.Join(e.root, i18nFile)); err == nil {
		e.errorf("%s already exists: move it away or add the language to %s by hand", filepath.ToSlash(i18nFile), siteconfig.File)
		return ExitProblems
	}
	for _, x := range cfg.Languages {
		l.Weight = max(l.Weight, x.Weight+1)
	}

	conf, err := os.ReadFile(filepath.Join(e.root, siteconfig.File))
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	newConf, err := siteconfig.AddLanguage(conf, l)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	// go-i18n has no plural rules for prs and kmr: Hugo gets the file under
	// the locale too (fa-AF, ku), which has them (internal/check verifies).
	pluralTag := check.PluralTag(lang, l.Locale)
	if pluralTag != "" && pluralTag != lang {
		if newConf, err = siteconfig.AddI18nMount(newConf, lang, pluralTag); err != nil {
			e.errorf("%v", err)
			return ExitProblems
		}
	}
	srcText, err := os.ReadFile(filepath.Join(e.root, "i18n", cfg.Default+".toml"))
	if err != nil {
		e.errorf("i18n/%s.toml: %v: the new language's keys come from the source language's file", cfg.Default, err)
		return ExitProblems
	}
	enText, err := os.ReadFile(filepath.Join(e.root, "i18n", "en.toml"))
	if err != nil {
		enText = nil
	}
	skeleton, err := translation.I18nSkeleton(srcText, enText, cfg.Default, lang, l.Label, check.PluralForms(pluralTag))
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	contentDir := filepath.Join(e.root, "content", lang)
	if err := os.MkdirAll(contentDir, 0o755); err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	// git keeps no empty folders; Hugo and site check skip dot files.
	keep := filepath.Join(contentDir, ".gitkeep")
	if _, err := os.Stat(keep); os.IsNotExist(err) {
		if err := os.WriteFile(keep, nil, 0o644); err != nil {
			e.errorf("%v", err)
			return ExitProblems
		}
	}
	if err := os.WriteFile(filepath.Join(e.root, i18nFile), skeleton, 0o644); err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	if err := os.WriteFile(filepath.Join(e.root, siteconfig.File), newConf, 0o644); err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	keys := strings.Count(string(skeleton), "\n# "+cfg.Default+": ")
	w := e.stdout
	fmt.Fprintf(w, "site: added %s (%s, %s)\n", lang, l.Label, l.Direction)
	fmt.Fprintf(w, "  %-16s [languages.%s] and the content mount content/%s\n", siteconfig.File, lang, lang)
	if pluralTag != "" && pluralTag != lang {
		fmt.Fprintf(w, "  %-16s i18n/%s.toml also mounted as i18n/%s.toml: go-i18n has plural rules for %s, none for %s\n", siteconfig.File, lang, pluralTag, pluralTag, lang)
	}
	fmt.Fprintf(w, "  %-16s %d keys to translate: site check lists the empty ones\n", filepath.ToSlash(i18nFile), keys)
	fmt.Fprintf(w, "  %-16s no pages yet: /%s/<page>/ shows a \"not translated yet\" page\n", "content/"+lang+"/", lang)
	fmt.Fprintf(w, "next: translate %s, then the pages (TRANSLATING.md); site status --lang %s shows what is left\n", filepath.ToSlash(i18nFile), lang)
	fmt.Fprintf(w, "readers: site build sends browsers set to %s to /%s/, at the root and for every /go/ link (browser tags: internal/campaign/languages.go)\n", l.Label, lang)
	return ExitOK
}
