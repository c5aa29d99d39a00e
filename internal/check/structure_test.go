package check

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
)

// structureSource is a small source page; its body starts on line 5.
const structureSource = `## Hvem kan hjelpe?

Ring {{< phone "vo-linjen" >}} eller les om [advokat](/lawyer/) og [hjelp](/help/).

- Du kan ringe hele døgnet.
- Du kan være anonym.
  - Du trenger ikke si navnet ditt.

{{< services "krisesenter" "nav" >}}

Det er gratis.
`

func TestCompareStructure(t *testing.T) {
	tests := []struct {
		name, translation, want string // want "" for the same structure
	}{
		{"same structure", `## Who can help?

Read about [help](/help/) and a [lawyer](/lawyer/), or call {{< phone "vo-linjen" >}}.

- You can call day and night.
- You can be anonymous.
  - You do not have to give your name.

{{< services "krisesenter" "nav" >}}

It is free.
`, ""},
		{"a link to a heading of the translated page", `## Who can help?

Call {{< phone "vo-linjen" >}} or read about a [lawyer](/lawyer/#who-pays) and [help](/help/).

- You can call day and night.
- You can be anonymous.
  - You do not have to give your name.

{{< services "krisesenter" "nav" >}}

It is free.
`, ""},
		{"dropped paragraph", `## Who can help?

Call {{< phone "vo-linjen" >}} or read about a [lawyer](/lawyer/) and [help](/help/).

- You can call day and night.
- You can be anonymous.
  - You do not have to give your name.

{{< services "krisesenter" "nav" >}}
`, `content/en/p.md:13: the source has a paragraph after this (content/nb/p.md:15 "Det er gratis.") that this translation lacks: translate it after this; a translation marked current has every heading, paragraph, list item, link and shortcode of its source`},
		{"dropped nested list item", `## Who can help?

Call {{< phone "vo-linjen" >}} or read about a [lawyer](/lawyer/) and [help](/help/).

- You can call day and night.
- You can be anonymous.

{{< services "krisesenter" "nav" >}}

It is free.
`, `content/en/p.md:12: the source has a list item here (content/nb/p.md:11 "Du trenger ikke si navnet ditt.") that this translation lacks: translate it here; a translation marked current has every heading, paragraph, list item, link and shortcode of its source`},
		{"un-nested list item", `## Who can help?

Call {{< phone "vo-linjen" >}} or read about a [lawyer](/lawyer/) and [help](/help/).

- You can call day and night.
- You can be anonymous.
- You do not have to give your name.

{{< services "krisesenter" "nav" >}}

It is free.
`, `content/en/p.md:11: this is a list item that is not nested where the source has a list item nested 2 deep (content/nb/p.md:11 "Du trenger ikke si navnet ditt."): indent it as the source does`},
		{"heading level", `### Who can help?

Call {{< phone "vo-linjen" >}} or read about a [lawyer](/lawyer/) and [help](/help/).

- You can call day and night.
- You can be anonymous.
  - You do not have to give your name.

{{< services "krisesenter" "nav" >}}

It is free.
`, `content/en/p.md:5: this is a level-3 heading (###) where the source has a level-2 heading (##) (content/nb/p.md:5 "Hvem kan hjelpe?"): start it with ## as the source does`},
		{"dropped phone", `## Who can help?

Call the helpline or read about a [lawyer](/lawyer/) and [help](/help/).

- You can call day and night.
- You can be anonymous.
  - You do not have to give your name.

{{< services "krisesenter" "nav" >}}

It is free.
`, `content/en/p.md:7: the source has {{< phone "vo-linjen" >}} here (content/nb/p.md:7) that this translation lacks: copy it from the source as it is`},
		{"services in another order", `## Who can help?

Call {{< phone "vo-linjen" >}} or read about a [lawyer](/lawyer/) and [help](/help/).

- You can call day and night.
- You can be anonymous.
  - You do not have to give your name.

{{< services "nav" "krisesenter" >}}

It is free.
`, `content/en/p.md:13: this has {{< services "nav" "krisesenter" >}} where the source has {{< services "krisesenter" "nav" >}} (content/nb/p.md:13): copy the source's shortcode as it is`},
		{"dropped services", `## Who can help?

Call {{< phone "vo-linjen" >}} or read about a [lawyer](/lawyer/) and [help](/help/).

- You can call day and night.
- You can be anonymous.
  - You do not have to give your name.

It is free.
`, `content/en/p.md:13: the source has {{< services "krisesenter" "nav" >}} here (content/nb/p.md:13) that this translation lacks: copy it here from the source as it is; a translation marked current has every heading, paragraph, list item, link and shortcode of its source`},
		{"changed link target", `## Who can help?

Call {{< phone "vo-linjen" >}} or read about a [lawyer](/stay/) and [help](/help/).

- You can call day and night.
- You can be anonymous.
  - You do not have to give your name.

{{< services "krisesenter" "nav" >}}

It is free.
`, `content/en/p.md:7: this links to "/stay/" where the source links to "/lawyer/" (content/nb/p.md:7): link to "/lawyer/" as the source does`},
		{"extra paragraph", `## Who can help?

Call {{< phone "vo-linjen" >}} or read about a [lawyer](/lawyer/) and [help](/help/).

- You can call day and night.
- You can be anonymous.
  - You do not have to give your name.

{{< services "krisesenter" "nav" >}}

It is free.

Really.
`, `content/en/p.md:17: this translation has a paragraph here ("Really.") that the source does not have (see content/nb/p.md:15): remove it, or join it to the paragraph next to it if the source has the two as one`},
	}
	src := Body{File: "content/nb/p.md", Text: []byte(structureSource), Line: 5}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if p := CompareStructure(src, Body{File: "content/en/p.md", Text: []byte(tt.translation), Line: 5}); p != nil {
				got = p.String()
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestStructureFindsTheDroppedParagraph: to the structure, paragraphs are
// all alike; names and numbers, which translations keep, and lengths point at
// the one that was dropped.
func TestStructureFindsTheDroppedParagraph(t *testing.T) {
	src := Body{File: "content/nb/p.md", Line: 5, Text: []byte(`UDI avgjør søknaden etter utlendingsloven § 53.

NAV kan hjelpe deg med penger til mat og et sted å bo.

JURK gir gratis juridisk hjelp til kvinner.

Krisesenteret er åpent hele døgnet.
`)}
	tr := Body{File: "content/en/p.md", Line: 5, Text: []byte(`UDI decides the application under section 53 of the Immigration Act.

JURK gives free legal help to women.

The crisis shelter is open day and night.
`)}
	want := `content/en/p.md:7: the source has a paragraph here (content/nb/p.md:7 "NAV kan hjelpe deg med penger til mat og …") that this translation lacks: translate it here; a translation marked current has every heading, paragraph, list item, link and shortcode of its source`
	if p := CompareStructure(src, tr); p == nil || p.String() != want {
		t.Errorf("got  %v\nwant %s", p, want)
	}
}

// TestEveryDroppedBlockIsFound drops each block (heading, paragraph, list
// item, shortcode) of every real translation that has its source's
// structure, and requires the guard to notice, on a line of the file.
func TestEveryDroppedBlockIsFound(t *testing.T) {
	files, _ := filepath.Glob("../../content/*/*.md")
	tried := 0
	for _, file := range files {
		if filepath.Base(filepath.Dir(file)) == "nb" {
			continue
		}
		trText, ok1 := fuzzBody(file)
		srcText, ok2 := fuzzBody(filepath.Join("../../content/nb", filepath.Base(file)))
		if !ok1 || !ok2 {
			continue
		}
		src := Body{File: "nb.md", Text: srcText, Line: 1}
		tr := Body{File: "tr.md", Text: trText, Line: 1}
		if CompareStructure(src, tr) != nil {
			continue // not this test's concern: check reports it when the page is current
		}
		blocks := structureOf(tr)
		for i, b := range blocks {
			// whole lines, from the block's first line to the next block's
			from := bytes.LastIndexByte(trText[:b.off], '\n') + 1
			to := len(trText)
			if i+1 < len(blocks) {
				to = bytes.LastIndexByte(trText[:blocks[i+1].off], '\n') + 1
			}
			if to <= from || (b.kind == kindListItem && i+1 < len(blocks) && blocks[i+1].level > b.level) {
				continue // an item with a nested list: dropping its line re-nests the list
			}
			cut := append(append([]byte{}, trText[:from]...), trText[to:]...)
			p := CompareStructure(src, Body{File: "tr.md", Text: cut, Line: 1})
			if p == nil {
				t.Errorf("%s: dropping line %d (%s) goes unnoticed", file, b.line, b.describe())
				continue
			}
			if last := 1 + bytes.Count(cut, []byte("\n")); p.Line < 1 || p.Line > last {
				t.Errorf("%s: dropping line %d: problem on line %d of %d", file, b.line, p.Line, last)
			}
			tried++
		}
	}
	t.Logf("%d dropped blocks found", tried)
}

// structurePairs adds the bodies of every real translation and its source.
func structurePairs(f *testing.F) {
	files, _ := filepath.Glob("../../content/*/*.md")
	for _, file := range files {
		if filepath.Base(filepath.Dir(file)) == "nb" {
			continue
		}
		tr, ok1 := fuzzBody(file)
		src, ok2 := fuzzBody(filepath.Join("../../content/nb", filepath.Base(file)))
		if ok1 && ok2 {
			f.Add(src, tr)
		}
	}
}

func fuzzBody(file string) ([]byte, bool) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, false
	}
	doc, err := frontmatter.Parse(b)
	if err != nil {
		return nil, false
	}
	return doc.Body, true
}

