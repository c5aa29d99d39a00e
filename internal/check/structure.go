package check

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
)

// Body is the Markdown of a content file after its front matter.
type Body struct {
	File string // for messages, relative to the site root (content/nb/stay.md)
	Text []byte // as written, shortcodes included
	Line int    // the line of the file on which Text starts
}

// CompareStructure returns the first place where a translation departs from
// the structure of its source, or nil when it has the same structure.
// Machine and human translators drop paragraphs; a translation that claims to
// be current must have its source's headings (count and level), paragraphs,
// list items (and their nesting), table cells, code blocks and horizontal
// lines, in the same order, each with the same link targets and shortcodes
// (name and arguments). Within one block, links and shortcodes may come in
// any order (word order differs between languages), and the #fragment of a
// link to a page of the site is not compared (heading ids are translated).
//
// The problem is on a line of the translation (tr.File), and says what is
// missing or extra and where it is in the source. When one of several
// paragraphs is missing, the names and numbers each keeps (UDI, § 53) and the
// lengths of the texts decide which one it was, so that the message points at
// the dropped paragraph rather than at the end of the page (a heuristic:
// dropping any one block of the real translations, it names that block in
// about 19 cases of 20, else one next to it).
func CompareStructure(source, tr Body) *Problem {
	s, t := structureOf(source), structureOf(tr)
	if sameStructure(s, t) {
		return nil
	}
	return firstDifference(source, tr, s, t)
}

// StructureOfFiles compares the bodies of two content files under root (the
// source page and its translation): CompareStructure for files on disk.
// A file whose front matter cannot be read has no structure to compare; the
// front-matter check reports it.
func StructureOfFiles(root, sourceFile, file string) *Problem {
	src, ok1 := readBody(root, sourceFile)
	tr, ok2 := readBody(root, file)
	if !ok1 || !ok2 {
		return nil
	}
	return CompareStructure(src, tr)
}

func readBody(root, file string) (Body, bool) {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
	if err != nil {
		return Body{}, false
	}
	doc, err := frontmatter.Parse(b)
	if err != nil {
		return Body{}, false
	}
	return Body{File: file, Text: doc.Body, Line: doc.BodyLine}, true
}

// structure checks every translation that claims to be current against its
// source (outdated ones may lag: status shows them). The files come from the
// content model, read once, and each source's blocks are listed once for all
// its translations: at 24 languages this check read and parsed every source
// page 23 times over, a third of `check`.
func (c *checker) structure(file, sourceFile string) {
	if c.unreadable[file] != nil || c.unreadable[sourceFile] != nil {
		return // its own problem is reported; parsing it again could be slow
	}
	src, ok1 := c.body(sourceFile)
	tr, ok2 := c.body(file)
	if !ok1 || !ok2 {
		return
	}
	s, ok := c.sourceBlocks[sourceFile]
	if !ok {
		s = structureOf(src)
		if c.sourceBlocks == nil {
			c.sourceBlocks = map[string][]*block{}
		}
		c.sourceBlocks[sourceFile] = s
	}
	t := structureOf(tr)
	if sameStructure(s, t) {
		return
	}
	if p := firstDifference(src, tr, s, t); p != nil {
		c.r.Problems = append(c.r.Problems, *p)
	}
}

// body is the Markdown of a content file as the content model read it, or
// from disk when the model lacks it.
func (c *checker) body(file string) (Body, bool) {
	if f := c.content.File(file); f != nil {
		if f.Doc == nil {
			return Body{}, false
		}
		return Body{File: file, Text: f.Doc.Body, Line: f.Doc.BodyLine}, true
	}
	return readBody(c.root, file)
}

type blockKind int

const (
	kindHeading blockKind = iota
	kindParagraph
	kindListItem
	kindTableCell
	kindCode
	kindRule
	kindShortcode // a paragraph of shortcodes only, such as {{< services … >}}
)

