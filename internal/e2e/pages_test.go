package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Phone is the viewport every page is tested at: a small Android phone.
const phoneW, phoneH = 360, 640

// wcagTags are the axe-core rule tags for WCAG 2.2 level AA.
var wcagTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// TestEveryPage loads a sample of the built pages at 360×640 (every
// language; every kind of page in both directions: sample_test.go) and
// checks what a watched reader depends on: nothing requested from another
// origin, nothing stored, no CSP violation or console error, the quick exit
// there and visible at once, and no axe-core violation. What the HTML alone
// shows is checked on every page by internal/sitetest (TestEveryPageHTML).
func TestEveryPage(t *testing.T) {
	e := setup(t)
	pages := e.sample(t)
	langs := map[string]int{}
	for _, p := range pages {
		t.Run(pageName(p), func(t *testing.T) {
			for _, problem := range e.checkPage(t, e.site+p, true) {
				t.Error(problem)
			}
		})
		lang, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
		langs[lang]++
	}
	for _, lang := range e.languages(t) {
		if langs[lang] == 0 {
			t.Errorf("no page in %s was tested", lang)
		}
	}
	t.Logf("%d of %d pages tested: %v", len(pages), len(e.pages(t)), langs)
}

// TestDetectorsWork shows that checkPage notices what it looks for: pages
// that break each rule, served by the same server with the same headers,
// must each be reported.
func TestDetectorsWork(t *testing.T) {
	e := setup(t)
	tests := []struct {
		name, html, want string
		csp              bool // serve with the site's headers
		site             bool // check as a page of the site (quick exit, axe-core)
	}{
		{"style attribute", `<p style="color:red">x</p>`, "CSP violation", true, false},
		{"inline script", `<script>document.title='x'</script>`, "CSP violation", true, false},
		{"other origin", `<img src="` + e.exit.url + `/pixel.png" alt="">`, "request off the origin", false, false},
		{"cookie", `<script>document.cookie='lang=nb; path=/'</script>`, "cookies", false, false},
		{"local storage", `<script>localStorage.setItem('lang','nb')</script>`, "localStorage", false, false},
		{"console error", `<script>console.error('boom')</script>`, "console", false, false},
		{"image without text", `<img src="/favicon.svg">`, "axe image-alt", true, true},
		{"no quick exit", ``, `no quick exit (id="quick-exit")`, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := probes.add(tt.html, tt.csp)
			problems := e.checkPage(t, e.site+"/__probe/"+id, tt.site)
			if !strings.Contains(strings.Join(problems, "\n"), tt.want) {
				t.Errorf("checkPage did not report %q for a page with %s; it reported:\n%s", tt.want, tt.name, strings.Join(problems, "\n"))
			}
		})
	}
}

// probes are small broken pages for TestDetectorsWork, served under /__probe/.
var probes = &probeSet{pages: map[string]probe{}}

type probe struct {
	html string
	csp  bool
}

type probeSet struct {
	mu    sync.Mutex
	pages map[string]probe
}

func (s *probeSet) add(body string, csp bool) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := fmt.Sprint(len(s.pages))
	s.pages[id] = probe{"<!doctype html><html lang=en><head><meta charset=utf-8><title>probe</title></head><body><main><h1>Probe</h1>" + body + "</main></body></html>", csp}
	return id
}

func (s *probeSet) get(id string) (probe, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pages[id]
	return p, ok
}

// recorder keeps what a tab reported while a page was checked.
type recorder struct {
	mu       sync.Mutex
	requests []string
	console  []string
}

func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		r.requests = append(r.requests, ev.Request.URL)
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			r.console = append(r.console, fmt.Sprintf("HTTP %d for %s", ev.Response.Status, ev.Response.URL))
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			r.console = append(r.console, fmt.Sprintf("%s %s: %s", ev.Entry.Source, ev.Entry.Level, ev.Entry.Text))
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			r.console = append(r.console, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		r.console = append(r.console, "uncaught exception: "+msg)
	}
}

func (r *recorder) snapshot() (requests, console []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...), append([]string(nil), r.console...)
}

