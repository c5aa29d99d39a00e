package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// paper is a sheet the brochure must print on, with the margins of its
// @page rule (14 mm).
type paper struct {
	name          string
	width, height float64 // inches
}

const marginInches = 14 / 25.4

var papers = []paper{{"A4", 210 / 25.4, 297 / 25.4}, {"A5", 148 / 25.4, 210 / 25.4}}

// pdfPage counts the page objects of a PDF (/Type /Page, not /Pages).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestBrochurePrints prints each language's brochure (/<lang>/print/) to PDF
// in Chromium, as a shelter worker would, on A4 and A5: every topic starts a
// sheet of its own, so the PDF has at least one page per topic plus the
// cover and the last page; and no text sticks out of the printable width.
// Left-to-right, right-to-left and Ethiopic script. With E2E_SCREENSHOTS set,
// the PDFs are kept there to look at (pdftoppm).
func TestBrochurePrints(t *testing.T) {
	e := setup(t)
	shots := os.Getenv("E2E_SCREENSHOTS")
	for _, lang := range []string{"nb", "ar", "ti"} {
		if _, err := os.Stat(filepath.Join(e.out, lang, "print", "index.html")); err != nil {
			t.Errorf("/%s/print/ was not built: every language has a brochure", lang)
			continue
		}
		for _, p := range papers {
			t.Run(lang+"-"+p.name, func(t *testing.T) {
				ctx := e.tab(t)
				printable := (p.width - 2*marginInches) * 96 // CSS px
				if err := chromedp.Do(ctx,
					chromedp.EmulateViewport(int64(printable), 900),
					chromedp.Navigate(e.site+"/"+lang+"/print/"),
				); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
					t.Fatal(err)
				}
				topics, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("article.brochure-topic").length`))
				if err != nil {
					t.Fatal(err)
				}
				if topics < 3 {
					t.Errorf("the brochure has %d topics: want every translated page", topics)
				}
				overflow, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
					const w = document.documentElement.clientWidth, out = [];
					for (const el of document.querySelectorAll("main *")) {
						const r = el.getBoundingClientRect();
						if (r.width === 0 || getComputedStyle(el).display === "none") continue;
						if (r.right > w + 1 || r.left < -1) out.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + " [" + Math.round(r.left) + ", " + Math.round(r.right) + "]: " + (el.textContent || "").trim().slice(0, 40));
					}
					return out.slice(0, 10);
				})()`))
				if err != nil {
					t.Fatal(err)
				}
				for _, o := range overflow {
					t.Errorf("sticks out of the %s printable width (%.0f px): %s", p.name, printable, o)
				}
				margin := marginInches
				yes := true
				res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{
					PaperWidth: p.width, PaperHeight: p.height,
					MarginTop: &margin, MarginBottom: &margin, MarginLeft: &margin, MarginRight: &margin,
					PrintBackground: &yes,
				})
				if err != nil {
					t.Fatal(err)
				}
				pages := len(pdfPage.FindAll(res.Data, -1))
				if pages < topics+2 {
					t.Errorf("%s PDF has %d pages for %d topics: each topic should start a sheet, after the cover", p.name, pages, topics)
				}
				t.Logf("/%s/print/ on %s: %d topics, %d PDF pages", lang, p.name, topics, pages)
				if shots != "" {
					if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("brochure-%s-%s.pdf", lang, p.name)), res.Data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}
