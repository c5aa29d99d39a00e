// Package fileerr is the tool's one kind of problem report: a file, a line
// and what to do, printed "file:line: message" so that editors and
// terminals can jump to it. Every package that finds problems in the
// site's files (front matter, checks, the URL list, _redirects, Hugo's
// template errors) reports them with this type; it imports nothing of the
// project.
package fileerr

import "fmt"

// Error is one problem in a file. Warnings are shown but fail nothing.
type Error struct {
	File    string // relative to the site root, slash-separated; "" while the caller has not named it
	Line    int    // 1-based; 0 when the problem concerns the whole file
	Msg     string
	Warning bool
}

// String is "file:line: message" ("file: message" without a line,
// "line N: message" without a file), with "warning: " before a warning's
// message.
func (e Error) String() string {
	loc := e.File
	switch {
	case e.File == "":
		loc = fmt.Sprintf("line %d", e.Line)
	case e.Line > 0:
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Warning {
		return loc + ": warning: " + e.Msg
	}
	return loc + ": " + e.Msg
}

func (e *Error) Error() string { return e.String() }

// At is the problem at line of file.
func At(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}
