package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"github.com/redcross-no/familieinnvandring/internal/testenv"
)

// notoDir is where Debian installs the Noto fonts: those of a current Android
// phone (Roboto aside, whose Latin, Greek and Cyrillic Noto Sans also has).
const notoDir = "/usr/share/fonts/truetype/noto"

// androidFontPackages are the Debian packages with those fonts, each with a
// file that tells whether it is installed. .ci/run installs them too.
var androidFontPackages = []struct{ pkg, file string }{
	{"fonts-noto-core", notoDir + "/NotoSansEthiopic-Regular.ttf"},
	{"fonts-noto-ui-core", notoDir + "/NotoSansTamilUI-Regular.ttf"},
}

// androidFontConfig installs the Noto fonts when missing and writes a
// fontconfig file that gives Chromium those fonts and no others (no DejaVu,
// Liberation or Droid fallback from the test machine), so that a page shows
// what it shows on a phone. It returns the file, for FONTCONFIG_FILE.
func androidFontConfig(t *testing.T, dir string) string {
	t.Helper()
	for _, p := range androidFontPackages {
		testenv.Package(t, p.pkg, p.file)
	}
	conf := filepath.Join(dir, "fonts.conf")
	xml := `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>` + notoDir + `</dir>
  <cachedir>` + filepath.Join(dir, "fontconfig-cache") + `</cachedir>
  <!-- A family the set does not have (system-ui, Segoe UI…) falls back to
       sans-serif, which is Noto Sans, as Android's is Roboto. -->
  <match target="pattern">
    <test qual="all" name="family" compare="not_eq"><string>sans-serif</string></test>
    <test qual="all" name="family" compare="not_eq"><string>serif</string></test>
    <test qual="all" name="family" compare="not_eq"><string>monospace</string></test>
    <edit name="family" mode="append_last"><string>sans-serif</string></edit>
  </match>
  <alias><family>sans-serif</family><prefer><family>Noto Sans</family></prefer></alias>
  <alias><family>sans</family><prefer><family>Noto Sans</family></prefer></alias>
  <alias><family>system-ui</family><prefer><family>Noto Sans</family></prefer></alias>
  <alias><family>serif</family><prefer><family>Noto Serif</family></prefer></alias>
  <alias><family>monospace</family><prefer><family>Noto Mono</family></prefer></alias>
</fontconfig>
`
	if err := os.WriteFile(conf, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	return conf
}

// face is one font file, with the names Chromium reports for it.
type face struct {
	file           string
	family, ps     string
	font           *sfnt.Font
	mu             sync.Mutex
	buf            sfnt.Buffer
	covered, blank map[rune]bool
}

// has reports whether the font maps r to a glyph (its cmap), remembering
// answers: pages repeat their characters.
func (f *face) has(r rune) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.covered[r] {
		return true
	}
	if f.blank[r] {
		return false
	}
	i, err := f.font.GlyphIndex(&f.buf, r)
	ok := err == nil && i != 0
	if ok {
		f.covered[r] = true
	} else {
		f.blank[r] = true
	}
	return ok
}

// fontIndex finds a font file by the names Chromium reports.
type fontIndex struct {
	byPS     map[string]*face
	byFamily map[string][]*face
	faces    []*face // Noto Sans first: most characters are in it

	mu      sync.Mutex
	covered map[rune]bool // answers of any
}

var (
	fontsOnce sync.Once
	fonts     *fontIndex
	fontsErr  error
)

// androidFonts reads the name and cmap tables of every font in notoDir.
func androidFonts(t *testing.T) *fontIndex {
	t.Helper()
	fontsOnce.Do(func() { fonts, fontsErr = loadFonts(notoDir) })
	if fontsErr != nil {
		t.Fatal(fontsErr)
	}
	return fonts
}

func loadFonts(dir string) (*fontIndex, error) {
	idx := &fontIndex{byPS: map[string]*face{}, byFamily: map[string][]*face{}, covered: map[rune]bool{}}
	files, err := filepath.Glob(filepath.Join(dir, "*.[ot]tf"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no fonts in %s: %v", dir, err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		f, err := sfnt.Parse(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		var buf sfnt.Buffer
		fc := &face{file: file, font: f, covered: map[rune]bool{}, blank: map[rune]bool{}}
		fc.ps, _ = f.Name(&buf, sfnt.NameIDPostScript)
		for _, id := range []sfnt.NameID{sfnt.NameIDFamily, sfnt.NameIDTypographicFamily} {
			if name, err := f.Name(&buf, id); err == nil && name != "" {
				if fc.family == "" {
					fc.family = name
				}
				idx.byFamily[strings.ToLower(name)] = append(idx.byFamily[strings.ToLower(name)], fc)
			}
		}
		if fc.ps != "" {
			idx.byPS[fc.ps] = fc
		}
		if fc.ps == "NotoSans-Regular" {
			idx.faces = append([]*face{fc}, idx.faces...)
		} else {
			idx.faces = append(idx.faces, fc)
		}
	}
	return idx, nil
}

// lookup returns the files behind a font Chromium reports: the face with its
// PostScript name, or else every face of its family.
func (x *fontIndex) lookup(family, ps string) []*face {
	if f, ok := x.byPS[ps]; ok {
		return []*face{f}
	}
	return x.byFamily[strings.ToLower(family)]
}

// any reports whether some font of the set has a glyph for r: Chromium's
// fallback then finds it.
func (x *fontIndex) any(r rune) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	if ok, known := x.covered[r]; known {
		return ok
	}
	ok := false
	for _, f := range x.faces {
		if f.has(r) {
			ok = true
			break
		}
	}
	x.covered[r] = ok
	return ok
}

// needsGlyph reports whether a character is drawn: spaces, controls and the
// invisible format characters (joiners, direction marks, soft hyphen,
// variation selectors) need no glyph of their own.
func needsGlyph(r rune) bool {
	switch {
	case unicode.IsSpace(r), unicode.IsControl(r), unicode.In(r, unicode.Cf, unicode.Variation_Selector):
		return false
	}
	return true
}
