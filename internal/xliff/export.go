package xliff

import (
	"fmt"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
	"github.com/redcross-no/familieinnvandring/internal/translation"
)

// Export is the XLIFF of one language. skipped names the source pages that
// have no translation in that language yet (the tool has nothing to review).
func Export(root string, cfg *siteconfig.Config, lang string) (out []byte, skipped []string, err error) {
	files, skipped, err := exportFiles(root, cfg, lang)
	if err != nil {
		return nil, nil, err
	}
	out, err = WriteXLIFF(cfg.Default, lang, files)
	return out, skipped, err
}

func exportFiles(root string, cfg *siteconfig.Config, lang string) ([]*File, []string, error) {
	l, ok := cfg.Language(lang)
	if !ok || lang == cfg.Default {
		return nil, nil, fmt.Errorf("unknown language %q: use one of %s", lang, strings.Join(translations(cfg), ", "))
	}
	site, err := translation.Scan(root, cfg)
	if err != nil {
		return nil, nil, err
	}
	terms := loadGlossary(root)
	var files []*File
	var skipped []string
	for _, tp := range site.Language(lang).Pages {
		src := site.SourcePage(tp.Slug)
		if tp.State == translation.Missing {
			skipped = append(skipped, tp.File)
			continue
		}
		if tp.Slug == I18nOriginal {
			return nil, nil, fmt.Errorf("%s: a page named %q would take the place of the interface text in the file: rename it", src.File, I18nOriginal)
		}
		p, err := loadPage(root, tp.Slug, src.File, tp.File)
		if err != nil {
			return nil, nil, err
		}
		old := oldUnits(site, tp)
		base := stateOf(tp.How)
		for _, u := range p.units {
			u.Notes = glossaryNotes(terms, u.Source, lang)
			switch {
			case u.Target == nil:
				u.State = StateNone
			case tp.State == translation.Complete:
				u.State = base
			case old != nil && (old[u.ID] == u.Source.Markdown() || (old[u.ID] == "" && !strings.HasPrefix(u.ID, "b") && u.ID != "title" && u.ID != "description")):
				// The source of this unit did not change since the
				// translation was made (linkTitle and tabTitle are not part
				// of a source version).
				u.State = base
			default:
				u.State = StateMachine
			}
		}
		note := fmt.Sprintf("%s, translated from %s (%s translation)", tp.File, src.File, orNone(tp.How))
		if !p.aligned {
			note += fmt.Sprintf("; its blocks do not match the source's, so no block carries a target: translate every block, or fix %s first (site check names the difference)", tp.File)
		}
		if tp.State != translation.Complete {
			note += fmt.Sprintf("; the translation is %s: the units whose source changed need review", tp.State)
		}
		files = append(files, &File{Original: tp.Slug, Note: note, Hash: p.hash, Units: p.units})
	}
	srcI18n, err := loadI18n(root, "i18n/"+cfg.Default+".toml")
	if err != nil {
		return nil, nil, err
	}
	trI18n, err := loadI18n(root, "i18n/"+l.Code+".toml")
	if err != nil {
		return nil, nil, err
	}
	units, _ := i18nUnits(srcI18n, trI18n)
	for _, u := range units {
		u.Notes = append(u.Notes, glossaryNotes(terms, u.Source, lang)...)
		u.State = StateMachine // the interface text records no review
		if u.Target == nil {
			u.State = StateNone
		}
	}
	files = append(files, &File{Original: I18nOriginal, Note: fmt.Sprintf("i18n/%s.toml, the interface text, translated from i18n/%s.toml", lang, cfg.Default), Units: units})
	return files, skipped, nil
}

// oldUnits is the source Markdown of each unit in the version the
// translation was made from, or nil when that version is not stored.
func oldUnits(site *translation.Site, tp *translation.Page) map[string]string {
	if tp.State != translation.Outdated {
		return nil
	}
	text, ok, err := site.Version(tp.Slug, tp.SourceHash)
	if !ok || err != nil {
		return nil
	}
	// A version is "title: …\ndescription: …\n\n" and the body (Normalise).
	head, body, _ := strings.Cut(text, "\n\n")
	out := map[string]string{}
	for _, line := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(line, ": ")
		out[k] = strings.TrimSpace(v)
	}
	for i, b := range Blocks([]byte(body)) {
		if b.Translatable() {
			out[fmt.Sprintf("b%d", i+1)] = body[b.Start:b.End]
		}
	}
	return out
}

// stateOf is the XLIFF state of a page's translation: key.
func stateOf(how string) string {
	switch how {
	case "human":
		return StateHuman
	case "reviewed":
		return StateFinal
	}
	return StateMachine
}

func orNone(how string) string {
	if how == "" {
		return "unmarked"
	}
	return how
}

func translations(cfg *siteconfig.Config) []string {
	var out []string
	for _, c := range cfg.Codes() {
		if c != cfg.Default {
			out = append(out, c)
		}
	}
	return out
}