// FuzzCompareStructure: the guard never panics, a text has the structure of
// itself, the answer does not depend on which text is the source, and a
// difference names a line of the translation.
func FuzzCompareStructure(f *testing.F) {
	structurePairs(f)
	f.Add([]byte(structureSource), []byte("## x\n\n{{< phone \"vo-linjen\" >}}\n\n| a | {{< phone \"x\" >}} |\n|---|---|\n| [b](/c/) | |\n\n---\n\n    code\n"))
	f.Add([]byte("- {{< phone \"a\" >}}\n-\n  1. x\n"), []byte("{{< phone\n\"a\" >}} {{</* x */>}} {{% y %}}\n<div>{{< z >}}</div>"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		const line = 7
		src := Body{File: "s.md", Text: a, Line: line}
		tr := Body{File: "t.md", Text: b, Line: line}
		if p := CompareStructure(src, Body{File: "t.md", Text: a, Line: line}); p != nil {
			t.Fatalf("a text differs from itself: %s", p)
		}
		p := CompareStructure(src, tr)
		if back := CompareStructure(tr, src); (p == nil) != (back == nil) {
			t.Fatalf("a→b %v, b→a %v", p, back)
		}
		if p == nil {
			return
		}
		last := line + bytes.Count(b, []byte("\n"))
		if p.File != "t.md" || p.Line < line || p.Line > last {
			t.Fatalf("problem at %s:%d, the translation is lines %d–%d: %s", p.File, p.Line, line, last, p)
		}
		if utf8.Valid(a) && utf8.Valid(b) && !utf8.ValidString(p.Msg) {
			t.Fatalf("message is not valid UTF-8: %q", p.Msg)
		}
	})
}
