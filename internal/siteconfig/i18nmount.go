package siteconfig

import (
	"fmt"
	"strings"
)

// I18nFolderMounted reports whether Hugo reads the i18n folder: it does when
// no mount targets i18n (Hugo's default), or when one mounts the folder. A
// mount of a single i18n file replaces the default, and then only mounted
// files are read.
func (c *Config) I18nFolderMounted() bool {
	if len(c.I18nMounts) == 0 {
		return true
	}
	for _, m := range c.I18nMounts {
		if m.Target == "i18n" && strings.TrimSuffix(m.Source, "/") == "i18n" {
			return true
		}
	}
	return false
}

// I18nMountFor returns the target of a mount that gives Hugo the file
// i18n/<code>.toml under another name ("" when there is none).
func (c *Config) I18nMountFor(code string) string {
	for _, m := range c.I18nMounts {
		if m.Source == "i18n/"+code+".toml" && m.Target != m.Source {
			return m.Target
		}
	}
	return ""
}

// AddI18nMount returns a copy of the hugo.toml text src that also gives Hugo
// the interface text of language code under its locale: i18n/<code>.toml
// mounted as i18n/<locale>.toml, for a code that go-i18n has no plural rules
// for (prs, kmr) while its locale has (fa-AF, ku). The i18n folder is
// mounted too, once, since any i18n mount replaces Hugo's default one.
func AddI18nMount(src []byte, code, locale string) ([]byte, error) {
	cfg, err := Parse(src)
	if err != nil {
		return nil, err
	}
	text := string(src)
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	var b strings.Builder
	b.WriteString(text)
	if !cfg.I18nFolderMounted() || len(cfg.I18nMounts) == 0 {
		b.WriteString("\n# The interface text. Mounted explicitly because the mounts below (one\n" +
			"# i18n file under another name) replace Hugo's default mount of the folder.\n" +
			"[[module.mounts]]\nsource = \"i18n\"\ntarget = \"i18n\"\n")
	}
	if t := cfg.I18nMountFor(code); t != "" {
		return nil, fmt.Errorf("%s: i18n/%s.toml is already mounted as %s", File, code, t)
	}
	fmt.Fprintf(&b, "\n# go-i18n has no plural rules for %q: Hugo reads its interface text also\n"+
		"# as its locale %q, which has them (and finds it by the locale first).\n"+
		"[[module.mounts]]\nsource = \"i18n/%s.toml\"\ntarget = \"i18n/%s.toml\"\n", code, locale, code, locale)
	out := []byte(b.String())
	check, err := Parse(out)
	if err != nil {
		return nil, fmt.Errorf("mounting i18n/%s.toml would break %s (%v): add it by hand", code, File, err)
	}
	if check.I18nMountFor(code) != "i18n/"+locale+".toml" || !check.I18nFolderMounted() {
		return nil, fmt.Errorf("mounting i18n/%s.toml in %s did not work: add it by hand", code, File)
	}
	return out, nil
}
