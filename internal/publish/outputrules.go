package publish

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/net/html"

	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/netlify"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// QuickExitScript is the one script a page may load, as served, and the
// repository file it must be byte for byte (after the build's minifier).
const (
	QuickExitScript     = "js/quick-exit.js"
	QuickExitScriptFile = "static/js/quick-exit.js"
)

// OutputRules is the page pass's last word on what a reader is sent. The
// checks before Hugo look at what contributors write; this looks at what the
// build made of it, so a layout, a partial, a theme file or a static file
// cannot get round them. Every HTML page must carry the quick exit and the
// header its kind has; no page may move on by itself (meta refresh), ping,
// carry a second quick exit, link to a site that is not on
// check.AllowedHosts, or run any script but the site's own quick-exit file,
// and that file must be the repository's.
type OutputRules struct {
	root    string // the site source, to name the file to fix
	exitURL string // params.quickExitURL
	own     string // baseURL's host
	deflt   string // the source language
	labels  map[string]bool

	mu       sync.Mutex
	problems []outputProblem
	others   []string // problems of the whole output (Add), told first
	sources  sync.Map // what source found, by needle and page
}

type outputProblem struct {
	path string
	line int
	msg  string
}

// NewOutputRules checks the pages of the site in root, configured as cfg.
// The quick exit's label is read from every i18n file: an element labelled
// with it in any language is a copy of the quick exit.
func NewOutputRules(root string, cfg *siteconfig.Config) *OutputRules {
	o := &OutputRules{root: root, exitURL: cfg.QuickExitURL, deflt: cfg.Default, labels: map[string]bool{}}
	// Hugo lets the environment override a parameter, and the browser
	// tests point the quick exit at a local server that way: expect what
	// Hugo was given. (Whether production may override it is the config
	// rules' question.)
	for _, kv := range os.Environ() {
		if k, v, _ := strings.Cut(kv, "="); strings.EqualFold(k, "HUGO_PARAMS_QUICKEXITURL") && v != "" {
			o.exitURL = v
		}
	}
	if u, err := url.Parse(cfg.BaseURL); err == nil {
		o.own = strings.ToLower(u.Hostname())
	}
	files, _ := filepath.Glob(filepath.Join(root, "i18n", "*.toml"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var m map[string]any
		if toml.Unmarshal(b, &m) != nil {
			continue // check reported it, with its line
		}
		switch v := m["quickExit"].(type) {
		case string:
			o.addLabel(v)
		case map[string]any:
			for _, s := range v {
				if s, ok := s.(string); ok {
					o.addLabel(s)
				}
			}
		}
	}
	return o
}

func (o *OutputRules) addLabel(s string) {
	if n := normText(s); n != "" {
		o.labels[n] = true
	}
}

// The kinds of HTML page the build writes, each with the header it has.
type pageKind int

const (
	kindPage   pageKind = iota // a page of one language (layouts/baseof.html)
	kindPrint                  // the brochure, /<lang>/print/ (layouts/home.print.html)
	kindPoster                 // a poster, /<lang>/<slug>/poster/ (layouts/page.poster.html)
	kindMul                    // the root and /go/ choosers, /404.html (internal/campaign)
)

func kindOf(rel string) pageKind {
	switch {
	case rel == "index.html" || rel == "404.html" || strings.HasPrefix(rel, "go/"):
		return kindMul
	case strings.HasSuffix(rel, "/poster/index.html"):
		return kindPoster
	case strings.Count(rel, "/") == 2 && strings.HasSuffix(rel, "/print/index.html"):
		return kindPrint
	}
	return kindPage
}

// headerClass is the class of the header each kind of page carries; the
// brochure hides its header and quick exit only in print (site.css).
var headerClass = map[pageKind]string{kindPage: "site-header", kindPrint: "site-header", kindPoster: "poster-bar", kindMul: "mul-header"}

// layoutOf names where each kind of page gets its quick exit and header.
var layoutOf = map[pageKind]string{
	kindPage:   "layouts/baseof.html (partials components/quick-exit.html and site/header.html)",
	kindPrint:  "layouts/home.print.html (partials components/quick-exit.html and site/header.html)",
	kindPoster: "layouts/page.poster.html (its <header class=\"poster-bar\"> with the partial components/quick-exit.html)",
	kindMul:    "internal/campaign/chooser.go (the multilingual pages take the quick exit from the nb home page)",
}

// Page implements PageCheck.
func (o *OutputRules) Page(p *Page) {
	var found []outputProblem
	kind := kindOf(p.Path)
	add := func(tok int, needle, format string, args ...any) {
		found = append(found, o.problem(p.Path, kind, tok, needle, fmt.Sprintf(format, args...)))
	}
	toks := p.Tokens
	stub := aliasStub(toks, o.own)

	// The quick exit is the first <a id="quick-exit">; the <nav> right
	// before it carries its label (a landmark), the hint its description.
	exit, nav := -1, -1
	for i, t := range toks {
		if isStart(t) && t.Data == "a" && tokenAttr(t, "id") == "quick-exit" {
			exit = i
			for j := i - 1; j >= 0; j-- {
				if toks[j].Type == html.TextToken && strings.TrimSpace(toks[j].Data) == "" {
					continue
				}
				if isStart(toks[j]) && toks[j].Data == "nav" {
					nav = j
				}
				break
			}
			break
		}
	}

	body, header, script := 0, false, false
	for i, t := range toks {
		if !isStart(t) {
			continue
		}
		if t.Data == "body" && body == 0 {
			body = i
		}
		if t.Data == "header" && hasClass(t, headerClass[kind]) {
			header = true
		}
		if t.Data == "meta" && strings.EqualFold(strings.TrimSpace(tokenAttr(t, "http-equiv")), "refresh") && !stub {
			add(i, tokenAttr(t, "content"), "<meta http-equiv=\"refresh\">: a page that moves on by itself stays in the history behind Back, and can send the reader anywhere; move a page with `aliases` in the front matter of the page that replaces it or a rule in static/_redirects")
		}
		if _, ok := attrOf(t, "ping"); ok {
			add(i, "ping=", "<%s ping=…>: ping makes the browser report the click to another address; remove it", t.Data)
		}
		if t.Data == "script" {
			src := tokenAttr(t, "src")
			if src != "" && samePath(p.Path, src, o.own, "/"+QuickExitScript) {
				script = true
			} else {
				what, needle := "an inline <script>", "<script>"
				if src != "" {
					what, needle = fmt.Sprintf("<script src=%q>", src), src
				}
				add(i, needle, "%s: the only script a page may run is the quick exit's own, /%s (%s); reading, calling and leaving need no other", what, QuickExitScript, QuickExitScriptFile)
			}
		}
		for _, a := range t.Attr {
			switch a.Key {
			case "href", "src", "action", "formaction", "poster", "data", "cite", "srcset", "imagesrcset":
			default:
				continue
			}
			vals := []string{a.Val}
			if strings.HasSuffix(a.Key, "srcset") {
				vals = srcsetURLs(a.Val)
			}
			for _, v := range vals {
				if i == exit && a.Key == "href" && strings.TrimSpace(v) == o.exitURL {
					continue // the quick exit's own address: the config's rules
				}
				if why := o.foreign(v); why != "" {
					add(i, hostOf(v), "<%s %s=%q> %s", t.Data, a.Key, a.Val, why)
				}
			}
		}
		if i != exit && i != nav {
			if why, needle := o.lookalike(toks, i); why != "" {
				add(i, needle, "<%s> is a second quick exit (%s): only the one from layouts/_partials/components/quick-exit.html may look like it or lead where it leads; a copy does not hide the page or replace it in the history, so the visit stays behind Back", t.Data, why)
			}
		}
	}

	if !stub {
		switch {
		case exit < 0:
			add(body, "", "has no quick exit (<a id=\"quick-exit\" class=\"quick-exit\" href=%q rel=\"noreferrer\">, labelled in the page's language): every page needs it, first on the page", o.exitURL)
		default:
			t := toks[exit]
			if href := strings.TrimSpace(tokenAttr(t, "href")); href != o.exitURL {
				add(exit, "", "the quick exit leads to %q, not to params.quickExitURL (%q, hugo.toml)", href, o.exitURL)
			}
			if !strings.Contains(" "+strings.ToLower(tokenAttr(t, "rel"))+" ", " noreferrer ") {
				add(exit, "", "the quick exit lacks rel=\"noreferrer\": the neutral site would learn where the reader came from")
			}
			if !hasClass(t, "quick-exit") {
				add(exit, "", "the quick exit lacks class=\"quick-exit\", which makes it the red button that stays in view")
			}
			if h := hiddenBy(t); h != "" || (nav >= 0 && hiddenBy(toks[nav]) != "") {
				if h == "" {
					h = hiddenBy(toks[nav])
				}
				add(exit, "", "the quick exit is hidden (%s): it must be seen and reached first", h)
			}
			if normText(elementText(toks, exit)) == "" {
				add(exit, "", "the quick exit has no text: its label is i18n key quickExit")
			}
			if !script {
				add(body, "", "does not load the quick exit's script (<script src=\"/%s\" defer>): without it the quick exit leaves the page in the history, and Esc and Shift×3 do nothing", QuickExitScript)
			}
		}
		if !header {
			add(body, "", "has no <header class=%q>: every page of this kind has the site's header", headerClass[kind])
		}
	}
	o.record(p, found)
}

// problem is one problem at token tok of the page at path, with the source
// file and line that holds needle, or the layout of the page's kind.
func (o *OutputRules) problem(path string, kind pageKind, tok int, needle, msg string) outputProblem {
	src := " (fix " + layoutOf[kind] + ")"
	if needle != "" {
		if src = o.source(path, needle); src == "" {
			src = " (not found as written in content/, layouts/, i18n/ or data/: look in the page's content file and the layouts)"
		}
	}
	return outputProblem{path: path, line: tok, msg: msg + src}
}

// record turns the problems' token indexes into the page's line numbers and
// keeps them for Done.
func (o *OutputRules) record(p *Page, found []outputProblem) {
	if len(found) == 0 {
		return
	}
	lines := tokenLines(p.HTML)
	for i := range found {
		if found[i].line < len(lines) {
			found[i].line = lines[found[i].line]
		} else {
			found[i].line = 1
		}
	}
	o.mu.Lock()
	o.problems = append(o.problems, found...)
	o.mu.Unlock()
}

// Add adds problems of the output as a whole, one line each, to be told by
// Done (Headers: pages that carry different stylesheets).
func (o *OutputRules) Add(lines ...string) {
	o.mu.Lock()
	o.others = append(o.others, lines...)
	o.mu.Unlock()
}

// Report adds the security headers' problems of one page (Headers), so that
// they are told like the others: page:line, the source to fix, and a layout's
// mistake once rather than once a page. An inline script is left out: Page
// reports it, with the one script a page may run.
func (o *OutputRules) Report(p *Page, probs []netlify.TagProblem) {
	var found []outputProblem
	for _, tp := range probs {
		if tp.Rule == "inline-script" {
			continue
		}
		found = append(found, o.problem(p.Path, kindOf(p.Path), tp.Tok, tp.Needle, tp.Msg))
	}
	o.record(p, found)
}

// Done implements PageCheck: the problems, one line each, by page and line;
// then the pin on the quick-exit script.
func (o *OutputRules) Done(b *Build) error {
	sort.SliceStable(o.problems, func(i, j int) bool {
		a, c := o.problems[i], o.problems[j]
		if a.path != c.path {
			return netlify.WalkOrder(a.path, c.path)
		}
		return a.line < c.line
	})
	// A layout's mistake is on every page of a kind: the first few pages
	// name it, then one line counts the rest.
	const shown = 3
	seen := map[string]int{}
	var lines []string
	for _, p := range o.problems {
		if seen[p.msg]++; seen[p.msg] <= shown {
			lines = append(lines, fmt.Sprintf("%s:%d: %s", p.path, p.line, p.msg))
		}
	}
	for _, p := range o.problems {
		if n := seen[p.msg]; n > shown {
			lines = append(lines, fmt.Sprintf("… and %d more page(s) with the same problem: %s", n-shown, p.msg))
			seen[p.msg] = 0
		}
	}
	files := append(o.others, o.scripts(b.Dir)...)
	lines = append(lines, files...)
	if len(lines) == 0 {
		return nil
	}
	for _, l := range lines {
		fmt.Fprintln(b.Stderr, l)
	}
	return fmt.Errorf("%d problem(s) in the built output (above): it is what readers get", len(o.problems)+len(files))
}

// scripts pins the quick-exit script: the file served is the repository's
// file as the build minifies it, and no other script file is served (a
// script on our own origin passes the CSP's script-src 'self').
func (o *OutputRules) scripts(dir string) []string {
	var out []string
	src, err := os.ReadFile(filepath.Join(o.root, filepath.FromSlash(QuickExitScriptFile)))
	if err != nil {
		return []string{fmt.Sprintf("%s: cannot be read (%v): it is the quick exit's script; restore it", QuickExitScriptFile, err)}
	}
	want, err := MinifyFile(QuickExitScriptFile, src)
	if err != nil {
		return []string{fmt.Sprintf("%s: %v", QuickExitScriptFile, err)}
	}
	got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(QuickExitScript)))
	switch {
	case err != nil:
		out = append(out, fmt.Sprintf("%s: is missing from the output: every page loads it; restore %s", QuickExitScript, QuickExitScriptFile))
	case !bytes.Equal(got, want):
		out = append(out, fmt.Sprintf("%s: is not the repository's %s: something else in the build replaced it (a layout that publishes a resource of that name, a file in a mounted folder or theme, a step); remove that: the quick exit's script comes only from %s", QuickExitScript, QuickExitScriptFile, QuickExitScriptFile))
	}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch strings.ToLower(path.Ext(rel)) {
		case ".js", ".mjs", ".cjs", ".wasm":
			if rel != QuickExitScript {
				out = append(out, fmt.Sprintf("%s: a script file other than the quick exit's: the site serves no other script, since any file of ours passes the CSP; remove it from static/ (or wherever the build copied it from)", rel))
			}
		}
		return nil
	})
	return out
}

