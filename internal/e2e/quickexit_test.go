package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/redcross-no/familieinnvandring/internal/publish"
)

// TestQuickExit leaves the site by each way a reader can, from pages in each
// language, and checks that the tab ends on the neutral site, that no
// referrer went with it and that Back does not come back to the page.
func TestQuickExit(t *testing.T) {
	e := setup(t)
	tests := []struct {
		name, page string
		noJS       bool
		act        chromedp.Action[chromedp.Void]
	}{
		{"tap", "/nb/", false, chromedp.Tap(chromedp.ID("quick-exit"))},
		{"tap rtl", "/ar/", false, chromedp.Tap(chromedp.ID("quick-exit"))},
		{"tap language chooser", "/", false, chromedp.Tap(chromedp.ID("quick-exit"))},
		{"esc", "/en/stay/", false, chromedp.KeyEvent(kb.Escape)},
		{"shift three times", "/ar/", false, chromedp.Steps(shiftPress(false), shiftPress(false), shiftPress(false))},
		{"shift three times after scrolling", "/nb/help/", false, chromedp.Steps(
			chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight)`),
			shiftPress(false), shiftPress(false), shiftPress(false))},
		{"tap after scrolling", "/en/help/", false, chromedp.Steps(
			chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight / 2)`),
			tapInView("quick-exit"))},
		{"no javascript", "/nb/safety-online/", true, chromedp.Tap(chromedp.ID("quick-exit"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := e.openBeforeThen(t, tt.page, tt.noJS)
			e.exit.reset(0)
			e.leave(ctx, t, tt.act)
			entries := e.waitForExit(ctx, t)
			if tt.noJS {
				// A plain link adds a history entry; only the script can replace it.
				t.Logf("without JavaScript Back returns to the page: history %v", entries)
				return
			}
			for _, u := range entries {
				if strings.HasPrefix(u, e.site) {
					t.Errorf("the site is still in the tab's history after the quick exit: %v", entries)
				}
			}
			if got := e.back(ctx, t); got != e.exit.url+beforePath {
				t.Errorf("Back after the quick exit went to %s, want the page before the site (%s)", got, e.exit.url+beforePath)
			}
		})
	}
}

// TestQuickExitHidesPageAtOnce holds the neutral site's answer, as a slow
// network does, and looks at the page being left in the meantime.
func TestQuickExitHidesPageAtOnce(t *testing.T) {
	e := setup(t)
	ctx := e.openBeforeThen(t, "/nb/stay/", false)
	e.exit.reset(time.Second)
	defer e.exit.reset(0)
	// Click and look in the same task: while a navigation is pending the tab
	// answers DevTools only once the new page arrives.
	raw, err := evaluateNow(ctx, `document.getElementById('quick-exit').click(), JSON.stringify({path: location.pathname,
		hidden: document.body.hidden, shown: document.body.getBoundingClientRect().height})`)
	if err != nil {
		t.Fatal(err)
	}
	var state struct {
		Path   string
		Hidden bool
		Shown  float64
	}
	if err := json.Unmarshal([]byte(raw), &state); err != nil {
		t.Fatal(err)
	}
	if state.Path != "/nb/stay/" {
		t.Fatalf("the page was already left (%+v): the exit server did not hold its answer", state)
	}
	if !state.Hidden || state.Shown != 0 {
		t.Errorf("while the neutral site loads, the page is still shown: %+v", state)
	}
	e.waitForExit(ctx, t)
}

// TestShiftWithOtherKeysStays: Shift used to type capitals must not leave.
func TestShiftWithOtherKeysStays(t *testing.T) {
	e := setup(t)
	ctx := e.openBeforeThen(t, "/en/", false)
	e.exit.reset(0)
	if err := chromedp.Do(ctx,
		shiftPress(true), shiftPress(true), shiftPress(true),
		shiftPress(false), shiftPress(false), chromedp.KeyEvent("a"), shiftPress(false),
		chromedp.Sleep(300*time.Millisecond),
	); err != nil {
		t.Fatal(err)
	}
	if loc, _ := evaluateNow(ctx, "location.href"); loc != e.site+"/en/" {
		t.Errorf("typing with Shift left the page for %s", loc)
	}
	if v := e.exit.referers(); len(v) > 0 {
		t.Errorf("typing with Shift reached the exit site %d time(s)", len(v))
	}
}

