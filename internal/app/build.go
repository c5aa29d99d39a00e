package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/campaign"
	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/hugorun"
	"github.com/redcross-no/familieinnvandring/internal/netlify"
	"github.com/redcross-no/familieinnvandring/internal/publish"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

func init() {
	register("build", "check, then build the whole site into public/ (or --out DIR)", runBuild)
}

// sourceDirs may never be an output directory: a build replaces its output whole.
var sourceDirs = []string{"content", "i18n", "data", "layouts", "static", "assets", "internal", "cmd", "testdata", ".git", ".ci", "source-versions"}

func runBuild(e *env, args []string) int {
	fs := e.flags("build", "[--out DIR]")
	out := fs.String("out", "public", "output directory; replaced only when the whole build succeeds")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if err := e.safeOutput(*out); err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	start := time.Now()
	cfg, err := siteconfig.Load(e.root)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	rep, code := e.check()
	if rep == nil {
		return code
	}
	if n := rep.Errors(); n > 0 {
		e.errorf("%d problem(s) found: nothing was published, %s is unchanged", n, *out)
		return ExitProblems
	}
	staging, err := publish.Stage(*out)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	fail := func(err error) int {
		publish.Discard(staging)
		e.errorf("%v", err)
		e.errorf("nothing was published: %s is unchanged", *out)
		return ExitProblems
	}
	root, _ := filepath.Abs(e.root)
	if err := hugorun.Build(root, staging, e.stderr); err != nil {
		if fe, ok := err.(*hugorun.FileError); ok {
			fmt.Fprintln(e.stderr, fe) // file:line: message, like the checks
			err = errors.New("hugo could not build the site (above)")
		}
		return fail(err)
	}
	site := campaign.Scan(cfg, staging, campaignPages(rep))
	kit, err := campaign.Publish(site, root)
	if err != nil {
		return fail(fmt.Errorf("campaign kit: %w", err))
	}
	if err := publish.IsolateRTL(staging); err != nil { // after the choosers: they have right-to-left text too
		return fail(err)
	}
	if err := publish.Minify(staging); err != nil {
		return fail(err)
	}
	if err := netlify.WriteHeaders(staging, cfg.BaseURL); err != nil {
		return fail(err)
	}
	weights, err := publish.Weights(staging)
	if err != nil {
		return fail(err)
	}
	if over := publish.OverBudget(weights); len(over) > 0 {
		for _, w := range over {
			fmt.Fprintf(e.stderr, "%s: %.1f KB gzip is over the %d KB page budget: shorten the page or split it\n", w.Path, float64(w.Gzip)/1024, publish.Budget(w.Path)/1024)
		}
		return fail(fmt.Errorf("%d page(s) over budget", len(over)))
	}
	costs, err := publish.Costs(staging)
	if err != nil {
		return fail(err)
	}
	var problems []string
	for _, c := range costs {
		problems = append(problems, c.Problems()...)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(e.stderr, p)
		}
		return fail(fmt.Errorf("%d script or request budget problem(s)", len(problems)))
	}
	published, err := campaign.Published(site)
	if err != nil {
		return fail(err)
	}
	if err := publish.Swap(staging, *out); err != nil {
		return fail(err)
	}
	publish.Report(e.stdout, weights)
	fmt.Fprintf(e.stdout, "campaign: %d QR codes, %d redirect rules, %d published URLs\n", kit.QRCodes, kit.Rules, len(published))
	added, err := campaign.AppendURLs(root, published)
	if err != nil {
		e.errorf("%s: %v", campaign.URLsFile, err)
		return ExitProblems
	}
	if added > 0 {
		fmt.Fprintf(e.stdout, "%s: %d new URL(s) added: commit the file with the pages\n", campaign.URLsFile, added)
	}
	fmt.Fprintf(e.stdout, "site: built %d pages into %s in %.2fs\n", len(weights), *out, time.Since(start).Seconds())
	return ExitOK
}

// safeOutput refuses output directories whose replacement would destroy the
// sources: the repository itself, a parent of it, or one of its source folders.
func (e *env) safeOutput(out string) error {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	root, _ := filepath.Abs(e.root)
	if absOut == root || strings.HasPrefix(root+string(os.PathSeparator), absOut+string(os.PathSeparator)) {
		return fmt.Errorf("--out %q would replace the repository: choose a folder such as public", out)
	}
	for _, d := range sourceDirs {
		src := filepath.Join(root, d)
		if absOut == src || strings.HasPrefix(absOut, src+string(os.PathSeparator)) {
			return fmt.Errorf("--out %q is inside the source folder %s/: choose a folder such as public", out, d)
		}
	}
	return nil
}

// campaignPages hands the checked content files to the campaign kit.
func campaignPages(rep *check.Report) []campaign.PageInfo {
	out := make([]campaign.PageInfo, 0, len(rep.Pages))
	for _, p := range rep.Pages {
		title, _ := p.Params["title"].(string)
		out = append(out, campaign.PageInfo{Lang: p.Lang, Slug: p.Slug, Title: title, Params: p.Params})
	}
	return out
}