// foreign says why a URL in a page is not allowed ("" when it is): another
// site not on check.AllowedHosts (in punycode, so no lookalike letters), or
// a scheme a reader's browser should never be sent to from here.
func (o *OutputRules) foreign(raw string) string {
	v := strings.TrimSpace(raw)
	if v == "" || strings.HasPrefix(v, "#") || sitePath(v) {
		return ""
	}
	u, err := url.Parse(v)
	if err != nil {
		return "is not a valid address: write a plain https address"
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
	case "tel":
		return "" // numbers come from data/services.yaml, checked there
	case "mailto":
		// A template can write a mailto: that no check before Hugo saw.
		addr, err := url.PathUnescape(u.Opaque)
		if err != nil || u.RawQuery != "" {
			return "is not a plain e-mail address: write mailto:name@example.no, nothing more"
		}
		return check.MailProblem(addr)
	default:
		return fmt.Sprintf("uses %s:, which the site never links to: link to a page or an https address", strings.ToLower(u.Scheme))
	}
	if u.Host == "" {
		return "" // same site
	}
	host := u.Hostname()
	if strings.EqualFold(host, o.own) {
		return ""
	}
	if ok, why := check.AllowedHost(host); !ok {
		return why
	}
	return ""
}

// lookalike says why the element at i looks like or acts as the quick
// exit ("" when it does not): its id or class, its label (in any of the
// site's languages), or a link to the quick exit's address. needle is what
// to look for in the sources, where that is more than the quick exit's own
// partial would also hold.
func (o *OutputRules) lookalike(toks []html.Token, i int) (why, needle string) {
	t := toks[i]
	if tokenAttr(t, "id") == "quick-exit" {
		return "id=\"quick-exit\" again", ""
	}
	for _, c := range []string{"quick-exit", "exit-nav"} {
		if hasClass(t, c) {
			return fmt.Sprintf("class=%q", c), ""
		}
	}
	for _, k := range []string{"href", "action", "formaction"} {
		if v, ok := attrOf(t, k); ok && sameAddress(v, o.exitURL) {
			return fmt.Sprintf("%s=%q, the quick exit's address", k, v), v
		}
	}
	for _, k := range []string{"aria-label", "title", "value", "alt"} {
		if v, ok := attrOf(t, k); ok && o.labels[normText(v)] {
			return fmt.Sprintf("%s=%q, the quick exit's label", k, v), ""
		}
	}
	if t.Data == "a" || t.Data == "button" || tokenAttr(t, "role") == "button" {
		if s := elementText(toks, i); o.labels[normText(s)] {
			return fmt.Sprintf("text %q, the quick exit's label", strings.Join(strings.Fields(s), " ")), ""
		}
	}
	return "", ""
}

