// Package e2e holds the site's browser tests; it has no code outside its
// tests. They build the real site once (`go run ./cmd/site build`, with the
// quick exit pointed at a second local server), serve it on 127.0.0.1 with
// the headers Netlify's own parser reads from the built _headers, and drive
// Debian's Chromium through chromedp, at 360×640 and with the fonts of an
// Android phone only (Debian's Noto fonts, fonts_test.go).
//
// Chromium takes seconds a page, and the site has about 800 pages at 24
// languages, so the browser loads a sample (sample_test.go): every
// language's home and stay pages, and every kind of page (content, legal,
// help, partners, "not translated yet", poster, brochure, 404, chooser) in both
// directions. On each: no request off the origin, no cookies or storage,
// no CSP violation or console error, the quick exit in view, axe-core, and
// every character drawn with a glyph (glyphs_test.go). The quick exit is
// left by tap, Esc, Shift×3 and without JavaScript. What the HTML alone
// shows is checked on every page in Go (internal/sitetest TestEveryPageHTML,
// and TestGlyphsEveryPage here).
//
// Needs chromium, the Noto fonts (fonts-noto-core, fonts-noto-ui-core) and
// the npm packages axe-core and @netlify/headers-parser: internal/testenv
// installs them when missing (or, when it cannot, fails saying how to). The
// tests never skip. Set E2E_SCREENSHOTS=DIR to keep screenshots (360×640)
// of the home pages and of every page TestEveryPage loads.
//
// Nothing leaves the machine: both servers listen on 127.0.0.1, and Chromium
// runs with a host resolver that resolves no other name.
package e2e
