package app

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
	"github.com/redcross-no/familieinnvandring/internal/translation"
)

func init() {
	register("translated", "record that a translation matches its source now (L/slug, or L for every page); nb/slug after a typo fix", runTranslated)
}

type translatedOptions struct {
	how, translator, reviewer, date, from string
	dateGiven                             bool
}

func runTranslated(e *env, args []string) int {
	fs := e.flags("translated", "[--how machine|human|reviewed] [--translator NAME] [--reviewer NAME] [--date YYYY-MM-DD] L/slug… | L | nb/slug [--from HASH]")
	var o translatedOptions
	fs.StringVar(&o.how, "how", "", "how the translation was made: machine, human or reviewed (default: as before, or machine)")
	fs.StringVar(&o.translator, "translator", "", "who translated it (optional)")
	fs.StringVar(&o.reviewer, "reviewer", "", "who checked it against the source (optional)")
	fs.StringVar(&o.date, "date", "", "the day of the translation, YYYY-MM-DD (default: today)")
	fs.StringVar(&o.from, "from", "", "with nb/slug: the source version the translations were made from, when git cannot tell")
	targets, code, ok := parseInterleaved(fs, args)
	if !ok {
		return code
	}
	if len(targets) == 0 {
		e.errorf("translated: name the translations, e.g. site translated ar/help (or ar for every page in Arabic)")
		fs.Usage()
		return ExitUsage
	}
	if o.how != "" && !slices.Contains(translation.Hows, o.how) {
		e.errorf("translated: --how %q: use one of %s", o.how, strings.Join(translation.Hows, ", "))
		return ExitUsage
	}
	o.dateGiven = o.date != ""
	if o.date == "" {
		o.date = time.Now().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, o.date); err != nil {
		e.errorf("translated: --date %q is not a date: write it as YYYY-MM-DD", o.date)
		return ExitUsage
	}
	cfg, err := siteconfig.Load(e.root)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	site, err := translation.Scan(e.root, cfg)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	// Usage errors first, before any file is written.
	type target struct{ lang, slug string }
	var todo []target
	for _, t := range targets {
		lang, slug, _ := strings.Cut(t, "/")
		if _, ok := cfg.Language(lang); !ok {
			e.errorf("translated: %q: unknown language %q: use one of %s", t, lang, strings.Join(cfg.Codes(), ", "))
			return ExitUsage
		}
		if lang == cfg.Default && slug == "" {
			e.errorf("translated: %q: name the source page whose edit did not change its meaning, e.g. %s/help", t, lang)
			return ExitUsage
		}
		if o.from != "" && lang != cfg.Default {
			e.errorf("translated: --from goes with a source page (%s/slug), not with %q", cfg.Default, t)
			return ExitUsage
		}
		todo = append(todo, target{lang, slug})
	}
	failed := 0
	for _, t := range todo {
		var err error
		switch {
		case t.lang == cfg.Default:
			err = e.minorEdit(site, t.slug, o.from)
		case t.slug == "":
			n := 0
			for _, p := range site.Language(t.lang).Pages {
				if p.State != translation.Missing {
					n++
					if err := e.markTranslated(site, t.lang, p.Slug, o); err != nil {
						e.errorf("%v", err)
						failed++
					}
				}
			}
			if n == 0 {
				fmt.Fprintf(e.stdout, "site: no translated pages in %s yet\n", t.lang)
			}
		default:
			err = e.markTranslated(site, t.lang, t.slug, o)
		}
		if err != nil {
			e.errorf("%v", err)
			failed++
		}
	}
	if failed > 0 {
		return ExitProblems
	}
	return ExitOK
}

