// Package sitetest holds the tests that look at the real site as readers get
// it: the tool is built and run once, as a separate process, and its output
// is checked for broken links and budgets. The scale benchmark lives here too.
package sitetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/publish"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// repo is the repository root, seen from this package.
var repo, _ = filepath.Abs("../..")

// siteFiles are what a build reads; they are copied so that the tests never
// write into the working tree.
var siteFiles = []string{"hugo.toml", "netlify.toml", "layouts", "assets", "i18n", "data", "static", "content", "source-versions", "published-urls.txt"}

// tool builds cmd/site once per test binary.
func tool(tb testing.TB) string { return toolBinary.path(tb) }

var toolBinary = &binary{pkg: "./cmd/site", name: "site"}

// binary is a Go command built once per test binary, from the repository.
type binary struct {
	pkg, name string
	once      sync.Once
	built     string
	err       error
}

func (b *binary) path(tb testing.TB) string {
	tb.Helper()
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "sitetest-"+b.name+"-")
		if err != nil {
			b.err = err
			return
		}
		b.built = filepath.Join(dir, b.name)
		cmd := exec.Command("go", "build", "-o", b.built, b.pkg)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build %s: %v\n%s", b.pkg, err, out)
		}
	})
	if b.err != nil {
		tb.Fatal(b.err)
	}
	return b.built
}

var (
	siteOnce sync.Once
	siteDir  string // the output of `site build` over the real site
	siteErr  error
)

// builtSite builds the real site once, into a temporary folder, and returns it.
func builtSite(tb testing.TB) string {
	tb.Helper()
	bin := tool(tb)
	siteOnce.Do(func() {
		src, err := os.MkdirTemp("", "sitetest-src-")
		if err != nil {
			siteErr = err
			return
		}
		if err := copySite(repo, src); err != nil {
			siteErr = err
			return
		}
		cmd := exec.Command(bin, "build", "--out", "public")
		cmd.Dir = src
		cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(src, ".cache"))
		if out, err := cmd.CombinedOutput(); err != nil {
			siteErr = fmt.Errorf("site build: %v\n%s", err, out)
			return
		}
		siteDir = filepath.Join(src, "public")
	})
	if siteErr != nil {
		tb.Fatal(siteErr)
	}
	return siteDir
}

// TestLinks: every same-site href and src in the built site points at a file
// of the output (or an address _redirects serves), and every #fragment at an
// id on its page. Canonical and hreflang addresses count: they are absolute
// on the site's own host.
func TestLinks(t *testing.T) {
	dir := builtSite(t)
	cfg, err := siteconfig.Load(repo)
	if err != nil {
		t.Fatal(err)
	}
	broken, err := publish.BrokenLinks(dir, cfg.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Error(b)
	}
}

// TestBudgets: every page within 14 KB gzip, 2 KB of script and the request
// budget, and nothing loaded from another site. With -v it prints the figures.
func TestBudgets(t *testing.T) {
	dir := builtSite(t)
	f, err := measure(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.problems {
		t.Error(p)
	}
	t.Logf("%d pages · HTML gzip largest %d B (%s), median %d B · script gzip largest %d B %s · requests after the HTML: most %d %s",
		f.pages, f.largest, f.largestPath, f.median, f.script, f.scriptPath, f.requests, f.requestsPath)
}

// figures are the budget figures of a built site.
type figures struct {
	pages                    int
	largest, median          int
	largestPath              string
	script, requests         int
	scriptPath, requestsPath string
	problems                 []string
}

func measure(dir string) (figures, error) {
	var f figures
	weights, err := publish.Weights(dir)
	if err != nil {
		return f, err
	}
	costs, err := publish.Costs(dir)
	if err != nil {
		return f, err
	}
	if len(weights) == 0 {
		return f, fmt.Errorf("no pages in %s", dir)
	}
	f.pages = len(weights)
	f.largest, f.largestPath = weights[0].Gzip, weights[0].Path
	sizes := make([]int, len(weights))
	for i, w := range weights {
		sizes[i] = w.Gzip
	}
	slices.Sort(sizes)
	f.median = sizes[len(sizes)/2]
	for _, w := range publish.OverBudget(weights) {
		f.problems = append(f.problems, fmt.Sprintf("%s: %d B gzip is over the %d B page budget", w.Path, w.Gzip, publish.Budget(w.Path)))
	}
	for _, c := range costs {
		if c.Script > f.script {
			f.script, f.scriptPath = c.Script, c.Path
		}
		if len(c.Requests) > f.requests {
			f.requests, f.requestsPath = len(c.Requests), c.Path
		}
		f.problems = append(f.problems, c.Problems()...)
	}
	return f, nil
}

// BenchmarkBudgets reports the budget figures of the real site as metrics
// (the loop measures the built output; the build itself runs once).
func BenchmarkBudgets(b *testing.B) {
	dir := builtSite(b)
	var f figures
	for b.Loop() {
		var err error
		if f, err = measure(dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(f.pages), "pages")
	b.ReportMetric(float64(f.largest), "largest-gzip-B")
	b.ReportMetric(float64(f.median), "median-gzip-B")
	b.ReportMetric(float64(f.script), "max-script-gzip-B")
	b.ReportMetric(float64(f.requests), "max-requests")
}

// copySite copies the files a build reads from src to dst.
func copySite(src, dst string) error {
	for _, name := range siteFiles {
		if err := copySiteItem(filepath.Join(src, name), filepath.Join(dst, name)); err != nil {
			return err
		}
	}
	return nil
}
