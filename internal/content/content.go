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
			b, err := os.ReadFile(filepath.Join(root, l.ContentDir, name))
			if err != nil {
				continue
			}
			f := &File{Lang: l.Code, Slug: strings.TrimSuffix(name, ".md"), Path: l.ContentDir + "/" + name, Src: b}
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
