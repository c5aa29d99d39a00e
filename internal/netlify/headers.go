package netlify

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HeadersFile is the name Netlify reads in the publish directory.
const HeadersFile = "_headers"

// Header is one response header.
type Header struct {
	Name, Value string
}

// HeaderRule is a path pattern in Netlify's syntax ("/*") and the headers that
// responses matching it carry.
type HeaderRule struct {
	Path    string
	Headers []Header
}

// PermissionsDenied are the browser features no page of the site uses. Each
// name is one Chromium knows: an unknown one costs a console error per page.
// browsing-topics keeps the page out of Chrome's Topics API, which would
// otherwise let any advertiser's script elsewhere learn the reader visited.
var PermissionsDenied = []string{
	"accelerometer", "browsing-topics", "camera", "display-capture", "geolocation",
	"gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi",
	"payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
	"xr-spatial-tracking",
}

// CSP is the Content-Security-Policy for a site whose one inline stylesheet
// has the given hash ("sha256-…"). Nothing may load from another origin; the
// only script is the site's own quick-exit file; pages cannot be framed,
// cannot post forms and cannot change their base URL. connect-src 'self'
// lets tools read the site's own files (Lighthouse fetches robots.txt from
// inside the page); it can never reach another origin.
func CSP(styleHash string) string {
	style := "'none'"
	if styleHash != "" {
		style = "'" + styleHash + "'"
	}
	return strings.Join([]string{
		"default-src 'none'",
		"style-src " + style,
		"script-src 'self'",
		"img-src 'self'",
		"form-action 'none'",
		"frame-ancestors 'none'",
		"base-uri 'none'",
		"require-trusted-types-for 'script'",
		"connect-src 'self'",
	}, "; ")
}

// CacheControl is the Cache-Control of every response (PRIVACY.md, "Cache").
const CacheControl = "no-store"

// HeaderRules are the headers for every response of a site whose one inline
// stylesheet hashes to styleHash ("" when no page has inline CSS).
func HeaderRules(styleHash string) []HeaderRule {
	deny := make([]string, len(PermissionsDenied))
	for i, f := range PermissionsDenied {
		deny[i] = f + "=()"
	}
	return []HeaderRule{{
		Path: "/*",
		Headers: []Header{
			{"Content-Security-Policy", CSP(styleHash)},
			{"Strict-Transport-Security", "max-age=63072000; includeSubDomains"},
			{"Referrer-Policy", "no-referrer"},
			{"X-Content-Type-Options", "nosniff"},
			{"X-Frame-Options", "DENY"},
			{"Permissions-Policy", strings.Join(deny, ", ")},
			// No Cross-Origin-Opener-Policy: on a site with no state it
			// guards nothing (a window that opened ours learns nothing it
			// did not know), and it makes the browser load the first page
			// in a fresh process, which cost about 120 ms of main-thread
			// work on every first visit where we measured it (PRIVACY.md).
			{"Cross-Origin-Resource-Policy", "same-origin"},
			// Nothing of the site is kept in the browser's disk cache: a
			// stored page is a copy of what she read, on a phone someone
			// else may search. It costs a page's HTML (at most 14 KB gzip)
			// again on every view; PRIVACY.md weighs it.
			{"Cache-Control", CacheControl},
		},
	}}
}

// FormatHeaders renders rules in the _headers syntax: a path line, then indented
// "Name: value" lines.
func FormatHeaders(rules []HeaderRule) []byte {
	var b bytes.Buffer
	b.WriteString("# Security headers for every response. Written by `site build`\n")
	b.WriteString("# (internal/netlify/headers.go): change them there, not here.\n")
	for _, r := range rules {
		b.WriteString(r.Path + "\n")
		for _, h := range r.Headers {
			fmt.Fprintf(&b, "  %s: %s\n", h.Name, h.Value)
		}
	}
	return b.Bytes()
}

// WriteHeaders checks the built pages in dir (see Scan) and writes
// dir/_headers with a CSP that allows exactly their inline stylesheet.
// siteURL is the site's own address (baseURL): links to it are not outbound.
func WriteHeaders(dir, siteURL string) error {
	hash, err := Scan(dir, siteURL)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, HeadersFile), FormatHeaders(HeaderRules(hash)), 0o644)
}

// StyleHash is the CSP source for an inline stylesheet: "sha256-" and the
// base64 SHA-256 of the <style> element's text.
func StyleHash(css string) string {
	sum := sha256.Sum256([]byte(css))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// Scan reads every HTML page in dir and returns the CSP hash of the one
// inline stylesheet they share ("" if no page has one). It fails when pages
// carry different inline styles, or anything the CSP would block, anything
// that would load from another origin, or an outbound link that would send
// a referrer: the build must not publish pages that break under their own
// headers or leave traces elsewhere.
func Scan(dir, siteURL string) (string, error) {
	sc := NewScanner(siteURL)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		styles, probs := scanPage(b, sc.own)
		sc.Add(filepath.ToSlash(rel), styles, probs)
		return nil
	})
	if err != nil {
		return "", err
	}
	return sc.Result()
}

