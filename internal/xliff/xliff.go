// Package xliff writes a language's pages and interface text as one XLIFF
// 1.2 file for reviewers' translation tools (Weblate, OmegaT, memoQ, Trados
// read 1.2; Weblate reads no 2.0), and writes the reviewed targets back.
//
// A page is one <file> (its slug as original), each block the structure
// guard knows is one <trans-unit>: the front-matter texts, then every
// heading, paragraph, list item and table cell. Inline Markdown a translator
// must not break is protected the way XLIFF does it (Segment): links and
// emphasis as <g>, shortcodes and code as <ph>, hard line breaks as <x/>.
// Each unit's notes carry the glossary names it must keep and the hash of
// its Norwegian text, so an import can tell that the source changed.
package xliff

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Namespace is the XLIFF 1.2 namespace.
const Namespace = "urn:oasis:names:tc:xliff:document:1.2"

// I18nOriginal is the original of the <file> that holds i18n/<lang>.toml.
const I18nOriginal = "i18n"

// States of a target, as XLIFF 1.2 names them.
const (
	StateMachine = "needs-review-translation" // machine translation, or the source changed since
	StateHuman   = "translated"
	StateFinal   = "final" // reviewed
	StateNone    = "needs-translation"
)

// Unit is one trans-unit.
type Unit struct {
	ID      string
	Restype string // x-title, x-heading, x-paragraph, x-item, x-cell, x-string
	Source  Segment
	Target  Segment // nil: no target yet
	State   string
	Notes   []string // glossary names to keep, for the translator
	Hash    string   // of the source Markdown (UnitHash)
}

// File is one <file>: a page or the interface text.
type File struct {
	Original string
	Note     string // for the translator: which file, which source version
	Hash     string // the source version of the page ("" for i18n)
	Units    []*Unit
}

// UnitHash is the short hash of a unit's Norwegian Markdown.
func UnitHash(source string) string {
	sum := sha256.Sum256([]byte(source))
	return hex.EncodeToString(sum[:])[:12]
}

const hashNote = "source-hash: "

// WriteXLIFF writes an XLIFF 1.2 document.
func WriteXLIFF(source, target string, files []*File) ([]byte, error) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<xliff version="1.2" xmlns="` + Namespace + `">` + "\n")
	for _, f := range files {
		datatype := "x-markdown"
		if f.Original == I18nOriginal {
			datatype = "plaintext"
		}
		fmt.Fprintf(&b, ` <file original="%s" source-language="%s" target-language="%s" datatype="%s">`+"\n", attr(f.Original), attr(source), attr(target), datatype)
		b.WriteString("  <header>\n")
		b.WriteString(`   <tool tool-id="site" tool-name="site xliff"/>` + "\n")
		if f.Note != "" {
			fmt.Fprintf(&b, "   <note from=\"site\">%s</note>\n", esc(f.Note))
		}
		if f.Hash != "" {
			fmt.Fprintf(&b, "   <note from=\"site\">%s%s</note>\n", hashNote, f.Hash)
		}
		b.WriteString("  </header>\n  <body>\n")
		for _, u := range f.Units {
			approved := ""
			if u.State == StateFinal {
				approved = ` approved="yes"`
			}
			fmt.Fprintf(&b, `   <trans-unit id="%s" restype="%s" xml:space="preserve"%s>`+"\n", attr(u.ID), attr(u.Restype), approved)
			b.WriteString(`    <source xml:lang="` + attr(source) + `">`)
			if err := writeSegment(&b, u.Source); err != nil {
				return nil, fmt.Errorf("%s, %s: %w", f.Original, u.ID, err)
			}
			b.WriteString("</source>\n")
			if u.Target != nil {
				fmt.Fprintf(&b, `    <target xml:lang="%s" state="%s">`, attr(target), attr(u.State))
				if err := writeSegment(&b, u.Target); err != nil {
					return nil, fmt.Errorf("%s, %s: %w", f.Original, u.ID, err)
				}
				b.WriteString("</target>\n")
			}
			for _, n := range u.Notes {
				from := "site"
				if strings.HasPrefix(n, "glossary:") {
					from = "glossary"
				}
				fmt.Fprintf(&b, "    <note from=\"%s\">%s</note>\n", from, esc(n))
			}
			fmt.Fprintf(&b, "    <note from=\"site\">%s%s</note>\n", hashNote, u.Hash)
			b.WriteString("   </trans-unit>\n")
		}
		b.WriteString("  </body>\n </file>\n")
	}
	b.WriteString("</xliff>\n")
	return []byte(b.String()), nil
}

// writeSegment writes a segment as XLIFF inline content.
func writeSegment(b *strings.Builder, s Segment) error {
	for _, p := range s {
		if err := xmlChars(p.Native); err != nil {
			return err
		}
		switch p.Kind {
		case Text:
			b.WriteString(esc(p.Native))
		case Open:
			fmt.Fprintf(b, `<g id="%s" ctype="%s">`, attr(p.ID), attr(p.Ctype))
		case Close:
			b.WriteString("</g>")
		case Ph:
			fmt.Fprintf(b, `<ph id="%s" ctype="%s">%s</ph>`, attr(p.ID), attr(p.Ctype), esc(p.Native))
		case X:
			fmt.Fprintf(b, `<x id="%s" ctype="%s"/>`, attr(p.ID), attr(p.Ctype))
		}
	}
	return nil
}

// xmlChars refuses what XML 1.0 cannot hold (site check refuses it in
// content too, so this only guards against a file check never saw).
func xmlChars(s string) error {
	for _, r := range s {
		if r == utf8.RuneError || (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF {
			return fmt.Errorf("the text holds %U, which XML cannot carry: remove it (site check names the line)", r)
		}
	}
	return nil
}

// esc escapes text for element content. \r is written as a character
// reference: an XML parser turns a literal \r\n into \n.
func esc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;").Replace(s)
}

func attr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\r", "&#xD;", "\n", "&#xA;", "\t", "&#x9;").Replace(s)
}
