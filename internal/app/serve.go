package app

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/fileerr"
	"github.com/redcross-no/familieinnvandring/internal/hugorun"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
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
	root, _ := filepath.Abs(e.root)
	cfg, err := siteconfig.Load(root)
	if err != nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	// Problems are shown but do not stop the preview: a translator fixes
	// them while watching the page.
	// One reader for every check of this preview: a save reads again only
	// the files that changed.
	reader := &content.Reader{}
	rep := check.Run(root, cfg, check.Options{Content: reader})
	for _, p := range rep.Problems {
		fmt.Fprintln(e.stderr, p)
	}
	if rep.Errors() > 0 {
		e.errorf("%d problem(s) found (above); the preview starts anyway", rep.Errors())
	}
	// Listen first: a port in use is said at once, not after the first build.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		e.errorf("cannot listen on 127.0.0.1:%d: %v (is another preview running? use --port)", *port, err)
		return ExitProblems
	}
	defer ln.Close()
	pv, err := hugorun.NewPreview(root, *port, e.stderr)
	if pv == nil {
		e.errorf("%v", err)
		return ExitProblems
	}
	w, werr := newServeWatcher(root, cfg, pv, e.stderr)
	if werr != nil {
		e.errorf("cannot watch the site's files: %v", werr)
		return ExitProblems
	}
	defer w.close()
	w.content = reader
	if err != nil {
		// A broken layout: the preview shows the problem until it is fixed.
		fmt.Fprintln(e.stderr, err)
		var fe *fileerr.Error
		if errors.As(err, &fe) {
			w.failed = []fileerr.Error{*fe}
		} else {
			w.failed = []fileerr.Error{{Msg: err.Error()}}
		}
		pv.SetProblems(w.failed)
	}
	go w.run()
	fmt.Fprintf(e.stdout, "site: preview at http://127.0.0.1:%d/ (Ctrl+C stops it); pages reload when you save\n", *port)

	srv := &http.Server{Handler: pv.Handler()}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-stop
		srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		e.errorf("%v", err)
		return ExitProblems
	}
	return ExitOK
}
