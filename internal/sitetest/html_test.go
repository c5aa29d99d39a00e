package sitetest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// TestEveryPageHTML reads every built page and checks, in Go and in about a
// second for the whole site, what must hold on every page in every
// language: what the HTML alone shows. The browser tests (internal/e2e)
// check the rest on a sample of pages: every language and every kind of
// page. A page here is right when
//   - <html> carries the language's BCP 47 tag and direction from hugo.toml
//     (the choosers: lang="mul");
//   - every lang and hreflang is valid BCP 47, every dir is ltr, rtl or auto;
//   - text in a language of the other direction is isolated (<bdi> or a dir
//     attribute), and every phone number is in <bdi dir="ltr">, so names and
//     numbers never scramble inside right-to-left text;
//   - it has a title, a viewport, one <main id="main"> and one <h1>, and the
//     quick exit: a link with text to params.quickExitURL with
//     rel="noreferrer", among its first two links;
//   - nothing the CSP refuses or the privacy rules forbid: no style
//     attribute, no inline script or event handler, no script but the
//     quick-exit one, no form, frame or embedded object, no image without
//     alt text, no id twice.
func TestEveryPageHTML(t *testing.T) {
	dir := builtSite(t)
	cfg, err := siteconfig.Load(repo)
	if err != nil {
		t.Fatal(err)
	}
	rules := newHTMLRules(cfg)
	pages := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		for _, problem := range rules.check(filepath.ToSlash(rel), b) {
			t.Error(problem)
		}
		pages++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pages checked", pages)
}

