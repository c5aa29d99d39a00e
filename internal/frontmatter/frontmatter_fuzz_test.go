package frontmatter

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: Parse never panics, every error it returns is an *Error on a
// line of the file, and a parsed file splits into front matter and a body
// that is the end of the file, with every key on a line of the front matter.
func FuzzParse(f *testing.F) {
	pages, _ := filepath.Glob("../../content/*/*.md")
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("---\ntitle: \"x\"\ndescription: \"y\"\n---\nText.\n"))
	f.Add([]byte("+++\ntitle = \"x\"\n+++\n"))
	f.Add([]byte("---\ntitle: a: b\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		doc, err := Parse(src)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T) is not an *Error", err, err)
			}
			if fe.Line < 1 || fe.Line > lines {
				t.Fatalf("error on line %d of a %d-line file: %v", fe.Line, lines, err)
			}
			if fe.Msg == "" {
				t.Fatal("error without a message")
			}
			return
		}
		if !bytes.HasSuffix(src, doc.Body) {
			t.Fatal("body is not the end of the file")
		}
		if doc.BodyLine < 3 || doc.BodyLine > lines+1 {
			t.Fatalf("body starts on line %d of a %d-line file", doc.BodyLine, lines)
		}
		// An empty body after a closing line without a newline has no line of its own.
		if got := bytes.Count(src[:len(src)-len(doc.Body)], []byte("\n")) + 1; got != doc.BodyLine && len(doc.Body) > 0 {
			t.Fatalf("BodyLine %d, but the body starts on line %d", doc.BodyLine, got)
		}
		for k, l := range doc.KeyLines {
			if l < 2 || l >= doc.BodyLine {
				t.Fatalf("key %q on line %d, outside the front matter (lines 2–%d)", k, l, doc.BodyLine-2)
			}
		}
	})
}
