package netlify

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// FuzzParseRedirects: an error names a line of the file; rules that parse
// are written back by WriteRedirects as a file that parses to the same rules.
func FuzzParseRedirects(f *testing.F) {
	f.Add([]byte("/go/help  /nb/help/  302  Language=nb,nn\n/*  /nb/404.html  404\n"))
	f.Add([]byte("# comment\n\n/old /new 301!\n/x /y Country=no\n"))
	f.Add([]byte("/only-one-field\n"))
	f.Add([]byte("/a /b three\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rules, err := ParseRedirects("_redirects", b)
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) {
				return // a line longer than the scanner's buffer
			}
			if lines := bytes.Count(b, []byte("\n")) + 1; le.Line < 1 || le.Line > lines {
				t.Fatalf("error on line %d of %d: %v", le.Line, lines, err)
			}
			return
		}
		var out bytes.Buffer
		if err := WriteRedirects(&out, "generated", rules); err != nil {
			t.Fatal(err)
		}
		again, err := ParseRedirects("_redirects", out.Bytes())
		if err != nil {
			t.Fatalf("written rules do not parse: %v\n%s", err, out.Bytes())
		}
		if len(rules) == 0 && len(again) == 0 {
			return
		}
		if len(rules) != len(again) {
			t.Fatalf("round trip gave %d rules for %d:\n%s", len(again), len(rules), out.Bytes())
		}
		for i := range rules {
			rules[i].Line, again[i].Line = 0, 0 // where a rule was written is not part of it
		}
		if !reflect.DeepEqual(rules, again) {
			t.Fatalf("round trip changed the rules:\n%#v\n%#v\n%s", rules, again, out.Bytes())
		}
	})
}
