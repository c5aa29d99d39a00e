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
	"unicode"

	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// The browser tests drive Chromium over a sample of the built pages: at 24
// languages the site has about 800, and Chromium takes two to three seconds
// a page. What must hold on every page and can be read from its HTML (the
// language and direction, the quick exit, no script or style the CSP would
// refuse, isolated numbers in right-to-left text, the page weight…) is
// checked on every page by internal/sitetest in Go; the browser checks what
// only a browser can tell (the quick exit in view and working, nothing
// stored, no request off the site, axe-core) on every language and on every
// kind of page in both directions.

// Kinds of built pages, by the layout that made them.
const (
	kindChooser  = "chooser"  // /, /go/<slug>/ and /404.html: every language by its own name
	kindHome     = "home"     // /<lang>/
	kindContent  = "content"  // a topic page
	kindLegal    = "legal"    // a topic page with a review date and sources (`legal: true` in its source page)
	kindHelp     = "help"     // every help service, from the data
	kindPartners = "partners" // for organisations
	kindFallback = "fallback" // "not translated yet"
	kindPoster   = "poster"   // /<lang>/<slug>/poster/
	kindPrint    = "print"    // /<lang>/print/: the brochure, every page
	kindNotFound = "404"      // /<lang>/404.html
	kindAlias    = "alias"    // a redirect page Hugo writes for an old address
)

// pageInfo is a built page as the sample sees it.
type pageInfo struct {
	path, lang, kind string
	rtl              bool
}

// pageInfos classifies every built page.
func (e *env) pageInfos(t *testing.T) []pageInfo {
	t.Helper()
	var out []pageInfo
	legal := e.legalSlugs(t)
	for _, p := range e.pages(t) {
		b, err := os.ReadFile(filepath.Join(e.out, filepath.FromSlash(strings.TrimPrefix(p, "/")), indexIfDir(p)))
		if err != nil {
			t.Fatal(err)
		}
		lang, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
		info := pageInfo{path: p, lang: lang, rtl: bytes.Contains(firstTag(b, "<html"), []byte("dir=rtl"))}
		slug := strings.TrimSuffix(rest, "/")
		switch {
		case p == "/" || p == "/404.html" || lang == "go":
			info.kind, info.lang = kindChooser, ""
		case bytes.Contains(b, []byte(`http-equiv=refresh`)):
			info.kind = kindAlias
		case strings.HasSuffix(p, "/404.html"):
			info.kind = kindNotFound
		case strings.HasSuffix(p, "/poster/"):
			info.kind = kindPoster
		case slug == "print":
			info.kind = kindPrint
		case bytes.Contains(b, []byte(`class=fallback-links`)):
			info.kind = kindFallback
		case slug == "":
			info.kind = kindHome
		case slug == "help":
			info.kind = kindHelp
		case slug == "partners":
			info.kind = kindPartners
		case legal[slug]:
			info.kind = kindLegal
		default:
			info.kind = kindContent
		}
		out = append(out, info)
	}
	return out
}