// source names the file a problem comes from: the first of the page's
// content file, the layouts, the page language's i18n file and the data
// files that holds needle, as file:line; "" when none does.
func (o *OutputRules) source(rel, needle string) string {
	if needle == "" {
		return ""
	}
	// A layout's mistake is on every page: look it up once per language
	// and page name.
	parts := strings.Split(rel, "/")
	key := needle + "\x00" + parts[0]
	if len(parts) >= 2 {
		key += "/" + parts[1]
	}
	if v, ok := o.sources.Load(key); ok {
		return v.(string)
	}
	v := o.findSource(parts, needle)
	o.sources.Store(key, v)
	return v
}

func (o *OutputRules) findSource(parts []string, needle string) string {
	var files []string
	if len(parts) >= 2 {
		lang, slug := parts[0], parts[1]
		switch slug {
		case "index.html":
			slug = "_index"
		case "print": // the brochure holds every page of its language
			slug = "*"
		}
		for _, l := range []string{lang, o.deflt} {
			m, _ := filepath.Glob(filepath.Join(o.root, "content", l, slug+".md"))
			for _, f := range m {
				r, _ := filepath.Rel(o.root, f)
				files = append(files, r)
			}
		}
	}
	_ = filepath.WalkDir(filepath.Join(o.root, "layouts"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			r, _ := filepath.Rel(o.root, p)
			files = append(files, r)
		}
		return nil
	})
	if len(parts) >= 2 {
		files = append(files, filepath.Join("i18n", parts[0]+".toml"))
	}
	data, _ := filepath.Glob(filepath.Join(o.root, "data", "*"))
	for _, d := range data {
		r, _ := filepath.Rel(o.root, d)
		files = append(files, r)
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(o.root, f))
		if err != nil {
			continue
		}
		if at := bytes.Index(b, []byte(needle)); at >= 0 {
			return fmt.Sprintf(" (from %s:%d)", filepath.ToSlash(f), bytes.Count(b[:at], []byte("\n"))+1)
		}
	}
	return ""
}