// TestAboveTheFold: on a 360×640 phone the home page shows the quick exit,
// the emergency number and the key message (you have rights; violence is
// illegal, also in marriage; you may be able to stay) without scrolling, the
// featured helplines follow it, and the translation notice comes after them
// all; the quick exit stays in view when the reader scrolls.
func TestAboveTheFold(t *testing.T) {
	e := setup(t)
	shots := os.Getenv("E2E_SCREENSHOTS")
	for _, p := range []string{"/nb/", "/en/", "/ar/", "/nb/help/", "/ar/404.html"} {
		t.Run(strings.Trim(p, "/"), func(t *testing.T) {
			ctx := e.tab(t)
			if err := chromedp.Do(ctx,
				chromedp.EmulateViewport(phoneW, phoneH, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
				chromedp.Navigate(e.site+p),
			); err != nil {
				t.Fatal(err)
			}
			name := strings.ReplaceAll(strings.Trim(p, "/"), "/", "-")
			screenshot(ctx, t, shots, name)
			home := strings.Count(p, "/") == 2 && strings.HasSuffix(p, "/")
			want := []string{"#quick-exit"}
			if home {
				want = append(want, `a[href="tel:112"]`, "h1", ".key-message")
			}
			for _, sel := range want {
				if r := rect(ctx, t, sel); r == nil {
					t.Errorf("%s is missing", sel)
				} else if r.Top < 0 || r.Bottom > phoneH || r.Width == 0 {
					t.Errorf("%s is not in view without scrolling at %d×%d: %+v", sel, phoneW, phoneH, *r)
				}
			}
			if home {
				key, lines := rect(ctx, t, ".key-message"), rect(ctx, t, ".helplines")
				if key != nil && (lines == nil || lines.Top < key.Bottom) {
					t.Errorf("the helplines do not follow the key message: %+v, %+v", key, lines)
				}
				if n := rect(ctx, t, ".translation-notice"); n != nil && lines != nil && n.Top < lines.Bottom {
					t.Errorf("the translation notice stands above the helplines: %+v", *n)
				}
			}
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight / 2)`)); err != nil {
				t.Fatal(err)
			}
			screenshot(ctx, t, shots, name+"-scrolled")
			if r := rect(ctx, t, "#quick-exit"); r == nil || r.Top < 0 || r.Bottom > phoneH {
				t.Errorf("the quick exit scrolls out of view: %+v", r)
			}
		})
	}
}

type box struct{ Top, Bottom, Left, Right, Width, Height float64 }

// rect is where the first element matching sel is in the viewport, nil if none.
func rect(ctx context.Context, t *testing.T, sel string) *box {
	js := fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) return null;
		const r = el.getBoundingClientRect(); return {Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Width: r.width, Height: r.height}; })()`, sel)
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js))
	if err != nil {
		t.Fatal(err)
	}
	var b *box
	if err := json.Unmarshal(raw, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

// screenshot keeps the viewport as DIR/name.png when dir is set.
func screenshot(ctx context.Context, t *testing.T, dir, name string) {
	if dir == "" {
		return
	}
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// tapInView taps the element with the given id where it is now, without
// scrolling it into view first, as a thumb does.
func tapInView(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		raw, err := chromedp.Evaluate[[]float64](fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect();
			return [r.left + r.width / 2, r.top + r.height / 2]; })()`, id))(ctx, t)
		if err != nil {
			return err
		}
		_, err = chromedp.TapXY(raw[0], raw[1])(ctx, t)
		return err
	})
}

// openBeforeThen opens a neutral page on another site, then the site page,
// as a reader who came from elsewhere; with noJS the tab runs no scripts.
func (e *env) openBeforeThen(t *testing.T, path string, noJS bool) context.Context {
	t.Helper()
	ctx := e.tab(t)
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(phoneW, phoneH, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
		chromedp.Navigate(e.exit.url+beforePath),
	); err != nil {
		t.Fatal(err)
	}
	if noJS {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(e.site+path)); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// leave runs the action that should leave the site. The tab starts to
// navigate while the action's last input event is still being delivered, so
// its error is only reported if the tab then does not leave.
func (e *env) leave(ctx context.Context, t *testing.T, act chromedp.Action[chromedp.Void]) {
	t.Helper()
	actx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := chromedp.Do(actx, act); err != nil {
		t.Logf("the action ended with %v (the page was navigating away)", err)
	}
}

// evaluateNow evaluates a string expression in the tab's current document
// at once, also while a navigation is pending (chromedp.Evaluate would wait
// for the next document).
func evaluateNow(ctx context.Context, expr string) (string, error) {
	res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: expr, ReturnByValue: new(true)})
	if err != nil {
		return "", err
	}
	if res.ExceptionDetails != nil {
		return "", fmt.Errorf("%s: %s", expr, res.ExceptionDetails.Text)
	}
	var s string
	err = json.Unmarshal(res.Result.Value, &s)
	return s, err
}

// waitForExit waits until the tab shows the neutral site, checks that the
// neutral site got no referrer, and returns the tab's history.
func (e *env) waitForExit(ctx context.Context, t *testing.T) []string {
	t.Helper()
	want := e.exit.url + exitPath
	entries, err := e.waitFor(ctx, want)
	if err != nil {
		t.Fatalf("the tab did not reach the neutral site: %v; history: %v", err, entries)
	}
	refs := e.exit.referers()
	if len(refs) != 1 {
		t.Errorf("the neutral site was asked %d times, want once", len(refs))
	}
	for _, r := range refs {
		if r != "" {
			t.Errorf("the neutral site was told where the reader came from: Referer %q", r)
		}
	}
	return entries
}

// back goes one step back in the tab's history, as the Back button does, and
// returns where the tab ends up.
func (e *env) back(ctx context.Context, t *testing.T) string {
	t.Helper()
	h, err := chromedp.Run(ctx, chromedp.NavigationEntries())
	if err != nil {
		t.Fatal(err)
	}
	if h.CurrentIndex == 0 {
		t.Fatalf("nothing to go back to: %v", h.Entries)
	}
	prev := h.Entries[h.CurrentIndex-1]
	if _, err := chromedp.Call(ctx, page.NavigateToHistoryEntry, page.NavigateToHistoryEntryParams{EntryID: prev.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.waitFor(ctx, prev.URL); err != nil {
		t.Fatalf("going back to %s: %v", prev.URL, err)
	}
	return prev.URL
}

// waitFor waits until the tab's current history entry and document are at
// url, and returns the history. A tab that swaps its page between processes
// refuses commands for a moment, so errors are retried until the deadline.
func (e *env) waitFor(ctx context.Context, url string) ([]string, error) {
	deadline := time.Now().Add(10 * time.Second)
	var entries []string
	var last error
	for time.Now().Before(deadline) {
		h, err := chromedp.Call(ctx, page.GetNavigationHistory, cdp.Empty{})
		if err == nil {
			entries = entries[:0]
			for _, en := range h.Entries {
				entries = append(entries, en.URL)
			}
			if h.Entries[h.CurrentIndex].URL == url {
				loc, err := evaluateNow(ctx, "location.href")
				if err == nil && loc == url {
					return entries, nil
				}
				last = err
			}
		} else {
			last = err
		}
		time.Sleep(50 * time.Millisecond)
	}
	if last == nil {
		last = fmt.Errorf("still not at %s after 10s", url)
	}
	return entries, last
}

// TestQuickExitScriptSize: the quick exit is the site's only script, and
// small enough for any connection (DESIGN.md: at most 2 KB gzip).
func TestQuickExitScriptSize(t *testing.T) {
	e := setup(t)
	var scripts []string
	err := filepath.WalkDir(e.out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (filepath.Ext(p) == ".js" || filepath.Ext(p) == ".mjs") {
			rel, _ := filepath.Rel(e.out, p)
			scripts = append(scripts, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(scripts) != 1 || scripts[0] != "js/quick-exit.js" {
		t.Fatalf("the build has scripts %v, want only js/quick-exit.js", scripts)
	}
	b, err := os.ReadFile(filepath.Join(e.out, "js", "quick-exit.js"))
	if err != nil {
		t.Fatal(err)
	}
	n := publish.GzipSize(b)
	if n > 2048 {
		t.Errorf("js/quick-exit.js is %d bytes gzip, over the 2 KB budget", n)
	}
	t.Logf("js/quick-exit.js: %d bytes, %d bytes gzip", len(b), n)
}