// TestHTMLRulesFindProblems: each rule of TestEveryPageHTML reports a page
// that breaks it.
func TestHTMLRulesFindProblems(t *testing.T) {
	cfg := &siteconfig.Config{QuickExitURL: "https://www.yr.no/", Languages: []siteconfig.Language{
		{Code: "nb", Locale: "nb-NO", Direction: "ltr"}, {Code: "ar", Locale: "ar", Direction: "rtl"},
	}}
	rules := newHTMLRules(cfg)
	const head = `<head><meta name=viewport content="width=device-width"><title>T</title></head>`
	const exit = `<a href=#main>skip</a><a id=quick-exit href=https://www.yr.no/ rel=noreferrer>Ut</a>`
	page := func(htmlAttrs, body string) []byte {
		return []byte(`<!doctype html><html ` + htmlAttrs + `>` + head + `<body>` + exit + `<main id=main><h1>H</h1>` + body + `</main></body></html>`)
	}
	if p := rules.check("ar/help/index.html", page(`lang=ar dir=rtl`, `<p>نص <bdi lang=nb dir=ltr>Navn</bdi> <a href=tel:112><bdi dir=ltr>112</bdi></a></p>`)); len(p) > 0 {
		t.Fatalf("a good page is reported: %q", p)
	}
	tests := []struct {
		name, path, html, want string
	}{
		{"wrong lang", "ar/index.html", string(page(`lang=en dir=rtl`, ``)), `<html lang="en">, want lang="ar"`},
		{"wrong dir", "ar/index.html", string(page(`lang=ar dir=ltr`, ``)), `<html dir="ltr">, want dir="rtl"`},
		{"bad tag", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<a lang=norsk>x</a>`)), `lang="norsk" is not a BCP 47 tag`},
		{"bad dir", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<p dir=right>x</p>`)), `dir="right"`},
		{"latin name not isolated in rtl", "ar/index.html", string(page(`lang=ar dir=rtl`, `<span lang=nb>Navn</span>`)), `<span lang="nb"> is left-to-right inside right-to-left text`},
		{"arabic not isolated in ltr", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<a lang=ar>العربية</a>`)), `<a lang="ar"> is right-to-left inside left-to-right text`},
		{"number not isolated", "ar/index.html", string(page(`lang=ar dir=rtl`, `<a href=tel:112>112</a>`)), `tel:112 shows its number outside <bdi dir="ltr">`},
		{"style attribute", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<p style="color:red">x</p>`)), `style attribute`},
		{"inline script", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<script>x()</script>`)), `inline <script>`},
		{"event handler", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<a href=/ onclick="x()">x</a>`)), `onclick`},
		{"other script", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<script src=/js/track.js></script>`)), `/js/track.js`},
		{"form", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<form></form>`)), `<form>`},
		{"image without alt", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<img src=/a.png>`)), `<img> without alt`},
		{"id twice", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<p id=x></p><p id=x></p>`)), `id "x" twice`},
		{"two h1", "nb/index.html", string(page(`lang=nb-NO dir=ltr`, `<h1>again</h1>`)), `2 <h1>`},
		{"no quick exit", "nb/index.html", strings.Replace(string(page(`lang=nb-NO dir=ltr`, ``)), `id=quick-exit `, ``, 1), `no quick exit`},
		{"quick exit with referrer", "nb/index.html", strings.Replace(string(page(`lang=nb-NO dir=ltr`, ``)), ` rel=noreferrer`, ``, 1), `rel="noreferrer"`},
		{"no title", "nb/index.html", strings.Replace(string(page(`lang=nb-NO dir=ltr`, ``)), `<title>T</title>`, ``, 1), `no <title>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(rules.check(tt.path, []byte(tt.html)), "\n")
			if !strings.Contains(got, tt.want) {
				t.Errorf("want a problem with %q, got:\n%s", tt.want, got)
			}
		})
	}
}

// htmlRules are what TestEveryPageHTML holds every page to.
type htmlRules struct {
	byCode    map[string]siteconfig.Language
	dirOf     map[string]string // lower-case locale or code → direction
	quickExit string
}

func newHTMLRules(cfg *siteconfig.Config) htmlRules {
	r := htmlRules{byCode: map[string]siteconfig.Language{}, dirOf: map[string]string{}, quickExit: cfg.QuickExitURL}
	for _, l := range cfg.Languages {
		r.byCode[l.Code] = l
		r.dirOf[strings.ToLower(l.Code)] = l.Direction
		if l.Locale != "" {
			r.dirOf[strings.ToLower(l.Locale)] = l.Direction
		}
	}
	return r
}

// rtlScripts are the right-to-left scripts a language tag may imply.
var rtlScripts = []string{"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg"}

// direction of a language tag: from hugo.toml, else from its script.
func (r htmlRules) direction(tag string) string {
	if d, ok := r.dirOf[strings.ToLower(tag)]; ok {
		return d
	}
	t, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	if s, _ := t.Script(); slices.Contains(rtlScripts, s.String()) {
		return "rtl"
	}
	return "ltr"
}

// check returns the problems of one page; rel is its path in the output.
func (r htmlRules) check(rel string, b []byte) []string {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", rel, err)}
	}
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, rel+": "+fmt.Sprintf(format, args...)) }
	alias := bytes.Contains(b, []byte("http-equiv=refresh")) || bytes.Contains(b, []byte(`http-equiv="refresh"`))

	// The language and direction of the page, by its folder.
	wantLang, wantDir := "mul", ""
	if code, _, ok := strings.Cut(rel, "/"); ok {
		if l, ok := r.byCode[code]; ok {
			wantLang, wantDir = l.Locale, l.Direction
			if wantLang == "" {
				wantLang = l.Code
			}
		}
	}
	root := find(doc, atom.Html)
	if root == nil {
		return []string{rel + ": no <html>"}
	}
	if got := attr(root, "lang"); !alias && got != wantLang {
		add("<html lang=%q>, want lang=%q (hugo.toml)", got, wantLang)
	}
	if got := attr(root, "dir"); wantDir != "" && got != wantDir {
		add("<html dir=%q>, want dir=%q (hugo.toml)", got, wantDir)
	}

	ids := map[string]bool{}
	var h1, mains, links int
	var title, viewport bool
	exit := 0
	var walk func(n *html.Node, dir string)
	walk = func(n *html.Node, dir string) {
		if n.Type != html.ElementNode {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, dir)
			}
			return
		}
		name := n.Data
		for _, a := range n.Attr {
			switch {
			case a.Key == "style":
				add("<%s> has a style attribute: the CSP refuses it; use a class in assets/css/site.css", name)
			case strings.HasPrefix(a.Key, "on"):
				add("<%s> has an event handler %s: the CSP refuses it", name, a.Key)
			case a.Key == "lang" || a.Key == "hreflang":
				if a.Val != "" && a.Val != "mul" {
					if _, err := language.Parse(a.Val); err != nil {
						add("<%s> %s=%q is not a BCP 47 tag", name, a.Key, a.Val)
					}
				}
			case a.Key == "dir":
				if a.Val != "ltr" && a.Val != "rtl" && a.Val != "auto" {
					add("<%s> dir=%q: use ltr, rtl or auto", name, a.Val)
				}
			case a.Key == "id":
				if ids[a.Val] {
					add("id %q twice", a.Val)
				}
				ids[a.Val] = true
			}
		}
		// Direction: a dir attribute isolates and sets it; a language of the
		// other direction without one scrambles with its neighbours.
		own := attr(n, "dir")
		if lang := attr(n, "lang"); lang != "" && n != root && own == "" && name != "bdi" && dir != "" {
			if d := r.direction(lang); d != "" && d != dir {
				what := map[string]string{"ltr": "left-to-right", "rtl": "right-to-left"}
				add("<%s lang=%q> is %s inside %s text: give it dir=%q or make it a <bdi>", name, lang, what[d], what[dir], d)
			}
		}
		if own == "ltr" || own == "rtl" {
			dir = own
		}
		switch n.DataAtom {
		case atom.Title:
			title = title || strings.TrimSpace(text(n)) != ""
		case atom.Meta:
			viewport = viewport || attr(n, "name") == "viewport"
		case atom.H1:
			h1++
		case atom.Main:
			mains++
			if attr(n, "id") != "main" {
				add(`<main> without id="main" (the skip link's target)`)
			}
		case atom.Script:
			if src := attr(n, "src"); src == "" {
				add("inline <script>: the CSP refuses it; the only script is /js/quick-exit.js")
			} else if src != "/js/quick-exit.js" {
				add("<script src=%q>: the only script is /js/quick-exit.js", src)
			}
		case atom.Form, atom.Iframe, atom.Frame, atom.Object, atom.Embed:
			add("<%s>: pages have none (privacy: nothing is sent, nothing is embedded)", name)
		case atom.Img:
			if _, ok := attrOK(n, "alt"); !ok {
				add("<img> without alt text: give it alt (empty for decoration)")
			}
		case atom.A:
			links++
			href := attr(n, "href")
			if attr(n, "id") == "quick-exit" {
				exit++
				if href != r.quickExit {
					add("the quick exit goes to %q, want params.quickExitURL %q", href, r.quickExit)
				}
				if !slices.Contains(strings.Fields(attr(n, "rel")), "noreferrer") {
					add(`the quick exit lacks rel="noreferrer": the neutral site would learn where the reader came from`)
				}
				if strings.TrimSpace(text(n)) == "" {
					add("the quick exit has no text")
				}
				if links > 2 {
					add("the quick exit is link %d of the page: it must come first (after the skip link)", links)
				}
			}
			if strings.HasPrefix(href, "tel:") && outsideLTRBdi(n) {
				add(`%s shows its number outside <bdi dir="ltr">: it can scramble in right-to-left text`, href)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, dir)
		}
	}
	walk(root, attr(root, "dir"))
	if alias {
		return problems
	}
	if !title {
		add("no <title> with text")
	}
	if !viewport {
		add(`no <meta name="viewport">: phones would show it zoomed out`)
	}
	if mains != 1 {
		add("%d <main> elements, want 1", mains)
	}
	if h1 != 1 {
		add("%d <h1> elements, want 1", h1)
	}
	if exit != 1 {
		add(`no quick exit (<a id="quick-exit">), or more than one: %d`, exit)
	}
	return problems
}

// outsideLTRBdi reports whether a link has a digit outside <bdi dir="ltr">.
func outsideLTRBdi(n *html.Node) bool {
	var out bool
	var walk func(n *html.Node, inBdi bool)
	walk = func(n *html.Node, inBdi bool) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Bdi && attr(n, "dir") == "ltr" {
			inBdi = true
		}
		if n.Type == html.TextNode && !inBdi && strings.ContainsAny(n.Data, "0123456789") {
			out = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBdi)
		}
	}
	walk(n, false)
	return out
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
