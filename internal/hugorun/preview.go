package hugorun

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bep/logg"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/herrors"
	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/common/types"
	"github.com/gohugoio/hugo/common/urls"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/hugolib/segments"
	"github.com/gohugoio/hugo/livereload"
	"github.com/spf13/afero"

	"github.com/redcross-no/familieinnvandring/internal/fileerr"
)

// Preview is the live preview of `site serve`: Hugo's sites kept in memory
// and rebuilt in-process when the caller reports changed files, served over
// HTTP with Hugo's livereload.
//
// Why not `hugo server`: its file watcher hands changes over on a 500 ms
// ticker (watcher.New in Hugo's commands package), which alone is more than
// the wait a translator should have after a save, and it renders whatever is
// on disk, so a page that `site check` refuses would replace the last good
// one. Here the caller's watcher decides what Hugo sees and when.
//
// Like `hugo server` in its default fast render mode, a rebuild renders the
// pages the changed files touch that were recently viewed; any other page
// touched is rendered when it is next requested. Beyond that, a rebuild
// after a saved page renders only the languages of the saved files (see
// Rebuild and langFilter).
type Preview struct {
	dir     string
	h       *hugolib.HugoSites
	pub     afero.Fs // the rendered site, in memory
	static  afero.Fs // static/ as mounted, served as it is on disk
	visited *types.EvictingQueue[string]
	langs   []string   // the languages in Hugo's order (a site's index)
	only    langFilter // what a Build may render
	// fresh are the pages rendered since the last rebuild, or made fresh
	// by it; any other page is rendered when it is requested.
	fresh map[string]bool

	mu       sync.Mutex // one Hugo build at a time
	lastErr  error      // the last build's error, nil after a good one
	problems []fileerr.Error
}

// NewPreview loads the site in dir for a preview on 127.0.0.1:port and
// renders it once. Hugo's warnings and errors go to errw.
func NewPreview(dir string, port int, errw io.Writer) (*Preview, error) {
	flags := config.New()
	flags.Set("workingDir", dir)
	flags.Set("environment", "development")
	flags.Set("renderToMemory", true)
	flags.Set("internal", hmaps.Params{"running": true, "watch": true, "fastRenderMode": true})
	logger := loggers.New(loggers.Options{Level: logg.LevelWarn, StdOut: lineFilter{errw}, StdErr: lineFilter{errw}})
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:       flags,
		Fs:          hugofs.Os,
		Environment: "development",
		Logger:      logger,
	})
	if err != nil {
		return nil, fmt.Errorf("hugo: %w", err)
	}
	// In memory, published at the root, as `hugo server` does.
	flags.Set("publishDir", configs.Base.PublishDir)
	flags.Set("publishDirStatic", "/")
	flags.Set("publishDirDynamic", "/")
	fs := hugofs.NewFromSourceAndDestination(hugofs.Os, afero.NewMemMapFs(), flags)

	base, err := urls.NewBaseURLFromString(fmt.Sprintf("http://127.0.0.1:%d/", port))
	if err != nil {
		return nil, err
	}
	for _, l := range configs.Languages {
		c := configs.LanguageConfigMap[l.Lang]
		c.C.SetServerInfo(base, base, "127.0.0.1")
	}
	h, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       fs,
		StdOut:   lineFilter{errw},
		StdErr:   lineFilter{errw},
		LogLevel: logg.LevelWarn,
	})
	if err != nil {
		return nil, fmt.Errorf("hugo: %w", err)
	}
	p := &Preview{
		dir:     dir,
		h:       h,
		pub:     fs.PublishDir,
		static:  h.BaseFs.SourceFilesystems.StaticFs(""),
		visited: types.NewEvictingQueue[string](20),
		fresh:   map[string]bool{},
	}
	for _, s := range h.Sites {
		p.langs = append(p.langs, s.Language().Lang)
	}
	// Hugo asks the render segments' filter (--renderSegments) whether to
	// render a site, an output format or a page; the preview puts its own
	// filter there, once, and changes what it lets through per Build.
	p.only.langs = p.langs
	for _, c := range configs.LanguageConfigMap {
		if c.Segments == nil || c.Segments.Config == nil {
			return nil, fmt.Errorf("hugo: the configuration has no render segments to filter")
		}
		c.Segments.Config.SegmentFilter = &p.only
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := h.Build(hugolib.BuildCfg{RecentlyTouched: p.visited}); err != nil {
		p.lastErr = err
		return p, p.located(err)
	}
	return p, nil
}

