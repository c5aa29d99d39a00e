package e2e

import (
	"crypto/sha256"
	"encoding/base64"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var styleElement = regexp.MustCompile(`(?s)<style[^>]*>(.*?)</style>`)

// TestHeaders reads the built _headers with Netlify's own parser (in setup)
// and checks it against the inline CSS the build actually produced: one
// stylesheet on every page, and exactly its hash in the CSP.
func TestHeaders(t *testing.T) {
	e := setup(t)
	h := e.headers.For("/*")
	if h == nil {
		t.Fatalf("Netlify sees no headers for /*: %+v", e.headers.Rules)
	}

	styles := map[string][]string{} // inline CSS → pages
	err := filepath.WalkDir(e.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(e.out, p)
		for _, m := range styleElement.FindAllSubmatch(b, -1) {
			styles[string(m[1])] = append(styles[string(m[1])], rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(styles) != 1 {
		t.Fatalf("the build has %d different inline stylesheets, want one", len(styles))
	}
	var hash string
	for css := range styles {
		sum := sha256.Sum256([]byte(css))
		hash = "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}

	csp := h["Content-Security-Policy"]
	directives := map[string]string{}
	for _, d := range strings.Split(csp, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = value
	}
	if !strings.HasPrefix(csp, "default-src 'none'") {
		t.Errorf("CSP does not start from default-src 'none': %s", csp)
	}
	for name, want := range map[string]string{
		"default-src":     "'none'",
		"style-src":       hash,
		"script-src":      "'self'",
		"img-src":         "'self'",
		"form-action":     "'none'",
		"frame-ancestors": "'none'",
		"base-uri":        "'none'",
	} {
		if directives[name] != want {
			t.Errorf("CSP %s is %q, want %q", name, directives[name], want)
		}
	}
	for _, bad := range []string{"unsafe-inline", "unsafe-eval", "unsafe-hashes", "*", "data:", "http:", "https:"} {
		if strings.Contains(csp, bad) {
			t.Errorf("CSP allows %s: %s", bad, csp)
		}
	}
	for name, want := range map[string]string{
		"Referrer-Policy":        "no-referrer",
		"X-Content-Type-Options": "nosniff",
	} {
		if h[name] != want {
			t.Errorf("%s is %q, want %q", name, h[name], want)
		}
	}
	if hsts := h["Strict-Transport-Security"]; !strings.Contains(hsts, "max-age=") || strings.Contains(hsts, "max-age=0") {
		t.Errorf("Strict-Transport-Security is %q", hsts)
	}
	for _, f := range []string{"camera=()", "microphone=()", "geolocation=()"} {
		if !strings.Contains(h["Permissions-Policy"], f) {
			t.Errorf("Permissions-Policy %q does not deny %s", h["Permissions-Policy"], f)
		}
	}

	// The test server sends them as Netlify would.
	resp, err := http.Get(e.site + "/nb/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Content-Security-Policy"); got != csp {
		t.Errorf("the test server sends CSP %q, want %q", got, csp)
	}
}
