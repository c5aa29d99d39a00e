package check

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// HasPluralRule reports whether go-i18n has CLDR plural rules for tag (or a
// parent of it: fa-AF has those of fa). It has none for prs and kmr.
func HasPluralRule(tag string) bool {
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	return i18n.NewBundle(language.English).AddMessages(t, &i18n.Message{ID: "probe", Other: "x"}) == nil
}

// PluralTag is the tag whose plural rules a new language gets: its code, or
// else its locale (prs → fa-AF, kmr → ku), or else "" (English rules).
func PluralTag(code, locale string) string {
	switch {
	case HasPluralRule(code):
		return code
	case locale != "" && HasPluralRule(locale):
		return locale
	}
	return ""
}

// hugoKey is the key Hugo files an i18n file under (langs/i18n): the file
// name as a canonical language tag, in lower case ("tl" → "fil"), or the
// name itself where go-i18n has no plural rules for it (Hugo then loads it
// as an artificial language with English rules).
func hugoKey(name string) (key string, rules bool) {
	t := language.Make(name)
	if t == language.Und || !HasPluralRule(t.String()) {
		return strings.ToLower(name), false
	}
	return strings.ToLower(t.String()), true
}

// hugoI18nFiles lists the i18n file names Hugo reads (without .toml): the
// folder's files, unless mounts replace it, and the files mounted under
// another name.
func hugoI18nFiles(root string, cfg *siteconfig.Config) []string {
	var names []string
	if cfg.I18nFolderMounted() {
		entries, _ := os.ReadDir(filepath.Join(root, "i18n"))
		for _, e := range entries {
			if !e.IsDir() && filepath.Ext(e.Name()) == ".toml" {
				names = append(names, strings.TrimSuffix(e.Name(), ".toml"))
			}
		}
	}
	for _, m := range cfg.I18nMounts {
		if strings.HasPrefix(m.Target, "i18n/") && path.Ext(m.Target) == ".toml" {
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(m.Source))); err == nil {
				names = append(names, strings.TrimSuffix(path.Base(m.Target), ".toml"))
			}
		}
	}
	return names
}

// hugoI18n is what Hugo makes of the i18n files: the file each key finds,
// and whether go-i18n has plural rules for it.
type hugoI18n struct {
	files map[string]string // Hugo's key → file name
	rules map[string]bool
}

func newHugoI18n(root string, cfg *siteconfig.Config) hugoI18n {
	h := hugoI18n{files: map[string]string{}, rules: map[string]bool{}}
	for _, name := range hugoI18nFiles(root, cfg) {
		k, ok := hugoKey(name)
		if _, seen := h.files[k]; !seen {
			h.files[k], h.rules[k] = name, ok
		}
	}
	return h
}

// pluralTag works out, as Hugo does, which i18n file a language's pages
// get their text from (Hugo tries the lower-case locale, then the code) and
// so which plural rules apply to it. It reports a language whose text Hugo
// would not find, or would pluralise by English rules, and returns the tag
// whose rules apply.
func (c *checker) pluralTag(h hugoI18n, l siteconfig.Language) string {
	rel := "i18n/" + l.Code + ".toml"
	for _, k := range []string{strings.ToLower(l.Locale), l.Code} {
		name, found := h.files[k]
		if k == "" || !found {
			continue
		}
		if h.rules[k] {
			return name
		}
		if tag := PluralTag(l.Code, l.Locale); tag != "" {
			c.r.add(rel, 0, "go-i18n has no plural rules for %q, so Hugo would use English ones: mount the file under its locale in %s: [[module.mounts]] source = %q target = \"i18n/%s.toml\" (site new-language does it)", l.Code, siteconfig.File, rel, tag)
		} else {
			c.r.warn(rel, 0, "go-i18n has no plural rules for %q or its locale %q, so Hugo would use English ones: set languages.%s.locale in %s to a tag that has them (the language it is closest to)", l.Code, l.Locale, l.Code, siteconfig.File)
		}
		return ""
	}
	key, _ := hugoKey(l.Code)
	c.r.add(siteconfig.File, 0, "Hugo files %s under %q but looks for languages.%s under %q and %q, so its pages would show the %s interface text: set languages.%s.locale = %q", rel, key, l.Code, strings.ToLower(l.Locale), l.Code, c.cfg.Default, l.Code, key)
	return l.Code
}
