package content

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

// TestReaderRereadsOnlyChangedFiles: `site serve` reads the content after
// every save; what changed on disk is read again, what did not is the same
// File, and a removed file is gone.
func TestReaderRereadsOnlyChangedFiles(t *testing.T) {
	root := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/nb/help.md", "---\ntitle: \"Hjelp\"\n---\nTekst.\n")
	write("content/nb/stay.md", "---\ntitle: \"Opphold\"\n---\nTekst.\n")
	write("content/en/help.md", "---\ntitle: \"Help\"\n---\nText.\n")
	cfg := &siteconfig.Config{Default: "nb", Languages: []siteconfig.Language{
		{Code: "nb", ContentDir: "content/nb"}, {Code: "en", ContentDir: "content/en"},
	}}
	var r Reader
	first, err := r.Read(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// The same size: only the modification time tells.
	write("content/nb/help.md", "---\ntitle: \"Hjelq\"\n---\nTekst.\n")
	future := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(root, "content/nb/help.md"), future, future); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(root, "content/en/help.md")); err != nil {
		t.Fatal(err)
	}
	second, err := r.Read(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := second.File("content/nb/help.md").Doc.String("title"); got != "Hjelq" {
		t.Errorf("the changed file's title is %q, want the new one, %q", got, "Hjelq")
	}
	if second.File("content/nb/stay.md") != first.File("content/nb/stay.md") {
		t.Errorf("an unchanged file was read again")
	}
	if f := second.File("content/en/help.md"); f != nil || len(second.Dir("content/en")) != 0 {
		t.Errorf("a removed file is still there: %+v", f)
	}
	if got := second.Dir("content/nb"); len(got) != 2 || got[0].Slug != "help" || got[1].Slug != "stay" {
		t.Errorf("content/nb after the change: %v", got)
	}
}
