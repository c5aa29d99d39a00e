package e2e

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// layoutWidths are the widths every sampled page must fit without scrolling
// sideways: 180 CSS px is a 360 px phone at 200 % zoom (or its largest
// font setting), 240 one at 150 %, 320 and 360 small phones.
var layoutWidths = []int64{180, 240, 320, 360}

// maxHeaderHeight is how much of a 360×640 screen the header (site name,
// language link, quick exit, the emergency numbers) may take, in every
// language: the rest is for the page.
const maxHeaderHeight = 120

// TestLayoutFits loads every page of the sample (every language; every kind
// of page in both directions: sample_test.go) at 180, 240, 320 and 360 px
// and checks what a reader on a small or zoomed phone sees: the page never
// scrolls sideways (a phone would zoom it out or cut it off: "815 5…"); at
// 360×640 the header is at most 120 px tall, and 112 can be tapped on the
// first screen. With E2E_SCREENSHOTS set it keeps each page at 180 and 360 px.
func TestLayoutFits(t *testing.T) {
	e := setup(t)
	shots := os.Getenv("E2E_SCREENSHOTS")
	kinds, built := map[string]string{}, map[string]bool{}
	for _, i := range e.pageInfos(t) {
		kinds[i.path] = i.kind
		built[i.kind] = true
	}
	tested := map[string]bool{}
	for _, p := range e.sample(t) {
		kind := kinds[p]
		if kind == kindAlias {
			continue // a redirect: it shows nothing
		}
		tested[kind] = true
		t.Run(pageName(p), func(t *testing.T) {
			ctx := e.tab(t)
			for _, w := range layoutWidths {
				if err := chromedp.Do(ctx,
					chromedp.EmulateViewport(w, phoneH, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
					chromedp.Navigate(e.site+p),
				); err != nil {
					t.Fatalf("load %s at %d px: %v", p, w, err)
				}
				for _, problem := range layoutProblems(ctx, t, w, kind) {
					t.Errorf("at %d×%d: %s", w, phoneH, problem)
				}
				if w == phoneW {
					if problem := exitOverText(ctx, t); problem != "" {
						t.Errorf("at %d×%d: %s", w, phoneH, problem)
					}
				}
				if w == 180 || w == 360 {
					screenshot(ctx, t, shots, fmt.Sprintf("layout-%s-%d", strings.NewReplacer("/", "-", ".html", "").Replace(pageName(p)), w))
				}
			}
		})
	}
	for k := range built {
		if k != kindAlias && !tested[k] {
			t.Errorf("no %s page in the sample", k)
		}
	}
}

// layoutJS measures the page as laid out at width W. Mobile emulation
// widens the layout viewport to the widest content (as a phone zooms out),
// so the page is measured against W, not innerWidth. The header is what
// stands before <main>: skip link, quick exit, header, emergency numbers.
const layoutJS = `((W) => {
  const out = {scrollWidth: document.documentElement.scrollWidth, wide: [], header: 0, tel112: null};
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (r.width === 0 || s.visibility === 'hidden' || el.closest('[hidden]')) continue;
    if (r.right > W + 1 || r.left < -1) {
      const inner = [...el.children].some(c => { const q = c.getBoundingClientRect(); return q.width && (q.right > W + 1 || q.left < -1); });
      if (!inner) out.wide.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' [' + Math.round(r.left) + '–' + Math.round(r.right) + ']: ' + (el.textContent || '').trim().slice(0, 40));
    }
  }
  const main = document.querySelector('main');
  for (const el of document.body.children) {
    if (el === main) break;
    const r = el.getBoundingClientRect();
    if (r.height > 1) out.header = Math.max(out.header, r.bottom);
  }
  const t = document.querySelector('a[href="tel:112"]');
  if (t) { const r = t.getBoundingClientRect(); out.tel112 = {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }
  return out;
})`

type layoutMeasure struct {
	ScrollWidth float64
	Wide        []string
	Header      float64
	Tel112      *struct{ Top, Bottom, Left, Right float64 }
}

// layoutProblems lists what does not fit at width w. The header and 112
// rules hold at 360 px; posters (an A4 sheet to print: 112 is at its
// foot) and the root chooser (no numbers yet) are checked for width only.
func layoutProblems(ctx context.Context, t *testing.T, w int64, kind string) []string {
	t.Helper()
	m, err := chromedp.Run(ctx, chromedp.Evaluate[layoutMeasure](fmt.Sprintf("%s(%d)", layoutJS, w)))
	if err != nil {
		t.Fatal(err)
	}
	var problems []string
	if m.ScrollWidth > float64(w) {
		problems = append(problems, fmt.Sprintf("the page is %.0f px wide and scrolls sideways; too wide: %s", m.ScrollWidth, strings.Join(firstN(m.Wide, 5), "; ")))
	}
	if w != phoneW {
		return problems
	}
	if m.Header > maxHeaderHeight {
		problems = append(problems, fmt.Sprintf("the header is %.0f px tall: at most %d px of the first screen", m.Header, maxHeaderHeight))
	}
	if kind == kindPoster || kind == kindChooser {
		return problems
	}
	if r := m.Tel112; r == nil {
		problems = append(problems, "no tap-to-call 112")
	} else if r.Top < 0 || r.Bottom > phoneH || r.Left < 0 || r.Right > float64(w) {
		problems = append(problems, fmt.Sprintf("112 is not on the first screen: %+v", *r))
	}
	return problems
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("… %d more", len(s)-n))
	}
	return s
}

// exitOverText scrolls to the middle of the page and looks beside the
// sticky quick exit, on the side facing the page (at its top, middle and
// foot): what is there must not be the page's text (<main>), or the button
// stands on the lines being read. A full-width exit strip has nothing
// beside it. Posters are left out: their exit is in a bar that scrolls away.
func exitOverText(ctx context.Context, t *testing.T) string {
	t.Helper()
	const js = `(() => {
	  const a = document.getElementById('quick-exit');
	  if (!a || a.closest('.poster-bar')) return '';
	  window.scrollTo(0, document.documentElement.scrollHeight / 2);
	  const r = a.getBoundingClientRect();
	  if (r.bottom < 0 || r.top > innerHeight) return 'the quick exit scrolled out of view';
	  const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
	  const x = rtl ? r.right + 4 : r.left - 4;
	  for (const [px, py] of [[x, r.top + 2], [x, (r.top + r.bottom) / 2], [x, r.bottom - 2]]) {
	    const el = document.elementFromPoint(px, py);
	    if (el && el.closest('main')) return 'scrolled, the quick exit stands on the text: beside or under it at (' + Math.round(px) + ', ' + Math.round(py) + ') is ' + el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 30) + '"';
	  }
	  return '';
	})()`
	problem, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatal(err)
	}
	return problem
}
