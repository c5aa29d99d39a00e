package campaign

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
)

// redirectsHeader opens the generated _redirects file.
const redirectsHeader = `Written by "site build": do not edit here.
Hand-written rules (moved pages) go in static/_redirects; they come first.
Language rules match the first language of the browser's Accept-Language.`

// Publish runs the campaign kit's build steps on the output directory:
// the /go/ chooser pages, the QR codes, and _redirects. root is the site
// source (for i18n and static/_redirects).
func Publish(s *Site, root string) (Stats, error) {
	var st Stats
	if err := WriteChoosers(s, root); err != nil {
		return st, err
	}
	n, err := WriteQRCodes(s)
	if err != nil {
		return st, err
	}
	st.QRCodes = n
	rules := Rules(s)
	st.Rules = len(rules)
	// Hugo copied static/_redirects (hand-written moves) into the output.
	var b bytes.Buffer
	dst := filepath.Join(s.Out, netlify.RedirectsFile)
	if own, err := os.ReadFile(dst); err == nil {
		b.WriteString("# --- static/_redirects (hand-written) ---\n")
		b.Write(own)
		if !bytes.HasSuffix(own, []byte("\n")) {
			b.WriteByte('\n')
		}
		b.WriteString("\n# --- generated ---\n")
	}
	if err := netlify.WriteRedirects(&b, redirectsHeader, rules); err != nil {
		return st, err
	}
	return st, os.WriteFile(dst, b.Bytes(), 0o644)
}

// Stats counts what Publish wrote.
type Stats struct {
	QRCodes int
	Rules   int
}

// Targets lists every URL path that gets a QR code: every published page in
// every language, every /go/ link and the root.
func Targets(s *Site) []string {
	var out []string
	for _, slug := range append([]string{Home}, s.Slugs...) {
		out = append(out, GoPath(slug))
		for _, l := range s.Config.Languages {
			if s.Has(l.Code, slug) {
				out = append(out, PagePath(l.Code, slug))
			}
		}
	}
	return out
}

// WriteQRCodes writes one SVG per target, encoding its absolute production
// URL. Encoding is CPU-bound (the encoder scores all eight masks), so it runs
// on every core.
func WriteQRCodes(s *Site) (int, error) {
	targets := Targets(s)
	jobs := make(chan string)
	errs := make(chan error, len(targets))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range jobs {
				errs <- writeQR(s, p)
			}
		})
	}
	for _, p := range targets {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return len(targets), nil
}

func writeQR(s *Site, p string) error {
	svg, err := QRSVG(AbsURL(s.Config, p))
	if err != nil {
		return err
	}
	file := filepath.Join(s.Out, filepath.FromSlash(strings.TrimPrefix(QRPath(p), "/")))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(file, svg, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", QRPath(p), err)
	}
	return nil
}
