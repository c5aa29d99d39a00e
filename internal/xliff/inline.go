package xliff

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PartKind is what one piece of a segment is.
type PartKind int

const (
	Text  PartKind = iota // words the translator translates
	Open                  // the start of a <g> (a link, emphasis): Native is "[" or "**"
	Close                 // the end of a <g>: Native is "](/stay/)" or "**"
	Ph                    // a <ph>: a shortcode, a code span, an image; Native is all of it
	X                     // an <x/>: a hard line break
)

// Part is one piece of a segment: text, or the Markdown syntax of one
// protected element.
type Part struct {
	Kind   PartKind
	Native string // the text, or the Markdown the element stands for
	ID     string // the element's id in its unit ("1", "2", …); "" for text
	Ctype  string // the element's ctype (link, bold, x-shortcode, …)
}

// Segment is the inline Markdown of one block (a heading's text, a
// paragraph, a list item's first paragraph), cut into text and the elements
// a translator must keep: links and emphasis as <g>, shortcodes, code and
// images as <ph>, hard line breaks as <x/>. Joining the Native of every part
// gives back the Markdown byte for byte.
type Segment []Part

// Markdown joins the parts: the exact Markdown the segment was made from.
func (s Segment) Markdown() string {
	var b strings.Builder
	for _, p := range s {
		b.WriteString(p.Native)
	}
	return b.String()
}

// ParseInline cuts inline Markdown into a segment. It never fails and never
// drops a byte: what it does not recognise as a protected element is text.
// It follows CommonMark closely enough for the site's pages (links,
// emphasis, code, shortcodes); where it reads something differently from
// goldmark, the structure guard run after an import still catches a broken
// link or shortcode.
func ParseInline(md string) Segment {
	p := &inlineParser{s: md}
	p.parse(0, len(md))
	return p.out
}

type inlineParser struct {
	s   string
	out Segment
	n   int // elements so far, for ids
}

func (p *inlineParser) text(t string) {
	if t == "" {
		return
	}
	if k := len(p.out) - 1; k >= 0 && p.out[k].Kind == Text {
		p.out[k].Native += t
		return
	}
	p.out = append(p.out, Part{Kind: Text, Native: t})
}

func (p *inlineParser) code(kind PartKind, native, ctype string) string {
	p.n++
	id := strconv.Itoa(p.n)
	p.out = append(p.out, Part{Kind: kind, Native: native, ID: id, Ctype: ctype})
	return id
}

var (
	autolinkRE = regexp.MustCompile(`^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[A-Za-z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)>`)
	htmlTagRE  = regexp.MustCompile(`^</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
)

// parse cuts s[i:end] into parts.
func (p *inlineParser) parse(i, end int) {
	s := p.s
	start := i // start of the pending text
	flush := func(to int) {
		p.text(s[start:to])
	}
	for i < end {
		c := s[i]
		switch {
		case c == '{' && i+2 < end && s[i+1] == '{' && (s[i+2] == '<' || s[i+2] == '%'):
			closer := ">}}"
			if s[i+2] == '%' {
				closer = "%}}"
			}
			if k := strings.Index(s[i+3:end], closer); k >= 0 {
				flush(i)
				j := i + 3 + k + len(closer)
				p.code(Ph, s[i:j], "x-shortcode")
				i, start = j, j
				continue
			}
		case c == '`':
			run := runLen(s, i, end, '`')
			if j := findBacktickRun(s, i+run, end, run); j >= 0 {
				flush(i)
				p.code(Ph, s[i:j+run], "x-code")
				i = j + run
				start = i
				continue
			}
			i += run
			continue
		case c == '\\' && i+1 < end:
			if s[i+1] == '\n' {
				flush(i)
				p.code(X, s[i:i+2], "lb")
				i += 2
				start = i
				continue
			}
			if isASCIIPunct(s[i+1]) {
				i += 2 // an escaped character is text, escape and all
				continue
			}
		case c == ' ':
			run := runLen(s, i, end, ' ')
			if run >= 2 && i+run < end && s[i+run] == '\n' {
				flush(i)
				p.code(X, s[i:i+run+1], "lb")
				i += run + 1
				start = i
				continue
			}
			i += run
			continue
		case c == '<':
			if m := autolinkRE.FindString(s[i:end]); m != "" {
				flush(i)
				p.code(Ph, m, "x-autolink")
				i += len(m)
				start = i
				continue
			}
			if m := htmlTagRE.FindString(s[i:end]); m != "" {
				flush(i)
				p.code(Ph, m, "x-html")
				i += len(m)
				start = i
				continue
			}
		case c == '!' && i+1 < end && s[i+1] == '[':
			if _, _, j, ok := linkAt(s, i+1, end); ok {
				flush(i)
				p.code(Ph, s[i:j], "image")
				i, start = j, j
				continue
			}
		case c == '[':
			if textEnd, closeStart, j, ok := linkAt(s, i, end); ok {
				flush(i)
				id := p.code(Open, "[", "link")
				p.parse(i+1, textEnd)
				p.out = append(p.out, Part{Kind: Close, Native: s[closeStart:j], ID: id, Ctype: "link"})
				i, start = j, j
				continue
			}
		case c == '*' || c == '_' || c == '~':
			run := runLen(s, i, end, c)
			if j, ok := emphasisAt(s, i, end, run); ok {
				flush(i)
				ctype := map[int]string{1: "italic", 2: "bold", 3: "x-bold-italic"}[run]
				if c == '~' {
					ctype = "x-strike"
				}
				id := p.code(Open, s[i:i+run], ctype)
				p.parse(i+run, j)
				p.out = append(p.out, Part{Kind: Close, Native: s[j : j+run], ID: id, Ctype: ctype})
				i = j + run
				start = i
				continue
			}
			i += run
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:end])
		i += size
	}
	flush(end)
}