// legalSlugs are the pages whose source-language page says `legal: true`:
// a translation of a legal page is legal too.
func (e *env) legalSlugs(t *testing.T) map[string]bool {
	t.Helper()
	cfg, err := siteconfig.Load(e.root)
	if err != nil {
		t.Fatal(err)
	}
	site, err := content.Read(e.root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := cfg.Language(cfg.Default)
	legal := map[string]bool{}
	for _, f := range site.Dir(src.ContentDir) {
		if f.Doc != nil && f.Doc.Params[check.LegalKey] == true {
			legal[f.Slug] = true
		}
	}
	return legal
}

func indexIfDir(p string) string {
	if strings.HasSuffix(p, "/") {
		return "index.html"
	}
	return ""
}

// firstTag returns the first tag of b that starts with open, e.g. "<html".
func firstTag(b []byte, open string) []byte {
	i := bytes.Index(b, []byte(open))
	if i < 0 {
		return nil
	}
	j := bytes.IndexByte(b[i:], '>')
	if j < 0 {
		return b[i:]
	}
	return b[i : i+j]
}

// sample picks the pages the browser tests load: every language's home page
// (its first screen differs with the length of its words), the stay page
// (the page the campaign is about) of one language per script and direction
// — the one whose page is longest — and the first page of every kind in each
// direction, left to right and right to left. Every language's stay page is
// still rendered by TestGlyphsEveryPage, and every page of every language is
// read by internal/sitetest; a stay page per language here cost a quarter of
// the browser tests' time and found nothing the representative did not.
func (e *env) sample(t *testing.T) []string {
	t.Helper()
	infos := e.pageInfos(t)
	picked := map[string]bool{}
	var out []string
	pick := func(p string) {
		if !picked[p] {
			picked[p] = true
			out = append(out, p)
		}
	}
	cfg, err := siteconfig.Load(e.root)
	if err != nil {
		t.Fatal(err)
	}
	longest := map[string]string{} // script and direction → stay page
	size := map[string]int64{}
	for _, l := range cfg.Codes() {
		pick("/" + l + "/")
		lang, _ := cfg.Language(l)
		group := scriptOf(lang.Label) + " " + lang.Direction
		p := "/" + l + "/stay/"
		fi, err := os.Stat(filepath.Join(e.out, l, "stay", "index.html"))
		if err != nil {
			continue
		}
		if fi.Size() > size[group] {
			size[group], longest[group] = fi.Size(), p
		}
	}
	for _, p := range longest {
		pick(p)
	}
	type key struct {
		kind string
		rtl  bool
	}
	first := map[key]bool{}
	for _, i := range infos {
		if k := (key{i.kind, i.rtl}); !first[k] {
			first[k] = true
			pick(i.path)
		}
	}
	slices.Sort(out)
	return out
}

// scriptOf names the writing system of a language's own name (its label in
// hugo.toml): the script most of its letters belong to.
func scriptOf(label string) string {
	count := map[string]int{}
	for _, r := range label {
		for name, table := range unicode.Scripts {
			if unicode.Is(table, r) {
				count[name]++
				break
			}
		}
	}
	best := ""
	for name, n := range count {
		if n > count[best] || (n == count[best] && name < best) {
			best = name
		}
	}
	return best
}

// glyphPages are the pages TestGlyphs renders: for every language its home,
// stay and help pages, its 404 page, its stay poster and its first "not
// translated yet" page where it has them; and the choosers.
func (e *env) glyphPages(t *testing.T) []string {
	t.Helper()
	infos := e.pageInfos(t)
	var out []string
	fallback := map[string]bool{}
	for _, i := range infos {
		switch {
		case i.kind == kindChooser && (i.path == "/" || i.path == "/go/stay/"):
		case i.lang == "" || i.kind == kindAlias:
			continue
		case i.kind == kindHome, i.kind == kindNotFound,
			strings.HasSuffix(i.path, "/stay/"), strings.HasSuffix(i.path, "/help/"), strings.HasSuffix(i.path, "/stay/poster/"):
		case i.kind == kindFallback && !fallback[i.lang]:
			fallback[i.lang] = true
		default:
			continue
		}
		out = append(out, i.path)
	}
	return out
}

// languages are the codes configured in hugo.toml.
func (e *env) languages(t *testing.T) []string {
	t.Helper()
	cfg, err := siteconfig.Load(e.root)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Codes()
}

// pageName names a page's subtest: its path, "root" for /.
func pageName(p string) string {
	if name := strings.Trim(p, "/"); name != "" {
		return name
	}
	return "root"
}

// homeAboveTheFold: on a 360×640 phone a language's home page shows the
// emergency number, the heading and the key message without scrolling, in
// every language (text differs in length); TestAboveTheFold, for nb, en
// and ar, also checks the order below and scrolls.
func homeAboveTheFold(ctx context.Context, t *testing.T, path string) []string {
	if strings.Count(path, "/") != 2 || !strings.HasSuffix(path, "/") || path == "/go/" {
		return nil
	}
	var problems []string
	for _, sel := range []string{"#quick-exit", `a[href="tel:112"]`, "h1", ".key-message"} {
		if r := rect(ctx, t, sel); r == nil {
			problems = append(problems, sel+" is missing on the home page")
		} else if r.Top < 0 || r.Bottom > phoneH || r.Width == 0 {
			problems = append(problems, fmt.Sprintf("%s is not in view without scrolling at %d×%d: %+v", sel, phoneW, phoneH, *r))
		}
	}
	return problems
}