// aliasStub reports whether a page is Hugo's redirect for an alias
// (layouts/alias.html): nothing but a title, a canonical link, noindex, a
// refresh after 0 seconds and one link, all to the same page of this site.
// It shows a reader nothing, so it needs no quick exit or header.
func aliasStub(toks []html.Token, own string) bool {
	target := ""
	same := func(v string) bool {
		if target == "" {
			target = v
		}
		return v == target
	}
	refresh := false
	var texts []string
	for _, t := range toks {
		switch t.Type {
		case html.StartTagToken, html.SelfClosingTagToken:
			switch t.Data {
			case "html", "head", "title", "body":
				if len(t.Attr) > 0 {
					return false
				}
			case "link":
				if tokenAttr(t, "rel") != "canonical" || !same(tokenAttr(t, "href")) {
					return false
				}
			case "meta":
				switch {
				case tokenAttr(t, "charset") != "", tokenAttr(t, "name") == "robots":
				case strings.EqualFold(tokenAttr(t, "http-equiv"), "refresh"):
					m := refreshRE.FindStringSubmatch(tokenAttr(t, "content"))
					if m == nil || !same(m[1]) {
						return false
					}
					refresh = true
				default:
					return false
				}
			case "a":
				if len(t.Attr) != 1 || !same(tokenAttr(t, "href")) {
					return false
				}
			default:
				return false
			}
		case html.TextToken:
			if s := strings.TrimSpace(t.Data); s != "" {
				texts = append(texts, s)
			}
		}
	}
	for _, s := range texts { // the title and the link's text are the address
		if s != target {
			return false
		}
	}
	if !refresh {
		return false
	}
	u, err := url.Parse(target)
	return err == nil && (u.Host == "" || strings.EqualFold(u.Hostname(), own)) && (u.Scheme == "" || u.Scheme == "https" || u.Scheme == "http")
}

