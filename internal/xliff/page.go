package xliff

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
	"github.com/redcross-no/familieinnvandring/internal/translation"
)

// frontMatterKeys are the front-matter texts a reader sees, in the order
// the units list them.
var frontMatterKeys = []string{"title", "linkTitle", "tabTitle", "description"}

// page is one source page with its translation, cut into units.
type page struct {
	slug          string
	srcFile, file string // content/nb/stay.md, content/ar/stay.md
	src           *frontmatter.Doc
	doc           *frontmatter.Doc // nil when the translation is missing
	raw           []byte           // the translation file as it is
	srcBlocks     []Block
	blocks        []Block
	aligned       bool   // the translation has its source's blocks, one for one
	hash          string // the current source version
	units         []*Unit
	current       map[string]string // unit id → the translation's Markdown now
	block         map[string]int    // unit id → index in blocks
	codes         map[string]codeTable
}

// loadPage reads a source page and its translation (missing: doc nil).
func loadPage(root, slug, srcFile, file string) (*page, error) {
	srcRaw, err := os.ReadFile(filepath.Join(root, srcFile))
	if err != nil {
		return nil, err
	}
	src, err := frontmatter.Parse(srcRaw)
	if err != nil {
		return nil, fmt.Errorf("%s: %v: run site check", srcFile, err)
	}
	p := &page{slug: slug, srcFile: srcFile, file: file, src: src, current: map[string]string{}, block: map[string]int{}, codes: map[string]codeTable{}}
	p.hash = translation.Hash(translation.Normalise(src.String("title"), src.String("description"), string(src.Body)))
	p.srcBlocks = Blocks(src.Body)
	if raw, err := os.ReadFile(filepath.Join(root, file)); err == nil {
		doc, err := frontmatter.Parse(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %v: run site check", file, err)
		}
		p.raw, p.doc = raw, doc
		p.blocks = Blocks(doc.Body)
		p.aligned = slices.EqualFunc(p.srcBlocks, p.blocks, func(a, b Block) bool { return a.Kind == b.Kind && a.Level == b.Level })
	} else if !os.IsNotExist(err) {
		return nil, err
	}
	for _, k := range frontMatterKeys {
		v := strings.TrimSpace(src.String(k))
		if v == "" {
			continue
		}
		u := &Unit{ID: k, Restype: "x-" + strings.ToLower(k), Source: plain(v), Hash: UnitHash(v)}
		p.units = append(p.units, u)
		if p.doc != nil {
			if t := strings.TrimSpace(p.doc.String(k)); t != "" {
				u.Target = plain(t)
				p.current[k] = t
			}
		}
	}
	for i, b := range p.srcBlocks {
		if !b.Translatable() {
			continue
		}
		md := string(src.Body[b.Start:b.End])
		u := &Unit{ID: fmt.Sprintf("b%d", i+1), Restype: "x-" + b.Kind, Source: ParseInline(md), Hash: UnitHash(md)}
		p.units = append(p.units, u)
		tr := ""
		if p.aligned {
			t := p.blocks[i]
			tr = string(p.doc.Body[t.Start:t.End])
			p.current[u.ID] = tr
			p.block[u.ID] = i
		}
		if tr != "" {
			u.Target = matchIDs(u.Source, ParseInline(tr))
		}
		p.codes[u.ID] = newCodeTable(u.Source, u.Target)
	}
	return p, nil
}

// plain is a front-matter text as a segment: it is not Markdown.
func plain(s string) Segment { return Segment{{Kind: Text, Native: s}} }

// code is what a protected element stands for in one unit.
type code struct {
	kind   PartKind // Open (a <g>), Ph or X
	ctype  string
	native string // Ph, X: the Markdown; Open: the opening syntax
	close  string // Open: the closing syntax
	source bool   // the source has it: a target must keep it
}

type codeTable map[string]*code

// newCodeTable lists a unit's elements: the source's, with the syntax the
// translation writes them in where it has them (its own link title, its
// own ** or __), and those only the translation has.
func newCodeTable(src, tr Segment) codeTable {
	t := codeTable{}
	add := func(s Segment, source bool) {
		for _, p := range s {
			switch p.Kind {
			case Open, Ph, X:
				c := &code{kind: p.Kind, ctype: p.Ctype, native: p.Native, source: source}
				if old := t[p.ID]; old != nil {
					c.source = old.source
				}
				t[p.ID] = c
			case Close:
				if c := t[p.ID]; c != nil {
					c.close = p.Native
				}
			}
		}
	}
	add(src, true)
	add(tr, false)
	return t
}

// matchIDs numbers the elements of a translation's segment as the source's
// elements they stand for: the same link target, the same shortcode, the
// same kind of emphasis, in order. An element the source lacks gets an id
// of its own (t1, t2, …).
func matchIDs(src, tr Segment) Segment {
	used := map[string]bool{}
	extra := 0
	renamed := map[string]string{}
	out := make(Segment, len(tr))
	for i, p := range tr {
		out[i] = p
		switch p.Kind {
		case Open, Ph, X:
			key := codeKey(tr, i)
			id := ""
			for j := range src {
				if k := src[j].Kind; (k == Open || k == Ph || k == X) && !used[src[j].ID] && codeKey(src, j) == key {
					id = src[j].ID
					break
				}
			}
			if id == "" {
				extra++
				id = fmt.Sprintf("t%d", extra)
			}
			used[id] = true
			renamed[p.ID] = id
			out[i].ID = id
		case Close:
			out[i].ID = renamed[p.ID]
		}
	}
	return out
}

// codeKey is what makes two elements the same for matchIDs.
func codeKey(s Segment, i int) string {
	p := s[i]
	switch p.Kind {
	case Ph:
		return "ph " + p.Ctype + " " + strings.Join(strings.Fields(p.Native), " ")
	case X:
		return "x " + p.Ctype
	}
	if p.Ctype != "link" {
		return "g " + p.Ctype
	}
	for _, q := range s[i+1:] {
		if q.Kind == Close && q.ID == p.ID {
			return "g link " + linkTarget(q.Native)
		}
	}
	return "g link"
}

// linkTarget is the address of "](/stay/#x "title")" without its #fragment,
// which names a heading whose id is translated (as the structure guard).
func linkTarget(close string) string {
	d := strings.TrimSuffix(strings.TrimPrefix(close, "]("), ")")
	d = strings.TrimSpace(d)
	if i := strings.IndexAny(d, " \t\n"); i >= 0 {
		d = d[:i]
	}
	if !strings.Contains(d, ":") {
		if i := strings.IndexByte(d, '#'); i > 0 {
			d = d[:i]
		}
	}
	return d
}
