package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/chromedp"
)

// Every browser test sees the fonts of an Android phone and no others
// (androidFontConfig): the glyph check runs in checkPage on every page that
// TestEveryPage loads (every language's home and stay pages, every kind of
// page in both directions), and TestGlyphsEveryPage looks up every
// character of every built page in the same fonts, without a browser.

// TestGlyphCheckFindsMissingGlyphs shows that the check fails where a
// phone would draw a box: a code point that Unicode has not assigned, and a
// letter of the Toto script (Unicode 14), which no font of the set has.
// Text in the scripts of the site's languages around them passes.
func TestGlyphCheckFindsMissingGlyphs(t *testing.T) {
	e := setup(t)
	id := probes.add(glyphProbe, false)
	ctx := e.tab(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(phoneW, phoneH, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
		chromedp.Navigate(e.site+"/__probe/"+id),
	); err != nil {
		t.Fatal(err)
	}
	problems := e.missingGlyphs(ctx, t)
	got := strings.Join(problems, "\n")
	for _, want := range []string{"U+0378 ", "U+1E290 "} {
		if !strings.Contains(got, want) {
			t.Errorf("the glyph check did not report %s; it reported:\n%s", want, got)
		}
	}
	if len(problems) != 2 {
		t.Errorf("want exactly the two missing characters reported, got %d:\n%s", len(problems), got)
	}
	bad := map[rune]bool{}
	for _, r := range glyphProbe {
		if !androidFonts(t).any(r) && needsGlyph(r) {
			bad[r] = true
		}
	}
	if len(bad) != 2 || !bad['\u0378'] || !bad['\U0001E290'] {
		t.Errorf("the lookup without a browser finds %v missing, want U+0378 and U+1E290", bad)
	}
}

// glyphProbe is text in the scripts of the site's languages, one code point
// that Unicode has not assigned and one letter of a script no font has.
const glyphProbe = `<p lang="ar" dir="rtl">حقوقك في النرويج</p>
<p lang="ur" dir="rtl">ناروے میں آپ کے حقوق</p><p lang="ckb" dir="rtl">مافەکانت لە نەرویج</p>
<p lang="ti">መሰልታትኩም ኣብ ኖርወይ</p><p lang="am">በኖርዌይ ውስጥ ያሉ መብቶችዎ</p>
<p lang="ta">நோர்வேயில் உங்கள் உரிமைகள்</p><p lang="th">สิทธิของคุณในประเทศนอร์เวย์</p>
<p lang="vi">Quyền của bạn ở Na Uy</p><p lang="ku">Mafên te li Norwêcê</p>
<p>unassigned: x` + "\u0378" + `y</p><p>Toto: ` + "\U0001E290" + `</p>`

// TestGlyphsEveryPage looks up every character of every built page (its
// text, not its markup) in the Android fonts: the browser checks a sample,
// this checks the rest, e.g. every language's "not translated yet" and
// 404 pages, in a second.
func TestGlyphsEveryPage(t *testing.T) {
	e := setup(t)
	fonts := androidFonts(t)
	missing := map[rune][]string{}
	for _, p := range e.pages(t) {
		b, err := os.ReadFile(filepath.Join(e.out, filepath.FromSlash(strings.TrimPrefix(p, "/")), indexIfDir(p)))
		if err != nil {
			t.Fatal(err)
		}
		seen := map[rune]bool{}
		for _, r := range drawnText(b) {
			if seen[r] {
				continue
			}
			seen[r] = true
			if needsGlyph(r) && !fonts.any(r) && len(missing[r]) < 3 {
				missing[r] = append(missing[r], p)
			}
		}
	}
	for r, pages := range missing {
		t.Errorf("U+%04X %q has no glyph in any Android font (%s): a phone shows a box; on %s", r, string(r), notoDir, strings.Join(pages, " "))
	}
}

// drawnText is the text of an HTML page that a browser draws: text nodes
// outside head, script, style and template.
func drawnText(b []byte) string {
	var out strings.Builder
	z := html.NewTokenizer(bytes.NewReader(b))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out.String()
		case html.StartTagToken:
			if name, _ := z.TagName(); skipTag(string(name)) {
				skip++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); skipTag(string(name)) && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				out.Write(z.Text())
			}
		}
	}
}

func skipTag(name string) bool { return skipText[strings.ToUpper(name)] }

