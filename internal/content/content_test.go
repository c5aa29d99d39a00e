package content

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/redcross-no/familieinnvandring/internal/siteconfig"
)

func TestReadOnce(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"content/nb/_index.md": "---\ntitle: \"Hjem\"\ndescription: \"d\"\n---\nTekst.\n",
		"content/nb/help.md":   "---\ntitle: \"Hjelp\"\ndescription: \"d\"\n---\nTekst.\n",
		"content/nb/broken.md": "---\ntitle: [\n---\n",
		"content/nb/.swp.md":   "editor file",
		"content/nb/notes.txt": "not a page",
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	cfg := &siteconfig.Config{Default: "nb", Languages: []siteconfig.Language{
		{Code: "nb", ContentDir: "content/nb"}, {Code: "en", ContentDir: "content/en"},
	}}
	s, err := Read(root, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, f := range s.Dir("content/nb") {
		slugs = append(slugs, f.Slug)
	}
	if len(slugs) != 3 || slugs[0] != "_index" || slugs[1] != "broken" || slugs[2] != "help" {
		t.Errorf("content/nb has %v, want [_index broken help]", slugs)
	}
	if f := s.File("content/nb/broken.md"); f == nil || f.Err == nil || f.Doc != nil {
		t.Errorf("broken.md: %+v, want a front-matter error and no doc", f)
	}
	if f := s.File("content/nb/help.md"); f == nil || f.Doc.String("title") != "Hjelp" || f.Lang != "nb" {
		t.Errorf("help.md: %+v", f)
	}
	if len(s.Dir("content/en")) != 0 {
		t.Errorf("a missing language folder has pages: %v", s.Dir("content/en"))
	}
}
