package app

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
	"github.com/redcross-no/familieinnvandring/internal/translation"
)

func init() {
	register("status", "translation status per language; --lang L lists its pages, --diff L/slug shows what changed", runStatus)
}

func runStatus(e *env, args []string) int {
	fs := e.flags("status", "[--lang L] [--json] | --diff L/slug")
	lang := fs.String("lang", "", "list every page of one language with its state")
	asJSON := fs.Bool("json", false, "print the status as JSON")
	diff := fs.String("diff", "", "show what changed in the source since the translation L/slug was made, paragraph by paragraph")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	cfg, err := siteconfig.Load(e.root)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	if *lang != "" {
		if _, ok := cfg.Language(*lang); !ok {
			e.errorf("status: unknown language %q: use one of %s", *lang, strings.Join(cfg.Codes(), ", "))
			return ExitUsage
		}
	}
	if *diff != "" && (*lang != "" || *asJSON) {
		e.errorf("status: --diff shows one page: use it without --lang and --json")
		return ExitUsage
	}
	site, err := translation.Scan(e.root, cfg)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	switch {
	case *diff != "":
		return e.statusDiff(cfg, site, *diff)
	case *asJSON:
		var v any = site
		if *lang != "" {
			if l := site.Language(*lang); l != nil {
				v = l
			} else {
				v = sourceJSON(site)
			}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(v); err != nil {
			e.errorf("%v", err)
			return ExitProblems
		}
	case *lang == cfg.Default:
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		for _, s := range site.Sources {
			lastmod := s.Lastmod
			if lastmod == "" {
				lastmod = "-"
			}
			fmt.Fprintf(tw, "%s\tsource\t%s\tlastmod %s\n", s.Slug, s.Hash, lastmod)
		}
		tw.Flush()
	case *lang != "":
		l := site.Language(*lang)
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		outdated := false
		for _, p := range l.Pages {
			how := p.How
			if p.State == translation.Missing {
				how = "-"
			} else if how == "" {
				how = "?"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Slug, p.State, how)
			outdated = outdated || p.State == translation.Outdated
		}
		tw.Flush()
		if outdated {
			fmt.Fprintf(e.stdout, "\nwhat changed in an outdated page: site status --diff %s/<slug>\n", *lang)
		}
	default:
		const row = "%-6s %5v %9v %9v %8v %9v %8v\n"
		fmt.Fprintf(e.stdout, row, "lang", "pages", "complete", "outdated", "missing", "unmarked", "machine")
		fmt.Fprintf(e.stdout, "%-6s %5d  (source)\n", site.Source, len(site.Sources))
		for _, l := range site.Languages {
			fmt.Fprintf(e.stdout, row, l.Code, len(l.Pages)-l.Missing, l.Complete, l.Outdated, l.Missing, l.Unmarked, l.Machine)
		}
	}
	return ExitOK
}

// sourceJSON is what --json --lang prints for the source language.
func sourceJSON(site *translation.Site) any {
	return struct {
		Lang  string                `json:"lang"`
		Pages []*translation.Source `json:"pages"`
	}{site.Source, site.Sources}
}

// statusDiff prints what changed in the source since a translation was made.
func (e *env) statusDiff(cfg *siteconfig.Config, site *translation.Site, arg string) int {
	code, slug, ok := strings.Cut(arg, "/")
	l := site.Language(code)
	if !ok || l == nil {
		var codes []string
		for _, l := range site.Languages {
			codes = append(codes, l.Code)
		}
		e.errorf("status: --diff %q: write a translation language and a page, e.g. --diff ar/help (languages: %s)", arg, strings.Join(codes, ", "))
		return ExitUsage
	}
	p := l.Page(slug)
	src := site.SourcePage(slug)
	if p == nil || src == nil {
		e.errorf("status: --diff %q: there is no page %q in %s (pages: %s)", arg, slug, cfg.Default, site.SlugList())
		return ExitUsage
	}
	switch p.State {
	case translation.Missing:
		fmt.Fprintf(e.stdout, "%s does not exist yet: translate all of %s\n", p.File, src.File)
		return ExitOK
	case translation.Unmarked:
		fmt.Fprintf(e.stdout, "%s has no %s, so it is not known which version of %s it was made from.\ncompare it with the source; when it matches, run: site translated %s/%s\n", p.File, translation.KeyHash, src.File, code, slug)
		return ExitOK
	case translation.Broken:
		fmt.Fprintf(e.stdout, "%s: its front matter cannot be read: run site check, which says where\n", p.File)
		return ExitOK
	case translation.Unknown:
		fmt.Fprintf(e.stdout, "%s: %s %q is no version of %s (none in %s/), so the changes cannot be shown.\ncompare it with the source; when it matches, run: site translated %s/%s\n", p.File, translation.KeyHash, p.SourceHash, src.File, translation.VersionsDir, code, slug)
		return ExitOK
	case translation.Complete:
		fmt.Fprintf(e.stdout, "%s is up to date: %s has not changed since it was translated (source version %s)\n", p.File, src.File, src.Hash)
		return ExitOK
	}
	old, _, err := site.Version(slug, p.SourceHash)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	when := ""
	if p.Date != "" {
		when = " on " + p.Date
	}
	fmt.Fprintf(e.stdout, "%s has changed since %s was translated%s\n(source version %s, now %s; - was there then, + is there now)\n", src.File, p.File, when, p.SourceHash, src.Hash)
	removed, added := translation.WriteDiff(e.stdout, translation.Diff(old, src.Text))
	fmt.Fprintf(e.stdout, "\n%d paragraph(s) removed, %d added. When %s has the changes, run: site translated %s/%s\n", removed, added, p.File, code, slug)
	return ExitOK
}
