package check

import (
	"bytes"
	"fmt"
)

// Some Markdown costs goldmark (and so Hugo) time that grows with the square
// of its size: containers nested on one line (a line of 100,000 `>` took 14 s
// to parse and the build over five minutes), and runs of marks that never
// close (`*a_` or `[a](` repeated took seconds per 25 KB; Hugo's typographer
// adds `--` and quotes). MaxFileSize bounds a file, not those. The limits
// below bound them, far above any real page (the real pages nest at most 3
// deep and have at most 30 marks in a paragraph), and are checked by one
// linear scan before any Markdown parser sees the text. Parsing costs at
// most about MaxMarks × MaxFileSize steps then (BenchmarkCheckWorstAccepted).
const (
	// MaxNesting is how deep quotes and lists may nest.
	MaxNesting = 10
	// MaxMarks is how many Markdown marks (markChars) one paragraph, the
	// lines between two empty lines, may hold.
	MaxMarks = 300
)

// markChars are the characters that open or close something inline in
// Hugo's goldmark: emphasis, strikethrough, code, links and images,
// footnotes, autolinks, and the typographer's quotes and dashes.
const markChars = "*_~`[]!<\"'-"

var isMark = func() (m [256]bool) {
	for i := 0; i < len(markChars); i++ {
		m[markChars[i]] = true
	}
	return m
}()

// MarkdownLimits returns the first place in body (whose first line is line
// bodyLine of file) where it passes MaxNesting or MaxMarks, or nil. Its cost
// is one pass over body.
//
// The nesting it measures is an upper bound of what a parser builds: a quote
// or list opened on a line is nested in at most one container per `>` or
// list marker before it on that line, plus one per two columns of
// indentation (a list item's text is indented at least two columns), so a
// page it accepts never nests deeper than MaxNesting (FuzzMarkdownLimits).
func MarkdownLimits(file string, body []byte, bodyLine int) *Problem {
	marks := 0
	for n, rest := 0, body; len(rest) > 0; n++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(bytes.Trim(line, " \t\r")) == 0 {
			marks = 0
			continue
		}
		if nestingBound(line) > MaxNesting {
			return &Problem{File: file, Line: bodyLine + n, Msg: fmt.Sprintf("quotes or lists are nested more than %d deep on this line: remove the extra > and list markers (-, *, +, 1.) at the start of the line", MaxNesting)}
		}
		for _, c := range line {
			if isMark[c] {
				marks++
			}
		}
		if marks > MaxMarks {
			return &Problem{File: file, Line: bodyLine + n, Msg: fmt.Sprintf("this paragraph has more than %d Markdown marks (%s), which makes the build slow: remove the pasted run of marks, or split the paragraph with empty lines (the limit is passed on this line)", MaxMarks, spaced(markChars))}
		}
	}
	return nil
}

// nestingBound counts the containers a line may be nested in: each `>`,
// list marker (-, *, +, 1. or 1)) and definition marker (:) at its start,
// and one per two columns of space that may continue a list item opened on
// an earlier line (a tab counts as four, the most it can stand for): the
// space before the first list marker, less the one space a `>` takes with
// it. After a list marker everything is inside the item it opens. It stops
// counting past MaxNesting, so that a line costs O(MaxNesting × its length).
func nestingBound(line []byte) int {
	depth, ws, cont := 0, 0, 0
	inItem, afterQuote := false, false
	marker := func(quote bool) {
		if !inItem {
			if afterQuote && ws > 0 {
				ws--
			}
			cont += ws
		}
		ws = 0
		depth++
		inItem = inItem || !quote
		afterQuote = quote
	}
	for i := 0; i < len(line) && depth <= MaxNesting; {
		c := line[i]
		switch {
		case c == ' ':
			ws++
			i++
		case c == '\t':
			ws += 4
			i++
		case c == '>':
			marker(true)
			i++
		case c == '-' || c == '*' || c == '+' || c == ':':
			if i+1 < len(line) && !isSpaceByte(line[i+1]) || thematicBreak(line[i:]) {
				return depth + cont/2
			}
			marker(false)
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == len(line) || line[j] != '.' && line[j] != ')' || j+1 < len(line) && !isSpaceByte(line[j+1]) {
				return depth + cont/2
			}
			marker(false)
			i = j + 1
		default:
			return depth + cont/2
		}
	}
	return depth + cont/2
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// thematicBreak reports whether s is a horizontal rule (three or more of
// one of - * _, spaces between), which opens no container.
func thematicBreak(s []byte) bool {
	var mark byte
	n := 0
	for _, c := range s {
		switch {
		case isSpaceByte(c):
		case mark == 0 && (c == '-' || c == '*' || c == '_'):
			mark = c
			n++
		case c == mark:
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// spaced writes the characters of s with spaces between them.
func spaced(s string) string {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, s[i])
	}
	return string(b)
}
