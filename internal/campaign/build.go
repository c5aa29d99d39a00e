package campaign

import (
	"github.com/redcross-no/familieinnvandring/internal/addresses"

	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/redcross-no/familieinnvandring/internal/netlify"
	"github.com/redcross-no/familieinnvandring/internal/publish"
)

// redirectsHeader opens the generated _redirects file.
const redirectsHeader = `Written by "site build": do not edit here.
Hand-written rules (moved pages) go in static/_redirects; they come first.
Language rules match the first language of the browser's Accept-Language.`

// Kit is the campaign kit's part of one build: its steps, in the order the
// build lists them (Scan first), and what they found for the summary.
type Kit struct {
	Pages     []*PageInfo // the content files, as check read them
	Site      *Site       // after Scan
	Stats     Stats
	Published []string // after PublishedURLs
}

// Scan is the step that reads which pages Hugo published.
func (k *Kit) Scan() publish.Step {
	return publish.StepFunc("campaign: which page Hugo published in which language", func(b *publish.Build) error {
		k.Site = Scan(b.Config, b.Dir, k.Pages)
		return nil
	})
}

// Choosers is the step that writes the language chooser behind each /go/ link.
func (k *Kit) Choosers() publish.Step {
	return publish.StepFunc("campaign: the root and /go/ language choosers, /404.html", func(b *publish.Build) error {
		if err := WriteChoosers(k.Site, b.Root); err != nil {
			return fmt.Errorf("campaign kit: %w", err)
		}
		return nil
	})
}

// QRCodes is the step that writes a QR code beside every page and /go/ link.
func (k *Kit) QRCodes() publish.Step {
	return publish.StepFunc("campaign: QR codes", func(b *publish.Build) error {
		n, err := writeQRCodes(k.Site, b.MarkMinified)
		if err != nil {
			return fmt.Errorf("campaign kit: %w", err)
		}
		k.Stats.QRCodes = n
		return nil
	})
}

// Redirects is the step that writes _redirects: the hand-written rules of
// static/_redirects (which Hugo copied), then the generated ones.
func (k *Kit) Redirects() publish.Step {
	return publish.StepFunc("campaign: _redirects", func(b *publish.Build) error {
		n, err := WriteRedirects(k.Site)
		if err != nil {
			return fmt.Errorf("campaign kit: %w", err)
		}
		k.Stats.Rules = n
		return nil
	})
}

// PublishedURLs is the step that lists the URLs the contract covers.
func (k *Kit) PublishedURLs() publish.Step {
	return publish.StepFunc("campaign: published URLs", func(b *publish.Build) (err error) {
		k.Published, err = Published(k.Site)
		return err
	})
}

// WriteRedirects writes _redirects into the site's output and returns the
// number of generated rules.
func WriteRedirects(s *Site) (int, error) {
	rules := Rules(s)
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
		return 0, err
	}
	return len(rules), os.WriteFile(dst, b.Bytes(), 0o644)
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
		out = append(out, addresses.GoPath(slug))
		for _, l := range s.Config.Languages {
			if s.Has(l.Code, slug) {
				out = append(out, addresses.PagePath(l.Code, slug))
			}
		}
	}
	return out
}

// WriteQRCodes writes one SVG per target, encoding its absolute production
// URL, minified. Encoding is CPU-bound (the encoder scores all eight masks),
// so it runs on every core, and each code is kept in the user's cache
// folder for the next build (qrCache).
func WriteQRCodes(s *Site) (int, error) { return writeQRCodes(s, func(string) {}) }

// writeQRCodes is WriteQRCodes; done is told each file written, relative to
// the output directory.
func writeQRCodes(s *Site, done func(rel string)) (int, error) {
	cache := newQRCache()
	targets := Targets(s)
	jobs := make(chan string)
	errs := make(chan error, len(targets))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range jobs {
				errs <- writeQR(s, cache, p, done)
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

func writeQR(s *Site, cache qrCache, p string, done func(string)) error {
	svg, err := cache.svg(addresses.AbsURL(s.Config, p))
	if err != nil {
		return err
	}
	file := filepath.Join(s.Out, filepath.FromSlash(strings.TrimPrefix(addresses.QRPath(p), "/")))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(file, svg, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", addresses.QRPath(p), err)
	}
	done(strings.TrimPrefix(addresses.QRPath(p), "/"))
	return nil
}
