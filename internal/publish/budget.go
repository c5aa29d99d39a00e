package publish

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// ScriptBudget is the most JavaScript a page may load, gzipped: the optional
// quick-exit script. Reading, navigating and calling need none.
const ScriptBudget = 2 * 1024

// RequestBudget is the most subresources (scripts, stylesheets, images,
// icons) a page may make the phone fetch after its HTML.
const RequestBudget = 4

// Cost is what one page makes a phone fetch and run.
type Cost struct {
	Path     string   // relative to the output directory
	Script   int      // inline and same-site scripts, gzipped
	Requests []string // subresources, as referenced
	Foreign  []string // subresources from other sites (never allowed)
}

// Costs measures the scripts and requests of every HTML page in dir (Weights
// measures their bytes).
func Costs(dir string) ([]Cost, error) {
	c := &Requests{Dir: dir}
	err := PagePass{Checks: []PageCheck{c}}.Walk(dir)
	return c.Sorted(), err
}

// Requests is the page pass's check of what each page makes a phone fetch and
// run: it fails the build when a page is over ScriptBudget or RequestBudget,
// or loads anything from another site.
type Requests struct {
	Dir     string // the output directory, for the size of script files
	mu      sync.Mutex
	out     []Cost
	scripts sync.Map // file → its gzip size: every page loads the same script
}

// Page implements PageCheck.
func (c *Requests) Page(p *Page) {
	x := pageCost(c.Dir, p, c.scriptSize)
	c.mu.Lock()
	c.out = append(c.out, x)
	c.mu.Unlock()
}

// Done implements PageCheck.
func (c *Requests) Done(b *Build) error {
	var problems []string
	for _, x := range c.Sorted() {
		problems = append(problems, x.Problems()...)
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(b.Stderr, p)
		}
		return fmt.Errorf("%d script or request budget problem(s)", len(problems))
	}
	return nil
}

// scriptSize is the gzip size of a script file, -1 when it cannot be read.
func (c *Requests) scriptSize(file string) int {
	if n, ok := c.scripts.Load(file); ok {
		return n.(int)
	}
	n := -1
	if f, err := os.ReadFile(file); err == nil {
		n = GzipSize(f)
	}
	c.scripts.Store(file, n)
	return n
}

// Sorted returns the costs measured, by path.
func (c *Requests) Sorted() []Cost {
	sort.Slice(c.out, func(i, j int) bool { return c.out[i].Path < c.out[j].Path })
	return c.out
}

// cssURL finds url(…) in inline CSS: each is a request too.
var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)`)

// pageCost measures one page from its tokens (a tree is not needed, and
// building one for every page would double the time).
func pageCost(dir string, p *Page, scriptSize func(file string) int) Cost {
	rel := p.Path
	c := Cost{Path: rel}
	var inline bytes.Buffer
	request := func(ref string) {
		u, err := url.Parse(strings.TrimSpace(ref))
		if err != nil || u.Scheme == "data" || ref == "" {
			return
		}
		c.Requests = append(c.Requests, ref)
		if u.Host != "" || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
			c.Foreign = append(c.Foreign, ref)
		}
	}
	inScript, inStyle := false, false
	for _, t := range p.Tokens {
		tt := t.Type
		switch tt {
		case html.TextToken:
			switch {
			case inScript:
				inline.WriteString(t.Data)
			case inStyle:
				for _, m := range cssURL.FindAllStringSubmatch(t.Data, -1) {
					request(m[1])
				}
			}
		case html.EndTagToken:
			inScript, inStyle = false, false
		case html.StartTagToken, html.SelfClosingTagToken:
			inScript, inStyle = false, false
			switch t.Data {
			case "script":
				if src := tokenAttr(t, "src"); src != "" {
					request(src)
					if n := scriptSize(localFile(dir, rel, src)); n >= 0 {
						c.Script += n
					}
				} else {
					inScript = tt == html.StartTagToken
				}
			case "style":
				inStyle = tt == html.StartTagToken
			case "link":
				switch strings.ToLower(tokenAttr(t, "rel")) {
				case "stylesheet", "icon", "shortcut icon", "apple-touch-icon", "preload", "modulepreload", "manifest", "prefetch":
					request(tokenAttr(t, "href"))
				}
			case "img", "iframe", "embed", "audio", "video", "source", "track":
				request(tokenAttr(t, "src"))
			case "object":
				request(tokenAttr(t, "data"))
			}
		}
	}
	if inline.Len() > 0 {
		c.Script += GzipSize(inline.Bytes())
	}
	return c
}

func tokenAttr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Problems lists what is over budget on this page, one line each.
func (c Cost) Problems() []string {
	var out []string
	if c.Script > ScriptBudget {
		out = append(out, fmt.Sprintf("%s: %.1f KB of JavaScript gzip is over the %d KB budget: the site must work without script; keep only the quick exit", c.Path, float64(c.Script)/1024, ScriptBudget/1024))
	}
	if len(c.Requests) > RequestBudget {
		out = append(out, fmt.Sprintf("%s: %d requests after the HTML (%s) are over the budget of %d: inline or drop some", c.Path, len(c.Requests), strings.Join(c.Requests, " "), RequestBudget))
	}
	for _, f := range c.Foreign {
		out = append(out, fmt.Sprintf("%s: loads %s from another site: readers must never load anything from other sites; serve it from static/", c.Path, f))
	}
	return out
}

// localFile maps a same-site reference from page rel to a file in dir.
func localFile(dir, rel, ref string) string {
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join("/", path.Dir(rel), p)
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		walk(ch, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
