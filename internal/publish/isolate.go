package publish

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
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
	out, _ := r.rewriteTokens(rel, page)
	return out
}

// rewriteTokens implements tokenRewrite: every page of the site has some
// right-to-left text (the language switcher's names), so the page pass's
// tokens of most pages come from this walk, which leaves them unchanged.
func (IsolateRTL) rewriteTokens(rel string, page []byte) ([]byte, []xhtml.Token) {
	if !bytes.Contains(page, []byte("dir=rtl")) && !bytes.Contains(page, []byte(`dir="rtl"`)) {
		return page, nil
	}
	out, tokens := isolateTokens(page)
	if bytes.Equal(out, page) {
		return page, tokens
	}
	return out, tokens
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
	out, _ := isolateTokens(page)
	return out
}

// isolateTokens is isolateLatin that also returns the tokens of page (not of
// the result), as tokenize would.
func isolateTokens(page []byte) (out []byte, tokens []xhtml.Token) {
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	out = make([]byte, 0, len(page)+len(page)/16)
	tokens = make([]xhtml.Token, 0, maxTokens(page))
	// stack holds the open elements and whether text in them is to be
	// isolated: right-to-left and not isolated already.
	type open struct {
		tag string
		rtl bool
	}
	stack := []open{{"", false}}
	var raw []byte
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		// Raw is copied first: Token unescapes text and lower-cases names
		// in the tokenizer's buffer, which Raw points into.
		raw = append(raw[:0], z.Raw()...)
		t := z.Token()
		tokens = append(tokens, t)
		top := stack[len(stack)-1]
		switch tt {
		case xhtml.TextToken:
			if top.rtl {
				out = isolateRuns(out, raw)
				continue
			}
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
		out = append(out, raw...)
	}
	return out, tokens
}

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
