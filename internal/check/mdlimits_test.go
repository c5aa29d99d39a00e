package check

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
)

// pathological are inputs that took goldmark seconds (and a Hugo build
// minutes) before MarkdownLimits refused them, each about 100 KB.
var pathological = map[string]string{
	"quote line":        strings.Repeat(">", 100_000),
	"nested quotes":     strings.Repeat("> ", 50_000) + "x",
	"nested lists":      strings.Repeat("- ", 50_000) + "x",
	"nested numbered":   strings.Repeat("1. ", 33_000) + "x",
	"quoted lists":      strings.Repeat("> - ", 25_000) + "x",
	"unclosed links":    strings.Repeat("[a](", 25_000),
	"unclosed emphasis": strings.Repeat("*a_", 33_000),
	"unclosed strike":   strings.Repeat("~a", 50_000),
	"typographer dash":  strings.Repeat("--a", 33_000),
	"footnotes":         strings.Repeat("[^a]: ", 16_000),
	"spread over lines": strings.Repeat(strings.Repeat("*a_", 300)+"\n", 100),
}

func TestMarkdownLimitsRefusesPathological(t *testing.T) {
	for name, body := range pathological {
		p := MarkdownLimits("content/nb/x.md", []byte("Tekst.\n\n"+body+"\n"), 5)
		if p == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if p.File != "content/nb/x.md" || p.Line < 7 {
			t.Errorf("%s: %v: want content/nb/x.md at line 7 or later", name, p)
		}
	}
}

// The real pages are far inside the limits.
func TestMarkdownLimitsRealPages(t *testing.T) {
	pages, _ := filepath.Glob("../../content/*/*.md")
	if len(pages) < 100 {
		t.Fatalf("only %d pages", len(pages))
	}
	deepest, marks := 0, 0
	for _, f := range pages {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := frontmatter.Parse(b)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if p := MarkdownLimits(f, doc.Body, doc.BodyLine); p != nil {
			t.Errorf("%v", p)
		}
		for _, para := range bytes.Split(doc.Body, []byte("\n\n")) {
			n := 0
			for _, c := range para {
				if isMark[c] {
					n++
				}
			}
			marks = max(marks, n)
			for _, line := range bytes.Split(para, []byte("\n")) {
				deepest = max(deepest, nestingBound(line))
			}
		}
	}
	if deepest*3 > MaxNesting || marks*10 > MaxMarks {
		t.Errorf("real pages nest %d deep and have %d marks in a paragraph: the limits %d and %d are meant to be far above that", deepest, marks, MaxNesting, MaxMarks)
	}
}

func TestNestingBound(t *testing.T) {
	for line, want := range map[string]int{
		"text":              0,
		"- item":            1,
		"  - item":          2,
		"    1. item":       3,
		"> > quote":         2,
		"> - > - x":         4,
		"---":               0,
		"- - -":             0,
		"- * * *":           1,
		"-item":             0,
		"1.5 kroner":        0,
		"1234567890. x":     0,
		"\t- tab":           3,
		": definition":      1,
		"- ":                1,
		"12) x":             1,
		"   > text >>>>>>>": 2, // three spaces may continue an item
		">   - x":           3, // two of the spaces may continue an item in the quote
		"> >   - x":         4,
	} {
		if got := nestingBound([]byte(line)); got != want {
			t.Errorf("nestingBound(%q) = %d, want %d", line, got, want)
		}
	}
}

// FuzzMarkdownLimits: the verdict is consistent. A body that is accepted
// parses (as check and Hugo parse it) into quotes and lists nested at most
// MaxNesting deep, so the bound is never weaker than the limit it states;
// a refusal names a line of the body, and the same line again when the
// text after that line is cut off (the scan reads each line once and never
// looks ahead); and every prefix of an accepted body is accepted.
func FuzzMarkdownLimits(f *testing.F) {
	bodies(f)
	for _, s := range []string{"> > > > > > > > > > > x", "- a\n  - b\n    - c\n", "\t-\t-\t-\tx", "1. 2. 3) x", "- - -\n", "> - > - > - > - > - > - x", strings.Repeat("  ", 12) + "- x", strings.Repeat("*a", 600)} {
		f.Add([]byte(s))
	}
	for _, s := range pathological {
		f.Add([]byte(s[:min(len(s), 4000)]))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > 64<<10 {
			return // the quadratic cases are what the limits refuse: keep each run short
		}
		lines := bytes.Count(body, []byte("\n")) + 1
		p := MarkdownLimits("f.md", body, 3)
		if p != nil {
			if p.Line < 3 || p.Line >= 3+lines {
				t.Fatalf("refused at line %d of a body on lines 3–%d", p.Line, 2+lines)
			}
			cut := bytes.SplitAfter(body, []byte("\n"))[:p.Line-3+1]
			q := MarkdownLimits("f.md", bytes.Join(cut, nil), 3)
			if q == nil || *q != *p {
				t.Fatalf("refused at %v, but the body cut after that line gives %v", p, q)
			}
			return
		}
		if i := bytes.LastIndexByte(body, '\n'); i >= 0 {
			if q := MarkdownLimits("f.md", body[:i], 3); q != nil {
				t.Fatalf("accepted, but a prefix is refused: %v", q)
			}
		}
		if d := astNesting(md.Parser().Parse(text.NewReader(body))); d > MaxNesting {
			t.Fatalf("accepted, but quotes and lists nest %d deep (limit %d)", d, MaxNesting)
		}
	})
}

// astNesting is how deep quotes and list items nest in a parsed document.
func astNesting(root ast.Node) int {
	deepest := 0
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindListItem:
			depth++
		}
		deepest = max(deepest, depth)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth)
		}
	}
	walk(root, 0)
	return deepest
}

// BenchmarkMarkdownLimits is the scan on the 100 KB pathological inputs it
// refuses (each took goldmark seconds).
func BenchmarkMarkdownLimits(b *testing.B) {
	var all [][]byte
	for _, s := range pathological {
		all = append(all, []byte(s))
	}
	b.ResetTimer()
	for range b.N {
		for _, body := range all {
			if MarkdownLimits("f.md", body, 1) == nil {
				b.Fatal("accepted")
			}
		}
	}
}

// BenchmarkCheckWorstAccepted parses, as check does, a page just inside
// every limit: as long as a file may be, its paragraphs each holding
// MaxMarks unclosed marks, or its lines quotes nested MaxNesting deep. It
// measures the cost the limits still allow (about 100 ms a page on the
// 2-core CI machine at worst, against 14 s for the 100 KB line of >).
func BenchmarkCheckWorstAccepted(b *testing.B) {
	for name, unit := range map[string]string{"emphasis": "*a_", "links": "[a](", "strike": "~a", "dashes": "--a", "nesting": ""} {
		var body bytes.Buffer
		for body.Len() < MaxFileSize-200 {
			if unit == "" {
				body.WriteString(strings.Repeat("> ", MaxNesting) + "x\n")
				continue
			}
			marks := 0
			for _, c := range []byte(unit) {
				if isMark[c] {
					marks++
				}
			}
			body.WriteString(strings.Repeat(unit, MaxMarks/marks) + "\n\n")
		}
		src := body.Bytes()[:MaxFileSize-200]
		if p := MarkdownLimits("f.md", src, 1); p != nil {
			b.Fatalf("%s: refused: %v", name, p)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for range b.N {
				md.Parser().Parse(text.NewReader(src))
			}
		})
	}
}
