// Package content is the one model of the site's pages, read from disk
// once per command and handed to check, translation and campaign: each
// language folder's Markdown files, their bytes and their parsed front
// matter.
package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// Home is the slug of a language's home page (content/<lang>/_index.md).
const Home = "_index"

// KeyTranslate in a source page: `translate: false` keeps the page to the
// languages that have a file (the partners page, in nb and en): no "not
// translated yet" page and no address elsewhere, never missing in status.
const KeyTranslate = "translate"

// Page is a content file whose front matter parsed: what the campaign kit
// and the URL contract know of a page, and what check adds to.
type Page struct {
	Lang   string
	Slug   string         // Home for a home page
	File   string         // relative to the site root, slash-separated
	Params map[string]any // the front matter
}

// Title is the page's title, "" when it has none.
func (p *Page) Title() string {
	s, _ := p.Params["title"].(string)
	return s
}

// SourceOnly reports whether the page says `translate: false` (see
// KeyTranslate); only a source page's word counts.
func (p *Page) SourceOnly() bool { return p.Params[KeyTranslate] == false }

// File is one Markdown file of a language folder, as read.
type File struct {
	Lang string
	Slug string // the file name without .md
	Path string // relative to the site root, slash-separated
	Src  []byte
	Doc  *frontmatter.Doc // nil when Err is set
	Err  error            // why the front matter does not parse

	stamp stamp // as it was before it was read (only by a Reader)
}

// stamp is what tells that a file changed on disk without reading it.
type stamp struct {
	size int64
	mod  time.Time
}

// Site is every language folder's Markdown files.
type Site struct {
	Root   string
	byDir  map[string][]*File // content dir → files in slug order
	byPath map[string]*File
}

// Read reads the Markdown files (*.md, not hidden) of every configured
// language folder once. A missing folder has no files; a file that cannot be
// read is left out (check reports it).
func Read(root string, cfg *siteconfig.Config) (*Site, error) {
	return read(root, cfg, nil, false)
}

// Reader reads the content again after a change, as `site serve` does after
// every save: a file whose size and modification time are what they were
// at the last Read is neither read nor parsed again (the File is the same).
// Its files are never changed by their users, so sharing them is safe.
type Reader struct {
	last *Site
}

// Read is Read of the package, reusing the unchanged files of the last one.
func (r *Reader) Read(root string, cfg *siteconfig.Config) (*Site, error) {
	s, err := read(root, cfg, r.last, true)
	if err == nil {
		r.last = s
	}
	return s, err
}

// read reads the content; with stamps it stats each file first, and takes
// from prev a file whose stamp is the same.
func read(root string, cfg *siteconfig.Config, prev *Site, stamps bool) (*Site, error) {
	s := &Site{Root: root, byDir: map[string][]*File{}, byPath: map[string]*File{}}
	for _, l := range cfg.Languages {
		if _, done := s.byDir[l.ContentDir]; done {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(root, l.ContentDir))
		if os.IsNotExist(err) {
			s.byDir[l.ContentDir] = nil
			continue
		}
		if err != nil {
			return nil, err
		}
		var files []*File
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || strings.HasPrefix(name, ".") || filepath.Ext(name) != ".md" {
				continue
			}
			path := l.ContentDir + "/" + name
			abs := filepath.Join(root, l.ContentDir, name)
			var st stamp
			if stamps {
				// Before the read: a change while it reads is seen next time.
				fi, err := os.Stat(abs)
				if err != nil {
					continue
				}
				st = stamp{fi.Size(), fi.ModTime()}
				if old := prev.File(path); old != nil && old.stamp == st && old.Lang == l.Code {
					files = append(files, old)
					s.byPath[path] = old
					continue
				}
			}
			b, err := os.ReadFile(abs)
			if err != nil {
				continue
			}
			f := &File{Lang: l.Code, Slug: strings.TrimSuffix(name, ".md"), Path: path, Src: b, stamp: st}
			f.Doc, f.Err = frontmatter.Parse(b)
			if f.Err != nil {
				f.Doc = nil
			}
			files = append(files, f)
			s.byPath[f.Path] = f
		}
		slices.SortFunc(files, func(a, b *File) int { return strings.Compare(a.Slug, b.Slug) })
		s.byDir[l.ContentDir] = files
	}
	return s, nil
}

// Dir returns the files of one content folder (e.g. "content/nb"), in slug
// order with _index first.
func (s *Site) Dir(dir string) []*File {
	if s == nil {
		return nil
	}
	return s.byDir[dir]
}

// File returns the file at path (relative to the root), or nil.
func (s *Site) File(path string) *File {
	if s == nil {
		return nil
	}
	return s.byPath[path]
}