// cspListener records securitypolicyviolation events from the first moment
// of each document: CDP adds it before the page's own scripts, and the CSP
// does not apply to it.
const cspListener = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + (e.sample ? ' (' + e.sample + ')' : ''));
}, true);`

// traces is what a page could have left on the phone.
type traces struct {
	Cookie         string `json:"cookie"`
	Local          int    `json:"local"`
	Session        int    `json:"session"`
	IndexedDB      int    `json:"indexedDB"`
	ServiceWorkers int    `json:"serviceWorkers"`
	Caches         int    `json:"caches"`
	CSP            []string
}

const readTraces = `(async () => ({
  cookie: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  indexedDB: indexedDB.databases ? (await indexedDB.databases()).length : 0,
  serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  caches: window.caches ? (await caches.keys()).length : 0,
  CSP: window.__cspViolations || [],
}))()`

// readQuickExit is how the quick exit looks right after load.
const readQuickExit = `(() => {
  const a = document.getElementById('quick-exit');
  if (!a) return {present: false};
  const r = a.getBoundingClientRect();
  return {present: true, href: a.href, rel: a.rel, label: a.textContent.trim(),
    top: r.top, bottom: r.bottom, w: r.width, h: r.height,
    script: !!document.querySelector('script[src$="/js/quick-exit.js"][defer]')};
})()`

// checkPage loads url in a new tab at 360×640 and returns every problem:
// requests off the origin, cookies and storage after load and after some
// interaction, CSP violations and console errors, characters without a
// glyph in the Android fonts (glyphs_test.go). Pages of the site
// (site=true) must also carry a visible quick exit and pass axe-core.
func (e *env) checkPage(t *testing.T, url string, site bool) []string {
	ctx := e.tab(t)
	rec := &recorder{}
	if err := chromedp.Listen(ctx, rec.listen); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspListener}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(phoneW, phoneH, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
		chromedp.Navigate(url),
	); err != nil {
		t.Fatalf("load %s: %v", url, err)
	}
	var problems []string
	problems = append(problems, e.tracesLeft(ctx, t, "after load")...)
	problems = append(problems, e.missingGlyphs(ctx, t)...)
	if dir := os.Getenv("E2E_SCREENSHOTS"); dir != "" && site && !strings.Contains(url, "/__probe/") {
		screenshot(ctx, t, dir, "page-"+strings.NewReplacer("/", "-", ".html", "").Replace(pageName(strings.TrimPrefix(url, e.site))))
	}

	if site {
		q, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]any](readQuickExit))
		if err != nil {
			t.Fatal(err)
		}
		problems = append(problems, e.quickExitProblems(q)...)
		problems = append(problems, homeAboveTheFold(ctx, t, strings.TrimPrefix(url, e.site))...)
	}

	// Interaction: scroll, move focus, press Shift once, tap the page.
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.body.scrollHeight)`),
		chromedp.KeyEvent(kb.Tab+kb.Tab+kb.Tab+kb.Tab+kb.Tab),
		shiftPress(false),
		chromedp.Tap(chromedp.CSS("h1")),
		chromedp.Sleep(100*time.Millisecond),
	); err != nil {
		t.Fatalf("interact with %s: %v", url, err)
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasPrefix(loc, e.site) {
		problems = append(problems, fmt.Sprintf("scrolling, Tab, one Shift and a tap left the page for %s", loc))
	}
	problems = append(problems, e.tracesLeft(ctx, t, "after interaction")...)
	if !site {
		return append(problems, e.requestProblems(rec)...)
	}

	// axe-core last: it is the test's script, not the site's.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`)); err != nil {
		t.Fatal(err)
	}
	problems = append(problems, e.axeViolations(ctx, t)...)
	return append(problems, e.requestProblems(rec)...)
}

// tracesLeft reads cookies (as the browser stores them, and as the page sees
// them), Web Storage, IndexedDB, service workers, Cache Storage and CSP
// violations.
func (e *env) tracesLeft(ctx context.Context, t *testing.T, when string) []string {
	var problems []string
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](readTraces, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("read traces: %v", err)
	}
	var tr traces
	if err := json.Unmarshal(raw, &tr); err != nil {
		t.Fatalf("read traces %s: %v", raw, err)
	}
	cookies, err := chromedp.Call(ctx, storage.GetCookies, storage.GetCookiesParams{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cookies.Cookies) > 0 || tr.Cookie != "" {
		var names []string
		for _, c := range cookies.Cookies {
			names = append(names, c.Name+" on "+c.Domain)
		}
		problems = append(problems, fmt.Sprintf("%s: cookies in the browser: %v %q", when, names, tr.Cookie))
	}
	for name, n := range map[string]int{"localStorage": tr.Local, "sessionStorage": tr.Session, "IndexedDB databases": tr.IndexedDB, "service workers": tr.ServiceWorkers, "Cache Storage caches": tr.Caches} {
		if n > 0 {
			problems = append(problems, fmt.Sprintf("%s: %d %s", when, n, name))
		}
	}
	for _, v := range tr.CSP {
		problems = append(problems, fmt.Sprintf("%s: CSP violation: %s", when, v))
	}
	return problems
}

