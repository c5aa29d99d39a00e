// Package e2e holds the site's browser tests; it has no code outside its
// tests. They build the real site once (`go run ./cmd/site build`, with the
// quick exit pointed at a second local server), serve it on 127.0.0.1 with
// the headers Netlify's own parser reads from the built _headers, and drive
// Debian's Chromium through chromedp over every built page: no request off
// the origin, no cookies or storage, no CSP violation or console error, the
// quick exit by tap, Esc, Shift×3 and without JavaScript, and axe-core at
// 360×640.
//
// Needs chromium and the npm packages axe-core and @netlify/headers-parser:
// internal/testenv installs them when missing (or, when it cannot, fails
// saying how to). The tests never skip. Set E2E_SCREENSHOTS=DIR to keep
// screenshots of the home pages at 360×640.
//
// Nothing leaves the machine: both servers listen on 127.0.0.1, and Chromium
// runs with a host resolver that resolves no other name.
package e2e
