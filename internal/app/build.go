package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/addresses"
	"github.com/redcross-no/familieinnvandring/internal/campaign"
	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/fileerr"
	"github.com/redcross-no/familieinnvandring/internal/hugorun"
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
	// Every message of the build goes through one scrubber: no absolute or
	// staging path and no Hugo placeholder reaches the reader (fileerr.Scrubber).
	scrub := fileerr.NewScrubber(e.stderr)
	defer scrub.Flush()
	e = &env{root: e.root, stdout: e.stdout, stderr: scrub}
	siteRoot, _ := filepath.Abs(e.root)
	scrub.Path(siteRoot, "")
	if real, err := filepath.EvalSymlinks(siteRoot); err == nil {
		scrub.Path(real, "")
	}
	if err := replaceableOutput(*out); err != nil {
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
	// A problem in the staging folder is a problem in the output it becomes.
	scrub.Path(staging, filepath.Clean(*out))
	if abs, err := filepath.Abs(staging); err == nil {
		scrub.Path(abs, filepath.Clean(*out))
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
	kit := &campaign.Kit{Pages: campaignPages(rep)}
	weigh := &publish.Weigh{}
	rules := publish.NewOutputRules(root, cfg)
	// The steps after Hugo, in order: each may rely on what the ones before
	// it wrote. The page pass comes after every step that writes pages.
	steps := []publish.Step{
		kit.Scan(),             // which page Hugo published in which language
		kit.Choosers(),         // /go/<slug>/index.html, the root chooser and /404.html
		kit.QRCodes(),          // qr-*.svg beside every page and /go/ link
		kit.Redirects(),        // _redirects: static/_redirects, then the generated rules
		publish.MinifyStatic{}, // the CSS, JavaScript and SVG Hugo copied from static/
		// One read of every page: first <bdi> around Latin runs in
		// right-to-left text (choosers too), then the checks, on the page as published.
		publish.PagePass{Rewrites: []publish.PageRewrite{publish.IsolateRTL{}}, Checks: []publish.PageCheck{
			publish.NewHeaders(cfg.BaseURL, rules), // what the headers would block; then _headers with the CSP
			weigh,                                  // the 14 KB page budget
			&publish.Requests{Dir: staging},        // script, requests, nothing from other sites

			// the final word: quick exit, header, hosts, the one script;
			// it tells the headers' problems too
			rules,
		}},
		kit.PublishedURLs(), // what the URL contract covers
		kit.URLContract(),   // every URL in published-urls.txt is in the output, or redirected to a page that is
	}
	b := &publish.Build{Root: root, Dir: staging, Config: cfg, Stderr: e.stderr}
	if err := publish.RunSteps(b, steps); err != nil {
		return fail(err)
	}
	weights, published := weigh.Sorted(), kit.Published
	if err := publish.Swap(staging, *out); err != nil {
		return fail(err)
	}
	publish.Report(e.stdout, weights)
	fmt.Fprintf(e.stdout, "campaign: %d QR codes, %d redirect rules, %d published URLs\n", kit.Stats.QRCodes, kit.Stats.Rules, len(published))
	added, err := addresses.AppendURLs(root, published)
	if err != nil {
		e.errorf("%s: %v", addresses.URLsFile, err)
		return ExitProblems
	}
	if added > 0 {
		fmt.Fprintf(e.stdout, "%s: %d new URL(s) added: commit the file with the pages\n", addresses.URLsFile, added)
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
func campaignPages(rep *check.Report) []*content.Page {
	out := make([]*content.Page, 0, len(rep.Pages))
	for _, p := range rep.Pages {
		out = append(out, p.Page)
	}
	return out
}