// block is one structural element of a page body.
type block struct {
	kind  blockKind
	level int // heading level; list nesting (1 for a top-level item)
	off   int // byte offset in the body
	line  int // line of the file
	chars int // letters and digits in its text, for aligning
	text  string
	words []string // names and numbers, which translations keep (anchorWords), sorted
	refs  []string // the sorted keys of links and shortcodes, for pairCost
	links []ref    // link and image targets, in the order written
	codes []ref    // shortcodes, in the order written
}

// ref is a link target or a shortcode, as compared, with its file line.
type ref struct {
	key  string
	line int
}

// shortcodeSpan is a shortcode in a body: its bytes and its canonical form.
type shortcodeSpan struct {
	start, end int
	key        string // "" for a comment ({{</* … */>}})
}

// shortcodeSpans finds every shortcode, as blankShortcodes does; an unclosed
// one ends the search (check reports it).
func shortcodeSpans(body []byte) []shortcodeSpan {
	var out []shortcodeSpan
	for i := 0; ; {
		j := indexShortcode(body, i)
		if j < 0 {
			return out
		}
		open, closer := "{{<", ">}}"
		if body[j+2] == '%' {
			open, closer = "{{%", "%}}"
		}
		k := bytes.Index(body[j+3:], []byte(closer))
		if k < 0 {
			return out
		}
		end := j + 3 + k + len(closer)
		inner := strings.TrimSpace(string(body[j+3 : j+3+k]))
		key := ""
		if !strings.HasPrefix(inner, "/*") {
			var parts []string
			for n, m := range shortcodeArg.FindAllStringSubmatch(inner, -1) {
				a := m[1] + m[2] + m[3]
				if n > 0 {
					a = fmt.Sprintf("%q", a)
				}
				parts = append(parts, a)
			}
			key = open + " " + strings.Join(parts, " ") + " " + closer
		}
		out = append(out, shortcodeSpan{j, end, key})
		i = end
	}
}

