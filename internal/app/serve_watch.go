package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/fileerr"
	"github.com/redcross-no/familieinnvandring/internal/hugorun"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// serveWatcher is `site serve`'s own watcher: on a save it checks the saved
// files, hands Hugo only those that pass, and tells the browser to reload.
// A file that check refuses is held back, so its page stays as it last was
// good, and the problems show in the terminal and at the top of every
// preview page until the file is fixed.
type serveWatcher struct {
	root string
	cfg  *siteconfig.Config
	pv   *hugorun.Preview
	out  io.Writer
	fsw  *fsnotify.Watcher

	content *content.Reader // the content as the last check read it

	held   map[string][]fileerr.Error // file (relative) → why its change is held back
	failed []fileerr.Error            // Hugo's error from the last build, if any
}

// quiet is how long the watcher waits after the last event of a save before
// it acts: editors write a file in several steps (truncate, write, rename),
// and a save is one change. Long enough for that, short against the 300 ms
// a translator may wait for her page.
const quiet = 15 * time.Millisecond

// watchedDirs are the folders whose files make the site.
var watchedDirs = []string{"content", "i18n", "data", "layouts", "assets", "static", "source-versions"}

func newServeWatcher(root string, cfg *siteconfig.Config, pv *hugorun.Preview, out io.Writer) (*serveWatcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &serveWatcher{root: root, cfg: cfg, pv: pv, out: out, fsw: fsw, held: map[string][]fileerr.Error{}}
	if err := fsw.Add(root); err != nil { // hugo.toml
		fsw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(root, d))
	}
	return w, nil
}

// addTree watches dir and every folder in it (fsnotify watches one folder).
func (w *serveWatcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			_ = w.fsw.Add(p)
		}
		return nil
	})
}

func (w *serveWatcher) close() { w.fsw.Close() }

// run handles saves until the watcher is closed.
func (w *serveWatcher) run() {
	changed := map[string]bool{}
	var timer <-chan time.Time
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if !w.relevant(ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name)
					continue
				}
			}
			changed[ev.Name] = true
			timer = time.After(quiet)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(w.out, "site: watching files: %v\n", err)
		case <-timer:
			files := make([]string, 0, len(changed))
			for f := range changed {
				files = append(files, f)
			}
			clear(changed)
			timer = nil
			slices.Sort(files)
			w.handle(files)
		}
	}
}

// relevant drops what is not a change of the site: attribute changes,
// editors' swap and backup files, files outside the site's folders.
func (w *serveWatcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || ev.Name == "" {
		return false
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	base := filepath.Base(ev.Name)
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, "~") ||
		base == "4913" || strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".tmp") {
		return false
	}
	if !strings.Contains(rel, "/") {
		return rel == siteconfig.File || slices.Contains(watchedDirs, rel)
	}
	first, _, _ := strings.Cut(rel, "/")
	return slices.Contains(watchedDirs, first)
}

// handle checks one save's files and shows what passes.
func (w *serveWatcher) handle(files []string) {
	start := time.Now()
	rels := map[string]string{} // relative → absolute
	for _, f := range files {
		rel, _ := filepath.Rel(w.root, f)
		rels[filepath.ToSlash(rel)] = f
	}
	if _, ok := rels[siteconfig.File]; ok {
		fmt.Fprintf(w.out, "site: %s changed: stop the preview (Ctrl+C) and start it again to see the change\n", siteconfig.File)
		delete(rels, siteconfig.File)
		if len(rels) == 0 {
			return
		}
	}
	// Files held back by an earlier save are checked again: the problem may
	// have been elsewhere (a link to a page that now exists).
	for rel := range w.held {
		if _, ok := rels[rel]; !ok {
			rels[rel] = filepath.Join(w.root, filepath.FromSlash(rel))
		}
	}
	// A saved page is checked with the rules that compare it with its
	// source or its translations; anything else changes what every page may
	// use (i18n, data, layouts), and the whole site is checked.
	opt := check.Options{Only: map[string]bool{}, Content: w.content}
	for rel := range rels {
		if !strings.HasPrefix(rel, "content/") || !strings.HasSuffix(rel, ".md") {
			opt.Only = nil
			break
		}
		opt.Only[rel] = true
	}
	rep := check.Run(w.root, w.cfg, opt)
	byFile := map[string][]fileerr.Error{}
	for _, p := range rep.Problems {
		if _, ok := rels[p.File]; ok && !p.Warning {
			byFile[p.File] = append(byFile[p.File], p)
		}
	}
	var good []string
	for rel, abs := range rels {
		if probs := byFile[rel]; len(probs) > 0 {
			if !slices.Equal(w.held[rel], probs) {
				for _, p := range probs {
					fmt.Fprintln(w.out, p)
				}
			}
			w.held[rel] = probs
			continue
		}
		if _, wasHeld := w.held[rel]; wasHeld {
			fmt.Fprintf(w.out, "site: %s: fixed\n", rel)
		}
		delete(w.held, rel)
		good = append(good, abs)
	}
	if len(good) > 0 {
		slices.Sort(good)
		w.failed = nil
		if err := w.pv.Rebuild(good); err != nil {
			fmt.Fprintln(w.out, err)
			var fe *fileerr.Error
			if errors.As(err, &fe) {
				w.failed = []fileerr.Error{*fe}
			} else {
				w.failed = []fileerr.Error{{Msg: err.Error()}}
			}
		}
	}
	w.pv.SetProblems(w.problems())
	hugorun.Reload()
	if len(good) > 0 && len(w.failed) == 0 {
		fmt.Fprintf(w.out, "site: %d file(s) checked and shown in %d ms\n", len(good), time.Since(start).Milliseconds())
	}
}

// problems are what the preview pages show: the files held back, then
// Hugo's error.
func (w *serveWatcher) problems() []fileerr.Error {
	var all []fileerr.Error
	keys := make([]string, 0, len(w.held))
	for k := range w.held {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		all = append(all, w.held[k]...)
	}
	return append(all, w.failed...)
}
