package check

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// md parses like Hugo's default Goldmark setup: GFM tables, strikethrough,
// linkify and task lists, and {#id} attributes on headings.
var md = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAttribute()),
)

var shortcodeArg = regexp.MustCompile(`"([^"]*)"|` + "`([^`]*)`" + `|([^\s"]+)`)

// blankShortcodes validates every {{< name args >}} and returns the body with
// each shortcode blanked to spaces (newlines kept), so that goldmark sees neither
// their syntax nor their arguments and every offset still maps to its line.
func (c *checker) blankShortcodes(p *Page, body []byte, bodyLine int) []byte {
	out := append([]byte(nil), body...)
	for i := 0; ; {
		j := indexShortcode(body, i)
		if j < 0 {
			break
		}
		line := bodyLine + bytes.Count(body[:j], []byte("\n"))
		closer := []byte(">}}")
		if body[j+2] == '%' {
			closer = []byte("%}}")
		}
		k := bytes.Index(body[j+3:], closer) // after the opener: {{%}} is not closed
		if k < 0 {
			c.r.add(p.File, line, "shortcode is not closed: end it with %s", closer)
			break
		}
		end := j + 3 + k + len(closer)
		inner := strings.TrimSpace(string(body[j+3 : j+3+k]))
		if why := shortcodePlace(body, j, inner); why != "" {
			c.r.add(p.File, line, "%s", why)
		} else {
			c.shortcode(p, line, inner)
		}
		for x := j; x < end; x++ {
			if out[x] != '\n' {
				out[x] = ' '
			}
		}
		i = end
	}
	return out
}

// shortcodePlace refuses a shortcode where Hugo cannot render it and
// fails with a message about its internal placeholder
// (HAHAHUGOSHORTCODE…) or about a layout: as a link's address, where the
// link render hook sees the placeholder, and in the {{% %}} form, whose
// HTML Hugo then reads as Markdown and leaves out ("raw HTML omitted").
func shortcodePlace(body []byte, j int, inner string) string {
	if strings.HasPrefix(inner, "/*") {
		return "" // commented out
	}
	before := bytes.TrimRight(body[bytes.LastIndexByte(body[:j], '\n')+1:j], " \t<")
	if bytes.HasSuffix(before, []byte("](")) || bytes.HasSuffix(before, []byte("]:")) {
		return "a shortcode cannot be a link's address: write it after the link text, not in (…) (the phone shortcode is a link of its own)"
	}
	if body[j+2] == '%' {
		name, _, _ := strings.Cut(strings.TrimPrefix(inner, "/"), " ")
		return fmt.Sprintf("write this shortcode as {{< %s … >}}: in the {{%% … %%}} form Hugo reads its HTML as Markdown and leaves it out of the page", name)
	}
	return ""
}

func indexShortcode(b []byte, from int) int {
	for i := from; i+2 < len(b); i++ {
		if b[i] == '{' && b[i+1] == '{' && (b[i+2] == '<' || b[i+2] == '%') {
			return i
		}
	}
	return -1
}

func (c *checker) shortcode(p *Page, line int, inner string) {
	if strings.HasPrefix(inner, "/*") {
		return // a commented-out shortcode
	}
	inner = strings.TrimPrefix(inner, "/")
	c.phoneInString(p.File, line, inner)
	var args []string
	for _, m := range shortcodeArg.FindAllStringSubmatch(inner, -1) {
		args = append(args, m[1]+m[2]+m[3])
	}
	if len(args) == 0 {
		c.r.add(p.File, line, "empty shortcode: write {{< name … >}}")
		return
	}
	name, args := args[0], args[1:]
	if why, builtin := hugoShortcodes[name]; builtin && !c.shortcodes[name] {
		c.r.add(p.File, line, "Hugo's shortcode %q is not used on this site: %s; remove it (shortcodes: %s)", name, why, quoteList(sortedKeys(c.shortcodes)))
		return
	}
	if !c.shortcodes[name] {
		known := make([]string, 0, len(c.shortcodes))
		for k := range c.shortcodes {
			known = append(known, k)
		}
		sortStrings(known)
		for _, k := range known {
			if editDistance(name, k) <= 2 {
				c.r.add(p.File, line, "unknown shortcode %q: did you mean %q? (shortcodes: %s)", name, k, quoteList(known))
				return
			}
		}
		c.r.add(p.File, line, "unknown shortcode %q: use one of %s", name, quoteList(known))
		return
	}
	switch name {
	case "phone", "services":
		if len(args) == 0 {
			c.r.add(p.File, line, "shortcode %q needs a service id, e.g. {{< %s \"vo-linjen\" >}}", name, name)
		}
		if name == "phone" && len(args) > 1 {
			c.r.add(p.File, line, "shortcode \"phone\" takes one service id")
		}
		for _, id := range args {
			if c.unknownService(id) {
				c.r.add(p.File, line, "unknown service id %q: use an id from %s", id, ServicesFile)
			}
		}
	}
}