func runLen(s string, i, end int, c byte) int {
	n := 0
	for i+n < end && s[i+n] == c {
		n++
	}
	return n
}

// findBacktickRun finds the next run of exactly n backticks in s[from:end].
func findBacktickRun(s string, from, end, n int) int {
	for j := from; j < end; {
		if s[j] != '`' {
			j++
			continue
		}
		r := runLen(s, j, end, '`')
		if r == n {
			return j
		}
		j += r
	}
	return -1
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

// linkAt reads an inline link [text](destination "title") starting at the
// "[" at s[i]: the end of its text, the start of "](…)" and the end of the link.
func linkAt(s string, i, end int) (textEnd, closeStart, j int, ok bool) {
	depth := 0
	k := i
	for ; k < end; k++ {
		switch s[k] {
		case '\\':
			k++
			continue
		case '`':
			run := runLen(s, k, end, '`')
			if m := findBacktickRun(s, k+run, end, run); m >= 0 {
				k = m + run - 1
			} else {
				k += run - 1
			}
			continue
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if k >= end || k+1 >= end || s[k+1] != '(' {
		return 0, 0, 0, false
	}
	textEnd = k
	depth = 0
	for m := k + 1; m < end; m++ {
		switch s[m] {
		case '\\':
			m++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return textEnd, k, m + 1, true
			}
		}
	}
	return 0, 0, 0, false
}

// emphasisAt finds the closing delimiter of an emphasis (or strikethrough)
// that opens with the run of n delimiters at s[i]. Like CommonMark, an
// opener is followed by a non-space, a closer preceded by one, and "_" does
// not work inside a word. Runs longer than three are text.
func emphasisAt(s string, i, end, n int) (int, bool) {
	c := s[i]
	if n > 3 || (c == '~' && n > 2) {
		return 0, false
	}
	after := i + n
	if after >= end || isSpaceAt(s, after) {
		return 0, false
	}
	if c == '_' && i > 0 && isWordBefore(s, i) {
		return 0, false
	}
	for j := after + 1; j < end; {
		switch s[j] {
		case '`':
			run := runLen(s, j, end, '`')
			if m := findBacktickRun(s, j+run, end, run); m >= 0 {
				j = m + run
			} else {
				j += run
			}
			continue
		case '\\':
			j += 2
			continue
		case '[':
			if _, _, m, ok := linkAt(s, j, end); ok {
				j = m
				continue
			}
		case '{':
			if j+2 < end && s[j+1] == '{' && (s[j+2] == '<' || s[j+2] == '%') {
				if k := strings.Index(s[j+3:end], "}}"); k >= 0 {
					j += 3 + k + 2
					continue
				}
			}
		case c:
			run := runLen(s, j, end, c)
			if run == n && !isSpaceBefore(s, j) && (c != '_' || j+run >= end || !isWordAt(s, j+run)) {
				return j, true
			}
			j += run
			continue
		}
		j++
	}
	return 0, false
}

func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

func isSpaceBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r)
}

func isWordBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
