package app

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
	"github.com/redcross-no/familieinnvandring/internal/translation"
)

func init() {
	register("translated", "record that a translation matches its source now (L/slug, or L for every page); nb/slug after a typo fix", runTranslated)
}

// translatedOptions are the flags of `site translated`.
type translatedOptions struct {
	translation.Record
	from string
}

func runTranslated(e *env, args []string) int {
	fs := e.flags("translated", "[--how machine|human|reviewed] [--translator NAME] [--reviewer NAME] [--date YYYY-MM-DD] L/slug… | L | nb/slug [--from HASH]")
	var o translatedOptions
	fs.StringVar(&o.How, "how", "", "how the translation was made: machine, human or reviewed (default: as before, or machine)")
	fs.StringVar(&o.Translator, "translator", "", "who translated it (optional)")
	fs.StringVar(&o.Reviewer, "reviewer", "", "who checked it against the source (optional)")
	fs.StringVar(&o.Date, "date", "", "the day of the translation, YYYY-MM-DD (default: today)")
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
	if o.How != "" && !slices.Contains(translation.Hows, o.How) {
		e.errorf("translated: --how %q: use one of %s", o.How, strings.Join(translation.Hows, ", "))
		return ExitUsage
	}
	o.Guard = e.structureGuard
	o.Refused = func(err error) { e.errorf("%v", err) }
	o.DateGiven = o.Date != ""
	if o.Date == "" {
		o.Date = time.Now().Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, o.Date); err != nil {
		e.errorf("translated: --date %q is not a date: write it as YYYY-MM-DD", o.Date)
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
			err = site.MinorEdit(t.slug, o.from, o.Record, e.stdout)
		case t.slug == "":
			n := 0
			for _, p := range site.Language(t.lang).Pages {
				if p.State != translation.Missing {
					n++
					if err := site.MarkTranslated(t.lang, p.Slug, o.Record, e.stdout); err != nil {
						e.errorf("%v", err)
						failed++
					}
				}
			}
			if n == 0 {
				fmt.Fprintf(e.stdout, "site: no translated pages in %s yet\n", t.lang)
			}
		default:
			err = site.MarkTranslated(t.lang, t.slug, o.Record, e.stdout)
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
