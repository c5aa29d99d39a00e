package sitetest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// TestRTLTextIsolatesLatin reads every built page with right-to-left text
// and requires every Latin-script name, number or bracketed term in it to
// be isolated (<bdi>, an element with its own dir, or U+2068…U+2069): a
// Norwegian name in brackets inside Arabic text otherwise scrambles at a
// line break ("(– Politiet"). The build's isolation step does this for the
// translators (internal/publish/isolate.go).
func TestRTLTextIsolatesLatin(t *testing.T) {
	dir := builtSite(t)
	pages, problems := 0, 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(b, []byte("dir=rtl")) {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		pages++
		for _, run := range unisolatedLatin(b) {
			if problems++; problems <= 40 {
				t.Errorf("%s: %s", filepath.ToSlash(rel), run)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if problems > 40 {
		t.Errorf("… %d in all", problems)
	}
	if pages < 100 {
		t.Errorf("only %d pages with right-to-left text: the languages in hugo.toml?", pages)
	}
	t.Logf("%d pages with right-to-left text checked", pages)
}

// TestUnisolatedLatinFindsRuns: the rule above reports what scrambles and
// nothing that is isolated.
func TestUnisolatedLatinFindsRuns(t *testing.T) {
	page := func(body string) []byte {
		return []byte(`<!doctype html><html lang=ar dir=rtl><head><title>Title</title></head><body>` + body + `</body></html>`)
	}
	if got := unisolatedLatin(page(`<p>نص <bdi>(legevakt)</bdi> <a dir=ltr>Norsk</a> ` + "\u2068UDI\u2069" + `<span hidden><bdi>Esc</bdi></span></p><p dir=ltr>UDI</p>`)); len(got) > 0 {
		t.Errorf("isolated text reported: %q", got)
	}
	for body, want := range map[string]string{
		`<p>عيادة الطوارئ (legevakt).</p>`:                   `"(legevakt)."`,
		`<p class=nb-name><span lang=nb>Politiet</span></p>`: `"Politiet"`,
		`<ul><li><a href=/nb/ dir=rtl>Norsk – نص</a></ul>`:   `"Norsk –"`,
	} {
		got := strings.Join(unisolatedLatin(page(body)), "\n")
		if !strings.Contains(got, want) {
			t.Errorf("%s: want a problem naming %s, got %q", body, want, got)
		}
	}
}

// unisolatedLatin lists the Latin runs in right-to-left text that are not
// isolated, each with the brackets, dashes and text around it.
func unisolatedLatin(page []byte) []string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{err.Error()}
	}
	var out []string
	var walk func(n *html.Node, rtl bool)
	walk = func(n *html.Node, rtl bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "head", "script", "style", "bdi", "bdo", "svg":
				return
			}
			for _, a := range n.Attr {
				if a.Key == "dir" {
					rtl = strings.EqualFold(a.Val, "rtl")
				}
			}
		}
		if n.Type == html.TextNode && rtl {
			out = append(out, latinRuns(n.Data)...)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, rtl)
		}
	}
	walk(doc, false)
	return out
}

// latinRuns finds the Latin letters and European digits in s outside
// typed isolates, and quotes each run with the neutral characters
// (spaces, brackets, dashes) on both sides.
func latinRuns(s string) []string {
	var out []string
	rs := []rune(s)
	depth := 0
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; {
		case r >= 0x2066 && r <= 0x2068:
			depth++
		case r == 0x2069:
			depth = max(depth-1, 0)
		case depth == 0 && isLatin(r):
			from, to := i, i
			for to < len(rs) && !isRTL(rs[to]) && (rs[to] < 0x2066 || rs[to] > 0x2069) {
				to++
			}
			for from > 0 && !isRTL(rs[from-1]) && !isLatin(rs[from-1]) && (rs[from-1] < 0x2066 || rs[from-1] > 0x2069) {
				from--
			}
			out = append(out, fmt.Sprintf("Latin text not isolated in right-to-left text: %q (the build's isolation step: internal/publish/isolate.go)", strings.TrimSpace(string(rs[from:to]))))
			i = to - 1
		}
	}
	return out
}

func isLatin(r rune) bool {
	return r >= '0' && r <= '9' || unicode.IsLetter(r) && unicode.Is(unicode.Latin, r)
}

func isRTL(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}
