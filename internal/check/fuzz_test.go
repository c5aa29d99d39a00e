package check

import (
	"github.com/redcross-no/familieinnvandring/internal/content"

	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// fuzzChecker is a checker with a few services and shortcodes, no files.
func fuzzChecker() *checker {
	return &checker{
		root:       ".",
		cfg:        &siteconfig.Config{Default: "nb", Languages: []siteconfig.Language{{Code: "nb", ContentDir: "content/nb"}}},
		r:          &Report{Source: "nb"},
		services:   map[string]bool{"vo-linjen": true, "police-emergency": true},
		phones:     []string{"81555201", "112"},
		shortcodes: map[string]bool{"phone": true, "services": true, "details": true},
	}
}

// bodies adds the bodies of the real pages as seeds.
func bodies(f *testing.F) {
	pages, _ := filepath.Glob("../../content/*/*.md")
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if doc, err := frontmatter.Parse(b); err == nil {
			f.Add(doc.Body)
		}
	}
}

// FuzzLIX: the readability index is never negative, NaN or infinite.
func FuzzLIX(f *testing.F) {
	bodies(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		v := LIX(strings.Split(string(b), "\n\n")...)
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("LIX = %v", v)
		}
	})
}

// FuzzPhoneInText: every number reported is quoted exactly as it stands in
// the text (so a translator can search for it), and the digit mapping keeps
// an offset for every byte.
func FuzzPhoneInText(f *testing.F) {
	for _, s := range []string{"Ring 815 55 201 nå", "اتصل ٨١٥ ٥٥ ٢٠١", "تماس ۸۱۵۵۵۲۰۱", "kr 1 000 000", "LOV-2021-06-11-79", "§ 53 første ledd", "+47 22 33 44 55", "ring 112"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ascii, orig := NormalizeDigits(s)
		if len(orig) != len(ascii)+1 || orig[len(orig)-1] != len(s) {
			t.Fatalf("offsets: %d for %d bytes (text %d bytes)", len(orig), len(ascii), len(s))
		}
		for i := 1; i < len(orig); i++ {
			if orig[i] < orig[i-1] {
				t.Fatalf("offsets go back at %d", i)
			}
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return r > 127 || strings.ContainsRune("*_~`\t\n\r\f\v", r) }) && ascii != s {
			t.Fatalf("ASCII text changed: %q → %q", s, ascii)
		}
		c := fuzzChecker()
		c.phoneInText(&Page{Page: &content.Page{File: "x.md"}}, 1, s)
		for _, p := range c.r.Problems {
			q, err := strconv.QuotedPrefix(strings.TrimPrefix(p.Msg, "phone number "))
			if err != nil {
				t.Fatalf("message does not quote the number: %s", p.Msg)
			}
			num, _ := strconv.Unquote(q)
			if !strings.Contains(s, num) {
				t.Fatalf("reported %q, which is not in the text %q", num, s)
			}
		}
	})
}

// FuzzBlankShortcodes: blanking keeps every byte offset and newline, and
// only turns bytes into spaces; problems name lines of the body.
func FuzzBlankShortcodes(f *testing.F) {
	bodies(f)
	for _, s := range []string{`{{< phone "vo-linjen" >}}`, `{{% details %}}x{{% /details %}}`, "{{<\n phone\n>}}", `{{< phone`, `{{%}}`, `{{</* phone */>}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		c := fuzzChecker()
		const bodyLine = 5
		out := c.blankShortcodes(&Page{Page: &content.Page{File: "x.md"}}, body, bodyLine)
		if len(out) != len(body) {
			t.Fatalf("length %d, was %d", len(out), len(body))
		}
		for i := range body {
			if out[i] != body[i] && (out[i] != ' ' || body[i] == '\n') {
				t.Fatalf("byte %d: %q became %q", i, body[i], out[i])
			}
			if (out[i] == '\n') != (body[i] == '\n') {
				t.Fatalf("newline moved at byte %d", i)
			}
		}
		last := bodyLine + bytes.Count(body, []byte("\n"))
		for _, p := range c.r.Problems {
			if p.Line < bodyLine || p.Line > last {
				t.Fatalf("problem on line %d, body is lines %d–%d: %s", p.Line, bodyLine, last, p)
			}
		}
	})
}

// FuzzMarkdown: the Markdown checks (raw HTML, links, phone numbers, headings)
// never panic and every problem names a line of the body.
func FuzzMarkdown(f *testing.F) {
	bodies(f)
	for _, s := range []string{"<script>x</script>", "[a](javascript:x)", "![i](https://x/y.png)", "# T {#id}\n\n[a](#id)", "Ring 815 55 201.", "<!-- c -->", "x <b>y</b>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if !utf8.Valid(body) || bytes.IndexByte(body, 0) >= 0 {
			return // page() refuses these before Markdown is parsed
		}
		c := fuzzChecker()
		const bodyLine = 5
		p := &Page{Page: &content.Page{File: "x.md", Lang: "nb", Slug: "x"}}
		p.Body = c.blankShortcodes(p, body, bodyLine)
		c.markdown(p, bodyLine)
		last := bodyLine + bytes.Count(body, []byte("\n"))
		for _, pr := range c.r.Problems {
			if pr.Line < bodyLine || pr.Line > last {
				t.Fatalf("problem on line %d, body is lines %d–%d: %s", pr.Line, bodyLine, last, pr)
			}
			if !utf8.ValidString(pr.Msg) {
				t.Fatalf("message is not valid UTF-8: %q", pr.Msg)
			}
		}
		if p.LIX < 0 || math.IsNaN(p.LIX) {
			t.Fatalf("LIX %v", p.LIX)
		}
	})
}
