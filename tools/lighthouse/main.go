// Command lighthouse scores the built site with Lighthouse (mobile: performance,
// accessibility, best practices, SEO) the way readers get it: the site is
// built with cmd/site, served over HTTPS on 127.0.0.1 under its real host name
// (Chromium maps the name to the local server) with gzip and the _headers of
// the build, and each page is run through Lighthouse in headless Chromium.
//
//	go run ./tools/lighthouse                 # home, stay, help in nb, en, ar
//	go run ./tools/lighthouse nb/ en/help/    # chosen pages
//	go run ./tools/lighthouse -runs 5 ti/      # five runs a page (default 3)
//
// Lighthouse is installed into tools/lighthouse/node_modules on first use
// (npm, Node 20). Chromium comes from CHROME_PATH, default /usr/bin/chromium.
// Each page is run several times (-runs) and the run with the median
// performance score is reported: one run moves by several points with the
// machine's load, which is printed before and after. Full JSON reports of
// every run are written to tools/lighthouse/report/ (PAGE.N.json, and
// PAGE.json for the median run). The exit code is 1 when a category of a
// page's median run scores below 100.
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

var defaultPages = []string{
	"nb/", "nb/stay/", "nb/help/",
	"en/", "en/stay/", "en/help/",
	"ar/", "ar/stay/", "ar/help/",
}

var categories = []string{"performance", "accessibility", "best-practices", "seo"}

func main() {
	os.Exit(run())
}

func run() int {
	keep := flag.Bool("keep", false, "keep serving after the runs (Ctrl+C stops), to look at the pages")
	// One Lighthouse run moves by several points with what else the machine
	// does; Lighthouse's own advice is the median of several runs.
	runs := flag.Int("runs", 3, "Lighthouse runs a page; the median run by performance score is reported")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/lighthouse [--keep] [lang/page/ ...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	pages := flag.Args()
	if *runs < 1 {
		fmt.Fprintln(os.Stderr, "lighthouse: -runs must be 1 or more")
		return 2
	}
	if len(pages) == 0 {
		pages = defaultPages
	}
	here := "tools/lighthouse"
	if _, err := os.Stat("hugo.toml"); err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse: run from the repository root: go run ./tools/lighthouse")
		return 2
	}
	cfg, err := siteconfig.Load(".")
	if err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		return 1
	}
	base, _ := url.Parse(cfg.BaseURL)
	if err := ensureLighthouse(here); err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		return 1
	}

	tmp, err := os.MkdirTemp("", "lighthouse-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")
	fmt.Fprintln(os.Stderr, "building the site …")
	build := exec.Command("go", "run", "./cmd/site", "build", "--out", out)
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse: site build failed:", err)
		return 1
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		return 1
	}
	cert, spki, err := selfSigned(base.Hostname())
	if err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		return 1
	}
	srv := &http.Server{Handler: netlify.NewHandler(out), TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}}}
	go srv.ServeTLS(ln, "", "")
	defer srv.Close()
	port := ln.Addr().(*net.TCPAddr).Port

	reports := filepath.Join(here, "report")
	if err := os.MkdirAll(reports, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		return 1
	}
	chrome := os.Getenv("CHROME_PATH")
	if chrome == "" {
		chrome = "/usr/bin/chromium"
	}
	flags := strings.Join([]string{
		"--headless", "--no-sandbox", "--disable-gpu",
		"--ignore-certificate-errors-spki-list=" + spki,                                     // the local server's throwaway certificate
		fmt.Sprintf("--host-resolver-rules=\"MAP %s 127.0.0.1:%d\"", base.Hostname(), port), // quoted: Lighthouse splits its flags on spaces
	}, " ")

	fmt.Printf("load average %s; %d runs a page, the median run by performance shown\n", loadAverage(), *runs)
	fmt.Printf("%-24s %5s %5s %5s %5s   %s\n", "page", "perf", "a11y", "bp", "seo", "perf of each run")
	below := false
	for _, p := range pages {
		p = strings.TrimPrefix(p, "/")
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p), "index.html")); err != nil {
			fmt.Printf("%-24s not in the build (no page in that language yet)\n", p)
			continue
		}
		name := strings.NewReplacer("/", "_").Replace(strings.Trim(p, "/"))
		var results []runResult
		for i := 0; i < *runs; i++ {
			report := filepath.Join(reports, fmt.Sprintf("%s.%d.json", name, i+1))
			cmd := exec.Command(filepath.Join(here, "node_modules", ".bin", "lighthouse"),
				base.Scheme+"://"+base.Host+"/"+p,
				"--quiet", "--output=json", "--output-path="+report,
				"--only-categories="+strings.Join(categories, ","),
				"--chrome-flags="+flags)
			cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				fmt.Printf("%-24s lighthouse failed: %v\n", p, err)
				continue
			}
			scores, failing, err := readReport(report)
			if err != nil {
				fmt.Printf("%-24s %v\n", p, err)
				continue
			}
			results = append(results, runResult{report, scores, failing})
		}
		if len(results) == 0 {
			below = true
			continue
		}
		m := medianRun(results)
		// The median run's report is the one to read; the others stay
		// beside it, numbered.
		if err := copyFile(m.report, filepath.Join(reports, name+".json")); err != nil {
			fmt.Fprintln(os.Stderr, "lighthouse:", err)
		}
		fmt.Printf("%-24s", p)
		for _, c := range categories {
			fmt.Printf(" %5.0f", m.scores[c]*100)
			if m.scores[c] < 1 {
				below = true
			}
		}
		fmt.Print("  ")
		for _, r := range results {
			fmt.Printf(" %.0f", r.scores["performance"]*100)
		}
		fmt.Println()
		for _, f := range m.failing {
			fmt.Printf("    %s\n", f)
		}
	}
	fmt.Printf("load average %s\n", loadAverage())
	fmt.Printf("reports: %s/\n", reports)
	if *keep {
		fmt.Printf("serving https://%s/ on 127.0.0.1:%d (Ctrl+C stops)\n", base.Host, port)
		select {}
	}
	if below {
		return 1
	}
	return 0
}

