package xliff

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/redcross-no/familieinnvandring/internal/check"
	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
	"github.com/redcross-no/familieinnvandring/internal/translation"
)

// Options are the choices of an import.
type Options struct {
	Reviewer string // who reviewed the pages whose units are all final
	Date     string // YYYY-MM-DD, for translation_date
}

// Write is one file an import writes, relative to the site root.
type Write struct {
	File string
	Data []byte
}

// Result is what an import would write, and what to tell the user. Import
// writes nothing itself: the caller writes Writes only when there was no
// error, so a refused file leaves the site as it was.
type Result struct {
	Lang     string
	Writes   []Write
	Messages []string
}

var hashRE = regexp.MustCompile(`source-hash:\s*([0-9a-f]{12})`)

// Import reads an XLIFF file (name is for messages) and works out the new
// content of the pages and the interface text it translates.
func Import(root string, cfg *siteconfig.Config, name string, data []byte, o Options) (*Result, error) {
	doc, err := parseDOM(name, data)
	if err != nil {
		return nil, err
	}
	at := func(n *node, format string, args ...any) error {
		return &Error{name, n.line, fmt.Sprintf(format, args...)}
	}
	if doc.name != "xliff" || doc.attrs["version"] != "1.2" {
		return nil, at(doc, "this is not an XLIFF 1.2 file (<%s version=%q>): import the file that site xliff export wrote, after the translation tool saved it", doc.name, doc.attrs["version"])
	}
	res := &Result{}
	var reviewedAt *node
	reviewed := 0
	for _, f := range doc.elements("file") {
		if sl := f.attrs["source-language"]; !sameLang(sl, cfg.Default) {
			return nil, at(f, "the source language of this file is %q, but the site's source is %q: export again with site xliff export", sl, cfg.Default)
		}
		tl := f.attrs["target-language"]
		if res.Lang == "" {
			if _, ok := cfg.Language(tl); !ok || tl == cfg.Default {
				return nil, at(f, "target-language %q is not a translation of this site (use one of %s): export the file again for the right language", tl, strings.Join(translations(cfg), ", "))
			}
			res.Lang = tl
		} else if tl != res.Lang {
			return nil, at(f, "this <file> is for language %q, but the file began with %q: one XLIFF file holds one language", tl, res.Lang)
		}
		body := f.first("body")
		if body == nil {
			return nil, at(f, "this <file> has no <body>: export it again")
		}
		units := body.elements("trans-unit")
		if f.attrs["original"] == I18nOriginal {
			if err := importI18n(root, cfg, name, res, f, units); err != nil {
				return nil, err
			}
			continue
		}
		ok, err := importPage(root, cfg, name, res, f, units, o)
		if err != nil {
			return nil, err
		}
		if ok {
			reviewed++
			if reviewedAt == nil {
				reviewedAt = f
			}
		}
	}
	if res.Lang == "" {
		return nil, at(doc, "the file holds no <file> to import: export it again with site xliff export")
	}
	if reviewed > 0 && o.Reviewer == "" {
		return nil, at(reviewedAt, "%d page(s) have every unit approved, which makes them reviewed: name who reviewed them with --reviewer NAME; nothing was written", reviewed)
	}
	if len(res.Messages) == 0 {
		res.Messages = append(res.Messages, "nothing changed")
	}
	return res, nil
}

func sameLang(a, b string) bool {
	a, _, _ = strings.Cut(strings.ToLower(a), "-")
	a, _, _ = strings.Cut(a, "_")
	return a == strings.ToLower(b)
}

// imported is one trans-unit of the file, read.
type imported struct {
	n      *node
	target *node  // nil: no target
	raw    string // the target as Markdown, exactly as written
	text   string // the same with line breaks made spaces: what is written
	done   bool   // final, signed-off or approved
}

