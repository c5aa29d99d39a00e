package campaign

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzQRSVG: every QR code is well-formed XML whose title is the encoded text,
// with one white square and one dark path, and no style or script (the CSP
// would refuse them).
func FuzzQRSVG(f *testing.F) {
	f.Add("https://www.dinerettigheter.no/prs/female-genital-mutilation/")
	f.Add("https://www.dinerettigheter.no/go/help")
	f.Add(`https://example.org/?a=1&b="2"<3>`)
	f.Fuzz(func(t *testing.T, text string) {
		// Addresses are what the site encodes: printable text, no control characters.
		if !utf8.ValidString(text) || strings.ContainsFunc(text, func(r rune) bool { return !unicode.IsPrint(r) }) {
			return
		}
		svg, err := QRSVG(text)
		if err != nil {
			return // too long for a QR code
		}
		if bytes.Contains(svg, []byte("<style")) || bytes.Contains(svg, []byte("<script")) || bytes.Contains(svg, []byte("style=")) {
			t.Fatalf("style or script in %s", svg)
		}
		d := xml.NewDecoder(bytes.NewReader(svg))
		var title strings.Builder
		inTitle := false
		elements := map[string]int{}
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("not well-formed XML: %v\n%s", err, svg)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				elements[tok.Name.Local]++
				inTitle = tok.Name.Local == "title"
			case xml.EndElement:
				inTitle = false
			case xml.CharData:
				if inTitle {
					title.Write(tok)
				}
			}
		}
		if title.String() != text {
			t.Fatalf("title %q, encoded %q", title.String(), text)
		}
		if elements["svg"] != 1 || elements["rect"] != 1 || elements["path"] != 1 {
			t.Fatalf("elements %v", elements)
		}
	})
}
