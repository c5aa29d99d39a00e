package hugorun

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/publish"
)

// TestStockHugoBuildsTheSameSite builds the real site twice, with stock Hugo
// (compiled from the same module version) and with the site tool, and
// requires the same HTML pages, byte for byte: nothing a reader sees depends
// on the tool, which only adds checks and files Hugo has no notion of (QR
// codes, _redirects, and the multilingual pages: the root and /go/ language
// choosers and /404.html) and isolates Latin runs in right-to-left text.
func TestStockHugoBuildsTheSameSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries and the whole site")
	}
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	tmp := t.TempDir()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("the go command is needed to build stock hugo: ", err)
	}
	run := func(dir, name string, args ...string) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(tmp, "cache"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	hugo := filepath.Join(tmp, "hugo")
	site := filepath.Join(tmp, "site")
	run(root, goBin, "build", "-o", hugo, "github.com/gohugoio/hugo")
	run(root, goBin, "build", "-o", site, "./cmd/site")
	stock := filepath.Join(tmp, "stock")
	tool := filepath.Join(tmp, "tool")
	// Build from a copy: the tool records new URLs in published-urls.txt, and
	// a test must not change the repository.
	src := filepath.Join(tmp, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"hugo.toml", "netlify.toml", "published-urls.txt", "layouts", "assets", "i18n", "data", "static", "content", "source-versions"} {
		from, to := filepath.Join(root, f), filepath.Join(src, f)
		info, err := os.Stat(from)
		switch {
		case os.IsNotExist(err):
			continue
		case err != nil:
			t.Fatal(err)
		case info.IsDir():
			err = os.CopyFS(to, os.DirFS(from))
		default:
			var b []byte
			if b, err = os.ReadFile(from); err == nil {
				err = os.WriteFile(to, b, 0o644)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	run(src, hugo, "build", "--destination", stock, "--logLevel", "error")
	run(src, site, "build", "--out", tool)
	// The tool's one change to Hugo's pages: Latin runs in right-to-left
	// text isolated (internal/publish/isolate.go).
	if err := publish.IsolateDir(stock); err != nil {
		t.Fatal(err)
	}

	stockPages := htmlFiles(t, stock)
	var toolPages []string
	for _, p := range htmlFiles(t, tool) {
		if !strings.HasPrefix(filepath.ToSlash(p), "go/") && p != "404.html" { // internal/campaign writes these
			toolPages = append(toolPages, p)
		}
	}
	if len(stockPages) < 10 {
		t.Fatalf("stock hugo wrote only %d pages", len(stockPages))
	}
	for _, p := range stockPages {
		if p == "index.html" { // the root chooser: internal/campaign writes it over Hugo's, in every language
			continue
		}
		a, _ := os.ReadFile(filepath.Join(stock, p))
		b, err := os.ReadFile(filepath.Join(tool, p))
		if err != nil {
			t.Errorf("%s: built by stock hugo, missing from the tool's build", p)
			continue
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between stock hugo and the tool", p)
		}
	}
	if len(toolPages) != len(stockPages) {
		t.Errorf("tool wrote %d pages, stock hugo %d", len(toolPages), len(stockPages))
	}
}

func htmlFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".html" {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}