// readUnits checks each trans-unit of a <file> against the current units
// and reads its target.
func readUnits(name, what, lang string, units []*node, current []*Unit, codes map[string]codeTable, outdated string) (map[string]*imported, error) {
	byID := map[string]*Unit{}
	for _, u := range current {
		byID[u.ID] = u
	}
	out := map[string]*imported{}
	for _, n := range units {
		at := func(format string, args ...any) error {
			return &Error{name, n.line, fmt.Sprintf("unit %s of %s: ", n.attrs["id"], what) + fmt.Sprintf(format, args...)}
		}
		id := n.attrs["id"]
		u := byID[id]
		if u == nil {
			return nil, at("the Norwegian text no longer has this unit: %s", outdated)
		}
		hash := ""
		for _, note := range n.elements("note") {
			if m := hashRE.FindStringSubmatch(note.text()); m != nil {
				hash = m[1]
			}
		}
		if hash == "" {
			// The tool dropped the note: compare the source itself.
			if src := n.first("source"); src == nil || strings.TrimSpace(src.text()) != strings.TrimSpace(plainText(u.Source)) {
				return nil, at("its source is not the Norwegian text now: %s", outdated)
			}
		} else if hash != u.Hash {
			return nil, at("the Norwegian text changed since this file was exported: %s", outdated)
		}
		im := &imported{n: n}
		out[id] = im
		t := n.first("target")
		if t == nil || (len(t.items) == 0) {
			continue
		}
		if l := t.attrs["xml:lang"]; l != "" && !sameLang(l, lang) {
			return nil, &Error{name, t.line, fmt.Sprintf("unit %s of %s: the target is in %q, but the file is for %q: one XLIFF file holds one language; export it again", id, what, l, lang)}
		}
		im.target = t
		var err error
		if im.raw, err = targetMarkdown(name, id, what, t, codes[id], false); err != nil {
			return nil, err
		}
		im.text, _ = targetMarkdown(name, id, what, t, codes[id], true)
		state := t.attrs["state"]
		im.done = n.attrs["approved"] == "yes" || state == StateFinal || state == "signed-off"
	}
	return out, nil
}

func plainText(s Segment) string {
	var b strings.Builder
	for _, p := range s {
		if p.Kind == Text {
			b.WriteString(p.Native)
		}
	}
	return b.String()
}

