package translation

import (
	"fmt"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/content"
	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// Front-matter keys of a translation.
const (
	KeyHash       = "source_hash"      // the source version it was made from
	KeyHow        = "translation"      // machine, human or reviewed
	KeyDate       = "translation_date" // when source_hash was last recorded
	KeyTranslator = "translator"       // optional
	KeyReviewer   = "reviewer"         // optional
	// KeyTranslate in a source page: `translate: false` keeps the page to the
	// languages that have it (the partners page, for organisations).
	KeyTranslate = content.KeyTranslate
)

// Hows are the values of the translation key, from least to most checked.
var Hows = []string{"machine", "human", "reviewed"}

// State is where a translation stands against its source.
type State string

const (
	Complete State = "complete" // made from the current source version
	Outdated State = "outdated" // made from an older version of the source
	Missing  State = "missing"  // no file in this language: readers get the fallback page
	Unmarked State = "unmarked" // no source_hash: nobody has recorded what it was made from
	Unknown  State = "unknown"  // source_hash names no version of the source
	Broken   State = "broken"   // the front matter cannot be read: site check says why
)

// Source is a page in the source language.
type Source struct {
	Slug    string `json:"slug"`
	File    string `json:"file"`
	Hash    string `json:"hash"`
	Lastmod string `json:"lastmod,omitempty"`
	// SourceOnly: `translate: false`, a page only for the languages that
	// have it (partners): never missing elsewhere.
	SourceOnly bool   `json:"source_only,omitempty"`
	Text       string `json:"-"` // normalised
}

// Page is one source page in one translation language.
type Page struct {
	Slug       string `json:"slug"`
	File       string `json:"file"` // where the translation is, or would be
	State      State  `json:"state"`
	How        string `json:"translation,omitempty"`
	SourceHash string `json:"source_hash,omitempty"`
	Date       string `json:"translation_date,omitempty"`
	Translator string `json:"translator,omitempty"`
	Reviewer   string `json:"reviewer,omitempty"`

	Text  string         `json:"-"` // normalised, "" when missing
	Lines map[string]int `json:"-"` // front-matter key → line
}

// Language is the state of one translation language.
type Language struct {
	Code     string  `json:"lang"`
	Complete int     `json:"complete"`
	Outdated int     `json:"outdated"`
	Missing  int     `json:"missing"`
	Unmarked int     `json:"unmarked"` // unmarked, unknown or broken: see each page's state
	Machine  int     `json:"machine"`
	Pages    []*Page `json:"pages"`
}

// Site is the translation state of a whole site.
type Site struct {
	Source    string      `json:"source"`
	Sources   []*Source   `json:"sources"` // in slug order, _index first
	Languages []*Language `json:"languages"`
	Store     Store       `json:"-"`
}

// SourcePage returns the source page with slug, or nil.
func (s *Site) SourcePage(slug string) *Source {
	for _, p := range s.Sources {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// Language returns the state of one language, or nil.
func (s *Site) Language(code string) *Language {
	for _, l := range s.Languages {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// Page returns the page with slug in language l, or nil.
func (l *Language) Page(slug string) *Page {
	for _, p := range l.Pages {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// Scan reads every page's front matter and works out each translation's
// state. Files that cannot be parsed are left out: `site check` reports them.
func Scan(root string, cfg *siteconfig.Config) (*Site, error) {
	pages, err := content.Read(root, cfg)
	if err != nil {
		return nil, err
	}
	return ScanContent(pages, cfg)
}

// ScanContent is Scan of content already read.
func ScanContent(pages *content.Site, cfg *siteconfig.Config) (*Site, error) {
	src, ok := cfg.Language(cfg.Default)
	if !ok {
		return nil, fmt.Errorf("the source language %q is not configured", cfg.Default)
	}
	root := pages.Root
	s := &Site{Source: cfg.Default, Store: Store{Root: root}}
	docs := readDir(pages, src.ContentDir)
	var err error
	for _, d := range docs {
		if d.doc == nil {
			continue // check reports it; its translations are orphans until it is fixed
		}
		text := Normalise(d.doc.String("title"), d.doc.String("description"), string(d.doc.Body))
		s.Sources = append(s.Sources, &Source{
			Slug: d.slug, File: d.file, Text: text, Hash: Hash(text), Lastmod: DateString(d.doc.Params["lastmod"]),
			SourceOnly: d.doc.Params[KeyTranslate] == false,
		})
	}
	for _, l := range cfg.Languages {
		if l.Code == cfg.Default {
			continue
		}
		lang := &Language{Code: l.Code}
		s.Languages = append(s.Languages, lang)
		docs := readDir(pages, l.ContentDir)
		have := map[string]*doc{}
		for _, d := range docs {
			have[d.slug] = d
		}
		for _, srcPage := range s.Sources {
			d, ok := have[srcPage.Slug]
			if !ok && srcPage.SourceOnly {
				continue
			}
			p := &Page{Slug: srcPage.Slug, File: l.ContentDir + "/" + srcPage.Slug + ".md"}
			lang.Pages = append(lang.Pages, p)
			if !ok {
				p.State = Missing
				lang.Missing++
				continue
			}
			if d.doc == nil {
				p.State = Broken
				lang.Unmarked++
				continue
			}
			p.How = d.doc.String(KeyHow)
			p.SourceHash = d.doc.String(KeyHash)
			p.Date = DateString(d.doc.Params[KeyDate])
			p.Translator = d.doc.String(KeyTranslator)
			p.Reviewer = d.doc.String(KeyReviewer)
			p.Lines = d.doc.KeyLines
			p.Text = Normalise(d.doc.String("title"), d.doc.String("description"), string(d.doc.Body))
			p.State, err = s.state(srcPage, p.SourceHash)
			if err != nil {
				return nil, err
			}
			switch p.State {
			case Complete:
				lang.Complete++
			case Outdated:
				lang.Outdated++
			default:
				lang.Unmarked++
			}
			if p.How == "machine" {
				lang.Machine++
			}
		}
	}
	return s, nil
}

func (s *Site) state(src *Source, hash string) (State, error) {
	switch {
	case hash == "":
		return Unmarked, nil
	case hash == src.Hash:
		return Complete, nil
	}
	_, ok, err := s.Store.Load(src.Slug, hash)
	if err != nil {
		return "", err
	}
	if !ok {
		return Unknown, nil
	}
	return Outdated, nil
}

// Version returns the text of the source version a translation was made
// from: the current source, or a stored copy. ok=false when there is none.
func (s *Site) Version(slug, hash string) (text string, ok bool, err error) {
	if src := s.SourcePage(slug); src != nil && src.Hash == hash {
		return src.Text, true, nil
	}
	return s.Store.Load(slug, hash)
}

type doc struct {
	slug, file string
	doc        *frontmatter.Doc
}

// readDir lists the pages of one language folder, in slug order with
// _index first; a file whose front matter cannot be read has a nil doc.
func readDir(pages *content.Site, dir string) []*doc {
	var out []*doc
	for _, f := range pages.Dir(dir) {
		out = append(out, &doc{slug: f.Slug, file: f.Path, doc: f.Doc})
	}
	return out
}

// DateString returns a front-matter date as YYYY-MM-DD ("" when absent).
// YAML gives unquoted dates as time.Time and quoted ones as strings.
func DateString(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case time.Time:
		return t.Format(time.DateOnly)
	case string:
		return t
	default:
		return fmt.Sprint(t)
	}
}
