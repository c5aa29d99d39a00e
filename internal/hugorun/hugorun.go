// Package hugorun is the only package that imports Hugo. It drives Hugo
// through its command-line contract (commands.Execute), which is the part of
// Hugo that stays stable between releases.
//
// commands.Execute sets process-wide state (GOMAXPROCS, loggers, caches), so
// each function here must be called at most once per process.
package hugorun

import (
	"fmt"
	"strconv"

	"github.com/gohugoio/hugo/commands"
)

// Build renders the site in dir into dest, minified. Hugo's own error
// messages already name the file and line; they are returned as they are.
func Build(dir, dest string) error {
	args := []string{
		"build",
		"--source", dir,
		"--destination", dest,
		"--minify",
		"--cleanDestinationDir",
		"--logLevel", "warn",
		"--quiet",
		"--panicOnWarning",
	}
	if err := commands.Execute(args); err != nil {
		return fmt.Errorf("hugo: %w", err)
	}
	return nil
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
