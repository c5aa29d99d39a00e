package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/testenv"

	"github.com/chromedp/chromedp"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
	"github.com/redcross-no/familieinnvandring/internal/netlify/netlifytest"
)

// env is what every browser test shares: one build, two servers, one browser.
type env struct {
	root    string // the repository
	out     string // the built site
	site    string // origin of the site server, e.g. http://127.0.0.1:40001
	exit    *exitServer
	browser context.Context // a chromedp context with a running browser
	axe     string          // axe-core's source
	headers *netlifytest.Headers
}

var (
	shared     *env
	sharedErr  error
	sharedOnce sync.Once
	cleanups   []func()
)

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(cleanups) - 1; i >= 0; i-- {
		cleanups[i]()
	}
	os.Exit(code)
}

// setup builds and starts everything once; every test that calls it fails
// with the same message when that went wrong.
func setup(t *testing.T) *env {
	t.Helper()
	sharedOnce.Do(func() {
		sharedErr = fmt.Errorf("setup failed in an earlier test: see its message")
		shared, sharedErr = start(t) // start may also end the first test with t.Fatal
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

func start(t *testing.T) (*env, error) {
	e := &env{root: netlifytest.RepoRoot(t)}
	if dir := os.Getenv("E2E_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
	}
	chromium := findChromium(t)
	axe, err := os.ReadFile(filepath.Join(testenv.NodeModules(t), "axe-core", "axe.min.js"))
	if err != nil {
		return nil, fmt.Errorf("axe-core: %v", err)
	}
	e.axe = string(axe)
	tmp, err := os.MkdirTemp("", "site-e2e-")
	if err != nil {
		return nil, err
	}
	cleanups = append(cleanups, func() { os.RemoveAll(tmp) })

	e.exit = newExitServer()
	exitURL, err := serve(e.exit)
	if err != nil {
		return nil, err
	}
	e.exit.url = exitURL
	e.out = filepath.Join(tmp, "public")
	if err := build(e.root, e.out, filepath.Join(tmp, "hugo-cache"), exitURL+exitPath); err != nil {
		return nil, err
	}
	e.headers = netlifytest.ParseHeaders(t, filepath.Join(e.out, netlify.HeadersFile), filepath.Join(e.root, "netlify.toml"))
	if len(e.headers.Errors) > 0 {
		return nil, fmt.Errorf("Netlify's parser refuses the built _headers: %q", e.headers.Errors)
	}
	if e.site, err = serve(newSiteServer(e.out, e.headers)); err != nil {
		return nil, err
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.UserDataDir(filepath.Join(tmp, "chromium-profile")),
		// The fonts of an Android phone and no others (fonts_test.go).
		chromedp.Env("FONTCONFIG_FILE="+androidFontConfig(t, tmp)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("no-first-run", true),
		// No name resolves: a request for any host but 127.0.0.1 fails
		// inside the browser (and is caught by the tests), never leaves.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	cleanups = append(cleanups, cancelAlloc, cancelBrowser)
	if err := chromedp.Do(browser); err != nil {
		return nil, fmt.Errorf("start %s: %v", chromium, err)
	}
	e.browser = browser
	return e, nil
}

// findChromium returns the browser to drive: $CHROMIUM, a Chromium or Chrome
// on PATH, or else Debian's chromium, installed when missing (testenv.Tool).
func findChromium(t *testing.T) string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return testenv.Tool(t, "chromium", "chromium")
}

// build runs the site tool as Netlify does, once: Hugo may run only once per
// process. quickExit points the quick exit at the local exit server through
// Hugo's own environment override of params.quickExitURL.
func build(root, out, cache, quickExit string) error {
	gobin := "go"
	if p, err := exec.LookPath("go"); err == nil {
		gobin = p
	}
	cmd := exec.Command(gobin, "run", "./cmd/site", "build", "--out", out)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "HUGO_PARAMS_QUICKEXITURL="+quickExit, "HUGO_CACHEDIR="+cache)
	b, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("go run ./cmd/site build: %v\n%s", err, b)
	}
	return nil
}

// serve starts h on a free port of 127.0.0.1 and returns its origin.
func serve(h http.Handler) (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(l)
	cleanups = append(cleanups, func() { srv.Close() })
	return "http://" + l.Addr().String(), nil
}

// pages lists the URL path of every built HTML page, e.g. "/nb/help/".
func (e *env) pages(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(e.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		rel, _ := filepath.Rel(e.out, p)
		u := "/" + filepath.ToSlash(rel)
		out = append(out, strings.TrimSuffix(u, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// tab opens a new tab in the shared browser, closed when the test ends.
func (e *env) tab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(e.browser)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelTimeout)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	return ctx
}