// editDistance is the Levenshtein distance between a and b, to suggest the
// shortcode a translator meant.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// markdown walks the goldmark AST of a page body.
func (c *checker) markdown(p *Page, bodyLine int) {
	body := p.Body
	lineOf := func(off int) int { return bodyLine + bytes.Count(body[:min(off, len(body))], []byte("\n")) }
	root := md.Parser().Parse(text.NewReader(body))
	var lix lixCounter
	source := p.Lang == c.cfg.Default // readability is measured on the source text only
	anchors := map[string]int{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock, *ast.RawHTML:
			snippet := strings.TrimSpace(string(nodeText(n, body)))
			if r := []rune(snippet); len(r) > 40 {
				snippet = string(r[:40]) + "…" // whole characters: Arabic text stays valid
			}
			c.r.add(p.File, lineOf(offsetOf(n)), "raw HTML is not allowed (found %q): write it in Markdown, without tags", snippet)
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			c.link(p, lineOf(offsetOf(n)), string(n.Destination), false)
		case *ast.AutoLink:
			c.link(p, lineOf(offsetOf(n)), string(n.URL(body)), false)
		case *ast.Image:
			c.link(p, lineOf(offsetOf(n)), string(n.Destination), true)
		case *ast.Heading:
			id := ""
			if v, ok := n.AttributeString("id"); ok {
				id = fmt.Sprint(string(v.([]byte)))
			} else {
				id = HeadingID(string(nodeText(n, body)))
			}
			if k := anchors[id]; k > 0 {
				anchors[id] = k + 1
				id = fmt.Sprintf("%s-%d", id, k)
			} else {
				anchors[id] = 1
			}
			p.Anchors = append(p.Anchors, id)
			if source {
				lix.block(string(nodeText(n, body)))
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			if source {
				lix.block(string(nodeText(n, body)))
			}
		}
		return ast.WalkContinue, nil
	})
	c.phonesInBlocks(p, root, body, lineOf)
	p.LIX, p.Words = lix.value(), lix.words
}

// link checks one link destination.
func (c *checker) link(p *Page, line int, dest string, image bool) {
	d := strings.TrimSpace(dest)
	lower := strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return -1
		}
		return r
	}, d))
	u, err := url.Parse(d)
	switch {
	case strings.HasPrefix(lower, "javascript:") || strings.HasPrefix(lower, "vbscript:"):
		c.r.add(p.File, line, "%q links are not allowed: link to a page or a web address", strings.SplitN(lower, ":", 2)[0]+":")
	case strings.HasPrefix(lower, "data:"):
		c.r.add(p.File, line, "data: links are not allowed: put the file in static/ and link to it")
	case err != nil:
		c.r.add(p.File, line, "link %q is not a valid address: %v", d, err)
	case image && (u.Scheme != "" || strings.HasPrefix(d, "//")):
		c.r.add(p.File, line, "image from another site (%s): readers must never load anything from other sites; put the image in static/ or remove it", u.Host)
	case image:
		if _, err := os.Stat(filepath.Join(c.root, "static", filepath.FromSlash(strings.TrimPrefix(u.Path, "/")))); err != nil {
			c.r.add(p.File, line, "image %q not found: put it in static/%s", d, strings.TrimPrefix(u.Path, "/"))
		}
	case c.contactLink(p.File, line, d, u):
	case u.Scheme == "http" || u.Scheme == "https":
		// The same rule as the built page's (publish.OutputRules), told
		// here too so that a translator sees it in `check` and `serve`.
		if !c.ownHost(u.Hostname()) {
			if ok, why := AllowedHost(u.Hostname()); !ok {
				c.r.add(p.File, line, "link %q %s", d, why)
			}
		}
	case u.Scheme != "":
		c.r.add(p.File, line, "link scheme %q is not allowed: use https://, mailto: or a page link like /help/", u.Scheme+":")
	case strings.HasPrefix(d, "//"):
		c.r.add(p.File, line, "link %q has no scheme: write https://%s", d, strings.TrimPrefix(d, "//"))
	default:
		c.links = append(c.links, pendingLink{file: p.File, lang: p.Lang, target: u.Path, fragment: u.Fragment, line: line})
	}
}

// ownHost: host is the site's own (baseURL in hugo.toml).
func (c *checker) ownHost(host string) bool {
	u, err := url.Parse(c.cfg.BaseURL)
	return err == nil && u.Hostname() != "" && strings.EqualFold(strings.TrimSuffix(host, "."), u.Hostname())
}

// offsetOf finds a byte offset in the body for any node.
func offsetOf(n ast.Node) int {
	for x := n; x != nil; x = x.Parent() {
		if t, ok := x.(*ast.Text); ok {
			return t.Segment.Start
		}
		if x.Type() == ast.TypeBlock && x.Lines().Len() > 0 {
			return x.Lines().At(0).Start
		}
		for ch := x.FirstChild(); ch != nil; ch = ch.NextSibling() {
			if t, ok := ch.(*ast.Text); ok {
				return t.Segment.Start
			}
		}
		if r, ok := x.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
			return r.Segments.At(0).Start
		}
	}
	return 0
}

// nodeText is the plain text of a node (its lines for blocks, its text for inlines).
func nodeText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	if r, ok := n.(*ast.RawHTML); ok {
		for i := 0; i < r.Segments.Len(); i++ {
			seg := r.Segments.At(i)
			b.Write(seg.Value(src))
		}
		return b.Bytes()
	}
	if _, ok := n.(*ast.HTMLBlock); ok {
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(src))
		}
		return b.Bytes()
	}
	_ = ast.Walk(n, func(x ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := x.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.Bytes()
}

// HeadingID mirrors Hugo's default (GitHub-style) heading ids: lower case,
// letters, digits, dash and underscore kept, spaces become dashes.
func HeadingID(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' || r == '-':
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r):
			b.WriteByte('-')
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