// importPage works out the new content of one page. reviewed: every unit is
// final, so the page becomes `translation: reviewed`.
func importPage(root string, cfg *siteconfig.Config, name string, res *Result, f *node, units []*node, o Options) (reviewed bool, err error) {
	slug := f.attrs["original"]
	src, _ := cfg.Language(cfg.Default)
	tl, _ := cfg.Language(res.Lang)
	at := func(format string, args ...any) error {
		return &Error{name, f.line, fmt.Sprintf(format, args...)}
	}
	srcFile, file := src.ContentDir+"/"+slug+".md", tl.ContentDir+"/"+slug+".md"
	if !validSlug(slug) {
		return false, at("original %q names no page: export the file again", slug)
	}
	if _, err := os.Stat(filepath.Join(root, srcFile)); err != nil {
		return false, at("there is no page %q in %s any more: export the file again with site xliff export %s", slug, src.ContentDir, res.Lang)
	}
	p, err := loadPage(root, slug, srcFile, file)
	if err != nil {
		return false, err
	}
	if p.doc == nil {
		return false, at("%s does not exist: translate %s into it first (site xliff export leaves out pages that are not translated yet)", file, srcFile)
	}
	what := "page " + slug
	outdated := fmt.Sprintf("%s is outdated in this file; run site xliff export %s again and review the new version (the targets you approved are in the tool's translation memory)", srcFile, res.Lang)
	got, err := readUnits(name, what, res.Lang, units, p.units, p.codes, outdated)
	if err != nil {
		return false, err
	}
	for _, n := range f.first("header").notesOrNil() {
		if m := hashRE.FindStringSubmatch(n.text()); m != nil && m[1] != p.hash {
			return false, at("the Norwegian text of %s changed since this file was exported: %s", what, outdated)
		}
	}
	all := true
	for _, u := range p.units {
		im := got[u.ID]
		if im == nil {
			return false, at("%s has a unit %s that this file lacks: %s", srcFile, u.ID, outdated)
		}
		if im.target == nil || !im.done {
			all = false
		}
	}
	// The new texts, unit by unit; unchanged units keep their bytes.
	changed := map[string]string{}
	for _, u := range p.units {
		im := got[u.ID]
		if im.target == nil || im.raw == p.current[u.ID] || strings.TrimSpace(im.text) == p.current[u.ID] {
			continue
		}
		if strings.TrimSpace(im.text) == "" {
			return false, &Error{name, im.target.line, fmt.Sprintf("unit %s of %s: the target is empty: translate it, or leave the unit without a target", u.ID, what)}
		}
		changed[u.ID] = strings.TrimSpace(im.text)
	}
	wasReviewed := p.doc.String(translation.KeyHow) == "reviewed" && p.doc.String(translation.KeyHash) == p.hash
	if len(changed) == 0 && (!all || wasReviewed) {
		return false, nil
	}
	bodyStart := len(p.raw) - len(p.doc.Body)
	body := append([]byte(nil), p.doc.Body...)
	bodyChanged := false
	for id := range changed {
		if strings.HasPrefix(id, "b") {
			bodyChanged = true
		}
	}
	switch {
	case bodyChanged && p.aligned:
		// Replace from the end, so that earlier offsets stay right.
		ids := slices.Collect(func(yield func(string) bool) {
			for id := range changed {
				if strings.HasPrefix(id, "b") && !yield(id) {
					return
				}
			}
		})
		slices.SortFunc(ids, func(a, b string) int { return p.blocks[p.block[b]].Start - p.blocks[p.block[a]].Start })
		for _, id := range ids {
			b := p.blocks[p.block[id]]
			body = slices.Concat(body[:b.Start], []byte(changed[id]), body[b.End:])
		}
	case bodyChanged:
		// The translation's blocks do not match the source's: write the
		// source's body with every block translated.
		body = append([]byte(nil), p.src.Body...)
		for i := len(p.srcBlocks) - 1; i >= 0; i-- {
			b := p.srcBlocks[i]
			if !b.Translatable() {
				continue
			}
			id := fmt.Sprintf("b%d", i+1)
			t, ok := changed[id]
			if !ok {
				return false, at("%s does not have the blocks of %s, and this file does not translate every block (unit %s has no new target): translate them all, or fix %s first (site check names the difference)", file, srcFile, id, file)
			}
			body = slices.Concat(body[:b.Start], []byte(t), body[b.End:])
		}
	}
	out := slices.Concat(p.raw[:bodyStart], body)
	var fields []translation.Field
	for _, k := range frontMatterKeys {
		if t, ok := changed[k]; ok {
			fields = append(fields, translation.Field{Key: k, Value: t, Quote: true})
		}
	}
	if all {
		fields = append(fields,
			translation.Field{Key: translation.KeyHash, Value: p.hash, Quote: true},
			translation.Field{Key: translation.KeyHow, Value: "reviewed"},
			translation.Field{Key: translation.KeyDate, Value: o.Date},
			translation.Field{Key: translation.KeyReviewer, Value: o.Reviewer, Quote: true},
		)
	}
	if len(fields) > 0 {
		if out, err = translation.SetFields(out, fields); err != nil {
			return false, at("%s: %v", file, err)
		}
	}
	// A translation that claims to be current keeps its source's structure;
	// an edited target must not break it (a lost link, a new list item).
	if all || p.doc.String(translation.KeyHash) == p.hash {
		nd, err := frontmatter.Parse(out)
		if err != nil {
			return false, at("%s: %v", file, err)
		}
		if prob := check.CompareStructure(check.Body{File: srcFile, Text: p.src.Body, Line: p.src.BodyLine}, check.Body{File: file, Text: nd.Body, Line: nd.BodyLine}); prob != nil {
			return false, at("the targets would break the structure of %s: %s:%d: %s; fix the target in the tool; nothing was written", file, prob.File, prob.Line, prob.Msg)
		}
	}
	res.Writes = append(res.Writes, Write{file, out})
	msg := fmt.Sprintf("%s: %d unit(s) changed", file, len(changed))
	if all {
		res.Writes = append(res.Writes, Write{translation.Store{}.Path(slug, p.hash), []byte(translation.Normalise(p.src.String("title"), p.src.String("description"), string(p.src.Body)))})
		msg += fmt.Sprintf("; every unit approved: translation: reviewed (reviewer %s, %s)", o.Reviewer, o.Date)
	}
	res.Messages = append(res.Messages, msg)
	return all, nil
}

func (n *node) notesOrNil() []*node {
	if n == nil {
		return nil
	}
	return n.elements("note")
}

var slugRE = regexp.MustCompile(`^(_index|[a-z0-9]+(-[a-z0-9]+)*)$`)

func validSlug(s string) bool { return slugRE.MatchString(s) }

