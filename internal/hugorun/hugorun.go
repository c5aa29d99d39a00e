// Package hugorun is the only package that imports Hugo. It drives Hugo
// through its command-line contract (commands.Execute), which is the part of
// Hugo that stays stable between releases.
//
// commands.Execute sets process-wide state (GOMAXPROCS, loggers, caches), so
// each function here must be called at most once per process.
package hugorun

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/gohugoio/hugo/commands"
)

// Build renders the site in dir into dest, minified. Hugo's progress output
// is dropped; its errors and warnings go to errw, as Hugo wrote them (they
// name the file and line).
func Build(dir, dest string, errw io.Writer) error {
	args := []string{
		"build",
		"--source", dir,
		"--destination", dest,
		"--minify",
		"--cleanDestinationDir",
		"--logLevel", "warn",
		"--panicOnWarning",
	}
	restore, err := filterStdout(errw)
	if err != nil {
		return err
	}
	err = commands.Execute(args)
	restore()
	if err != nil {
		return fmt.Errorf("hugo: %w", err)
	}
	return nil
}

// filterStdout points the process's stdout, where Hugo logs, at a pipe and
// passes on only the lines that report a problem. Hugo's --quiet would drop
// those too.
func filterStdout(errw io.Writer) (restore func(), err error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	orig := os.Stdout
	os.Stdout = w
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "ERROR") || strings.HasPrefix(line, "WARN") {
				fmt.Fprintln(errw, line)
			}
		}
	}()
	return func() {
		os.Stdout = orig
		w.Close()
		<-done
		r.Close()
	}, nil
}

// Serve runs Hugo's live-reloading preview server on 127.0.0.1:port until
// the process is interrupted. It renders to memory and never touches the
// published output directory.
func Serve(dir string, port int) error {
	args := []string{
		"server",
		"--source", dir,
		"--bind", "127.0.0.1",
		"--port", strconv.Itoa(port),
		"--disableFastRender",
		"--logLevel", "warn",
	}
	if err := commands.Execute(args); err != nil {
		return fmt.Errorf("hugo server: %w", err)
	}
	return nil
}
