package translation

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Record is what `site translated` records on a translation besides the
// source version: how it was made (default: as before, or machine), by whom,
// and the day (DateGiven: the day was named, not today's).
type Record struct {
	How, Translator, Reviewer, Date string
	DateGiven                       bool

	// Guard, when set, may refuse to record a translation as up to date
	// (it lacks part of its source's structure); MinorEdit hands a refusal
	// to Refused and goes on with the other translations.
	Guard   func(file, sourceFile, lang, slug string) error
	Refused func(err error)
}

// SlugList lists the source pages by slug, for messages.
func (site *Site) SlugList() string {
	var s []string
	for _, p := range site.Sources {
		s = append(s, p.Slug)
	}
	return strings.Join(s, ", ")
}

// MarkTranslated records the current source version on one
func (site *Site) MarkTranslated(lang, slug string, o Record, out io.Writer) error {
	l := site.Language(lang)
	p := l.Page(slug)
	src := site.SourcePage(slug)
	if p == nil || src == nil {
		return fmt.Errorf("there is no page %q in %s: the translations follow content/%s/ (pages: %s)", slug, site.Source, site.Source, site.SlugList())
	}
	switch p.State {
	case Missing:
		return fmt.Errorf("%s does not exist: translate %s into it first", p.File, src.File)
	case Broken:
		return fmt.Errorf("%s: its front matter cannot be read: fix what site check reports, then run this again", p.File)
	}
	if o.Guard != nil {
		if err := o.Guard(p.File, src.File, lang, slug); err != nil {
			return err
		}
	}
	how := o.How
	note := ""
	if how == "" {
		how = p.How
	}
	if !slices.Contains(Hows, how) {
		how = "machine"
		note = fmt.Sprintf(" (it had no valid %s: field; use --how human if a person translated it)", KeyHow)
	}
	if p.State == Complete && how == p.How && o.Translator == "" && o.Reviewer == "" && (!o.DateGiven || o.Date == p.Date) {
		fmt.Fprintf(out, "%s: already up to date with %s\n", p.File, src.File)
		return nil
	}
	if _, err := site.Store.Save(slug, src.Text); err != nil {
		return err
	}
	fields := []Field{
		{Key: KeyHash, Value: src.Hash, Quote: true},
		{Key: KeyHow, Value: how},
		{Key: KeyDate, Value: o.Date},
	}
	if o.Translator != "" {
		fields = append(fields, Field{Key: KeyTranslator, Value: o.Translator, Quote: true})
	}
	if o.Reviewer != "" {
		fields = append(fields, Field{Key: KeyReviewer, Value: o.Reviewer, Quote: true})
	}
	if err := site.setFields(p.File, fields); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: up to date with %s (source version %s, %s translation)%s\n", p.File, src.File, src.Hash, how, note)
	return nil
}

// MinorEdit keeps the translations that were up to date before an edit of
// the source that did not change its meaning (a typo fix) up to date.
func (site *Site) MinorEdit(slug, from string, o Record, out io.Writer) error {
	src := site.SourcePage(slug)
	if src == nil {
		return fmt.Errorf("there is no page %q in %s (pages: %s)", slug, site.Source, site.SlugList())
	}
	var prev string
	if from != "" {
		text, ok, err := site.Store.Load(slug, from)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("--from %q: there is no such version of %s in %s/: use a source_hash that one of its translations has", from, src.File, VersionsDir)
		}
		prev = text
	} else {
		text, err := PreviousVersion(site.Store.Root, src.File, src.Text)
		if errors.Is(err, ErrNoHistory) {
			return fmt.Errorf("%s: cannot find the version before your edit (%v): name it with --from HASH, the source_hash of a translation that was up to date", src.File, err)
		}
		if err != nil {
			return err
		}
		prev = text
	}
	prevHash := Hash(prev)
	if prevHash == src.Hash {
		fmt.Fprintf(out, "%s has not changed: nothing to do\n", src.File)
		return nil
	}
	n := 0
	refused := 0 // translations whose structure the edit changed: they stay outdated
	for _, l := range site.Languages {
		p := l.Page(slug)
		if p == nil || p.SourceHash != prevHash {
			continue
		}
		if o.Guard != nil {
			if err := o.Guard(p.File, src.File, l.Code, slug); err != nil {
				if o.Refused != nil {
					o.Refused(err)
				}
				refused++
				continue
			}
		}
		if n == 0 {
			if _, err := site.Store.Save(slug, src.Text); err != nil {
				return err
			}
		}
		if err := site.setFields(p.File, []Field{{Key: KeyHash, Value: src.Hash, Quote: true}}); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: still up to date after the minor edit of %s (source version %s, was %s)\n", p.File, src.File, src.Hash, prevHash)
		n++
	}
	if refused > 0 {
		return fmt.Errorf("%d translation(s) of %s stay outdated: the edit changed the page's structure", refused, src.File)
	}
	if n == 0 {
		fmt.Fprintf(out, "no translation was up to date with the version before the edit (%s): nothing to do\n", prevHash)
	}
	return nil
}

// setFields rewrites a content file's front matter, keeping its permissions.
func (site *Site) setFields(file string, fields []Field) error {
	path := filepath.Join(site.Store.Root, file)
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := SetFields(src, fields)
	if err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, info.Mode().Perm())
}