func (e *env) quickExitProblems(q map[string]any) []string {
	if q["present"] != true {
		return []string{`no quick exit (id="quick-exit") on the page`}
	}
	var problems []string
	if want := e.exit.url + exitPath; q["href"] != want {
		problems = append(problems, fmt.Sprintf("quick exit goes to %v, want %s", q["href"], want))
	}
	if !strings.Contains(" "+fmt.Sprint(q["rel"])+" ", " noreferrer ") {
		problems = append(problems, fmt.Sprintf("quick exit has rel=%q, want noreferrer", q["rel"]))
	}
	if q["label"] == "" {
		problems = append(problems, "quick exit has no text")
	}
	top, bottom, w, h := q["top"].(float64), q["bottom"].(float64), q["w"].(float64), q["h"].(float64)
	if top < 0 || bottom > phoneH {
		problems = append(problems, fmt.Sprintf("quick exit is not in view on load at %dx%d (top %.0f, bottom %.0f)", phoneW, phoneH, top, bottom))
	}
	if w < 44 || h < 44 {
		problems = append(problems, fmt.Sprintf("quick exit is %.0f×%.0f px, want at least 44×44", w, h))
	}
	if q["script"] != true {
		problems = append(problems, "the page does not load /js/quick-exit.js with defer")
	}
	return problems
}

// requestProblems lists requests to any origin but the site's, and console
// errors and warnings.
func (e *env) requestProblems(rec *recorder) []string {
	var problems []string
	requests, console := rec.snapshot()
	for _, u := range requests {
		if !strings.HasPrefix(u, e.site+"/") {
			problems = append(problems, "request off the origin: "+u)
		}
	}
	for _, c := range console {
		problems = append(problems, "console: "+c)
	}
	return problems
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// axeViolations runs axe-core with the WCAG 2.2 AA rules on the page.
func (e *env) axeViolations(ctx context.Context, t *testing.T) []string {
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](e.axe)); err != nil {
		t.Fatalf("inject axe-core: %v", err)
	}
	tags, _ := json.Marshal(wcagTags)
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](
		`axe.run(document, {runOnly: {type: 'tag', values: `+string(tags)+`}, resultTypes: ['violations']}).then(r => r.violations)`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	var vs []axeViolation
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatalf("axe-core result %s: %v", raw, err)
	}
	var problems []string
	for _, v := range vs {
		for _, n := range v.Nodes {
			problems = append(problems, fmt.Sprintf("axe %s (%s): %s at %v: %s", v.ID, v.Impact, v.Help, n.Target, strings.ReplaceAll(n.Summary, "\n", " ")))
		}
	}
	return problems
}

// shiftPress presses and releases Shift on its own, as a person does, or, with
// withKey, holds it while typing "A".
func shiftPress(withKey bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		shift := input.DispatchKeyEventParams{Key: "Shift", Code: "ShiftLeft", WindowsVirtualKeyCode: 16, NativeVirtualKeyCode: 16}
		events := []input.DispatchKeyEventParams{}
		down := shift
		down.Type, down.Modifiers = input.DispatchKeyEventTypeRawKeyDown, int64(chromedp.ModifierShift)
		events = append(events, down)
		if withKey {
			a := input.DispatchKeyEventParams{Key: "A", Code: "KeyA", Text: "A", WindowsVirtualKeyCode: 65, NativeVirtualKeyCode: 65, Modifiers: int64(chromedp.ModifierShift)}
			a.Type = input.DispatchKeyEventTypeKeyDown
			events = append(events, a)
			a.Type, a.Text = input.DispatchKeyEventTypeKeyUp, ""
			events = append(events, a)
		}
		up := shift
		up.Type = input.DispatchKeyEventTypeKeyUp
		events = append(events, up)
		for _, ev := range events {
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, ev); err != nil {
				return err
			}
		}
		return nil
	})
}