// structureOf lists the structural blocks of a body. Shortcodes are blanked
// before goldmark parses the text, as the other checks do, but to letters
// rather than spaces: Hugo, too, puts a placeholder word where a shortcode
// stands, so a shortcode stays in the paragraph or list item it is written in
// (and an item holding only a phone number is not empty). Offsets and lines
// do not move.
func structureOf(b Body) []*block {
	spans := shortcodeSpans(b.Text)
	blanked := append([]byte(nil), b.Text...)
	for _, sc := range spans {
		for x := sc.start; x < sc.end; x++ {
			if blanked[x] != '\n' && blanked[x] != '\r' {
				blanked[x] = 'x'
			}
		}
	}
	lineOf := func(off int) int {
		return b.Line + bytes.Count(b.Text[:max(0, min(off, len(b.Text)))], []byte("\n"))
	}
	root := md.Parser().Parse(text.NewReader(blanked))
	owner := map[ast.Node]*block{}
	var blocks []*block
	add := func(n ast.Node, kind blockKind, level int, textNode ast.Node) {
		bl := &block{kind: kind, level: level, off: nodeStart(n)}
		if textNode != nil {
			bl.text = strings.Join(strings.Fields(string(nodeText(textNode, b.Text))), " ")
			for _, r := range bl.text {
				if unicode.IsLetter(r) || unicode.IsNumber(r) {
					bl.chars++
				}
			}
			bl.words = anchorWords(bl.text)
		}
		if bl.off < 0 && len(blocks) > 0 {
			bl.off = blocks[len(blocks)-1].off
		}
		bl.line = lineOf(bl.off)
		owner[n] = bl
		blocks = append(blocks, bl)
	}
	ownerOf := func(n ast.Node) *block {
		for x := n; x != nil; x = x.Parent() {
			if bl := owner[x]; bl != nil {
				return bl
			}
		}
		return nil
	}
	assigned := make([]bool, len(spans))
	// claim gives the shortcodes starting in [from, to) to the block of n.
	claim := func(n ast.Node, from, to int) {
		bl := ownerOf(n)
		if bl == nil {
			return
		}
		i, _ := slices.BinarySearchFunc(spans, from, func(s shortcodeSpan, off int) int { return s.start - off })
		for ; i < len(spans) && spans[i].start < to; i++ {
			if !assigned[i] {
				assigned[i] = true
				if spans[i].key != "" && bl.kind != kindShortcode {
					bl.codes = append(bl.codes, ref{spans[i].key, lineOf(spans[i].start)})
				}
			}
		}
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			add(n, kindHeading, n.Level, n)
		case *ast.ListItem:
			depth := 0
			for x := n.Parent(); x != nil; x = x.Parent() {
				if _, ok := x.(*ast.List); ok {
					depth++
				}
			}
			var first ast.Node
			if f := n.FirstChild(); f != nil && (f.Kind() == ast.KindParagraph || f.Kind() == ast.KindTextBlock) {
				first = f
			}
			add(n, kindListItem, depth, first)
		case *ast.Paragraph, *ast.TextBlock:
			if p := n.Parent(); p != nil && p.Kind() == ast.KindListItem && p.FirstChild() == n {
				break // the item's own text
			}
			if codes := onlyShortcodes(n, b.Text, spans, lineOf); codes != nil {
				add(n, kindShortcode, 0, nil)
				owner[n].codes = codes
				break
			}
			add(n, kindParagraph, 0, n)
		case *east.TableCell:
			add(n, kindTableCell, 0, n)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			add(n, kindCode, 0, n)
		case *ast.ThematicBreak:
			add(n, kindRule, 0, nil)
		case *ast.Link:
			addLink(ownerOf(n), string(n.Destination), lineOf(nodeStart(n)))
		case *ast.Image:
			addLink(ownerOf(n), string(n.Destination), lineOf(nodeStart(n)))
		case *ast.AutoLink:
			addLink(ownerOf(n), string(n.URL(blanked)), lineOf(nodeStart(n)))
		case *ast.Text:
			claim(n, n.Segment.Start, n.Segment.Stop)
		}
		if n.Type() == ast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				claim(n, seg.Start, seg.Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	// A shortcode no block holds (in raw HTML, which check refuses) is a block
	// of its own, where it stands.
	for i, sc := range spans {
		if !assigned[i] && sc.key != "" {
			blocks = append(blocks, &block{kind: kindShortcode, off: sc.start, line: lineOf(sc.start), codes: []ref{{sc.key, lineOf(sc.start)}}})
		}
	}
	slices.SortStableFunc(blocks, func(a, b *block) int { return a.off - b.off })
	for _, bl := range blocks {
		for _, r := range bl.links {
			bl.refs = append(bl.refs, "L"+r.key)
		}
		for _, r := range bl.codes {
			bl.refs = append(bl.refs, "S"+r.key)
		}
		slices.Sort(bl.refs)
	}
	return blocks
}

// onlyShortcodes returns the shortcodes of a paragraph that holds nothing
// else, or nil.
func onlyShortcodes(n ast.Node, body []byte, spans []shortcodeSpan, lineOf func(int) int) []ref {
	var codes []ref
	last := -1
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		for x := seg.Start; x < seg.Stop && x < len(body); x++ {
			k, found := slices.BinarySearchFunc(spans, x, func(s shortcodeSpan, off int) int { return s.start - off })
			if !found {
				k-- // the last shortcode that starts before x, if x is inside it
			}
			switch {
			case k >= 0 && x < spans[k].end:
				if spans[k].key != "" && k != last { // a shortcode over several lines is met on each
					codes = append(codes, ref{spans[k].key, lineOf(spans[k].start)})
					last = k
				}
				x = spans[k].end - 1
			case !unicode.IsSpace(rune(body[x])):
				return nil
			}
		}
	}
	return codes
}

// addLink records a link target. For a page of this site the #fragment is
// left out: it names a heading, whose id is translated.
func addLink(bl *block, dest string, line int) {
	if bl == nil {
		return
	}
	d := strings.TrimSpace(dest)
	if !strings.Contains(d, ":") && !strings.HasPrefix(d, "//") {
		if i := strings.IndexByte(d, '#'); i > 0 {
			d = d[:i]
		}
	}
	bl.links = append(bl.links, ref{d, line})
}

