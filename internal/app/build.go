package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/hugorun"
	"github.com/redcross-no/familieinnvandring/internal/netlify"
	"github.com/redcross-no/familieinnvandring/internal/publish"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

func init() {
	register("build", "check, then build the whole site into public/ (or --out DIR)", runBuild)
}

// sourceDirs may never be an output directory: a build replaces its output whole.
var sourceDirs = []string{"content", "i18n", "data", "layouts", "static", "assets", "internal", "cmd", "testdata", ".git", ".ci"}

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
	if err := hugorun.Build(root, staging); err != nil {
		return fail(err)
	}
	if err := publish.Minify(staging); err != nil {
		return fail(err)
	}
	cfg, err := siteconfig.Load(e.root)
	if err != nil {
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
			fmt.Fprintf(e.stderr, "%s: %.1f KB gzip is over the %d KB page budget: shorten the page or split it\n", w.Path, float64(w.Gzip)/1024, publish.PageBudget/1024)
		}
		return fail(fmt.Errorf("%d page(s) over budget", len(over)))
	}
	if err := publish.Swap(staging, *out); err != nil {
		return fail(err)
	}
	publish.Report(e.stdout, weights)
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