// runResult is one Lighthouse run of a page.
type runResult struct {
	report  string
	scores  map[string]float64
	failing []string
}

// medianRun is the run whose performance score is the median (the lower
// middle one for an even count), so all four scores shown come from one run.
func medianRun(rs []runResult) runResult {
	sorted := append([]runResult(nil), rs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return sorted[i].scores["performance"] < sorted[j].scores["performance"]
	})
	return sorted[(len(sorted)-1)/2]
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// loadAverage is the one-minute load average, or "unknown": a score taken
// while the machine is busy says little (Lighthouse scales what it saw).
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return "unknown"
}

// ensureLighthouse installs Lighthouse from the lock file on first use.
func ensureLighthouse(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "node_modules", ".bin", "lighthouse")); err == nil {
		return nil
	}
	fmt.Fprintln(os.Stderr, "installing lighthouse into", dir, "…")
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

// readReport returns the category scores of a Lighthouse JSON report and the
// audits that cost points.
func readReport(file string) (map[string]float64, []string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	var r struct {
		RuntimeError *struct{ Message string } `json:"runtimeError"`
		Categories   map[string]struct {
			Score     *float64 `json:"score"`
			AuditRefs []struct {
				ID     string  `json:"id"`
				Weight float64 `json:"weight"`
			} `json:"auditRefs"`
		} `json:"categories"`
		Audits map[string]struct {
			Title        string   `json:"title"`
			Score        *float64 `json:"score"`
			DisplayValue string   `json:"displayValue"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, nil, err
	}
	if r.RuntimeError != nil {
		return nil, nil, fmt.Errorf("lighthouse: %s", r.RuntimeError.Message)
	}
	scores := map[string]float64{}
	var failing []string
	for _, c := range categories {
		cat := r.Categories[c]
		if cat.Score != nil {
			scores[c] = *cat.Score
		}
		for _, ref := range cat.AuditRefs {
			a := r.Audits[ref.ID]
			if ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				f := fmt.Sprintf("%s: %s (%.2f)", c, a.Title, *a.Score)
				if a.DisplayValue != "" {
					f += " " + a.DisplayValue
				}
				failing = append(failing, f)
			}
		}
	}
	return scores, failing, nil
}

// selfSigned makes a throwaway certificate for host, and the base64 SHA-256
// of its public key, which Chromium is told to trust.
func selfSigned(host string) (tls.Certificate, string, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: host},
		DNSNames:     []string{host},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	pub, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return tls.Certificate{}, "", err
	}
	sum := sha256.Sum256(pub)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, base64.StdEncoding.EncodeToString(sum[:]), nil
}