// Scanner collects what Scan finds, page by page, for a caller that reads
// the pages itself. Add may be called from several goroutines.
type Scanner struct {
	own      string
	mu       sync.Mutex
	styles   map[string][]string // hash → pages
	problems map[string][]string // page → its problems, in page order
	// The last stylesheet hashed and its hash: every page carries the same
	// one, and hashing it for each of 2,000 pages was a tenth of the pass.
	lastCSS, lastHash string
}

// NewScanner starts a scan of the pages of the site at siteURL (baseURL):
// links to it are not outbound.
func NewScanner(siteURL string) *Scanner {
	sc := &Scanner{styles: map[string][]string{}, problems: map[string][]string{}}
	if u, err := url.Parse(siteURL); err == nil && u.Host != "" {
		sc.own = strings.ToLower(u.Host)
	}
	return sc
}

// PageAt scans one page's tokens, records its inline styles and returns its
// problems instead of recording them, for a caller that reports them itself.
func (sc *Scanner) PageAt(rel string, tokens []html.Token) []TagProblem {
	styles, probs := ScanTokensAt(tokens, sc.own)
	sc.Add(rel, styles, nil)
	return probs
}

// Add records one page's inline styles and problems.
func (sc *Scanner) Add(rel string, styles, probs []string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if len(probs) > 0 {
		sc.problems[rel] = probs
	}
	for _, c := range styles {
		if c != sc.lastCSS || sc.lastHash == "" {
			sc.lastCSS, sc.lastHash = c, StyleHash(c)
		}
		h := sc.lastHash
		sc.styles[h] = append(sc.styles[h], rel)
	}
}

// Result is the CSP hash of the one shared inline stylesheet, or the
// problems found (pages in path order).
func (sc *Scanner) Result() (string, error) {
	hash, problems := sc.Outcome()
	if len(problems) > 0 {
		return "", fmt.Errorf("%d page problem(s) against the security headers:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	return hash, nil
}

// Outcome is Result as the CSP hash and the problems, one line each.
func (sc *Scanner) Outcome() (hash string, problems []string) {
	pages := make([]string, 0, len(sc.problems))
	for rel := range sc.problems {
		pages = append(pages, rel)
	}
	sort.Slice(pages, func(i, j int) bool { return WalkOrder(pages[i], pages[j]) })
	for _, rel := range pages {
		for _, p := range sc.problems[rel] {
			problems = append(problems, rel+": "+p)
		}
	}
	if len(sc.styles) > 1 {
		var lines []string
		for h, pages := range sc.styles {
			sort.Strings(pages)
			lines = append(lines, fmt.Sprintf("%s on %d page(s), e.g. %s", h, len(pages), pages[0]))
		}
		sort.Strings(lines)
		problems = append(problems, fmt.Sprintf("pages carry %d different inline stylesheets (%s): the CSP allows one; keep all CSS in assets/css/site.css, inlined by layouts/_partials/site/style.html", len(sc.styles), strings.Join(lines, "; ")))
	}
	if len(problems) > 0 {
		return "", problems
	}
	for h := range sc.styles {
		return h, nil
	}
	return "", nil
}

// WalkOrder reports whether path a comes before b in filepath.WalkDir's
// order: name by name, each folder's entries sorted. Checks that report per
// page sort by it, so that their messages come in the order the Scanner's do.
func WalkOrder(a, b string) bool {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] != bs[i] {
			return as[i] < bs[i]
		}
	}
	return len(as) < len(bs)
}

// fetched maps the elements whose attribute makes the browser load a URL.
var fetched = map[atom.Atom]string{
	atom.Img: "src", atom.Script: "src", atom.Iframe: "src", atom.Frame: "src",
	atom.Embed: "src", atom.Object: "data", atom.Source: "src", atom.Audio: "src",
	atom.Video: "src", atom.Track: "src", atom.Input: "src",
}

// fetchedLinks are the <link rel> values that make the browser load href.
var fetchedLinks = map[string]bool{
	"stylesheet": true, "icon": true, "preload": true, "prefetch": true, "preconnect": true,
	"dns-prefetch": true, "modulepreload": true, "manifest": true, "prerender": true,
	"apple-touch-icon": true,
}

// scanPage returns the text of each inline <style> and the problems the CSP
// or the no-third-party rule would meet in one page. own is the site's host.
func scanPage(b []byte, own string) (styles []string, problems []string) {
	z := html.NewTokenizer(bytes.NewReader(b))
	var tokens []html.Token
	for z.Next() != html.ErrorToken {
		tokens = append(tokens, z.Token())
	}
	return ScanTokens(tokens, own)
}

