package sitetest

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
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

// TestSourceYearReadsAsYear: a source dated by its year alone ("2022" in
// data/services.yaml) is shown with the language's sourceYear wording
// ("published in 2022"), never forced into the wording for a day.
func TestSourceYearReadsAsYear(t *testing.T) {
	dir := builtSite(t)
	cfg, err := siteconfig.Load(repo)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range cfg.Languages {
		var table map[string]any
		b, err := os.ReadFile(filepath.Join(repo, "i18n", l.Code+".toml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := toml.Unmarshal(b, &table); err != nil {
			t.Fatalf("i18n/%s.toml: %v", l.Code, err)
		}
		tmpl, _ := table["sourceYear"].(string)
		if !strings.Contains(tmpl, "{{ .Year }}") {
			t.Errorf("i18n/%s.toml: sourceYear %q does not show {{ .Year }}", l.Code, tmpl)
			continue
		}
		want := html.EscapeString(strings.ReplaceAll(tmpl, "{{ .Year }}", "2022"))
		page, err := os.ReadFile(filepath.Join(dir, l.Code, "help", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		// In right-to-left pages the build isolates the year (<bdi>2022</bdi>,
		// internal/publish/isolate.go): the reader sees the same words.
		text := strings.NewReplacer("<bdi>", "", "</bdi>", "").Replace(string(page))
		if !strings.Contains(text, "("+want+")") {
			t.Errorf("%s/help/: the source dated 2022 is not shown as (%s)", l.Code, want)
		}
	}
}
