package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestPosterFillsA4 prints the stay poster (/<lang>/stay/poster/) to PDF as
// an organisation would: it is one A4 sheet, and its content reaches the
// foot of the sheet (a poster that leaves a quarter of the sheet empty
// wastes the space a reader sees from across a room). Left to right, right
// to left, Ethiopic and Tamil (the longest text). With E2E_SCREENSHOTS set,
// the PDFs are kept there to look at (pdftoppm).
func TestPosterFillsA4(t *testing.T) {
	e := setup(t)
	shots := os.Getenv("E2E_SCREENSHOTS")
	a4 := papers[0]
	printable := (a4.width - 2*marginInches) * 96 // CSS px
	printableH := (a4.height - 2*marginInches) * 96
	for _, lang := range []string{"nb", "ar", "ti", "ta"} {
		t.Run(lang, func(t *testing.T) {
			ctx := e.tab(t)
			if err := chromedp.Do(ctx,
				chromedp.EmulateViewport(int64(printable), int64(printableH)),
				chromedp.Navigate(e.site+"/"+lang+"/stay/poster/"),
			); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatal(err)
			}
			// How far down the sheet the last thing printed (the last
			// helpline's hours) ends, from the top of the page.
			foot, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => {
				let bottom = 0;
				for (const el of document.querySelectorAll("main *")) {
					const r = el.getBoundingClientRect();
					if (r.height > 0) bottom = Math.max(bottom, r.bottom + scrollY);
				}
				return bottom;
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if foot < 0.9*printableH {
				t.Errorf("the poster's content ends %.0f px down a %.0f px sheet (%.0f %%): it should fill the sheet", foot, printableH, 100*foot/printableH)
			}
			if foot > printableH {
				t.Errorf("the poster's content ends %.0f px down a %.0f px sheet: it spills onto a second sheet", foot, printableH)
			}
			yes := true
			margin := marginInches
			res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{
				PaperWidth: a4.width, PaperHeight: a4.height,
				MarginTop: &margin, MarginBottom: &margin, MarginLeft: &margin, MarginRight: &margin,
				PrintBackground: &yes, PreferCSSPageSize: &yes,
			})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(pdfPage.FindAll(res.Data, -1)); n != 1 {
				t.Errorf("the poster prints on %d sheets: want one", n)
			}
			t.Logf("/%s/stay/poster/: content ends at %.0f %% of the A4 sheet", lang, 100*foot/printableH)
			if shots != "" {
				if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("poster-%s-A4.pdf", lang)), res.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