// importI18n works out the new interface text.
func importI18n(root string, cfg *siteconfig.Config, name string, res *Result, f *node, units []*node) error {
	srcPath, path := "i18n/"+cfg.Default+".toml", "i18n/"+res.Lang+".toml"
	src, err := loadI18n(root, srcPath)
	if err != nil {
		return err
	}
	tr, err := loadI18n(root, path)
	if err != nil {
		return err
	}
	current, texts := i18nUnits(src, tr)
	codes := map[string]codeTable{}
	for _, u := range current {
		codes[u.ID] = newCodeTable(u.Source, u.Target)
		if optionalCodes(u.ID) {
			for _, c := range codes[u.ID] {
				c.source = false
			}
		}
	}
	outdated := fmt.Sprintf("%s changed since this file was exported; run site xliff export %s again", srcPath, res.Lang)
	got, err := readUnits(name, "the interface text", res.Lang, units, current, codes, outdated)
	if err != nil {
		return err
	}
	changed := map[string]string{}
	for id, im := range got {
		if im.target != nil && im.raw != texts[id] && strings.TrimSpace(im.text) != texts[id] {
			if strings.TrimSpace(im.text) == "" {
				return &Error{name, im.target.line, fmt.Sprintf("unit %s of the interface text: the target is empty: translate it, or leave the unit without a target", id)}
			}
			changed[id] = strings.TrimSpace(im.text)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	out, err := setI18n(tr, changed)
	if err != nil {
		return &Error{name, f.line, err.Error()}
	}
	res.Writes = append(res.Writes, Write{path, out})
	res.Messages = append(res.Messages, fmt.Sprintf("%s: %d string(s) changed", path, len(changed)))
	return nil
}

var lineBreaks = regexp.MustCompile(`\s*\n\s*`)

// targetMarkdown turns a <target> back into Markdown: the text as the
// translator wrote it, each element as the Markdown it stands for. It
// refuses an element the unit does not have, one whose content was
// altered, and a target that drops or repeats one of the source's.
// collapse makes line breaks in the text spaces: in Markdown a line break
// may start a new block ("- " at a line's start).
func targetMarkdown(name, id, what string, t *node, codes codeTable, collapse bool) (string, error) {
	seen := map[string]int{}
	var walk func(n *node, b *strings.Builder) error
	walk = func(n *node, b *strings.Builder) error {
		for _, it := range n.items {
			switch v := it.(type) {
			case string:
				if collapse {
					v = lineBreaks.ReplaceAllString(v, " ")
				}
				b.WriteString(v)
			case *node:
				at := func(format string, args ...any) error {
					return &Error{name, v.line, fmt.Sprintf("unit %s of %s: ", id, what) + fmt.Sprintf(format, args...)}
				}
				eid := v.attrs["id"]
				c := codes[eid]
				switch v.name {
				case "mrk":
					// Segmentation and comments some tools add: the text counts.
					if err := walk(v, b); err != nil {
						return err
					}
					continue
				case "g", "ph", "x":
				default:
					return at("the target has a <%s>, which this site does not use: keep the <g>, <ph> and <x/> elements of the source as they are", v.name)
				}
				want := map[PartKind]string{Open: "g", Ph: "ph", X: "x"}
				if c == nil || want[c.kind] != v.name {
					return at("the target has <%s id=%q>, which the source of this unit does not have: keep the source's elements, with their ids", v.name, eid)
				}
				seen[eid]++
				switch c.kind {
				case Open:
					var inner strings.Builder
					if err := walk(v, &inner); err != nil {
						return err
					}
					s := inner.String()
					// "** word**" is no emphasis: in an edited target, spaces
					// go outside the markup.
					trimmed := strings.TrimSpace(s)
					lead := s[:strings.Index(s, trimmed)]
					trail := s[len(lead)+len(trimmed):]
					if trimmed == "" || !collapse || c.ctype == "link" {
						lead, trimmed, trail = "", s, ""
					}
					b.WriteString(lead + c.native + trimmed + c.close + trail)
				case Ph:
					if content := v.text(); strings.TrimSpace(content) != "" && content != c.native {
						return at("the target alters protected element %s: it must stay %s, exactly as in the source", eid, c.native)
					}
					b.WriteString(c.native)
				case X:
					b.WriteString(c.native)
				}
			}
		}
		return nil
	}
	var b strings.Builder
	if err := walk(t, &b); err != nil {
		return "", err
	}
	ids := make([]string, 0, len(codes))
	for eid := range codes {
		ids = append(ids, eid)
	}
	slices.Sort(ids)
	for _, eid := range ids {
		c := codes[eid]
		switch {
		case c.source && seen[eid] == 0:
			return "", &Error{name, t.line, fmt.Sprintf("unit %s of %s: the target drops protected element %s (%s): put it back where it belongs in the sentence", id, what, eid, describeCode(c))}
		case seen[eid] > 1:
			return "", &Error{name, t.line, fmt.Sprintf("unit %s of %s: the target has protected element %s (%s) %d times: keep it once, as the source does", id, what, eid, describeCode(c), seen[eid])}
		}
	}
	return b.String(), nil
}

func describeCode(c *code) string {
	switch c.kind {
	case Open:
		if c.ctype == "link" {
			return "the link to " + linkTarget(c.close)
		}
		return c.ctype + " text"
	case X:
		return "a line break"
	}
	return c.native
}
