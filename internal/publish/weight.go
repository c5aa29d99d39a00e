package publish

import (
	"compress/gzip"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// PageBudget is the most an HTML page (with its inline CSS) may weigh
// gzipped: about what fits in the first TCP round trip (10 packets).
const PageBudget = 14 * 1024

// BrochureBudget is the most a language's brochure (/<lang>/print/, every
// topic on one page, to print or keep offline) may weigh gzipped. It is read
// once, on purpose, not on the way to a phone number.
const BrochureBudget = 60 * 1024

// Budget is the gzip budget of the HTML page at rel (a path in the output).
func Budget(rel string) int {
	if IsBrochure(rel) {
		return BrochureBudget
	}
	return PageBudget
}

// IsBrochure reports whether rel is a language's brochure, <lang>/print/index.html.
func IsBrochure(rel string) bool {
	rel = filepath.ToSlash(rel)
	return strings.HasSuffix(rel, "/print/index.html") && strings.Count(rel, "/") == 2
}

// Weight is one file's size.
type Weight struct {
	Path string // relative to the output directory
	Raw  int
	Gzip int
}

// Weights measures every HTML page in dir, heaviest first.
func Weights(dir string) ([]Weight, error) {
	w := &Weigh{}
	err := PagePass{Checks: []PageCheck{w}}.Walk(dir)
	return w.Sorted(), err
}

// Weigh is the page pass's check of page weight: it measures every page and
// fails the build when one is over PageBudget.
type Weigh struct {
	mu    sync.Mutex
	out   []Weight
	once  sync.Once
	cache *gzipCache // sizes of the pages weighed before (gzipcache.go)
}

// Page implements PageCheck.
func (w *Weigh) Page(p *Page) {
	w.once.Do(func() { w.cache = newGzipCache() })
	x := Weight{Path: p.Path, Raw: len(p.HTML), Gzip: w.cache.size(p.HTML)}
	w.mu.Lock()
	w.out = append(w.out, x)
	w.mu.Unlock()
}

// Done implements PageCheck.
func (w *Weigh) Done(b *Build) error {
	if w.cache != nil {
		w.cache.save()
	}
	if over := OverBudget(w.Sorted()); len(over) > 0 {
		for _, x := range over {
			fmt.Fprintf(b.Stderr, "%s: %.1f KB gzip is over the %d KB page budget: shorten the page or split it\n", x.Path, float64(x.Gzip)/1024, Budget(x.Path)/1024)
		}
		return fmt.Errorf("%d page(s) over budget", len(over))
	}
	return nil
}

// Sorted returns the weights measured, heaviest first.
func (w *Weigh) Sorted() []Weight {
	out := w.out
	sort.Slice(out, func(i, j int) bool {
		if out[i].Gzip != out[j].Gzip {
			return out[i].Gzip > out[j].Gzip
		}
		return out[i].Path < out[j].Path
	})
	return out
}

// GzipSize is the size of b gzipped at the default level, as CDNs compress on
// the fly. Best compression would save 0.4 % on these pages and take three
// times as long (a second per thousand pages), so the budget errs on the safe side.
func GzipSize(b []byte) int {
	var n byteCounter
	w := gzipWriters.Get().(*gzip.Writer)
	w.Reset(&n)
	_, _ = w.Write(b)
	_ = w.Close()
	gzipWriters.Put(w)
	return int(n)
}

// Report writes the page-weight summary: page count, largest and median,
// and the largest brochure on a line of its own.
func Report(w io.Writer, all []Weight) {
	var ws, brochures []Weight
	for _, x := range all {
		if IsBrochure(x.Path) {
			brochures = append(brochures, x)
		} else {
			ws = append(ws, x)
		}
	}
	if len(ws) > 0 {
		med := ws[len(ws)/2]
		fmt.Fprintf(w, "pages: %d · largest %s %.1f KB gzip · median %.1f KB gzip · budget %d KB\n",
			len(ws), ws[0].Path, float64(ws[0].Gzip)/1024, float64(med.Gzip)/1024, PageBudget/1024)
	}
	if len(brochures) > 0 {
		fmt.Fprintf(w, "brochures: %d · largest %s %.1f KB gzip · budget %d KB\n",
			len(brochures), brochures[0].Path, float64(brochures[0].Gzip)/1024, BrochureBudget/1024)
	}
}

// OverBudget lists the pages heavier than their Budget.
func OverBudget(ws []Weight) []Weight {
	var over []Weight
	for _, w := range ws {
		if w.Gzip > Budget(w.Path) {
			over = append(over, w)
		}
	}
	return over
}
