package publish

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// IsolateRTL is the page rewrite that isolates, in every page that has
// right-to-left text, each Latin-script run (a Norwegian name, a number, a
// bracketed term) in a <bdi>, so that it cannot scramble the brackets, dashes
// and words around it at a line break ("(– Politiet"). The site does this,
// not the translators: Markdown cannot carry <bdi>, and invisible isolate
// characters are refused by `site check`. It is a rewrite of the page pass
// (internal/app/build.go), which comes after every step that writes pages
// (Hugo, the choosers), so that its checks weigh and hash the pages as they
// are published and no page is read twice.
type IsolateRTL struct{}

// Name implements Step.
func (IsolateRTL) Name() string { return "isolate Latin runs in right-to-left pages" }

// Run implements Step: IsolateRTL alone, as a pass of its own.
func (IsolateRTL) Run(b *Build) error { return IsolateDir(b.Dir) }

// Rewrite implements PageRewrite.
func (r IsolateRTL) Rewrite(rel string, page []byte) []byte {
	s := getScratch()
	defer putScratch(s)
	out, _ := r.rewriteTokens(rel, page, s)
	if !sameBytes(out, page) {
		out = bytes.Clone(out) // s.buf, which goes back to the pool
	}
	return out
}

// rewriteTokens implements tokenRewrite: the page pass's tokens of most
// pages come from this walk (every page of the site has some right-to-left
// text: the language switcher's names).
func (IsolateRTL) rewriteTokens(rel string, page []byte, s *scratch) ([]byte, []xhtml.Token) {
	if !bytes.Contains(page, []byte("dir=rtl")) && !bytes.Contains(page, []byte(`dir="rtl"`)) {
		return page, nil
	}
	return s.isolate(page, string(page))
}

// IsolateDir does IsolateRTL's work on every page under dir.
func IsolateDir(dir string) error {
	return PagePass{Rewrites: []PageRewrite{IsolateRTL{}}}.Walk(dir)
}

// isolateLatin returns page with every Latin run in right-to-left text
// wrapped in <bdi>. Only text changes, byte for byte everything else stays:
// attributes, <head>, <script>, <style>, <svg>, and text that is isolated
// already (inside <bdi>, an element with a dir attribute of its own, or
// between U+2066–U+2068 and U+2069).
func isolateLatin(page []byte) []byte {
	s := &scratch{names: map[string]string{}}
	out, _ := s.isolate(page, string(page))
	return bytes.Clone(out)
}

// isolate is isolateLatin on a worker's scratch; str is string(page). It
// also returns the tokens of the result, as tokenize would give them (nil
// when it cannot tell them without tokenizing it), so that the page pass
// tokenizes each page once: the tokens of a page it left alone are the
// page's own; in one it changed, each isolated text is the same text cut
// into pieces around the <bdi> and </bdi> tags put in.
func (s *scratch) isolate(page []byte, str string) (out []byte, tokens []xhtml.Token) {
	s.tokens(page, str)
	// stack holds the open elements and whether text in them is to be
	// isolated: right-to-left and not isolated already.
	type open struct {
		tag string
		rtl bool
	}
	stack := []open{{"", false}}
	changed, exact := false, true
	copied := 0 // the bytes of page that out holds, once changed
	start := 0  // where token i starts in page
	for i, t := range s.toks {
		end := s.ends[i]
		top := stack[len(stack)-1]
		switch t.Type {
		case xhtml.TextToken:
			if !top.rtl {
				break
			}
			raw := page[start:end]
			seg := isolateRuns(s.tmp[:0], raw)
			s.tmp = seg
			if bytes.Equal(seg, raw) {
				break
			}
			if !changed {
				changed = true
				out = append(s.buf[:0], page[:start]...)
				tokens = append(s.out[:0], s.toks[:i]...)
			} else {
				out = append(out, page[copied:start]...)
			}
			out = append(out, seg...)
			copied = end
			// Raw text (in <noscript>, say) stays one text around the
			// tags: tokenize the result to know its tokens.
			if i > 0 && isStart(s.toks[i-1]) && rawElements[s.toks[i-1].Data] {
				exact = false
			}
			tokens = appendPieces(tokens, seg, str, start)
			start = end
			continue
		case xhtml.StartTagToken:
			tag := t.Data
			if voidElements[tag] {
				break
			}
			rtl := top.rtl
			switch tag {
			case "head", "script", "style", "title", "textarea", "svg", "math", "bdi", "bdo":
				rtl = false
			}
			for _, a := range t.Attr {
				if a.Key == "dir" {
					switch strings.ToLower(a.Val) {
					case "rtl":
						rtl = tag != "bdi" && tag != "bdo"
					default: // ltr, auto: isolated from the text around it
						rtl = false
					}
				}
			}
			stack = append(stack, open{tag, rtl})
		case xhtml.EndTagToken:
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].tag == t.Data {
					stack = stack[:i]
					break
				}
			}
		}
		if changed {
			tokens = append(tokens, t)
		}
		start = end
	}
	switch {
	case changed:
		out = append(out, page[copied:start]...)
		s.buf, s.out = out, tokens
	case start < len(page):
		// html.Tokenizer stopped before the end (a tag cut off by it):
		// the page is published as far as it read, as before.
		return page[:start], nil
	default:
		return page, s.toks
	}
	if !exact {
		return out, nil
	}
	return out, tokens
}