// nodeStart is the byte offset where a node starts, or -1.
func nodeStart(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off := nodeStart(c); off >= 0 {
			return off
		}
	}
	if p := n.Pos(); p >= 0 {
		return p
	}
	return -1
}

// sameStructure: the same blocks, each with the same links and shortcodes.
func sameStructure(s, t []*block) bool {
	return slices.EqualFunc(s, t, func(a, b *block) bool {
		return a.kind == b.kind && a.level == b.level && slices.Equal(a.refs, b.refs)
	})
}

// The costs of aligning two block lists. A block without a partner costs
// gapCost; two blocks of one kind never cost more than maxPair < 2·gapCost,
// so two lists of the same kinds are paired one to one.
const (
	gapCost   = 1.0
	maxPair   = 1.9
	levelCost = 1.0
	refCost   = 0.5
	wordCost  = 0.6  // for no shared name or number at all
	lenWeight = 0.5  // per unit of log length ratio …
	maxLength = 0.9  // … up to this
	lenSmooth = 30.0 // letters added to both lengths, so that short blocks weigh little

	maxCells = 1 << 18 // pages of more than about 500 blocks are compared in order, without aligning
)

// firstDifference aligns the two block lists (by kind, text length and
// links, like sentence aligners do for translations) and describes the first
// place where they differ.
func firstDifference(source, tr Body, s, t []*block) *Problem {
	var steps []step
	if (len(s)+1)*(len(t)+1) > maxCells {
		for i := range max(len(s), len(t)) {
			switch {
			case i >= len(t):
				steps = append(steps, step{i, -1})
			case i >= len(s):
				steps = append(steps, step{-1, i})
			default:
				steps = append(steps, step{i, i})
			}
		}
	} else {
		steps = align(s, t, lengthRatio(s, t))
	}
	lastLine := tr.Line + bytes.Count(bytes.TrimRight(tr.Text, " \t\r\n"), []byte("\n"))
	srcLast := source.Line + bytes.Count(bytes.TrimRight(source.Text, " \t\r\n"), []byte("\n"))
	next := func(k int, translation bool) (int, bool) {
		for ; k < len(steps); k++ {
			if translation && steps[k].ti >= 0 {
				return t[steps[k].ti].line, true
			}
			if !translation && steps[k].si >= 0 {
				return s[steps[k].si].line, true
			}
		}
		if translation {
			return lastLine, false
		}
		return srcLast, false
	}
	at := func(line int, format string, args ...any) *Problem {
		return &Problem{File: tr.File, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	for k, st := range steps {
		switch {
		case st.ti < 0:
			b := s[st.si]
			line, here := next(k, true)
			where := "here"
			if !here {
				where = "after this"
			}
			fix := "translate it " + where
			if b.kind == kindShortcode {
				fix = "copy it " + where + " from the source as it is"
			}
			return at(line, "the source has %s %s (%s:%d%s) that this translation lacks: %s; a translation marked current has every heading, paragraph, list item, link and shortcode of its source",
				b.describe(), where, source.File, b.line, quote(b.text), fix)
		case st.si < 0:
			b := t[st.ti]
			line, _ := next(k, false)
			what := b.describe()
			if q := quote(b.text); q != "" {
				what += " here (" + q[1:] + ")"
			} else {
				what += " here"
			}
			return at(b.line, "this translation has %s that the source does not have (see %s:%d): %s",
				what, source.File, line, b.removeFix())
		default:
			if p := pairDifference(source, tr, s[st.si], t[st.ti]); p != nil {
				return p
			}
		}
	}
	// Not reached when the lists differ; kept so that a difference is never lost.
	return at(tr.Line, "this translation does not have the structure of %s: compare the two", source.File)
}

// step is one step of an alignment: a pair of blocks, or a block of one
// side without a partner (-1 on the other side).
type step struct{ si, ti int }

// align pairs the blocks of s and t at the least cost: each block without a
// partner costs gapCost, each pair its pairCost.
func align(s, t []*block, ratio float64) []step {
	n, m := len(s), len(t)
	cost := make([][]float64, n+1)
	for i := range cost {
		cost[i] = make([]float64, m+1)
		for j := range cost[i] {
			switch {
			case i == 0 && j == 0:
			case i == 0:
				cost[i][j] = cost[i][j-1] + gapCost
			case j == 0:
				cost[i][j] = cost[i-1][j] + gapCost
			default:
				cost[i][j] = min(cost[i-1][j]+gapCost, cost[i][j-1]+gapCost, cost[i-1][j-1]+pairCost(s[i-1], t[j-1], ratio))
			}
		}
	}
	// Walk back from the end, preferring pairs: of equal choices, a missing
	// block is placed as early as possible, where the translator reads first.
	var steps []step
	for i, j := n, m; i > 0 || j > 0; {
		switch {
		case i > 0 && j > 0 && cost[i][j] == cost[i-1][j-1]+pairCost(s[i-1], t[j-1], ratio):
			i, j = i-1, j-1
			steps = append(steps, step{i, j})
		case j > 0 && (i == 0 || cost[i][j] == cost[i][j-1]+gapCost):
			j--
			steps = append(steps, step{-1, j})
		default:
			i--
			steps = append(steps, step{i, -1})
		}
	}
	slices.Reverse(steps)
	return steps
}

// pairDifference describes how two blocks paired by the alignment differ, or
// returns nil.
func pairDifference(source, tr Body, a, b *block) *Problem {
	at := func(line int, format string, args ...any) *Problem {
		return &Problem{File: tr.File, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if a.kind != b.kind || a.level != b.level {
		return at(b.line, "this is %s where the source has %s (%s:%d%s): %s",
			b.describeLevel(), a.describeLevel(), source.File, a.line, quote(a.text), a.fix())
	}
	var probs []*Problem
	for _, links := range []bool{true, false} {
		src, got := a.codes, b.codes
		noun := func(k string) string { return k }
		if links {
			src, got = a.links, b.links
			noun = func(k string) string { return fmt.Sprintf("a link to %q", k) }
		}
		missing, extra := refDiff(src, got)
		switch {
		case len(missing) > 0 && len(extra) > 0 && links:
			probs = append(probs, at(extra[0].line, "this links to %q where the source links to %q (%s:%d): link to %q as the source does",
				extra[0].key, missing[0].key, source.File, missing[0].line, missing[0].key))
		case len(missing) > 0 && len(extra) > 0:
			probs = append(probs, at(extra[0].line, "this has %s where the source has %s (%s:%d): copy the source's shortcode as it is",
				extra[0].key, missing[0].key, source.File, missing[0].line))
		case len(missing) > 0:
			fix := "copy it from the source as it is"
			if links {
				fix = "add the link, to the same address"
			}
			probs = append(probs, at(b.line, "the source has %s here (%s:%d) that this translation lacks: %s",
				noun(missing[0].key), source.File, missing[0].line, fix))
		case len(extra) > 0:
			probs = append(probs, at(extra[0].line, "this translation has %s that the source does not have here (%s:%d): remove it",
				noun(extra[0].key), source.File, a.line))
		}
	}
	if len(probs) == 0 {
		return nil
	}
	slices.SortStableFunc(probs, func(x, y *Problem) int { return x.Line - y.Line })
	return probs[0]
}

// refDiff returns the refs of src that tr lacks and those of tr that src
// lacks, each in its own order, counting repeats.
func refDiff(src, tr []ref) (missing, extra []ref) {
	return refsNotIn(src, tr), refsNotIn(tr, src)
}

// refsNotIn returns the refs of a that b does not have, in a's order: a ref
// that a has twice and b once is listed once.
func refsNotIn(a, b []ref) []ref {
	count := map[string]int{}
	for _, r := range b {
		count[r.key]++
	}
	var out []ref
	for _, r := range a {
		if count[r.key] > 0 {
			count[r.key]--
		} else {
			out = append(out, r)
		}
	}
	return out
}

// lengthRatio is how much longer the translation's text is than the source's.
func lengthRatio(s, t []*block) float64 {
	var a, b int
	for _, x := range s {
		a += x.chars
	}
	for _, x := range t {
		b += x.chars
	}
	if a == 0 || b == 0 {
		return 1
	}
	return float64(b) / float64(a)
}

func pairCost(a, b *block, ratio float64) float64 {
	if a.kind != b.kind {
		return math.Inf(1)
	}
	c := 0.0
	if a.level != b.level {
		c += levelCost
	}
	expected := float64(a.chars)*ratio + lenSmooth
	c += lenWeight * min(maxLength, math.Abs(math.Log((float64(b.chars)+lenSmooth)/expected)))
	if n := len(a.words) + len(b.words); n > 0 {
		c += wordCost * float64(sortedDiff(a.words, b.words)) / float64(n)
	}
	c += min(maxLength, refCost*float64(sortedDiff(a.refs, b.refs)))
	return min(maxPair, c)
}

// sortedDiff counts the elements of two sorted lists that the other lacks
// (repeats counted).
func sortedDiff(a, b []string) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			i, j = i+1, j+1
		case a[i] < b[j]:
			i, n = i+1, n+1
		default:
			j, n = j+1, n+1
		}
	}
	return n + len(a) - i + len(b) - j
}

// anchorWords are the words of a text that a translation is likely to keep
// as they are: numbers (§ 53, 18 years), names and abbreviations (UDI, NAV,
// Juss-Buss) and the Norwegian terms the glossary keeps (krisesenter).
func anchorWords(s string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		n := utf8.RuneCountInString(w)
		if strings.IndexFunc(w, unicode.IsNumber) >= 0 || (n >= 2 && strings.IndexFunc(w, unicode.IsUpper) >= 0) || n >= 6 {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return slices.Compact(words)
}

func (b *block) describe() string {
	switch b.kind {
	case kindHeading:
		return "a heading (" + strings.Repeat("#", b.level) + ")"
	case kindParagraph:
		return "a paragraph"
	case kindListItem:
		return "a list item"
	case kindTableCell:
		return "a table cell"
	case kindCode:
		return "a code block"
	case kindRule:
		return "a horizontal line (---)"
	default:
		keys := make([]string, len(b.codes))
		for i, r := range b.codes {
			keys[i] = r.key
		}
		return strings.Join(keys, " ")
	}
}

func (b *block) describeLevel() string {
	switch b.kind {
	case kindHeading:
		return fmt.Sprintf("a level-%d heading (%s)", b.level, strings.Repeat("#", b.level))
	case kindListItem:
		if b.level > 1 {
			return fmt.Sprintf("a list item nested %d deep", b.level)
		}
		return "a list item that is not nested"
	}
	return b.describe()
}

func (b *block) fix() string {
	switch b.kind {
	case kindHeading:
		return fmt.Sprintf("start it with %s as the source does", strings.Repeat("#", b.level))
	case kindListItem:
		return "indent it as the source does"
	}
	return "write it as the source does"
}

func (b *block) removeFix() string {
	if b.kind == kindParagraph {
		return "remove it, or join it to the paragraph next to it if the source has the two as one"
	}
	return "remove it, or write it as the source does"
}

// quote is ` "the first words …"` of a block's text, or "".
func quote(s string) string {
	const maxRunes = 40
	if s == "" {
		return ""
	}
	if utf8.RuneCountInString(s) > maxRunes {
		cut, n := 0, 0
		for i := range s {
			if s[i] == ' ' {
				cut = i
			}
			if n == maxRunes {
				if cut == 0 {
					cut = i // one long word
				}
				break
			}
			n++
		}
		s = s[:cut] + " …"
	}
	return fmt.Sprintf(" %q", s)
}