// DOM node types (Node.nodeType).
const (
	nodeElement = 1
	nodeText    = 3
)

// skipText are elements whose text is not drawn on the page.
var skipText = map[string]bool{"HEAD": true, "TITLE": true, "SCRIPT": true, "STYLE": true, "NOSCRIPT": true, "TEMPLATE": true}

// missingGlyphs asks Chromium which fonts drew the text of each element
// of the page loaded in ctx (CSS.getPlatformFontsForNode) and returns one
// problem per character that none of them has a glyph for.
func (e *env) missingGlyphs(ctx context.Context, t *testing.T) []string {
	t.Helper()
	fonts := androidFonts(t)
	if _, err := chromedp.Call(ctx, css.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("CSS.enable: %v", err)
	}
	// The node ids come from chromedp's own copy of the DOM (the body with
	// every descendant): ids from a DOM.getDocument of our own would go
	// stale when chromedp asks for the document again.
	judged := map[rune]bool{} // characters already looked up on this page
	problems, err := chromedp.Run(ctx, chromedp.QueryAfter(chromedp.CSS("body"),
		func(ctx context.Context, tg *chromedp.Target, nodes []*chromedp.Node) ([]string, error) {
			var problems []string
			var visit func(n *chromedp.Node) error
			visit = func(n *chromedp.Node) error {
				n.RLock()
				name, id, children := n.NodeName, n.NodeID, slices.Clone(n.Children)
				var text strings.Builder
				for _, c := range children {
					c.RLock()
					if c.NodeType == nodeText {
						text.WriteString(c.NodeValue)
					}
					c.RUnlock()
				}
				n.RUnlock()
				if skipText[strings.ToUpper(name)] {
					return nil
				}
				// A character is looked up where it first appears on the
				// page: Chromium's fallback draws it the same way elsewhere.
				if strings.ContainsFunc(text.String(), func(r rune) bool { return needsGlyph(r) && !judged[r] }) {
					res, err := cdp.Call(ctx, tg, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: id})
					if err != nil {
						return fmt.Errorf("CSS.getPlatformFontsForNode on <%s>: %v", strings.ToLower(name), err)
					}
					problems = append(problems, checkGlyphs(fonts, name, text.String(), res.Fonts, judged)...)
				}
				for _, c := range children {
					c.RLock()
					element := c.NodeType == nodeElement
					c.RUnlock()
					if element {
						if err := visit(c); err != nil {
							return err
						}
					}
				}
				return nil
			}
			for _, n := range nodes {
				if err := visit(n); err != nil {
					return nil, err
				}
			}
			return problems, nil
		}, chromedp.Populate(-1, false, chromedp.PopulateWait(50*time.Millisecond))))
	if err != nil {
		t.Fatalf("glyphs: %v", err)
	}
	if _, err := chromedp.Call(ctx, css.Disable, cdp.Empty{}); err != nil {
		t.Fatalf("CSS.disable: %v", err)
	}
	return problems
}

// check looks up every drawn character of one element's own text in the
// fonts that drew it. No fonts means the element is not rendered (hidden).
func checkGlyphs(fonts *fontIndex, element, text string, used []*css.PlatformFontUsage, seen map[rune]bool) []string {
	if len(used) == 0 {
		return nil // not rendered: its characters wait for a visible element
	}
	var faces []*face
	var names []string
	var problems []string
	for _, u := range used {
		f := fonts.lookup(u.FamilyName, u.PostScriptName)
		if len(f) == 0 {
			problems = append(problems, fmt.Sprintf("<%s> %q is drawn with %q, which is not one of the Android fonts in %s", strings.ToLower(element), excerpt(text), u.FamilyName, notoDir))
		}
		faces = append(faces, f...)
		names = append(names, u.FamilyName)
	}
	for _, r := range text {
		if seen[r] || !needsGlyph(r) {
			continue
		}
		seen[r] = true
		if !slices.ContainsFunc(faces, func(f *face) bool { return f.has(r) }) {
			problems = append(problems, fmt.Sprintf("U+%04X %q has no glyph in the fonts that drew it (%s): a phone shows a box; in <%s> %q", r, string(r), strings.Join(names, ", "), strings.ToLower(element), excerpt(text)))
		}
	}
	return problems
}

// excerpt shortens text for a message.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
