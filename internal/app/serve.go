package app

import (
	"fmt"
	"path/filepath"

	"github.com/redcross-no/familieinnvandring/internal/hugorun"
)

func init() {
	register("serve", "live preview on 127.0.0.1 for translators (--port N, default 1313)", runServe)
}

func runServe(e *env, args []string) int {
	fs := e.flags("serve", "[--port N]")
	port := fs.Int("port", 1313, "port on 127.0.0.1")
	if code, ok := e.parse(fs, args); !ok {
		return code
	}
	if *port < 1 || *port > 65535 {
		e.errorf("--port %d is not a port: use a number from 1 to 65535", *port)
		return ExitUsage
	}
	// Problems are shown but do not stop the preview: a translator fixes
	// them while watching the page.
	if rep, _ := e.check(); rep != nil && rep.Errors() > 0 {
		e.errorf("%d problem(s) found (above); the preview starts anyway", rep.Errors())
	}
	fmt.Fprintf(e.stdout, "site: preview at http://127.0.0.1:%d/ (Ctrl+C stops it); pages reload when you save\n", *port)
	root, _ := filepath.Abs(e.root)
	if err := hugorun.Serve(root, *port); err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	return ExitOK
}