// ScanTokens is scanPage for a page already tokenized (the build's page
// pass reads each page once for all its checks).
func ScanTokens(tokens []html.Token, own string) (styles []string, problems []string) {
	styles, at := ScanTokensAt(tokens, own)
	for _, p := range at {
		problems = append(problems, p.Msg)
	}
	return styles, problems
}

// A TagProblem is one thing in a page that the headers would block, that
// would load from another site or that would tell another site where the
// reader came from.
type TagProblem struct {
	Tok    int    // the index of the token it is in
	Rule   string // "inline-script", "form", "base", "style", "handler", "loads", "referrer"
	Msg    string
	Needle string // what to look for in the sources to find where it was written ("" when nothing helps)
}

// ScanTokensAt is ScanTokens with each problem's token, for a caller that
// names the line.
func ScanTokensAt(tokens []html.Token, own string) (styles []string, problems []TagProblem) {
	var open atom.Atom // the <style> or <script> being read
	opened := 0        // its start tag
	var text strings.Builder
	for i, t := range tokens {
		switch t.Type {
		case html.TextToken:
			if open != 0 {
				text.WriteString(t.Data)
			}
		case html.EndTagToken:
			switch {
			case open == atom.Style:
				styles = append(styles, text.String())
			case open == atom.Script && strings.TrimSpace(text.String()) != "":
				problems = append(problems, TagProblem{opened, "inline-script", "inline <script>: the CSP allows only script files from this site; put it in static/js/", "<script>"})
			}
			open = 0
		case html.StartTagToken, html.SelfClosingTagToken:
			if t.Type == html.StartTagToken && (t.DataAtom == atom.Style || t.DataAtom == atom.Script) {
				open, opened = t.DataAtom, i
				text.Reset()
			}
			for _, p := range checkTag(t, own) {
				p.Tok = i
				problems = append(problems, p)
			}
		}
	}
	return styles, problems
}

// checkTag returns what in one start tag the headers would block, what would
// load from another site, and outbound links that would send a referrer.
func checkTag(t html.Token, own string) []TagProblem {
	var problems []TagProblem
	add := func(rule, needle, format string, args ...any) {
		problems = append(problems, TagProblem{Rule: rule, Msg: fmt.Sprintf(format, args...), Needle: needle})
	}
	switch t.DataAtom {
	case atom.Form:
		add("form", "<form", "<form>: the CSP forbids sending forms (form-action 'none'), and the site collects nothing; remove it")
	case atom.Base:
		add("base", "<base", "<base>: the CSP forbids it (base-uri 'none'); remove it")
	}
	var rel string
	for _, a := range t.Attr {
		if a.Key == "rel" {
			rel = " " + strings.ToLower(a.Val) + " "
		}
	}
	for _, a := range t.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case key == "style":
			add("style", "style=", "<%s style=…>: the CSP blocks style attributes; use a class in assets/css/site.css", t.Data)
		case strings.HasPrefix(key, "on"):
			add("handler", key+"=", "<%s %s=…>: the CSP blocks inline event handlers; use a file in static/js/", t.Data, key)
		case key == "srcset" || key == "poster" || key == fetched[t.DataAtom]:
			if offSite(a.Val, own) {
				add("loads", a.Val, "<%s %s=%q> loads from another site: readers must never load anything from other sites; put the file in static/", t.Data, key, a.Val)
			}
		case t.DataAtom == atom.Link && key == "href":
			for _, r := range strings.Fields(rel) {
				if fetchedLinks[r] && offSite(a.Val, "") {
					add("loads", a.Val, "<link rel=%q href=%q> loads from another site: readers must never load anything from other sites; put the file in static/", strings.TrimSpace(rel), a.Val)
					break
				}
			}
		case (t.DataAtom == atom.A || t.DataAtom == atom.Area) && key == "href":
			if offSite(a.Val, own) && !strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "data:") && !strings.Contains(rel, " noreferrer ") {
				add("referrer", a.Val, "<a href=%q> leaves the site without rel=\"noreferrer\": add it, so the other site does not learn which page she came from", a.Val)
			}
		}
	}
	return problems
}

// offSite reports whether a URL points away from this origin: protocol-
// relative, data:, or absolute with a host other than own. A srcset's
// comma-separated candidates are each checked.
func offSite(raw, own string) bool {
	for _, part := range strings.Split(raw, ",") {
		p := strings.TrimSpace(strings.ToLower(part))
		if f := strings.Fields(p); len(f) > 0 {
			p = f[0]
		}
		if strings.HasPrefix(p, "data:") {
			return true
		}
		if !strings.HasPrefix(p, "//") && !strings.Contains(p, "://") {
			continue
		}
		u, err := url.Parse(p)
		if err != nil || u.Host == "" || u.Host != own {
			return true
		}
	}
	return false
}