// Rebuild tells Hugo that the files (absolute paths) changed and renders
// what they touch. An error located in one of the site's files is a
// *FileError; until a later rebuild succeeds, pages keep what they last
// rendered well.
func (p *Preview) Rebuild(files []string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var events []fsnotify.Event
	seen := map[string]bool{}
	add := func(name string, op fsnotify.Op) {
		if !seen[name] {
			seen[name] = true
			events = append(events, fsnotify.Event{Name: name, Op: op})
		}
	}
	for _, f := range files {
		op := fsnotify.Write
		if _, err := os.Stat(f); err != nil {
			op = fsnotify.Remove
		}
		add(f, op)
	}
	// The files of the last error are built again too, as hugo server does:
	// Hugo may have dropped what it could not parse.
	if p.lastErr != nil {
		for _, fe := range herrors.UnwrapFileErrorsWithErrorContext(p.lastErr) {
			add(fe.Position().Filename, fsnotify.Write)
		}
	}
	// Two passes. Hugo makes the saved page anew in every language (one
	// tree key for all of them: content/nb/help.md and content/en/help.md
	// are both /help), and a new page is always rendered: a save of
	// content/nb/help.md would render help and its poster in 24 languages,
	// 48 pages, most of a rebuild's cost. So both passes render only the
	// languages of the saved files (p.only); the other languages' pages are
	// rendered when they are requested (serve), as a page the change made
	// stale is in fast render mode. Given the queue of viewed pages, Hugo
	// would also add those 48 to it (it holds 20) and push out what the
	// translator has open; so the first pass has no queue, and the second
	// renders the viewed pages the change made stale.
	p.only.set(p.langsOfFiles(files))
	defer p.only.set(nil)
	err := p.h.Build(hugolib.BuildCfg{ErrRecovery: p.lastErr != nil}, events...)
	if err == nil {
		err = p.h.Build(hugolib.BuildCfg{RecentlyTouched: p.visited, PartialReRender: true})
	}
	clear(p.fresh)
	if err == nil {
		for _, u := range p.visited.PeekAll() {
			if p.only.allows(p.langOfURL(u)) {
				p.fresh[u] = true
			}
		}
	}
	p.lastErr = err
	if err != nil {
		return p.located(err)
	}
	return nil
}

// langsOfFiles are the languages whose pages the files make: a file in
// content/<lang>/ makes only that language's pages. Anything else
// (templates, data, i18n, the content adapter) may change every language,
// and the answer is nil, all of them.
func (p *Preview) langsOfFiles(files []string) []string {
	var langs []string
	for _, f := range files {
		rel, err := filepath.Rel(p.dir, f)
		if err != nil {
			return nil
		}
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) < 3 || parts[0] != "content" || !slices.Contains(p.langs, parts[1]) {
			return nil
		}
		if !slices.Contains(langs, parts[1]) {
			langs = append(langs, parts[1])
		}
	}
	return langs
}

// langOfURL is the language of a preview address (/nb/help/ → nb), or ""
// for one outside the languages (/, /go/…).
func (p *Preview) langOfURL(u string) string {
	first, _, _ := strings.Cut(strings.TrimPrefix(u, "/"), "/")
	if slices.Contains(p.langs, first) {
		return first
	}
	return ""
}

// langFilter is the preview's render filter: Hugo renders only the sites
// (languages) it allows, and keeps any page of another language that needs
// rendering for a later Build that allows it. It is Hugo's render segments'
// filter (--renderSegments), set per Build under Preview.mu.
type langFilter struct {
	langs []string        // a site's index → its language
	allow map[string]bool // nil: every language
}

func (f *langFilter) set(langs []string) {
	if langs == nil {
		f.allow = nil
		return
	}
	f.allow = map[string]bool{}
	for _, l := range langs {
		f.allow[l] = true
	}
}

func (f *langFilter) allows(lang string) bool { return f.allow == nil || f.allow[lang] }

func (f *langFilter) excludes(q segments.SegmentQuery) bool {
	if f.allow == nil {
		return false
	}
	i := q.Site[0] // the language's index: sitesmatrix.Vector{language, version, role}
	return i < 0 || i >= len(f.langs) || !f.allow[f.langs[i]]
}

// ShouldExcludeCoarse tells Hugo whether to skip a whole site or output format.
func (f *langFilter) ShouldExcludeCoarse(q segments.SegmentQuery) bool { return f.excludes(q) }

