package publish

import (
	"bytes"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The page pass tokenizes every page of the output, about 2,000 on the
// 24-language scale site, and html.Tokenizer.Token was its largest cost:
// it allocates a copy of every tag name, attribute name and value and every
// text (several times over: Next, TagName and TagAttr each copy). lex gives
// the very same tokens (Type, DataAtom, Data, Attr) from one read of the
// page: text tokens are cut from one string of the page, attribute values
// and names are shared between pages (scratch.intern), and the token and
// attribute slices are reused from page to page. It knows the HTML the
// build writes (tags, attributes, text, raw text in <style> and <script>, a
// doctype) and hands anything else (a comment, a character reference in an
// attribute, a tag cut off by the end of the page, …) to html.Tokenizer:
// a single tag or text alone where that gives the same token, the whole
// page where it does not. FuzzLex holds it to html.Tokenizer's tokens.

// scratch is the memory one worker of the page pass reuses from page to
// page. A PageCheck must not keep a Page's Tokens after its Page returns.
type scratch struct {
	toks  []html.Token     // the page's tokens
	ends  []int            // where each token's raw bytes end in the page
	attrs []html.Attribute // every token's Attr, one after the other
	out   []html.Token     // the tokens of a rewritten page
	buf   []byte           // a rewritten page
	tmp   []byte           // one rewritten text
	low   []byte           // a lower-cased name
	names map[string]string
}

var scratches = sync.Pool{New: func() any { return &scratch{names: map[string]string{}} }}

func getScratch() *scratch  { return scratches.Get().(*scratch) }
func putScratch(s *scratch) { scratches.Put(s) }

// internMax bounds the strings a scratch keeps: a site's attribute values
// repeat from page to page (classes, the header's and footer's links), and
// past this many the rest are copied as html.Tokenizer would.
const internMax = 1 << 16

// intern is string(b), the same string for the same bytes.
func (s *scratch) intern(b []byte) string {
	if v, ok := s.names[string(b)]; ok {
		return v
	}
	v := string(b)
	if len(s.names) < internMax && len(b) <= 256 {
		s.names[v] = v
	}
	return v
}

// name is a tag name as html.Tokenizer gives it: lower-cased (ASCII
// only), the atom's string when there is one.
func (s *scratch) name(b []byte) (atom.Atom, string) {
	s.low = append(s.low[:0], b...)
	for i, c := range s.low {
		if 'A' <= c && c <= 'Z' {
			s.low[i] = c + 'a' - 'A'
		}
	}
	if a := atom.Lookup(s.low); a != 0 {
		return a, a.String()
	}
	return 0, s.intern(s.low)
}

// key is an attribute name as html.Tokenizer gives it.
func (s *scratch) key(b []byte) string {
	_, k := s.name(b)
	return k
}

// asciiFold reports whether a and b are equal but for the case of ASCII
// letters, as html.Tokenizer compares names.
func asciiFold(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// tokens sets s.toks and s.ends to the tokens of page (str is
// string(page)), as html.Tokenizer gives them, up to its ErrorToken.
func (s *scratch) tokens(page []byte, str string) {
	if !s.lex(page, str) {
		s.reference(page)
	}
}

// reference tokenizes page with html.Tokenizer itself.
func (s *scratch) reference(page []byte) {
	s.toks, s.ends = s.toks[:0], s.ends[:0]
	z := html.NewTokenizer(bytes.NewReader(page))
	end := 0
	for z.Next() != html.ErrorToken {
		end += len(z.Raw())
		s.toks = append(s.toks, z.Token())
		s.ends = append(s.ends, end)
	}
}

// refToken is html.Tokenizer's token for raw alone: a tag, or a text
// without a tag in it, is the same token wherever it stands.
func refToken(raw []byte) html.Token {
	z := html.NewTokenizer(bytes.NewReader(raw))
	z.Next()
	return z.Token()
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// rawElements are the elements whose content html.Tokenizer reads as one
// text, up to their end tag; rcdata are those whose text it unescapes.
var rawElements = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

// lex is the fast tokenizer (see the top of the file); false when the page
// has something it leaves to html.Tokenizer.
func (s *scratch) lex(page []byte, str string) bool {
	s.toks, s.ends, s.attrs = s.toks[:0], s.ends[:0], s.attrs[:0]
	n := len(page)
	text := func(from, to int) {
		seg := page[from:to]
		var t html.Token
		if bytes.IndexByte(seg, '&') < 0 && bytes.IndexByte(seg, '\r') < 0 {
			t = html.Token{Type: html.TextToken, Data: str[from:to]}
		} else {
			t = refToken(seg)
		}
		s.toks = append(s.toks, t)
		s.ends = append(s.ends, to)
	}
	rawTag := ""
	for p := 0; p < n; {
		if rawTag != "" {
			end, ok := rawEnd(page, p, rawTag)
			if !ok {
				return false
			}
			if end > p {
				seg := page[p:end]
				if bytes.IndexByte(seg, '\r') >= 0 || bytes.IndexByte(seg, 0) >= 0 ||
					(rawTag == "title" || rawTag == "textarea") && bytes.IndexByte(seg, '&') >= 0 {
					return false
				}
				s.toks = append(s.toks, html.Token{Type: html.TextToken, Data: str[p:end]})
				s.ends = append(s.ends, end)
			}
			p, rawTag = end, ""
			continue
		}
		// Text: up to a '<' that opens a tag, a comment or a doctype.
		i := p
		for {
			j := bytes.IndexByte(page[i:], '<')
			if j < 0 || i+j+1 >= n {
				i = n
				break
			}
			i += j
			if c := page[i+1]; isLetter(c) || c == '/' || c == '!' || c == '?' {
				break
			}
			i++
		}
		if i > p {
			text(p, i)
			p = i
			continue
		}
		// A tag, a comment or a doctype at p.
		switch c := page[p+1]; {
		case isLetter(c):
			end, ok := s.tag(page, p, p+2, true)
			if !ok {
				return false
			}
			if t := s.toks[len(s.toks)-1]; rawElements[t.Data] {
				if t.Data == "plaintext" {
					return false
				}
				rawTag = t.Data
			}
			p = end
		case c == '/':
			if p+2 >= n || !isLetter(page[p+2]) {
				return false // "</>" and "</ …": bogus comments
			}
			end, ok := s.tag(page, p, p+3, false)
			if !ok {
				return false
			}
			p = end
		case c == '!':
			const d = "doctype"
			if p+2+len(d) > n || !asciiFold(page[p+2:p+2+len(d)], []byte(d)) {
				return false // a comment, CDATA or a bogus comment
			}
			q := p + 2 + len(d)
			for q < n && isSpace(page[q]) {
				q++
			}
			gt := bytes.IndexByte(page[q:], '>')
			if q >= n || gt < 0 {
				return false
			}
			data := page[q : q+gt]
			if bytes.IndexByte(data, '&') >= 0 || bytes.IndexByte(data, '\r') >= 0 {
				return false
			}
			p = q + gt + 1
			s.toks = append(s.toks, html.Token{Type: html.DoctypeToken, Data: str[q : q+gt]})
			s.ends = append(s.ends, p)
		default: // '?': a bogus comment
			return false
		}
	}
	return true
}

// tag reads the start or end tag at page[from:], whose name starts at
// name-1, as html.Tokenizer's readTag does, and appends its token; it
// returns where the tag ends, and false when the page ends inside it.
func (s *scratch) tag(page []byte, from, p int, start bool) (int, bool) {
	n := len(page)
	nameStart, nameEnd := p-1, 0
name:
	for {
		if p >= n {
			return 0, false
		}
		c := page[p]
		p++
		switch c {
		case ' ', '\n', '\r', '\t', '\f':
			nameEnd = p - 1
			break name
		case '/', '>':
			p--
			nameEnd = p
			break name
		}
	}
	skip := func() {
		for p < n && isSpace(page[p]) {
			p++
		}
	}
	type span struct{ ks, ke, vs, ve int }
	var spans [16]span
	saved := spans[:0]
	clean := true // no NUL, '&' or '\r' where html.Tokenizer would change them
	if skip(); p >= n {
		return 0, false
	}
	for {
		if p >= n {
			return 0, false
		}
		if page[p] == '>' {
			p++
			break
		}
		ks := p
		for {
			if p >= n {
				return 0, false
			}
			c := page[p]
			p++
			if c == '=' && ks+1 == p {
				continue // a '=' that starts a name is part of it
			}
			if c == '=' || isSpace(c) || c == '/' || c == '>' {
				p--
				break
			}
		}
		ke := p
		vs, ve := p, p
		if skip(); p >= n {
			return 0, false
		}
		switch c := page[p]; {
		case c == '/':
			p++
		case c != '=':
		default:
			p++
			if skip(); p >= n {
				return 0, false
			}
			switch q := page[p]; q {
			case '>':
			case '"', '\'':
				p++
				j := bytes.IndexByte(page[p:], q)
				if j < 0 {
					return 0, false
				}
				vs, ve = p, p+j
				p = ve + 1
			default:
				vs = p
				p++
				for {
					if p >= n {
						return 0, false
					}
					c := page[p]
					p++
					if isSpace(c) {
						ve = p - 1
						break
					}
					if c == '>' {
						p--
						ve = p
						break
					}
				}
			}
		}
		if start && ke > ks {
			dup := false
			for _, sp := range saved {
				if asciiFold(page[sp.ks:sp.ke], page[ks:ke]) {
					dup = true
					break
				}
			}
			if !dup {
				saved = append(saved, span{ks, ke, vs, ve})
				if bytes.IndexByte(page[vs:ve], '&') >= 0 || bytes.IndexByte(page[vs:ve], '\r') >= 0 {
					clean = false
				}
			}
		}
		if skip(); p >= n {
			return 0, false
		}
	}
	raw := page[from:p]
	if bytes.IndexByte(raw, 0) >= 0 {
		clean = false // html.Tokenizer replaces NUL
	}
	if !clean {
		s.toks = append(s.toks, refToken(raw))
		s.ends = append(s.ends, p)
		return p, true
	}
	t := html.Token{Type: html.EndTagToken}
	t.DataAtom, t.Data = s.name(page[nameStart:nameEnd])
	if start {
		t.Type = html.StartTagToken
		if page[p-2] == '/' && (len(saved) == 0 || p-2 != saved[len(saved)-1].ve-1) {
			t.Type = html.SelfClosingTagToken
		}
		if len(saved) > 0 {
			a := len(s.attrs)
			for _, sp := range saved {
				s.attrs = append(s.attrs, html.Attribute{Key: s.key(page[sp.ks:sp.ke]), Val: s.intern(page[sp.vs:sp.ve])})
			}
			t.Attr = s.attrs[a:len(s.attrs):len(s.attrs)]
		}
	}
	s.toks = append(s.toks, t)
	s.ends = append(s.ends, p)
	return p, true
}

// rawEnd is where the raw text of element tag that starts at page[p:] ends:
// at its end tag, as html.Tokenizer's readRawOrRCDATA and readScript find
// it; false when the page ends first or a script holds "<!--", whose
// escaping rules are left to html.Tokenizer.
func rawEnd(page []byte, p int, tag string) (int, bool) {
	n := len(page)
	for i := p; ; {
		j := bytes.Index(page[i:], []byte("</"))
		if j < 0 {
			return 0, false
		}
		i += j
		e := i + 2 + len(tag)
		if e < n && asciiFold(page[i+2:e], []byte(tag)) {
			switch page[e] {
			case ' ', '\n', '\r', '\t', '\f', '/', '>':
				if tag == "script" && bytes.Contains(page[p:i], []byte("<!--")) {
					return 0, false
				}
				return i, true
			}
		}
		i += 2
	}
}
