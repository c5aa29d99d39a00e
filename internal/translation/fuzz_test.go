package translation

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/redcross-no/familieinnvandring/internal/frontmatter"
)

// FuzzNormalise: what editors and operating systems change without changing
// the text never changes the source hash: CRLF line ends, spaces at line
// ends, more blank lines between paragraphs, space around the title.
func FuzzNormalise(f *testing.F) {
	f.Add("Hjelp", "Alle hjelpetilbud", "## Tittel\n\nTekst her.\n\n- en\n- to\n")
	f.Add("T", "", "a  \n\n\n\nb\t\n")
	f.Add(" x ", "y", "")
	f.Fuzz(func(t *testing.T, title, desc, body string) {
		want := Normalise(title, desc, body)
		if !strings.HasSuffix(want, "\n") || !strings.HasPrefix(want, "title: ") {
			t.Fatalf("normalised text has the wrong shape: %q", want)
		}
		same := map[string]string{
			"spaces around the title": Normalise(" "+title+"\t", desc+" ", body),
			"more blank lines":        Normalise(title, desc, strings.ReplaceAll(body, "\n\n", "\n\n\n")),
			"space around the body":   Normalise(title, desc, "\n \n"+body+"\n\n"),
		}
		if !strings.Contains(body, "\r") { // a lone CR is a line end of its own
			same["CRLF line ends"] = Normalise(title, desc, strings.ReplaceAll(body, "\n", "\r\n"))
			same["trailing spaces"] = Normalise(title, desc, strings.ReplaceAll(body, "\n", " \t\n"))
		}
		for what, got := range same {
			if got != want {
				t.Errorf("%s changed the text:\n%q\n%q", what, want, got)
			}
		}
		if h := Hash(want); !ValidHash(h) {
			t.Fatalf("Hash gave %q", h)
		}
	})
}

// FuzzSetFields: setting a front-matter field gives a file that still parses,
// with the field's value as given, and leaves the body byte for byte as it was.
func FuzzSetFields(f *testing.F) {
	f.Add([]byte("---\ntitle: \"Help\"\ndescription: \"x\"\n---\nText.\n"), "source_hash", "0123456789ab")
	f.Add([]byte("---\ntitle: \"Help\"\ntranslator: Old\n  continued\n---\nText.\n"), "translator", "Ny Navnesen")
	f.Add([]byte("+++\ntitle = \"Help\"\n+++\nText.\n"), "translated", "2026-11-21")
	f.Add([]byte("---\r\ntitle: x\r\n---\r\nText.\r\n"), "translation", "machine")
	f.Fuzz(func(t *testing.T, src []byte, key, value string) {
		if !validKey(key) || !utf8.ValidString(value) {
			return
		}
		before, err := frontmatter.Parse(src)
		if err != nil || indentedTop(before.Raw) {
			return
		}
		out, err := SetFields(src, []Field{{Key: key, Value: value, Quote: true}})
		if err != nil {
			return // refusing is fine; writing a broken file is not
		}
		after, err := frontmatter.Parse(out)
		if err != nil {
			t.Fatalf("result does not parse: %v\n%s", err, out)
		}
		if got, ok := after.Params[key].(string); !ok || got != value {
			t.Fatalf("%s = %#v after setting %q\n%s", key, after.Params[key], value, out)
		}
		if !bytes.Equal(before.Body, after.Body) {
			t.Fatalf("body changed:\n%q\n%q", before.Body, after.Body)
		}
	})
}

// indentedTop reports front matter whose first key is indented: valid YAML,
// but no page is written so, and a key added at the left margin would not
// join its mapping.
func indentedTop(raw []byte) bool {
	for _, l := range bytes.Split(raw, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			return l[0] == ' ' || l[0] == '\t'
		}
	}
	return false
}

// validKey is a key the tool writes: lower-case letters and underscores.
func validKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if (r < 'a' || r > 'z') && r != '_' {
			return false
		}
	}
	return true
}
