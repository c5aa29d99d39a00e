// Package hugorun is the only package that imports Hugo. It drives Hugo
// through its command-line contract (commands.Execute), which is the part of
// Hugo that stays stable between releases; only the live preview (Preview)
// drives hugolib itself, to decide when Hugo rebuilds.
//
// commands.Execute sets process-wide state (GOMAXPROCS, loggers, caches), so
// each function here must be called at most once per process.
package hugorun

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"

	"github.com/gohugoio/hugo/commands"

	"github.com/redcross-no/familieinnvandring/internal/fileerr"
)

// Build renders the site in dir into dest, minified. Hugo's progress output
// is dropped; its errors and warnings go to errw, as Hugo wrote them (they
// name the file and line).
//
// An error located in one of the site's files (a broken layout) is a
// *FileError that names the file relative to dir and the line. A warning,
// which Hugo turns into a panic under --panicOnWarning, becomes an error.
func Build(dir, dest string, errw io.Writer) (err error) {
	args := []string{
		"build",
		"--source", dir,
		"--destination", dest,
		"--minify",
		"--cleanDestinationDir",
		"--logLevel", "warn",
		"--panicOnWarning",
	}
	avoidRenderDeadlock(dir)
	restore, err := filterStdout(errw)
	if err != nil {
		return err
	}
	// Hugo writes its ERROR lines to the process's stderr: they go to errw
	// too, so that whatever errw does to a message (the build's
	// fileerr.Scrubber) is done to Hugo's.
	restoreErr, err := redirectStderr(errw)
	if err != nil {
		restore()
		return err
	}
	defer func() {
		restoreErr()
		restore()
		if r := recover(); r != nil {
			err = fmt.Errorf("hugo stopped on a warning: %s", firstLine(fmt.Sprint(r)))
		}
	}()
	if err := commands.Execute(args); err != nil {
		if fe := locate(err, dir); fe != nil {
			return fe
		}
		return fmt.Errorf("hugo: %w", err)
	}
	return nil
}

// avoidRenderDeadlock works around a race in Hugo v0.165's renderPages: after
// 10 render errors (a broken layout fails every page) its workers stop while
// the loop that feeds them can still block on their full channel, and the
// build hangs for ever (seen in 1 of 4 builds). The channel holds as many pages
// as there are workers, so with more workers than pages per language the
// feeder never blocks. HUGO_NUMWORKERMULTIPLIER sets both; one set by the
// user is kept.
func avoidRenderDeadlock(dir string) {
	if os.Getenv("HUGO_NUMWORKERMULTIPLIER") != "" {
		return
	}
	most := 0
	langs, _ := os.ReadDir(filepath.Join(dir, "content"))
	for _, l := range langs {
		if pages, err := os.ReadDir(filepath.Join(dir, "content", l.Name())); err == nil {
			most = max(most, len(pages))
		}
	}
	// Besides its pages a language has its home, 404 and section pages.
	os.Setenv("HUGO_NUMWORKERMULTIPLIER", strconv.Itoa(max(runtime.NumCPU(), most+16)))
}

// FileError is a Hugo error in one of the site's files.
type FileError = fileerr.Error

// hugoLocation is how Hugo names a file position in its errors: "/abs/path:line:col": .
var hugoLocation = regexp.MustCompile(`"([^"]+):(\d+):(\d+)": `)

// templateNoise is what Hugo and text/template put before the actual problem.
var templateNoise = regexp.MustCompile(`^((parse|execute) of template failed|apply base template failed|error calling \w+): |template: [^:]+:\d+(:\d+)?: |executing "[^"]*" `)

// locate finds the innermost file position under root in a Hugo error and
// keeps only the message about it.
func locate(err error, root string) *FileError {
	msg := err.Error()
	locs := hugoLocation.FindAllStringSubmatchIndex(msg, -1)
	for i := len(locs) - 1; i >= 0; i-- {
		m := locs[i]
		rel, rerr := filepath.Rel(root, msg[m[2]:m[3]])
		if rerr != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		line, _ := strconv.Atoi(msg[m[4]:m[5]])
		rest := firstLine(msg[m[1]:])
		for {
			loc := templateNoise.FindStringIndex(rest)
			if loc == nil {
				break
			}
			rest = rest[loc[1]:]
		}
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "layouts/") {
			// A layout that fails only while it renders one page's text
			// (.Content) fails because of that text: Hugo names the page
			// ("… while rendering "/abs/content/nb/x.md""), and the
			// translator must be sent there, not to the template.
			// Only when no template deeper than the page's own .Content
			// failed: a broken render hook is still the hook's problem.
			if page := renderedPage(msg, root); page != "" && strings.HasPrefix(rest, "at <.Content>") {
				return &FileError{File: page, Msg: "Hugo could not render this page's text: " + rest + ": fix the text of this page"}
			}
			rest = "template error: " + rest + ": fix the template at this line"
		}
		return &FileError{File: rel, Line: line, Msg: rest}
	}
	return nil
}

// renderingPage is how Hugo names the page whose Markdown it was rendering.
var renderingPage = regexp.MustCompile(`rendering "([^"]+\.md)"`)

// renderedPage is the content file (relative to root) that msg says Hugo
// was rendering, or "".
func renderedPage(msg, root string) string {
	m := renderingPage.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	rel, err := filepath.Rel(root, m[1])
	if err != nil || !strings.HasPrefix(filepath.ToSlash(rel), "content/") {
		return ""
	}
	return filepath.ToSlash(rel)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// filterStdout points the process's stdout, where Hugo logs, at a pipe and
// passes on only the lines that report a problem. Hugo's --quiet would drop
// those too.
func filterStdout(errw io.Writer) (restore func(), err error) {
	return redirect(&os.Stdout, errw, func(line string) bool {
		return strings.HasPrefix(line, "ERROR") || strings.HasPrefix(line, "WARN")
	})
}

// redirectStderr points the process's stderr at a pipe whose lines all go
// to errw.
func redirectStderr(errw io.Writer) (restore func(), err error) {
	return redirect(&os.Stderr, errw, func(string) bool { return true })
}

// redirect points *f (os.Stdout or os.Stderr) at a pipe and writes each
// line that keep accepts to errw, whole and ending in a newline. It reads
// lines of any length: a reader that stopped early would leave Hugo blocked
// on a full pipe.
func redirect(f **os.File, errw io.Writer, keep func(line string) bool) (restore func(), err error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	orig := *f
	*f = w
	done := make(chan struct{})
	go func() {
		defer close(done)
		br := bufio.NewReader(r)
		for {
			line, err := br.ReadString('\n')
			if line != "" && keep(line) {
				if !strings.HasSuffix(line, "\n") {
					line += "\n"
				}
				io.WriteString(errw, line)
			}
			if err != nil {
				return
			}
		}
	}()
	return func() {
		*f = orig
		w.Close()
		<-done
		r.Close()
	}, nil
}
