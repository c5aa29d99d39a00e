package netlify_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
	"github.com/redcross-no/familieinnvandring/internal/netlify/netlifytest"
)

const site = "https://www.example.no/"

// page is a minimal built page with the given head and body.
func page(head, body string) string {
	return "<!doctype html><html lang=nb><head><meta charset=utf-8><title>t</title>" + head + "</head><body>" + body + "</body></html>"
}

// writeSite writes files (path → content) into a fresh directory.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestScanAcceptsOneSharedStylesheet(t *testing.T) {
	css := "body{margin:0}"
	dir := writeSite(t, map[string]string{
		"nb/index.html":      page("<style>"+css+"</style><script src=/js/quick-exit.js defer></script>", `<a href="https://www.yr.no/" rel=noreferrer>x</a><a href=https://www.example.no/nb/>home</a><a href="tel:112">112</a>`),
		"en/help/index.html": page("<style>"+css+"</style>", `<img src=/qr/help.svg alt=""><a href=/en/>home</a>`),
		"redirect.html":      `<!doctype html><html><head><meta http-equiv=refresh content="0; url=https://www.example.no/nb/"></head></html>`,
	})
	got, err := netlify.Scan(dir, site)
	if err != nil {
		t.Fatal(err)
	}
	// echo -n 'body{margin:0}' | openssl dgst -sha256 -binary | base64
	if want := "sha256-IAdwN3biDCQ3brrgp1m8kBEsPQYyqfREKOEfeoREopc="; got != want {
		t.Errorf("Scan = %q, want %q", got, want)
	}
}

func TestScanRefuses(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{"style attribute", "", `<p style="color:red">x</p>`, "<p style=…>: the CSP blocks style attributes"},
		{"inline script", "<script>alert(1)</script>", "", "inline <script>"},
		{"event handler", "", `<a href=/ onclick="x()">x</a>`, "<a onclick=…>: the CSP blocks inline event handlers"},
		{"remote image", "", `<img src="https://cdn.example.com/a.png" alt="">`, `<img src="https://cdn.example.com/a.png"> loads from another site`},
		{"remote srcset", "", `<img src=/a.png srcset="/a.png 1x, //cdn.example.com/a2.png 2x" alt="">`, "<img srcset="},
		{"remote script", `<script src="https://analytics.example.com/a.js"></script>`, "", `<script src="https://analytics.example.com/a.js"> loads from another site`},
		{"web font", `<link rel=preconnect href="https://fonts.example.com">`, "", `<link rel="preconnect" href="https://fonts.example.com"> loads from another site`},
		{"iframe", "", `<iframe src="https://video.example.com/v"></iframe>`, "<iframe src="},
		{"outbound link with referrer", "", `<a href="https://www.udi.no/">UDI</a>`, `<a href="https://www.udi.no/"> leaves the site without rel="noreferrer"`},
		{"form", "", `<form action=/search><input name=q></form>`, "<form>: the CSP forbids sending forms"},
		{"base", `<base href="/">`, "", "<base>: the CSP forbids it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSite(t, map[string]string{"nb/x/index.html": page("<style>a{}</style>"+tt.head, tt.body)})
			_, err := netlify.Scan(dir, site)
			if err == nil {
				t.Fatalf("Scan accepted a page with %s", tt.name)
			}
			if !strings.Contains(err.Error(), "nb/x/index.html: "+tt.want) {
				t.Errorf("error does not name the page and say %q:\n%v", tt.want, err)
			}
		})
	}
}

func TestScanRefusesDifferentStylesheets(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"nb/index.html":    page("<style>a{color:red}</style>", ""),
		"nb/a/index.html":  page("<style>a{color:red}</style>", ""),
		"en/index.html":    page("<style>a{color:blue}</style>", ""),
		"nb/404.html":      page("<style></style>", ""),
		"nb/bare.html":     page("", ""),
		"nb/second.html":   page("<style>a{color:red}</style><style>p{}</style>", ""),
		"nb/unrelated.txt": "<style>ignored</style>",
	})
	_, err := netlify.Scan(dir, site)
	if err == nil {
		t.Fatal("Scan accepted pages with different inline styles")
	}
	for _, want := range []string{
		"pages carry 4 different inline stylesheets",
		netlify.StyleHash("a{color:red}") + " on 3 page(s), e.g. nb/a/index.html",
		netlify.StyleHash("a{color:blue}") + " on 1 page(s), e.g. en/index.html",
		netlify.StyleHash("") + " on 1 page(s), e.g. nb/404.html",
		"keep all CSS in assets/css/site.css",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestHeadersFileParsesOnNetlify runs Netlify's own parser over what
// WriteHeaders writes, merged with the repository's netlify.toml.
func TestHeadersFileParsesOnNetlify(t *testing.T) {
	css := "body{margin:0}"
	dir := writeSite(t, map[string]string{"nb/index.html": page("<style>"+css+"</style>", "")})
	if err := netlify.WriteHeaders(dir, site); err != nil {
		t.Fatal(err)
	}
	root := netlifytest.RepoRoot(t)
	h := netlifytest.ParseHeaders(t, filepath.Join(dir, netlify.HeadersFile), filepath.Join(root, "netlify.toml"))
	if len(h.Errors) > 0 {
		t.Fatalf("Netlify's parser found errors: %q", h.Errors)
	}
	all := h.For("/*")
	if all == nil {
		t.Fatalf("no rule for /*: %+v", h.Rules)
	}
	want := map[string]string{}
	for _, hd := range netlify.HeaderRules(netlify.StyleHash(css))[0].Headers {
		want[hd.Name] = hd.Value
	}
	for name, v := range want {
		if all[name] != v {
			t.Errorf("%s = %q on Netlify, want %q", name, all[name], v)
		}
	}
	if len(all) != len(want) {
		t.Errorf("Netlify sees %d headers for /*, we wrote %d: %v", len(all), len(want), all)
	}
}

func TestCSPIsStrict(t *testing.T) {
	csp := netlify.CSP(netlify.StyleHash("a{}"))
	if !strings.HasPrefix(csp, "default-src 'none'; ") {
		t.Errorf("CSP does not start from default-src 'none': %s", csp)
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "*", "http:", "https:", "data:"} {
		if strings.Contains(csp, bad) {
			t.Errorf("CSP contains %q: %s", bad, csp)
		}
	}
	for _, want := range []string{"style-src 'sha256-", "script-src 'self'", "img-src 'self'", "form-action 'none'", "frame-ancestors 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %q: %s", want, csp)
		}
	}
	if got := netlify.CSP(""); !strings.Contains(got, "style-src 'none'") {
		t.Errorf("CSP without inline CSS = %s, want style-src 'none'", got)
	}
}