// ShouldExcludeFine tells Hugo whether to skip a page.
func (f *langFilter) ShouldExcludeFine(q segments.SegmentQuery) bool { return f.excludes(q) }

func (p *Preview) located(err error) error {
	if fe := locate(err, p.dir); fe != nil {
		return fe
	}
	return fmt.Errorf("hugo: %w", err)
}

// SetProblems shows problems at the top of every page served until they are
// replaced; nil shows none.
func (p *Preview) SetProblems(problems []fileerr.Error) {
	p.mu.Lock()
	p.problems = problems
	p.mu.Unlock()
}

// Reload tells every open preview page to load itself again.
func Reload() { livereload.ForceRefresh() }

// Handler serves the preview and Hugo's livereload endpoints.
func (p *Preview) Handler() http.Handler {
	livereload.Initialize()
	mux := http.NewServeMux()
	mux.HandleFunc("/livereload.js", livereload.ServeJS)
	mux.HandleFunc("/livereload", livereload.Handler)
	mux.HandleFunc("/", p.serve)
	return mux
}

func (p *Preview) serve(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Path
	if strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	page := strings.HasSuffix(name, ".html")
	p.mu.Lock()
	problems := p.problems
	if page && p.lastErr == nil && !p.fresh[r.URL.Path] {
		// A page that a rebuild may have left stale (not recently viewed,
		// or in a language it did not render): render it now, as hugo
		// server's fast render mode does on navigation, with the pages of
		// its language that a rebuild left for later.
		one := types.NewEvictingQueue[string](1)
		one.Add(r.URL.Path)
		var lang []string // all, for an address outside the languages (/, /go/…)
		if l := p.langOfURL(r.URL.Path); l != "" {
			lang = []string{l}
		}
		p.only.set(lang)
		if err := p.h.Build(hugolib.BuildCfg{RecentlyTouched: one, PartialReRender: true}); err != nil {
			p.lastErr = err
		}
		p.only.set(nil)
		p.fresh[r.URL.Path] = true
	}
	if page {
		p.visited.Add(r.URL.Path)
	}
	b, err := readFile(p.pub, name)
	if err != nil {
		b, err = readFile(p.static, name)
	}
	isDir := false
	if err != nil {
		fi, serr := p.pub.Stat(name)
		isDir = serr == nil && fi.IsDir()
	}
	p.mu.Unlock()
	if isDir {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	// Always the newest: a translator reloads to see her last save.
	w.Header().Set("Cache-Control", "no-store")
	if err != nil {
		b, _ = readFile(p.pub, "/404.html")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(withProblems(b, problems))
		return
	}
	if page {
		b = withProblems(b, problems)
	}
	http.ServeContent(w, r, path.Base(name), time.Time{}, bytes.NewReader(b))
}

// readFile reads a file, and not a folder (which afero reads as empty).
func readFile(fs afero.Fs, name string) ([]byte, error) {
	if fi, err := fs.Stat(name); err != nil || fi.IsDir() {
		return nil, os.ErrNotExist
	}
	return afero.ReadFile(fs, name)
}

// withProblems puts a list of problems right after <body …>: plain HTML with
// no style attribute or script, so it shows under the site's CSP too. The
// page below it is the last one that was rendered well.
func withProblems(page []byte, problems []fileerr.Error) []byte {
	if len(problems) == 0 {
		return page
	}
	i := bytes.Index(page, []byte("<body"))
	if i < 0 {
		return page
	}
	j := bytes.IndexByte(page[i:], '>')
	if j < 0 {
		return page
	}
	at := i + j + 1
	var b bytes.Buffer
	b.Write(page[:at])
	b.WriteString(`<aside id="site-serve-problems" role="alert" lang="en" dir="ltr"><h2>site serve: this change is not shown</h2><p>Fix the file and save it again; until then the page below is the last good one.</p><pre>`)
	for _, pr := range problems {
		b.WriteString(html.EscapeString(pr.Error()))
		b.WriteByte('\n')
	}
	b.WriteString("</pre></aside>")
	b.Write(page[at:])
	return b.Bytes()
}

// lineFilter passes on only the lines of Hugo's log that report a problem.
type lineFilter struct{ w io.Writer }

func (f lineFilter) Write(b []byte) (int, error) {
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if strings.HasPrefix(line, "ERROR") || strings.HasPrefix(line, "WARN") {
			io.WriteString(f.w, line)
		}
	}
	return len(b), nil
}