// markTranslated records the current source version on one translation.
func (e *env) markTranslated(site *translation.Site, lang, slug string, o translatedOptions) error {
	l := site.Language(lang)
	p := l.Page(slug)
	src := site.SourcePage(slug)
	if p == nil || src == nil {
		return fmt.Errorf("there is no page %q in %s: the translations follow content/%s/ (pages: %s)", slug, site.Source, site.Source, slugList(site))
	}
	switch p.State {
	case translation.Missing:
		return fmt.Errorf("%s does not exist: translate %s into it first", p.File, src.File)
	case translation.Broken:
		return fmt.Errorf("%s: its front matter cannot be read: fix what site check reports, then run this again", p.File)
	}
	if err := e.structureGuard(p.File, src.File, lang, slug); err != nil {
		return err
	}
	how := o.how
	note := ""
	if how == "" {
		how = p.How
	}
	if !slices.Contains(translation.Hows, how) {
		how = "machine"
		note = fmt.Sprintf(" (it had no valid %s: field; use --how human if a person translated it)", translation.KeyHow)
	}
	if p.State == translation.Complete && how == p.How && o.translator == "" && o.reviewer == "" && (!o.dateGiven || o.date == p.Date) {
		fmt.Fprintf(e.stdout, "%s: already up to date with %s\n", p.File, src.File)
		return nil
	}
	if _, err := site.Store.Save(slug, src.Text); err != nil {
		return err
	}
	fields := []translation.Field{
		{Key: translation.KeyHash, Value: src.Hash, Quote: true},
		{Key: translation.KeyHow, Value: how},
		{Key: translation.KeyDate, Value: o.date},
	}
	if o.translator != "" {
		fields = append(fields, translation.Field{Key: translation.KeyTranslator, Value: o.translator, Quote: true})
	}
	if o.reviewer != "" {
		fields = append(fields, translation.Field{Key: translation.KeyReviewer, Value: o.reviewer, Quote: true})
	}
	if err := e.setFields(p.File, fields); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: up to date with %s (source version %s, %s translation)%s\n", p.File, src.File, src.Hash, how, note)
	return nil
}

// minorEdit keeps the translations that were up to date before an edit of
// the source that did not change its meaning (a typo fix) up to date.
func (e *env) minorEdit(site *translation.Site, slug, from string) error {
	src := site.SourcePage(slug)
	if src == nil {
		return fmt.Errorf("there is no page %q in %s (pages: %s)", slug, site.Source, slugList(site))
	}
	var prev string
	if from != "" {
		text, ok, err := site.Store.Load(slug, from)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("--from %q: there is no such version of %s in %s/: use a source_hash that one of its translations has", from, src.File, translation.VersionsDir)
		}
		prev = text
	} else {
		text, err := translation.PreviousVersion(e.root, src.File, src.Text)
		if errors.Is(err, translation.ErrNoHistory) {
			return fmt.Errorf("%s: cannot find the version before your edit (%v): name it with --from HASH, the source_hash of a translation that was up to date", src.File, err)
		}
		if err != nil {
			return err
		}
		prev = text
	}
	prevHash := translation.Hash(prev)
	if prevHash == src.Hash {
		fmt.Fprintf(e.stdout, "%s has not changed: nothing to do\n", src.File)
		return nil
	}
	n := 0
	refused := 0 // translations whose structure the edit changed: they stay outdated
	for _, l := range site.Languages {
		p := l.Page(slug)
		if p == nil || p.SourceHash != prevHash {
			continue
		}
		if err := e.structureGuard(p.File, src.File, l.Code, slug); err != nil {
			e.errorf("%v", err)
			refused++
			continue
		}
		if n == 0 {
			if _, err := site.Store.Save(slug, src.Text); err != nil {
				return err
			}
		}
		if err := e.setFields(p.File, []translation.Field{{Key: translation.KeyHash, Value: src.Hash, Quote: true}}); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s: still up to date after the minor edit of %s (source version %s, was %s)\n", p.File, src.File, src.Hash, prevHash)
		n++
	}
	if refused > 0 {
		return fmt.Errorf("%d translation(s) of %s stay outdated: the edit changed the page's structure", refused, src.File)
	}
	if n == 0 {
		fmt.Fprintf(e.stdout, "no translation was up to date with the version before the edit (%s): nothing to do\n", prevHash)
	}
	return nil
}

// setFields rewrites a content file's front matter, keeping its permissions.
func (e *env) setFields(file string, fields []translation.Field) error {
	path := filepath.Join(e.root, file)
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := translation.SetFields(src, fields)
	if err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, info.Mode().Perm())
}

// parseInterleaved parses flags that may come before, between or after the
// positional arguments, and returns those arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, ExitOK, false
			}
			return nil, ExitUsage, false
		}
		if fs.NArg() == 0 {
			return pos, 0, true
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
