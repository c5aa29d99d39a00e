package publish

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBrokenLinks(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"nb/index.html": `<link rel=canonical href="https://example.org/nb/">
<link rel=alternate hreflang=en href="https://example.org/en/">
<a href="#main">skip</a><main id=main></main>
<a href="/nb/help/">ok</a> <a href="help/#svc-x">relative with anchor</a>
<a href="/nb/help/#nowhere">missing anchor</a> <a href="#gone">missing here</a>
<a href="/nb/missing/">missing page</a> <script src="/js/q.js"></script> <img src="/img/x.svg">
<a href="/go/help">campaign link</a> <a href="https://other.example/x">other site</a> <a href="tel:112">call</a>`,
		"nb/help/index.html": `<h2 id="svc-x">x</h2>`,
		"js/q.js":            `1`,
		"_redirects":         "/go/:topic /nb/:topic/ 302\n/nb/* /nb/404.html 404\n",
	})
	got, err := BrokenLinks(dir, "https://example.org/")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`nb/index.html: <a href="#gone">: nb/index.html has no id "gone"`,
		`nb/index.html: <a href="/nb/help/#nowhere">: nb/help/index.html has no id "nowhere"`,
		`nb/index.html: <a href="/nb/missing/"> goes nowhere: there is no nb/missing/ in the output`,
		`nb/index.html: <img src="/img/x.svg"> goes nowhere: there is no img/x.svg in the output`,
		`nb/index.html: <link href="https://example.org/en/"> goes nowhere: there is no en/ in the output`,
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCosts(t *testing.T) {
	// 4 KB of random letters: about 3 KB gzipped, over the script budget.
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 4096 {
		b.WriteByte(byte('a' + rng.IntN(26)))
	}
	big := b.String()
	dir := writeTree(t, map[string]string{
		"ok/index.html":    `<style>body{color:red}</style><script src="/js/q.js"></script><p>text`,
		"heavy/index.html": `<script>` + big + `</script><img src="https://cdn.example/x.png"><img src=a.png><img src=b.png><img src=c.png><link rel=icon href=/i.svg>`,
		"js/q.js":          `document.title`,
	})
	costs, err := Costs(dir)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]Cost{}
	for _, c := range costs {
		byPath[c.Path] = c
	}
	if p := byPath["ok/index.html"].Problems(); len(p) > 0 || len(byPath["ok/index.html"].Requests) != 1 {
		t.Errorf("ok page: requests %v, problems %v", byPath["ok/index.html"].Requests, p)
	}
	heavy := byPath["heavy/index.html"]
	p := strings.Join(heavy.Problems(), "\n")
	for _, want := range []string{"of JavaScript gzip is over the 2 KB budget", "5 requests after the HTML", "loads https://cdn.example/x.png from another site"} {
		if !strings.Contains(p, want) {
			t.Errorf("heavy page problems lack %q:\n%s", want, p)
		}
	}
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
