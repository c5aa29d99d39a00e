package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// unfilledEra is a date with a pattern letter left in it, as Hugo's Thai
// long-date pattern prints the era: "29 พฤศจิกายน G 2026".
var unfilledEra = regexp.MustCompile(`\d [\p{L}\p{M}]+ G \d{4}`)

// TestDatesReadAsDates: every date a reader sees (checked, last reviewed,
// changed on, published) is a date in her language, with no pattern letter
// left over, in every language the site has.
func TestDatesReadAsDates(t *testing.T) {
	dir := builtSite(t)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if m := unfilledEra.Find(b); m != nil {
			rel, _ := filepath.Rel(dir, p)
			t.Errorf("%s: date %q has a pattern letter in it (layouts/_partials/funcs/date.html)", rel, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
