package xliff

import (
	"bytes"
	"slices"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// md parses as internal/check does (Hugo's default Goldmark setup), so that
// the blocks here are the blocks the structure guard compares.
var md = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAttribute()),
)

// Block is one structural block of a page body, in the order and of the
// kinds the structure guard (internal/check/structure.go) lists them. For
// the kinds a translator translates (heading, paragraph, item, cell), Start
// and End are the bytes of its inline Markdown in the body: the text after
// "## " or "- ", without the line's end.
type Block struct {
	Kind       string // heading, paragraph, item, cell; code, rule, shortcode
	Level      int    // heading level; list nesting
	Start, End int
}

// Translatable reports whether the block has text to translate.
func (b Block) Translatable() bool {
	switch b.Kind {
	case "heading", "paragraph", "item", "cell":
		return b.End > b.Start
	}
	return false
}

// Blocks lists the blocks of a body. Shortcodes are blanked to letters
// before parsing, as the structure guard does, so that a shortcode stays in
// the paragraph it is written in, and a paragraph of shortcodes only
// ({{< services … >}}) is a block of its own that nobody translates.
func Blocks(body []byte) []Block {
	var spans [][2]int
	blanked := append([]byte(nil), body...)
	for i := 0; ; {
		j := indexShortcode(body, i)
		if j < 0 {
			break
		}
		closer := []byte(">}}")
		if body[j+2] == '%' {
			closer = []byte("%}}")
		}
		k := bytes.Index(body[j+3:], closer)
		if k < 0 {
			break
		}
		end := j + 3 + k + len(closer)
		spans = append(spans, [2]int{j, end})
		for x := j; x < end; x++ {
			if blanked[x] != '\n' && blanked[x] != '\r' {
				blanked[x] = 'x'
			}
		}
		i = end
	}
	onlyShortcodes := func(from, to int) bool {
		for x := from; x < to; x++ {
			k, found := slices.BinarySearchFunc(spans, x, func(s [2]int, off int) int { return s[0] - off })
			if !found {
				k--
			}
			switch {
			case k >= 0 && x < spans[k][1]:
				x = spans[k][1] - 1
			case !unicode.IsSpace(rune(body[x])):
				return false
			}
		}
		return true
	}
	root := md.Parser().Parse(text.NewReader(blanked))
	var out []Block
	itemText := map[ast.Node]bool{}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			s, e := linesRange(n, body)
			out = append(out, Block{Kind: "heading", Level: n.Level, Start: s, End: e})
		case *ast.ListItem:
			depth := 0
			for x := n.Parent(); x != nil; x = x.Parent() {
				if _, ok := x.(*ast.List); ok {
					depth++
				}
			}
			b := Block{Kind: "item", Level: depth}
			if f := n.FirstChild(); f != nil && (f.Kind() == ast.KindParagraph || f.Kind() == ast.KindTextBlock) {
				itemText[f] = true
				b.Start, b.End = linesRange(f, body)
			}
			out = append(out, b)
		case *ast.Paragraph, *ast.TextBlock:
			if itemText[n] {
				break
			}
			s, e := linesRange(n, body)
			if onlyShortcodes(s, e) {
				out = append(out, Block{Kind: "shortcode"})
				break
			}
			out = append(out, Block{Kind: "paragraph", Start: s, End: e})
		case *east.TableCell:
			s, e := inlineRange(n, body)
			out = append(out, Block{Kind: "cell", Start: s, End: e})
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			out = append(out, Block{Kind: "code"})
		case *ast.ThematicBreak:
			out = append(out, Block{Kind: "rule"})
		}
		return ast.WalkContinue, nil
	})
	return out
}

// linesRange is the bytes of a block's lines, from the first line's start
// to the last line's end, without trailing space.
func linesRange(n ast.Node, body []byte) (int, int) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return 0, 0
	}
	return trimRange(body, lines.At(0).Start, lines.At(lines.Len()-1).Stop)
}

// inlineRange is the bytes from a node's first text to its last, for nodes
// without lines of their own (table cells).
func inlineRange(n ast.Node, body []byte) (int, int) {
	if n.Lines().Len() > 0 {
		return linesRange(n, body)
	}
	start, stop := -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			if start < 0 {
				start = t.Segment.Start
			}
			stop = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	if start < 0 {
		return 0, 0
	}
	return trimRange(body, start, stop)
}

func trimRange(body []byte, s, e int) (int, int) {
	e = min(e, len(body))
	for e > s && (body[e-1] == ' ' || body[e-1] == '\t' || body[e-1] == '\n' || body[e-1] == '\r') {
		e--
	}
	for s < e && (body[s] == ' ' || body[s] == '\t') {
		s++
	}
	return s, e
}

func indexShortcode(b []byte, from int) int {
	for i := from; i+2 < len(b); i++ {
		if b[i] == '{' && b[i+1] == '{' && (b[i+2] == '<' || b[i+2] == '%') {
			return i
		}
	}
	return -1
}