// appendPieces appends the tokens of seg, a text of page (as str) at
// offset at with <bdi> and </bdi> put in: the text between them, as
// html.Tokenizer gives it, and the tags.
func appendPieces(tokens []xhtml.Token, seg []byte, str string, at int) []xhtml.Token {
	text := func(p []byte) {
		if len(p) == 0 {
			return
		}
		if bytes.IndexByte(p, '&') < 0 && bytes.IndexByte(p, '\r') < 0 {
			tokens = append(tokens, xhtml.Token{Type: xhtml.TextToken, Data: str[at : at+len(p)]})
		} else {
			tokens = append(tokens, refToken(p))
		}
		at += len(p)
	}
	for {
		i := nextMarker(seg)
		if i < 0 {
			text(seg)
			return tokens
		}
		text(seg[:i])
		if bytes.HasPrefix(seg[i:], bdiOpen) {
			tokens = append(tokens, xhtml.Token{Type: xhtml.StartTagToken, DataAtom: atom.Bdi, Data: "bdi"})
			seg = seg[i+len(bdiOpen):]
		} else {
			tokens = append(tokens, xhtml.Token{Type: xhtml.EndTagToken, DataAtom: atom.Bdi, Data: "bdi"})
			seg = seg[i+len(bdiClose):]
		}
	}
}

// nextMarker is where the first <bdi> or </bdi> put in seg starts, or -1.
// A text never holds one of its own: "<b" or "</" would have ended it.
func nextMarker(seg []byte) int {
	for j := 0; ; {
		k := bytes.IndexByte(seg[j:], '<')
		if k < 0 {
			return -1
		}
		i := j + k
		if bytes.HasPrefix(seg[i:], bdiOpen) || bytes.HasPrefix(seg[i:], bdiClose) {
			return i
		}
		j = i + 1
	}
}

var bdiOpen, bdiClose = []byte("<bdi>"), []byte("</bdi>")

var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// unit is one character of raw HTML text: a UTF-8 rune or a character
// reference (&amp;), which must never be cut.
type unit struct {
	end int // byte offset after it in the raw text
	r   rune
}

// Character classes for finding runs.
const (
	neutral = iota
	latin   // a Latin letter or a European digit: strong or weak left-to-right
	rtl     // a right-to-left letter or an Arabic-Indic digit: ends a run
	opening // ( [ {
	closing // ) ] }
	isolate // U+2066–U+2068 opens, U+2069 closes an isolate typed as text
)

func class(r rune) int {
	switch {
	case r >= '0' && r <= '9', unicode.IsLetter(r) && unicode.Is(unicode.Latin, r):
		return latin
	case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko):
		return rtl
	case r == '(' || r == '[' || r == '{':
		return opening
	case r == ')' || r == ']' || r == '}':
		return closing
	case r >= 0x2066 && r <= 0x2069:
		return isolate
	}
	return neutral
}

// isolateRuns appends text to out with each Latin run in <bdi>. A run goes
// from a Latin character to the last Latin character or closing bracket
// before a right-to-left one, with its brackets balanced ("Politiet
// (nødnummer)", "Røde Kors‑telefonen", "815 55 201"); brackets right around
// it go inside too ("(legevakt)"), so they mirror with their words.
func isolateRuns(out, text []byte) []byte {
	if !hasLatin(text) {
		return append(out, text...) // most right-to-left text: nothing to isolate
	}
	var us []unit
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		if r == '&' {
			if m := refLen(text[i:]); m > 0 {
				rs := []rune(html.UnescapeString(string(text[i : i+m])))
				r, n = ' ', m
				if len(rs) == 1 {
					r = rs[0]
				}
			}
		}
		i += n
		us = append(us, unit{i, r})
	}
	start := func(k int) int { // byte offset of unit k
		if k == 0 {
			return 0
		}
		return us[k-1].end
	}
	done, depth := 0, 0 // bytes of text copied; typed isolates open
	for i := 0; i < len(us); i++ {
		c := class(us[i].r)
		if c == isolate {
			if us[i].r == 0x2069 {
				depth = max(depth-1, 0)
			} else {
				depth++
			}
			continue
		}
		if c != latin || depth > 0 {
			continue
		}
		end, level := i+1, 0
	scan:
		for j := i; j < len(us); j++ {
			switch class(us[j].r) {
			case rtl, isolate:
				break scan
			case opening:
				level++
			case closing:
				if level--; level < 0 {
					break scan
				}
				if level == 0 {
					end = j + 1
				}
			case latin:
				if level == 0 {
					end = j + 1
				}
			}
		}
		from := i
		if i > 0 && end < len(us) && class(us[i-1].r) == opening && class(us[end].r) == closing {
			from, end = i-1, end+1
		}
		out = append(out, text[done:start(from)]...)
		out = append(out, "<bdi>"...)
		out = append(out, text[start(from):us[end-1].end]...)
		out = append(out, "</bdi>"...)
		done = us[end-1].end
		i = end - 1
	}
	return append(out, text[done:]...)
}

// hasLatin reports whether text may hold a Latin letter or digit, a run's
// start: any ASCII letter or digit (a character reference such as &amp; too,
// to be safe), or a character of class latin.
func hasLatin(text []byte) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if class(r) == latin {
			return true
		}
		i += n
	}
	return false
}

// refLen is the length of the character reference at the start of b, or 0.
func refLen(b []byte) int {
	for i := 1; i < len(b) && i < 32; i++ {
		switch c := b[i]; {
		case c == ';':
			if i > 1 {
				return i + 1
			}
			return 0
		case c == '#' && i == 1, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return 0
		}
	}
	return 0
}