var refreshRE = regexp.MustCompile(`^\s*0\s*;\s*url=(\S+)\s*$`)

// tokenLines maps each token's index to the line it starts on, tokenizing
// the page again: done only for a page with a problem.
func tokenLines(b []byte) []int {
	z := html.NewTokenizer(bytes.NewReader(b))
	line := 1
	var out []int
	for z.Next() != html.ErrorToken {
		out = append(out, line)
		line += bytes.Count(z.Raw(), []byte("\n"))
	}
	return out
}

// elementText is the text inside the element that starts at toks[i], up
// to its end tag.
func elementText(toks []html.Token, i int) string {
	name := toks[i].Data
	if toks[i].Type != html.StartTagToken {
		return ""
	}
	var b strings.Builder
	depth := 0
	for _, t := range toks[i+1:] {
		switch {
		case t.Type == html.TextToken:
			b.WriteString(t.Data)
			b.WriteByte(' ')
		case t.Type == html.StartTagToken && t.Data == name:
			depth++
		case t.Type == html.EndTagToken && t.Data == name:
			if depth == 0 {
				return b.String()
			}
			depth--
		}
	}
	return b.String()
}

// normText is text as a reader takes it in: letters and digits only, in
// lower case, words one space apart ("Gå ut raskt →" is "gå ut raskt").
func normText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// sitePath reports whether v is a path on this site that url.Parse takes
// without a complaint ("/nb/help/", most links of every page), so that
// foreign need not parse it: no scheme, no host, no control character that
// Parse refuses and no percent escape that it checks.
func sitePath(v string) bool {
	if !strings.HasPrefix(v, "/") || strings.HasPrefix(v, "//") {
		return false
	}
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 || c == 0x7f || c == '%' {
			return false
		}
	}
	return true
}

