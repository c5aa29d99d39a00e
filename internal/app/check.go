package app

import (
	"fmt"
	"io"
	"slices"

	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

func init() {
	register("check", "check content, translations and data; print file:line: problem", runCheck)
}

func runCheck(e *env, args []string) int {
	fs := e.flags("check", "[--lix]")
	lix := fs.Bool("lix", false, "print the readability index (LIX) of every source-language page")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	rep, code := e.check()
	if rep == nil {
		return code
	}
	printLIX(e.stdout, rep, *lix)
	if rep.Errors() > 0 {
		e.errorf("%d problem(s) found", rep.Errors())
		return ExitProblems
	}
	fmt.Fprintf(e.stdout, "site: checked %d pages: no problems\n", len(rep.Pages))
	return ExitOK
}

// check loads the configuration and runs every check, printing each problem.
// A nil report means the configuration itself could not be read.
func (e *env) check() (*check.Report, int) {
	cfg, err := siteconfig.Load(e.root)
	if err != nil {
		e.errorf("%v", err)
		return nil, ExitProblems
	}
	rep := check.Run(e.root, cfg, check.Options{})
	for _, p := range rep.Problems {
		fmt.Fprintln(e.stderr, p)
	}
	return rep, ExitOK
}

// printLIX summarises readability of the source pages; all of them with perPage.
func printLIX(w io.Writer, rep *check.Report, perPage bool) {
	var vals []float64
	for _, p := range rep.Pages {
		if p.Words == 0 || p.Lang != rep.Source {
			continue
		}
		vals = append(vals, p.LIX)
		if perPage {
			fmt.Fprintf(w, "LIX %5.1f  %s (%d words)\n", p.LIX, p.File, p.Words)
		}
	}
	if len(vals) == 0 {
		return
	}
	slices.Sort(vals)
	fmt.Fprintf(w, "readability (LIX, %s): median %.0f, highest %.0f, %d pages\n", rep.Source, vals[len(vals)/2], vals[len(vals)-1], len(vals))
}
