package publish

import (
	"net/url"
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// outputProblems runs OutputRules on one page, as the page pass would.
func outputProblems(t *testing.T, rel, page string) []string {
	t.Helper()
	cfg := &siteconfig.Config{BaseURL: "https://www.dinerettigheter.no/", Default: "nb", QuickExitURL: "https://www.yr.no/"}
	o := NewOutputRules(t.TempDir(), cfg)
	o.addLabel("Gå ut raskt")
	b := []byte(page)
	o.Page(&Page{Path: rel, HTML: b, Tokens: tokenize(b)})
	var out []string
	for _, p := range o.problems {
		out = append(out, p.msg)
	}
	return out
}

const stub = `<!doctype html><html><head><title>https://www.dinerettigheter.no/nb/help/</title><link rel=canonical href=https://www.dinerettigheter.no/nb/help/><meta name=robots content="noindex"><meta charset=utf-8><meta http-equiv=refresh content="0; url=https://www.dinerettigheter.no/nb/help/"></head><body><a href=https://www.dinerettigheter.no/nb/help/>https://www.dinerettigheter.no/nb/help/</a></body></html>`

// Hugo's alias page (layouts/alias.html, minified as Hugo writes it) is the
// one refresh allowed, and only as it is: to a page of this site, at once,
// with nothing else on it.
func TestAliasStub(t *testing.T) {
	if p := outputProblems(t, "nb/old/index.html", stub); len(p) > 0 {
		t.Fatalf("Hugo's alias page is refused: %q", p)
	}
	for name, page := range map[string]string{
		"to another site":    strings.ReplaceAll(stub, "www.dinerettigheter.no", "www.udi.no"),
		"after a delay":      strings.Replace(stub, `"0; url=`, `"5; url=`, 1),
		"with a script":      strings.Replace(stub, "</head>", "<script src=/js/quick-exit.js></script></head>", 1),
		"with more text":     strings.Replace(stub, "</a>", "</a><p>Klikk her</p>", 1),
		"to another page":    strings.Replace(stub, "url=https://www.dinerettigheter.no/nb/help/", "url=https://www.dinerettigheter.no/nb/law/", 1),
		"with a second link": strings.Replace(stub, "</body>", `<a href=https://www.dinerettigheter.no/nb/help/ ping=/x>x</a></body>`, 1),
	} {
		p := outputProblems(t, "nb/old/index.html", page)
		if !strings.Contains(strings.Join(p, "\n"), `<meta http-equiv="refresh">`) {
			t.Errorf("an alias page %s is not refused for its refresh: %q", name, p)
		}
	}
}

// A lookalike's label is compared as a reader takes it in: case, spaces
// and punctuation aside.
func TestQuickExitLabelLookalike(t *testing.T) {
	page := `<!doctype html><html><head><script src=/js/quick-exit.js defer></script></head><body>
<nav class=exit-nav aria-label="Gå ut raskt"><a id=quick-exit class=quick-exit href=https://www.yr.no/ rel=noreferrer>Gå ut raskt</a></nav>
<header class=site-header></header>
<p><button>  GÅ UT   raskt → </button></p>
<p><a href=/nb/law/>Gå ut av ekteskapet</a></p>
</body></html>`
	p := outputProblems(t, "nb/law/index.html", page)
	if len(p) != 1 || !strings.HasPrefix(p[0], `<button> is a second quick exit (text "GÅ UT raskt →", the quick exit's label)`) {
		t.Fatalf("got %q, want the button alone", p)
	}
	lines := tokenLines([]byte(page))
	if got := lines[len(lines)-1]; got != 6 {
		t.Errorf("the last token is on line %d, want 6", got)
	}
}

func TestNormText(t *testing.T) {
	for in, want := range map[string]string{
		"Gå ut raskt":           "gå ut raskt",
		"  Gå\u00a0ut – raskt!": "gå ut raskt",
		"خروج سريع":             "خروج سريع",
		"":                      "",
	} {
		if got := normText(in); got != want {
			t.Errorf("normText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSitePathIsWhatParseSays: foreign skips url.Parse only for a path that
// Parse takes as a path on this site, without an error.
func TestSitePathIsWhatParseSays(t *testing.T) {
	for _, v := range []string{"/nb/help/", "/", "/a b/?q=1&r#frag", "/x:y", "//evil.example/", "/a%zz", "/a%20b", "/\x01", "/x#%zz", "nb/help/", "https://x.no/", "/æøå/\x7f"} {
		u, err := url.Parse(v)
		parsed := err == nil && u.Scheme == "" && u.Host == ""
		if sitePath(v) && !parsed {
			t.Errorf("sitePath(%q) is true, but url.Parse gives %v, %v", v, u, err)
		}
	}
	if !sitePath("/nb/help/") {
		t.Error("sitePath(/nb/help/) is false: foreign parses every link again")
	}
}