// sameAddress reports whether ref leads to the page at addr: same host (a
// leading www. aside) and path (a trailing slash aside).
func sameAddress(ref, addr string) bool {
	if !strings.Contains(ref, "//") {
		return false // no host: a path on this site (most links of every page)
	}
	u, err1 := url.Parse(strings.TrimSpace(ref))
	a, err2 := url.Parse(addr)
	if err1 != nil || err2 != nil || u.Host == "" || a.Host == "" {
		return false
	}
	h := func(u *url.URL) string { return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") }
	return h(u) == h(a) && strings.TrimSuffix(u.Path, "/") == strings.TrimSuffix(a.Path, "/")
}

// samePath reports whether ref, on page rel, is the site path want.
func samePath(rel, ref, own, want string) bool {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil || (u.Host != "" && !strings.EqualFold(u.Hostname(), own)) {
		return false
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join("/", path.Dir(rel), p)
	}
	return p == want
}

func hostOf(raw string) string {
	if u, err := url.Parse(strings.TrimSpace(raw)); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

// srcsetURLs are the addresses of a srcset's candidates.
func srcsetURLs(v string) []string {
	var out []string
	for _, c := range strings.Split(v, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// hiddenBy says which attribute hides an element from readers ("" if none).
func hiddenBy(t html.Token) string {
	if _, ok := attrOf(t, "hidden"); ok {
		return "hidden"
	}
	if _, ok := attrOf(t, "inert"); ok {
		return "inert"
	}
	if strings.EqualFold(tokenAttr(t, "aria-hidden"), "true") {
		return "aria-hidden=\"true\""
	}
	return ""
}

func isStart(t html.Token) bool {
	return t.Type == html.StartTagToken || t.Type == html.SelfClosingTagToken
}

func attrOf(t html.Token, key string) (string, bool) {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(t html.Token, c string) bool {
	for _, f := range strings.Fields(tokenAttr(t, "class")) {
		if f == c {
			return true
		}
	}
	return false
}
